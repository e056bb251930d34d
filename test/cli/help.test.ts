/** `kam --help`: the commands in groups (start, daily, tools), each with one example, within 80 columns. */
import { describe, expect, it } from 'vitest';
import { commandHelp, helpGroups } from '../../src/cli/help-groups.js';
import { kam } from '../helpers.js';

describe('kam --help', () => {
  it('lists the groups in order, the newcomer commands first, every command in its group with its example', async () => {
    const { code, stdout } = await kam(['--help']);
    expect(code).toBe(0);
    const headings = Object.values(helpGroups).map((h) => stdout.indexOf(`\n${h}\n`));
    expect(headings.every((at) => at > 0)).toBe(true);
    expect([...headings].sort((x, y) => x - y)).toEqual(headings);
    for (const [name, { group, example }] of Object.entries(commandHelp)) {
      const at = stdout.indexOf(`\n  ${name} `);
      expect(at, name).toBeGreaterThan(stdout.indexOf(`\n${helpGroups[group]}\n`));
      expect(stdout.indexOf(`$ ${example}`, at), `${name}'s example`).toBeGreaterThan(at);
    }
    expect(stdout.indexOf('\n  init ')).toBeLessThan(stdout.indexOf('\n  validate '));
    for (const line of stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
  });

  it('every command kam has joins a group (a new command needs its line in help-groups.ts)', async () => {
    const { stdout } = await kam(['--help']);
    const listed = [...stdout.matchAll(/^ {2}([a-z-]+) /gm)].map((m) => m[1]).filter((n) => n !== 'help');
    expect(listed.sort()).toEqual(Object.keys(commandHelp).sort());
    expect(stdout).not.toMatch(/^Commands:\n {2}(?!help )/m);
  });
});
