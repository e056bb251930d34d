import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kam } from '../helpers.js';
import { scriptedHistory } from './history.js';

describe('probe', () => {
  it('prints', async () => {
    const { root } = scriptedHistory();
    for (const f of ['md', 'html']) {
      const r = await kam(['plan', '-C', root, '--format', f, '--out', `/tmp/p16-${f}`, '--force']);
      console.log(r.code, r.stderr, r.stdout);
    }
  });
});
