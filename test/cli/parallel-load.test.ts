/**
 * A large workspace is loaded on two worker threads, which also run the rules for every tier;
 * what `validate`, `check` and `score` print must be what one thread computes.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript benchmark helper
import { generate } from '../../bench/generate.js';
import { analyseWorkspace, analysedFields } from '../../src/analysis/index.js';
import { evaluate } from '../../src/pipeline/evaluate.js';
import { sortFindings } from '../../src/findings.js';
import { loadWorkspace, validAccounts } from '../../src/load/workspace.js';
import { example, kam, kamProcess } from '../helpers.js';

describe('parallel loading', () => {
  let root: string;
  beforeAll(() => {
    root = generate(mkdtempSync(join(tmpdir(), 'kam-par-')), 450) as string;
  });

  it('validate: the same findings, in the same order, as loading on one thread', () => {
    const sequential = loadWorkspace(root).findings;
    expect(sequential.length).toBeGreaterThan(0);
    const r = kamProcess(['validate', '-C', root, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual(sequential);
  });

  it('check: rules run in the workers give the findings the main thread gives', () => {
    const ws = loadWorkspace(root);
    const { checked } = evaluate({ ws }, '2026-11-01');
    const expected = sortFindings([...ws.findings, ...checked.findings]);
    expect(checked.findings.length).toBeGreaterThan(100);
    const r = kamProcess(['check', '-C', root, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual(expected);
  });

  it('score --json: the bytes one thread prints', async () => {
    for (const args of [[], ['--tier', 'key'], ['--tier', 'prospect']]) {
      const one = await kam(['score', '-C', root, '--json', ...args]);
      const many = kamProcess(['score', '-C', root, '--json', ...args]);
      expect(many.code).toBe(1);
      expect(JSON.parse(many.stdout).length).toBeGreaterThan(args.length ? 10 : 400);
      expect(many.stdout).toBe(one.stdout);
      expect(many.stderr).toBe(one.stderr);
    }
  });

  it('score: the same completeness as the main thread computes', () => {
    const ws = loadWorkspace(root);
    const { byId } = evaluate({ ws }, '2026-11-01');
    const r = kamProcess(['score', '-C', root, '--json']);
    const scored = JSON.parse(r.stdout) as { id: string; completeness: number }[];
    expect(scored).toHaveLength(byId.size);
    for (const s of scored) expect(s.completeness, s.id).toBe(byId.get(s.id)!.check.completeness);
  });
});

describe('analysedFields', () => {
  it('lists every field the analysis reads: the analysis of trimmed accounts is the same', () => {
    const accounts = validAccounts(loadWorkspace(example)).map((d) => d.data);
    const trimmed = accounts.map((a) => Object.fromEntries(analysedFields.flatMap((f) => (a[f] === undefined ? [] : [[f, a[f]]]))) as typeof a);
    const config = loadWorkspace(example).config;
    expect(analyseWorkspace(trimmed, config, '2026-11-01')).toEqual(analyseWorkspace(accounts, config, '2026-11-01'));
  });
});
