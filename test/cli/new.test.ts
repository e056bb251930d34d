import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { kam, tempWorkspace } from '../helpers.js';
import { readTree } from './authoring-helpers.js';

const workspace = () => tempWorkspace({ 'kam.yaml': 'version: 1\ncompany: Example Co.\n' });

describe('kam new', () => {
  it('writes a starter account from flags that validates, and a second run changes nothing', async () => {
    const root = workspace();
    const r = await kam(['new', 'initech', '--yes', '--name', '英泰科技有限公司', '--industry', 'electronics', '--region', 'East China', '--lead', '王磊'], { cwd: root });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^created accounts\/initech\.yaml\nFill it in top-down, then run `kam check`\.\n/);
    const text = readFileSync(join(root, 'accounts/initech.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/account.schema.json');
    expect(parse(text)).toEqual({ id: 'initech', name: '英泰科技有限公司', industry: 'electronics', region: 'East China', team: { account_lead: '王磊' } });
    for (const section of ['financials', 'assessment', 'customer', 'contacts', 'competitors', 'self', 'intel', 'plan', 'opportunities', 'service']) {
      expect(text).toMatch(new RegExp(`^# ${section}:`, 'm'));
    }
    expect(text).toMatch(/^team:.*\n {2}account_lead: 王磊.*\n {2}# solution_lead: /m);
    expect((await kam(['validate', '-C', root])).code).toBe(0);

    const before = readTree(root);
    const again = await kam(['new', 'initech', '--yes', '--name', 'Other'], { cwd: root });
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('kam: accounts/initech.yaml exists; --force overwrites it\n');
    expect(readTree(root)).toEqual(before);
  });

  it('names the account after its id without a terminal, never waiting for input', async () => {
    const root = workspace();
    const r = await kam(['new', 'globex-cn'], { cwd: root });
    expect(r.code).toBe(0);
    expect(parse(readFileSync(join(root, 'accounts/globex-cn.yaml'), 'utf8'))).toEqual({ id: 'globex-cn', name: 'globex-cn' });
    expect((await kam(['validate', '-C', root])).code).toBe(0);
  });

  it('keeps awkward values exactly (quotes only where YAML needs them)', async () => {
    const root = workspace();
    await kam(['new', 'odd', '--yes', '--name', 'ACME: "Corp" #1', '--industry', '2026', '--region', 'yes', '--lead', '- x'], { cwd: root });
    const text = readFileSync(join(root, 'accounts/odd.yaml'), 'utf8');
    expect(parse(text)).toEqual({ id: 'odd', name: 'ACME: "Corp" #1', industry: '2026', region: 'yes', team: { account_lead: '- x' } });
    expect((await kam(['validate', '-C', root])).code).toBe(0);
  });

  it('writes a competitor profile with --competitor', async () => {
    const root = workspace();
    const r = await kam(['new', 'globex', '--competitor', '--yes', '--name', 'Globex Automation'], { cwd: root });
    expect(r.stdout).toMatch(/^created competitors\/globex\.yaml\n/);
    const text = readFileSync(join(root, 'competitors/globex.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/competitor.schema.json');
    expect(parse(text)).toEqual({ id: 'globex', name: 'Globex Automation' });
    expect(text).toMatch(/^# price_position: above_market +# below_market \| at_market \| above_market$/m);
    expect((await kam(['validate', '-C', root])).code).toBe(0);
  });

  it('overwrites with --force, the .yml file when that is the one that exists', async () => {
    const root = tempWorkspace({ 'accounts/initech.yml': 'id: initech\nname: Old\n' });
    const r = await kam(['new', 'initech', '--yes', '--name', 'New', '--force'], { cwd: root });
    expect(r.stdout).toMatch(/^replaced accounts\/initech\.yml\n/);
    expect(Object.keys(readTree(root))).toEqual(['accounts/initech.yml']);
    expect(parse(readFileSync(join(root, 'accounts/initech.yml'), 'utf8')).name).toBe('New');
    const same = await kam(['new', 'initech', '--yes', '--name', 'New', '--force'], { cwd: root });
    expect(same.stdout).toMatch(/^unchanged accounts\/initech\.yml\n/);
  });

  it('writes into the workspace named by -C', async () => {
    const cwd = tempWorkspace({ 'ws/kam.yaml': 'version: 1\n' });
    const r = await kam(['new', 'a1', '-C', 'ws', '--yes'], { cwd });
    expect(r.stdout).toMatch(/^created ws\/accounts\/a1\.yaml\n/);
  });

  it.each([
    ['Initech', 'kam: "Initech" is not a valid id: use lower-case letters, digits and "-", starting with a letter or digit (for example initech)\n'],
    ['华泰精密', 'kam: "华泰精密" is not a valid id: use lower-case letters, digits and "-", starting with a letter or digit (for example huatai-jingmi; --name "华泰精密" keeps the name)\n'],
    ["Let's Stop N Shop", 'kam: "Let\'s Stop N Shop" is not a valid id: use lower-case letters, digits and "-", starting with a letter or digit (for example lets-stop-n-shop)\n'],
    ['Ресурс', 'kam: "Ресурс" is not a valid id: use lower-case letters, digits and "-", starting with a letter or digit\n'],
    ['a_b', 'kam: "a_b" is not a valid id: use lower-case letters, digits and "-", starting with a letter or digit (for example a-b)\n'],
  ])('refuses the id %j with exit 2, writing nothing', async (id, message) => {
    const root = workspace();
    const r = await kam(['new', id, '--yes'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(message);
    expect(Object.keys(readTree(root))).toEqual(['kam.yaml']);
  });
});
