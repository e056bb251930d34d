import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/util/write.js';
import { tempWorkspace } from '../helpers.js';

describe('writeFileAtomic', () => {
  it('writes new and existing files and leaves no temporary file', () => {
    const dir = tempWorkspace({});
    const file = join(dir, 'a.md');
    writeFileAtomic(file, 'one 一');
    expect(readFileSync(file, 'utf8')).toBe('one 一');
    writeFileSync(file, 'old');
    writeFileAtomic(file, new TextEncoder().encode('two'));
    expect(readFileSync(file, 'utf8')).toBe('two');
    expect(readdirSync(dir)).toEqual(['a.md']);
  });

  it('removes its temporary file when the rename fails', () => {
    const dir = tempWorkspace({ 'folder/x': 'x' });
    expect(() => writeFileAtomic(join(dir, 'folder'), 'data')).toThrow();
    expect(readdirSync(dir)).toEqual(['folder']);
  });
});
