import { chmodSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { writeFileAtomic } from '../../src/util/write.js';
import { tempWorkspace } from '../helpers.js';

describe('writeFileAtomic', () => {
  it('creates a file and its folders, leaving no temporary file', () => {
    const root = tempWorkspace({});
    expect(writeFileAtomic(join(root, 'a/b/c.yaml'), 'x: 1\n', { mode: 'create' })).toBe('created');
    expect(readFileSync(join(root, 'a/b/c.yaml'), 'utf8')).toBe('x: 1\n');
    expect(readdirSync(join(root, 'a/b'))).toEqual(['c.yaml']);
  });

  it('never replaces an existing file in create mode', () => {
    const root = tempWorkspace({ 'c.yaml': 'mine\n' });
    expect(writeFileAtomic(join(root, 'c.yaml'), 'theirs\n', { mode: 'create' })).toBe('exists');
    expect(readFileSync(join(root, 'c.yaml'), 'utf8')).toBe('mine\n');
    expect(readdirSync(root)).toEqual(['c.yaml']);
  });

  it('replaces by default, keeping the file mode, and leaves identical content untouched', () => {
    const root = tempWorkspace({ 'c.yaml': 'old\n' });
    const file = join(root, 'c.yaml');
    chmodSync(file, 0o640);
    expect(writeFileAtomic(file, 'new\n', {})).toBe('replaced');
    expect(readFileSync(file, 'utf8')).toBe('new\n');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    const before = statSync(file).mtimeMs;
    expect(writeFileAtomic(file, 'new\n', {})).toBe('unchanged');
    expect(statSync(file).mtimeMs).toBe(before);
    expect(readdirSync(root)).toEqual(['c.yaml']);
  });

  it('turns a file-system refusal into a usage error (exit 2), without a temporary file left', () => {
    const root = tempWorkspace({ 'blocker': 'a file where a folder should be' });
    expect(() => writeFileAtomic(join(root, 'blocker/c.yaml'), 'x')).toThrow(UsageError);
    expect(() => writeFileAtomic(join(root, 'blocker/c.yaml'), 'x')).toThrow(/^cannot write .*blocker\/c\.yaml: a part of the path is a file/);
    expect(readdirSync(root)).toEqual(['blocker']);
  });
});
