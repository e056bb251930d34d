import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { kam, tempWorkspace } from '../helpers.js';
import { readTree } from './authoring-helpers.js';
import { kamOnTerminal, keys } from './terminal.js';

const { enter, down, ctrlC } = keys;

describe('kam init on a terminal', () => {
  it('asks for the settings and writes what was answered', async () => {
    const cwd = tempWorkspace({});
    const r = await kamOnTerminal(['init', 'acme'], {
      cwd,
      steps: [
        { waitFor: 'Our company name', type: `星河工业${enter}` },
        { waitFor: 'Currency of the money figures', type: `eur${enter}` },
        { waitFor: 'Report language', type: `${down}${enter}` },
        { waitFor: 'Add a GitHub Actions workflow', type: `y${enter}` },
        { waitFor: 'Add a sample account', type: enter },
        { waitFor: 'This folder has no package.json', type: enter },
      ],
    });
    expect(r.unused).toEqual([]);
    expect(r.stderr).toBe('');
    expect(JSON.parse(readFileSync(join(cwd, 'acme/package.json'), 'utf8')).devDependencies.kam).toMatch(/^\^\d+\.\d+\.\d+/);
    expect(r.stdout).toContain('run `npm install` once');
    expect(r.code).toBe(0);
    const root = join(cwd, 'acme');
    expect(parse(readFileSync(join(root, 'kam.yaml'), 'utf8'))).toEqual({ version: 1, company: '星河工业', currency: 'EUR', lang: 'zh' });
    expect(existsSync(join(root, '.github/workflows/kam.yml'))).toBe(true);
    expect(existsSync(join(root, 'accounts/initech.yaml'))).toBe(false);
    expect(r.stdout).toContain('created acme/kam.yaml');
    expect((await kam(['validate', '-C', root])).code).toBe(0);
  });

  it('offers the folder name as the company and asks only what no flag answered', async () => {
    const cwd = tempWorkspace({});
    const r = await kamOnTerminal(['init', 'galaxy', '--currency', 'USD', '--lang', 'en', '--ci', '--example'], {
      cwd,
      steps: [
        { waitFor: 'Our company name', type: enter },
        { waitFor: 'This folder has no package.json', type: `n${enter}` },
      ],
    });
    expect(r.unused).toEqual([]);
    expect(r.code).toBe(0);
    expect(existsSync(join(cwd, 'galaxy/package.json'))).toBe(false);
    expect(r.stdout).toContain('npm install --save-dev kam@^');
    expect(r.stdout).not.toContain('Currency of the money figures');
    expect(r.stdout).not.toContain('Report language');
    expect(parse(readFileSync(join(cwd, 'galaxy/kam.yaml'), 'utf8'))).toEqual({ version: 1, company: 'galaxy', currency: 'USD', lang: 'en' });
    expect(existsSync(join(cwd, 'galaxy/accounts/initech.yaml'))).toBe(true);
  });

  it('asks nothing when the output is not a terminal (kam init > log)', async () => {
    const cwd = tempWorkspace({});
    const r = await kamOnTerminal(['init'], { cwd, steps: [], stdoutIsTTY: false });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('?');
    expect(existsSync(join(cwd, 'kam.yaml'))).toBe(true);
  });

  it('asks nothing with --yes', async () => {
    const cwd = tempWorkspace({});
    const r = await kamOnTerminal(['init', '--yes', '--company', 'X'], { cwd, steps: [] });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('?');
  });

  it('writes nothing and exits 130 on Ctrl-C, not even the folder', async () => {
    const cwd = tempWorkspace({});
    const r = await kamOnTerminal(['init', 'acme'], {
      cwd,
      steps: [
        { waitFor: 'Our company name', type: `Galaxy${enter}` },
        { waitFor: 'Currency of the money figures', type: ctrlC },
      ],
    });
    expect(r.unused).toEqual([]);
    expect(r.code).toBe(130);
    expect(r.stderr).toBe('kam: cancelled; nothing was written\n');
    expect(readTree(cwd)).toEqual({});
    expect(existsSync(join(cwd, 'acme'))).toBe(false);
  });
});

describe('kam new on a terminal', () => {
  const workspace = () => tempWorkspace({ 'kam.yaml': 'version: 1\n' });

  it('asks for the first fields and writes a file that validates', async () => {
    const root = workspace();
    const r = await kamOnTerminal(['new', 'initech'], {
      cwd: root,
      steps: [
        { waitFor: 'Account name', type: `英泰科技有限公司${enter}` },
        { waitFor: 'Industry', type: `electronics manufacturing${enter}` },
        { waitFor: 'Region', type: enter },
        { waitFor: 'Account lead', type: `王磊${enter}` },
        // choices start on "(skip for now)"; down wraps round to the first value
        { waitFor: 'Attractiveness of the account', type: `${down}${enter}` },
        { waitFor: 'Potential: volume', type: `${down}${down}${enter}` },
        { waitFor: 'Potential: margin', type: enter },
        { waitFor: 'Relationship today', type: `${down}${down}${down}${enter}` },
      ],
    });
    expect(r.unused).toEqual([]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(parse(readFileSync(join(root, 'accounts/initech.yaml'), 'utf8'))).toEqual({
      id: 'initech',
      name: '英泰科技有限公司',
      industry: 'electronics manufacturing',
      team: { account_lead: '王磊' },
      assessment: { attractiveness: 'high', potential: { volume: 'medium' }, relationship: 'good' },
    });
    expect((await kam(['validate', '-C', root])).code).toBe(0);
  });

  it('asks for a competitor name and price position with --competitor', async () => {
    const root = workspace();
    const r = await kamOnTerminal(['new', 'globex', '--competitor'], {
      cwd: root,
      steps: [
        { waitFor: 'Competitor name', type: `Globex${enter}` },
        { waitFor: 'Price position', type: `${down}${down}${down}${enter}` },
      ],
    });
    expect(r.unused).toEqual([]);
    expect(r.code).toBe(0);
    expect(parse(readFileSync(join(root, 'competitors/globex.yaml'), 'utf8'))).toEqual({ id: 'globex', name: 'Globex', price_position: 'above_market' });
    expect((await kam(['validate', '-C', root])).code).toBe(0);
  });

  it('does not ask for what the flags give', async () => {
    const root = workspace();
    const r = await kamOnTerminal(['new', 'a1', '--name', 'A One', '--industry', 'x', '--region', 'y', '--lead', 'z'], {
      cwd: root,
      steps: [
        { waitFor: 'Attractiveness', type: enter },
        { waitFor: 'Potential: volume', type: enter },
        { waitFor: 'Potential: margin', type: enter },
        { waitFor: 'Relationship today', type: enter },
      ],
    });
    expect(r.unused).toEqual([]);
    expect(r.stdout).not.toContain('Account name');
    expect(parse(readFileSync(join(root, 'accounts/a1.yaml'), 'utf8'))).toEqual({ id: 'a1', name: 'A One', industry: 'x', region: 'y', team: { account_lead: 'z' } });
  });

  it('writes nothing and exits 130 on Ctrl-C', async () => {
    const root = workspace();
    const r = await kamOnTerminal(['new', 'initech'], {
      cwd: root,
      steps: [
        { waitFor: 'Account name', type: `Initech${enter}` },
        { waitFor: 'Industry', type: `elec${ctrlC}` },
      ],
    });
    expect(r.unused).toEqual([]);
    expect(r.code).toBe(130);
    expect(r.stderr).toBe('kam: cancelled; nothing was written\n');
    expect(Object.keys(readTree(root))).toEqual(['kam.yaml']);
  });

  it('refuses an existing file before asking anything', async () => {
    const root = tempWorkspace({ 'accounts/initech.yaml': 'id: initech\nname: I\n' });
    const r = await kamOnTerminal(['new', 'initech'], { cwd: root, steps: [] });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });
});
