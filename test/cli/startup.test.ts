/** `kam --help` and `kam --version` must start fast: no zod, YAML parsers, handlebars or prompts. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, example, repoRoot } from '../helpers.js';

const HEAVY = ['/node_modules/zod/', '/node_modules/yaml/', '/node_modules/js-yaml/', '/node_modules/handlebars/', '/node_modules/@inquirer/', '/node_modules/chalk/', '/node_modules/cli-table3/', '/node_modules/string-width/', '/dist/format/stylish.js'];

function loadedModules(args: string[]): { code: number | null; loaded: string[] } {
  const r = spawnSync(process.execPath, ['--import', join(repoRoot, 'test/support/trace-imports.mjs'), bin, ...args], { encoding: 'utf8' });
  const line = r.stderr.split('\n').find((l) => l.startsWith('LOADED '));
  return { code: r.status, loaded: line ? JSON.parse(line.slice('LOADED '.length)) : [] };
}

describe('start-up', () => {
  for (const args of [['--help'], ['--version'], ['validate', '--help'], ['help', 'check']]) {
    it(`kam ${args.join(' ')} loads no heavy module`, () => {
      const { code, loaded } = loadedModules(args);
      expect(code).toBe(0);
      expect(loaded.length).toBeGreaterThan(0);
      expect(loaded.filter((u) => HEAVY.some((h) => u.includes(h)))).toEqual([]);
    });
  }

  it('the trace sees heavy modules when a command needs them (the check above can fail)', () => {
    const { code, loaded } = loadedModules(['validate', '-C', example]);
    expect(code).toBe(0);
    expect(loaded.some((u) => u.includes('/node_modules/zod/'))).toBe(true);
    expect(loaded.some((u) => u.includes('/node_modules/js-yaml/'))).toBe(true);
  });

  it('prints the package version', () => {
    const r = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('cached help', () => {
  it('dist/help.txt (printed by bin/kam.js without loading commander) is what commander prints', async () => {
    const { readFileSync } = await import('node:fs');
    const { kam } = await import('../helpers.js');
    const live = await kam(['--help']);
    expect(readFileSync(join(repoRoot, 'dist', 'help.txt'), 'utf8')).toBe(live.stdout);
  });
});
