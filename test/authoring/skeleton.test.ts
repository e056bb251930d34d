import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { accountFile, accountHeader } from '../../src/authoring/account-template.js';
import { competitorFile, competitorHeader } from '../../src/authoring/competitor-template.js';
import { renderSkeleton, type Field } from '../../src/authoring/skeleton.js';
import { configFile, selfFile } from '../../src/authoring/workspace-template.js';
import { parseYaml } from '../../src/load/parse.js';
import { loadDoc, type FileKind } from '../../src/load/workspace.js';
import { Account } from '../../src/schema/account.js';
import { Competitor } from '../../src/schema/competitor.js';
import { Config } from '../../src/schema/config.js';
import { Self } from '../../src/schema/self.js';
import { unknownKeys } from '../../src/schema/unknown-keys.js';

const MODELINE = '# yaml-language-server: $schema=../schemas/x.schema.json';

/** What a consultant gets by uncommenting every line after the header (removing "# "). */
const uncomment = (text: string, headerLines: number) =>
  text
    .split('\n')
    .slice(headerLines)
    .map((line) => line.replace(/^(\s*)# /, '$1'))
    .join('\n');

type Def = { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; element?: z.ZodType };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Every key path of a schema's mappings (list entries as `[]`). */
function keyPaths(schema: z.ZodType, prefix = ''): string[] {
  const def = defOf(schema);
  if (def.type === 'optional' || def.type === 'default' || def.type === 'prefault') return keyPaths(def.innerType!, prefix);
  if (def.type === 'array') return keyPaths(def.element!, `${prefix}[].`);
  if (def.type !== 'object') return [];
  return Object.entries(def.shape!).flatMap(([key, child]) => [`${prefix}${key}`, ...keyPaths(child, `${prefix}${key}.`)]);
}

/** Every key path present in a value (list entries as `[]`, from their first entry). */
function valuePaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.length > 0 && typeof value[0] === 'object' ? valuePaths(value[0], `${prefix}[].`) : [];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => [`${prefix}${key}`, ...valuePaths(child, `${prefix}${key}.`)]);
}

const cases: { name: string; schema: z.ZodType; text: string; header: number; skip?: string[] }[] = [
  { name: 'account', schema: Account, text: accountFile({ id: 'initech', name: 'Initech' }, MODELINE), header: 1 + accountHeader.length },
  { name: 'competitor', schema: Competitor, text: competitorFile({ id: 'globex', name: 'Globex' }, MODELINE), header: 1 + competitorHeader.length },
  { name: 'self', schema: Self, text: selfFile('Example Co.', MODELINE), header: 2 },
  { name: 'config', schema: Config, text: configFile({ company: 'Example Co.', currency: 'CNY', lang: 'en' }, MODELINE), header: 2, skip: ['rules'] },
];

describe.each(cases)('the $name skeleton', ({ schema, text, header, skip = [] }) => {
  it('is valid as written', () => {
    const { value, problems } = parseYaml(text);
    expect(problems).toEqual([]);
    expect(schema.safeParse(value).success).toBe(true);
    expect(unknownKeys(schema, value)).toEqual([]);
  });

  it('is valid with every line uncommented, and then names every field of the schema', () => {
    const { value, problems } = parseYaml(uncomment(text, header));
    expect(problems).toEqual([]);
    const result = schema.safeParse(value);
    expect(result.error?.issues ?? []).toEqual([]);
    expect(unknownKeys(schema, value)).toEqual([]);
    const present = new Set(valuePaths(value));
    const missing = keyPaths(schema).filter((p) => !present.has(p) && !skip.some((s) => p.startsWith(`${s}.`)));
    expect(missing).toEqual([]);
  });

  it('starts with the yaml-language-server modeline', () => {
    expect(text.split('\n')[0]).toBe(MODELINE);
  });
});

describe('renderSkeleton', () => {
  const fields: Field[] = [
    { key: 'id', example: 'x' },
    { key: 'team', note: 'people', fields: [{ key: 'lead', example: 'A', note: 'one person' }, { key: 'sponsor', example: 'B' }] },
    { key: 'contacts', item: [{ key: 'name', example: 'C' }, { key: 'title', example: 'D' }] },
  ];

  it('writes values live, commented examples where there is none, extra keys at the end', () => {
    expect(renderSkeleton(fields, { id: 'a-1', team: { lead: '王磊' }, 'x-crm': { Id: '001' } }, ['# head'])).toBe(
      [
        '# head',
        'id: a-1',
        '',
        'team:                               # people',
        `  lead: 王磊${' '.repeat(24)}# one person`, // 王磊 takes four columns
        '  # sponsor: B',
        '',
        '# contacts:',
        '#   - name: C',
        '#     title: D',
        '',
        'x-crm:',
        '  Id: "001"',
        '',
      ].join('\n'),
    );
  });

  it('writes years as plain keys and keeps multi-line text as a block', () => {
    const text = renderSkeleton([{ key: 'revenue' }, { key: 'summary' }], { revenue: { 2025: 4100000 }, summary: 'line 1\nline 2' });
    expect(text).toBe('revenue:\n  2025: 4100000\nsummary: |-\n  line 1\n  line 2\n');
  });
});

describe('account files from any text', () => {
  const load = (kind: FileKind, file: string, text: string) => loadDoc(kind, file, { text });

  it('validate and keep every value exactly (property)', () => {
    const value = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(value, fc.option(value, { nil: undefined }), fc.option(value, { nil: undefined }), (name, industry, lead) => {
        const data = { id: 'x', name, ...(industry === undefined ? {} : { industry }), ...(lead === undefined ? {} : { team: { account_lead: lead } }) };
        const doc = load('account', 'accounts/x.yaml', accountFile(data, MODELINE));
        expect(doc.findings).toEqual([]);
        expect(doc.data).toEqual(data);
      }),
      { numRuns: 300 },
    );
  });
});
