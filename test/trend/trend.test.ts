import { describe, expect, it } from 'vitest';
import { kam } from '../helpers.js';
import { scriptedHistory } from './history.js';

describe('probe', () => {
  it('prints', async () => {
    const { root } = scriptedHistory();
    for (const f of ['table', 'json', 'md', 'csv']) {
      const r = await kam(['trend', '-C', root, '--format', f]);
      console.log(r.code, r.stderr, r.stdout.slice(0, 6000));
    }
  });
});
