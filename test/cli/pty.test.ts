/**
 * The prompts in a real pseudo-terminal, through bin/kam.js (needs `npm run build` and python3's
 * pty module): raw mode, Ctrl-C as a key, and the process exiting once the questions are done.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bin, tempWorkspace } from '../helpers.js';
import { keys, type Step } from './terminal.js';

const driver = join(import.meta.dirname, 'pty-driver.py');

function onPty(args: string[], cwd: string, steps: Step[]): { code: number; output: string; unused: Step[] } {
  const spec = { argv: [process.execPath, bin, ...args], cwd, steps, timeout: 20 };
  const r = spawnSync('python3', [driver, JSON.stringify(spec)], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', TERM: 'xterm' } });
  if (r.status !== 0) throw new Error(`pty driver failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

describe('kam new in a pseudo-terminal', () => {
  it('asks, writes, and exits', () => {
    const root = tempWorkspace({ 'kam.yaml': 'version: 1\n' });
    const r = onPty(['new', 'initech'], root, [
      { waitFor: 'Account name', type: `Initech${keys.enter}` },
      { waitFor: 'Industry', type: keys.enter },
      { waitFor: 'Region', type: keys.enter },
      { waitFor: 'Account lead', type: `Wang Lei${keys.enter}` },
      { waitFor: 'Attractiveness', type: keys.enter },
      { waitFor: 'Potential: volume', type: keys.enter },
      { waitFor: 'Potential: margin', type: keys.enter },
      { waitFor: 'Relationship today', type: keys.enter },
    ]);
    expect(r.unused).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.output).toContain('created accounts/initech.yaml');
    expect(parse(readFileSync(join(root, 'accounts/initech.yaml'), 'utf8'))).toEqual({ id: 'initech', name: 'Initech', team: { account_lead: 'Wang Lei' } });
  });

  it('exits 130 on Ctrl-C and leaves no file', () => {
    const root = tempWorkspace({ 'kam.yaml': 'version: 1\n' });
    const r = onPty(['new', 'initech'], root, [
      { waitFor: 'Account name', type: `Initech${keys.enter}` },
      { waitFor: 'Industry', type: keys.ctrlC },
    ]);
    expect(r.unused).toEqual([]);
    expect(r.code).toBe(130);
    expect(r.output).toContain('kam: cancelled; nothing was written');
    expect(existsSync(join(root, 'accounts'))).toBe(false);
  });
});
