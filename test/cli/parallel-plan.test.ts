/**
 * `kam plan` on a large workspace: the worker threads that loaded the accounts render their plans
 * from templates the main thread compiled. The files must be those one thread writes: the
 * in-process `kam` runs on one thread (no built worker next to the sources), the built CLI on
 * worker threads.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript benchmark helper
import { generate } from '../../bench/generate.js';
import { PARALLEL_FROM } from '../../src/load/pool.js';
import { bin, kam, kamProcess } from '../helpers.js';

const ACCOUNTS = 450;

function sameFiles(a: string, b: string): void {
  const files = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort();
  const listed = files(a);
  expect(files(b)).toEqual(listed);
  for (const file of listed) expect(readFileSync(join(b, file), 'utf8'), file).toBe(readFileSync(join(a, file), 'utf8'));
}

describe('plan on worker threads', () => {
  let root: string;
  let out: string;
  beforeAll(() => {
    expect(ACCOUNTS).toBeGreaterThanOrEqual(PARALLEL_FROM);
    root = generate(mkdtempSync(join(tmpdir(), 'kam-plan-par-')), ACCOUNTS) as string;
    out = mkdtempSync(join(tmpdir(), 'kam-plan-out-'));
  });

  for (const format of ['html', 'md']) {
    it(`writes the ${format} plans one thread writes`, async () => {
      const one = await kam(['plan', root, '--out', join(out, `one-${format}`), '--format', format]);
      const many = kamProcess(['plan', root, '--out', join(out, `many-${format}`), '--format', format]);
      expect(many.code).toBe(1); // the generator makes a few files invalid on purpose
      expect(one.code).toBe(1);
      expect(many.stdout).toMatch(/account plans and the portfolio written/);
      expect(many.stderr).toBe(one.stderr);
      expect(readdirSync(join(out, `many-${format}`, 'accounts')).length).toBeGreaterThan(ACCOUNTS * 0.9);
      sameFiles(join(out, `one-${format}`), join(out, `many-${format}`));
    });
  }

  it('renders only the accounts named', () => {
    const r = kamProcess(['plan', root, 'acct-000002', 'acct-000400', '--out', join(out, 'some'), '--format', 'html']);
    expect(r.stdout).toMatch(/2 account plans written/);
    expect(readdirSync(join(out, 'some', 'accounts')).sort()).toEqual(['acct-000002.html', 'acct-000400.html']);
  });

  it('a template that fails while a worker renders is a one-line template error (exit 2)', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'kam-plan-tpl-'));
    generate(broken, ACCOUNTS);
    mkdirSync(join(broken, 'templates', 'partials'), { recursive: true });
    writeFileSync(join(broken, 'templates', 'partials', 'summary.html.hbs'), '<p>{{t "no.such.label"}}</p>\n');
    const many = kamProcess(['plan', broken, '--out', join(out, 'broken'), '--format', 'html']);
    const one = await kam(['plan', broken, '--out', join(out, 'broken-one'), '--format', 'html']);
    expect(many.code).toBe(2);
    expect(many.stderr).toMatch(/^kam: template error: templates\/partials\/summary\.html\.hbs: unknown label "no\.such\.label"$/m);
    expect(many.stderr).not.toMatch(/crashed|\n\s+at /);
    expect(one.stderr).toMatch(/kam: template error: templates\/partials\/summary\.html\.hbs: unknown label/);
  });

  it('workers started early for a command that then stops do not keep kam running', () => {
    // --sort is checked after the workers are started and before they are used
    const r = spawnSync(process.execPath, [bin, 'score', '-C', root, '--sort', 'nope'], { encoding: 'utf8', timeout: 20_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--sort must be one of/);
    const plan = spawnSync(process.execPath, [bin, 'plan', root, 'no-such-account'], { encoding: 'utf8', timeout: 20_000 });
    expect(plan.status).toBe(2);
    expect(plan.stderr).toMatch(/no account `no-such-account`/);
  });
});
