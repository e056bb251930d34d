/** A large workspace is loaded on two threads; the findings must be those of one thread. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript benchmark helper
import { generate } from '../../bench/generate.js';
import { loadWorkspace } from '../../src/load/workspace.js';
import { kamProcess } from '../helpers.js';

describe('parallel loading', () => {
  it('gives the same findings, in the same order, as loading on one thread', () => {
    const root = generate(mkdtempSync(join(tmpdir(), 'kam-par-')), 450) as string;
    const sequential = loadWorkspace(root).findings;
    expect(sequential.length).toBeGreaterThan(0);
    const r = kamProcess(['validate', '-C', root, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual(sequential);
  });
});
