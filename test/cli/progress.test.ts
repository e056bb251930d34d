/** Progress on stderr for long work: only on a TTY outside CI, rewritten in place, cleared at the end. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript benchmark helper
import { generate } from '../../bench/generate.js';
import { progressLine, type Io } from '../../src/cli/io.js';
import { repoRoot } from '../helpers.js';

const io = (isTTY: boolean, env: Record<string, string> = {}) => {
  const out = { text: '' };
  const value: Io = { cwd: '/', env, stdout: { write: () => true }, stderr: { write: (s: string) => (out.text += s), isTTY }, today: () => '2026-11-01' };
  return { io: value, out };
};

describe('progressLine', () => {
  it('writes whole-percent steps in place and clears the line at the end', () => {
    const { io: tty, out } = io(true);
    const p = progressLine(tty, 'kam check: loading')!;
    for (let i = 1; i <= 1000; i++) p.update(i, 1000);
    p.end();
    const steps = out.text.split('\r').filter(Boolean);
    expect(steps[0]).toBe('kam check: loading 1/1000');
    expect(steps).toContain('kam check: loading 1000/1000');
    expect(steps.length).toBeLessThanOrEqual(102);
    expect(out.text.endsWith('\r\x1b[K')).toBe(true);
  });

  it('stays silent in a pipe and in CI', () => {
    expect(progressLine(io(false).io, 'x')).toBeUndefined();
    expect(progressLine(io(true, { CI: 'true' }).io, 'x')).toBeUndefined();
  });
});

describe('loading progress', () => {
  it('the parallel loader reports each batch of accounts as it arrives', () => {
    const root = generate(mkdtempSync(join(tmpdir(), 'kam-progress-')), 450) as string;
    const script = `
      const { loadRun } = await import(${JSON.stringify(join(repoRoot, 'dist/pipeline/evaluate.js'))});
      const calls = [];
      await loadRun(${JSON.stringify(root)}, { keep: 'findings', onProgress: (d, t) => calls.push([d, t]) });
      console.log(JSON.stringify(calls));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const calls = JSON.parse(r.stdout) as [number, number][];
    expect(calls.length).toBeGreaterThan(1);
    expect(calls[calls.length - 1]).toEqual([450, 450]);
    expect(calls.every(([, total]) => total === 450)).toBe(true);
  });
});
