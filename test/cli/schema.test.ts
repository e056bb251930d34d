import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import jsyaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { jsonSchemaTexts } from '../../src/schema/json-schema.js';
import { example, kam, repoRoot, tempWorkspace } from '../helpers.js';

const yamlValue = (path: string) => jsyaml.load(readFileSync(path, 'utf8'), { schema: jsyaml.CORE_SCHEMA });

describe('kam schema', () => {
  it('writes the four schemas, then leaves them unchanged', async () => {
    const out = tempWorkspace({});
    const first = await kam(['schema', '--out', out]);
    expect(first.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['account.schema.json', 'competitor.schema.json', 'config.schema.json', 'self.schema.json']);
    const second = await kam(['schema', '--out', out]);
    expect(second.stdout.match(/unchanged/g)).toHaveLength(4);
  });

  it('refuses to overwrite a file it did not write, unless --force', async () => {
    const out = tempWorkspace({ 'account.schema.json': '{"mine": true}' });
    const r = await kam(['schema', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/refusing to overwrite .*account\.schema\.json/);
    expect(readFileSync(join(out, 'account.schema.json'), 'utf8')).toBe('{"mine": true}');
    expect((await kam(['schema', '--out', out, '--force'])).code).toBe(0);
  });

  it('the committed schemas/ folder is up to date (run `kam schema --out schemas` after a schema change)', () => {
    for (const [name, text] of Object.entries(jsonSchemaTexts())) {
      expect(readFileSync(join(repoRoot, 'schemas', name), 'utf8'), name).toBe(text);
    }
  });

  describe('agrees with kam validate in a JSON Schema validator (what editors run)', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv, ['date']);
    const texts = jsonSchemaTexts();
    const validator = (name: string) => ajv.compile(JSON.parse(texts[`${name}.schema.json`]));

    it('accepts every file of the example workspace', () => {
      const account = validator('account');
      for (const f of readdirSync(join(example, 'accounts'))) expect(account(yamlValue(join(example, 'accounts', f))), f).toBe(true);
      const competitor = validator('competitor');
      for (const f of readdirSync(join(example, 'competitors'))) expect(competitor(yamlValue(join(example, 'competitors', f))), f).toBe(true);
      expect(validator('self')(yamlValue(join(example, 'self.yaml')))).toBe(true);
      expect(validator('config')(yamlValue(join(example, 'kam.yaml')))).toBe(true);
    });

    it('refuses unknown keys but accepts x- keys', () => {
      const account = validator('account');
      expect(account({ id: 'a', name: 'A', team: { x_lead: 'b' } })).toBe(false);
      expect(account({ id: 'a', name: 'A', 'x-crm': { owner: 1 }, team: { 'x-note': 'b' } })).toBe(true);
      expect(account({ id: 'A b', name: 'A' })).toBe(false);
    });
  });

  it('the example files carry the yaml-language-server modeline', () => {
    const files = ['kam.yaml', 'self.yaml', ...readdirSync(join(example, 'accounts')).map((f) => `accounts/${f}`), ...readdirSync(join(example, 'competitors')).map((f) => `competitors/${f}`)];
    for (const f of files) {
      const first = readFileSync(join(example, f), 'utf8').split('\n')[0];
      const m = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
      expect(m, f).not.toBeNull();
      expect(existsSync(resolve(dirname(join(example, f)), m![1])), `${f} points at ${m![1]}`).toBe(true);
    }
  });
});

describe('JSON Schema keeps the rules zod checks by code', () => {
  it('a competitor entry needs ref or name in the editor schema too', () => {
    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv, ['date']);
    const account = ajv.compile(JSON.parse(jsonSchemaTexts()['account.schema.json']));
    expect(account({ id: 'a', name: 'A', competitors: [{ share: 0.2 }] })).toBe(false);
    expect(account({ id: 'a', name: 'A', competitors: [{ ref: 'globex' }, { name: 'Local integrator' }] })).toBe(true);
  });
});

describe('kam schema output folder', () => {
  it('writes to schemas/ in the workspace by default, wherever it is run from', async () => {
    const root = tempWorkspace({ 'kam.yaml': 'version: 1\n', 'accounts/a.yaml': 'id: a\nname: A\n' });
    const r = await kam(['schema', '-C', root]);
    expect(r.code).toBe(0);
    expect(readdirSync(join(root, 'schemas'))).toContain('account.schema.json');
    expect(r.stdout).toContain('$schema=../schemas/account.schema.json');
  });
});
