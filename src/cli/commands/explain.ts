/**
 * `kam explain [code]`: what a finding code means, its default severity and tiers, and how to fix
 * it, in English or Chinese, from the catalogue (`src/codes.ts`). Without a code, every code
 * grouped by prefix. An unknown code is a usage error with a "did you mean".
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { codeGroups, codeList, codes, groupOf, isCode, type Code, type CodeGroup, type CodeInfo, type CodeLang } from '../../codes.js';
import { UsageError } from '../../errors.js';
import { findWorkspace } from '../../load/files.js';
import { parseYaml } from '../../load/parse.js';
import { readSource } from '../../load/read.js';
import { langs } from '../../schema/names.js';
import { suggest } from '../../util/suggest.js';
import type { Context } from '../main.js';

export interface ExplainOptions {
  dir?: string;
  lang?: CodeLang;
}

interface Words {
  /** a group's heading in the list */
  kind: Record<CodeGroup, string>;
  /** what one code of the group is */
  one: Record<CodeGroup, string>;
  requirement: string;
  severity: string;
  /** after a completeness rule's severity */
  changeable: string;
  riskSeverity: string;
  appliesTo: string;
  everyFile: string;
  everyAccount: string;
  fix: string;
  /** after the list of every code */
  more: string;
  colon: string;
  listSeparator: string;
}

/** The words around the catalogue's texts; a language without them does not compile. */
const words = {
  en: {
    kind: {
      yaml: 'YAML and file checks',
      schema: 'schema checks',
      config: 'kam.yaml settings',
      risk: 'defection risk reasons',
      rules: 'completeness rules',
    },
    one: {
      yaml: 'YAML or file check',
      schema: 'schema check',
      config: 'kam.yaml setting check',
      risk: 'defection risk reason',
      rules: 'completeness rule',
    },
    requirement: 'requirement',
    severity: 'default severity',
    changeable: ' (change it in kam.yaml: rules)',
    riskSeverity: 'none; it adds points to the defection risk (kam score) and is not a finding',
    appliesTo: 'applies to',
    everyFile: 'every file it concerns',
    everyAccount: 'every valid account',
    fix: 'how to fix',
    more: 'Run `kam explain <code>` for what a code means and how to fix it.',
    colon: ': ',
    listSeparator: ', ',
  },
  zh: {
    kind: {
      yaml: 'YAML 与文件检查',
      schema: '格式检查',
      config: 'kam.yaml 设置',
      risk: '流失风险因素',
      rules: '完整性规则',
    },
    one: {
      yaml: 'YAML 或文件检查',
      schema: '格式检查',
      config: 'kam.yaml 设置检查',
      risk: '流失风险因素',
      rules: '完整性规则',
    },
    requirement: '要求',
    severity: '默认级别',
    changeable: '（可在 kam.yaml 的 rules 中修改）',
    riskSeverity: '无，只计入流失风险分（kam score），不产生问题',
    appliesTo: '适用于',
    everyFile: '所涉及的每个文件',
    everyAccount: '每个有效客户',
    fix: '修复方法',
    more: '运行 `kam explain <代码>` 查看代码的含义和修复方法。',
    colon: '：',
    listSeparator: '、',
  },
} as const satisfies Record<CodeLang, Words>;

const CLOSING = /^[，。、；：）」』！？]$/;

/** Breaks `text` into lines of at most `width` columns after `indent`: at spaces, or between Chinese characters. */
export function wrap(text: string, width: number, indent: string): string[] {
  const tokens = text.match(/\s+|[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]|[^\s\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]+/g) ?? [];
  const room = Math.max(20, width - stringWidth(indent));
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    const space = /^\s+$/.test(token);
    // no line starts with closing punctuation (，。、；：）): it stays on the line before
    if (line !== '' && !space && !CLOSING.test(token) && stringWidth(line + token) > room) {
      lines.push(line.trimEnd());
      line = '';
    }
    if (!(space && line === '')) line += space ? ' ' : token;
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines.map((l) => indent + l);
}

const WIDTH = 80;

/** The explanation of one code. */
export function explainCode(code: Code, lang: CodeLang, width = WIDTH): string {
  const w = words[lang];
  const info: CodeInfo = codes[code];
  const group = groupOf(code);
  const field = (label: string, value: string) => {
    const head = `  ${label}${w.colon}`;
    const [first, ...rest] = wrap(value, width, ' '.repeat(stringWidth(head)));
    return [head + first.trimStart(), ...rest];
  };
  const severity = info.severity === null ? w.riskSeverity : `${info.severity}${group === 'rules' ? w.changeable : ''}`;
  const applies = info.tiers !== null ? info.tiers.join(w.listSeparator) : group === 'risk' ? w.everyAccount : w.everyFile;
  return [
    `${code}${w.colon}${w.one[group]}`,
    ...field(w.requirement, info.description[lang]),
    ...field(w.severity, severity),
    ...field(w.appliesTo, applies),
    ...field(w.fix, info.fix[lang]),
    '',
  ].join('\n');
}

/** Every code, grouped by prefix, with its requirement. */
export function listCodes(lang: CodeLang, width = WIDTH): string {
  const w = words[lang];
  const pad = Math.max(...codeList.map((c) => c.length)) + 2;
  const out: string[] = [];
  for (const group of codeGroups) {
    const members = codeList.filter((c) => groupOf(c) === group);
    out.push(`${w.kind[group]} (${members.length})`);
    for (const code of members) {
      const [first, ...rest] = wrap(codes[code].description[lang], width, ' '.repeat(pad + 2));
      out.push(`  ${code.padEnd(pad)}${first.trimStart()}`, ...rest);
    }
    out.push('');
  }
  out.push(w.more, '');
  return out.join('\n');
}

/** The closest code to a mistyped one: the whole code, or only its name (`account-lead`). */
function closest(word: string): string | undefined {
  const byName = codeList.filter((c) => c.slice(c.indexOf('/') + 1) === word);
  return byName.length === 1 ? byName[0] : suggest(word, codeList);
}

/** `--lang`, else the workspace's `kam.yaml: lang`, else English. A kam.yaml that does not parse says nothing here. */
function languageOf(options: ExplainOptions, cwd: string): CodeLang {
  if (options.lang !== undefined) return options.lang;
  const root = findWorkspace(cwd, options.dir);
  const file = ['kam.yaml', 'kam.yml'].map((f) => join(root, f)).find((f) => existsSync(f));
  if (!file) return 'en';
  const source = readSource(file);
  const value = source.text === undefined ? undefined : parseYaml(source.text).value;
  const lang = (value as { lang?: unknown } | null | undefined)?.lang;
  return langs.find((l) => l === lang) ?? 'en';
}

export async function run([code]: unknown[], options: ExplainOptions, ctx: Context): Promise<number> {
  const { io } = ctx;
  const lang = languageOf(options, io.cwd);
  const width = Math.min(100, io.stdout.columns ?? WIDTH);
  if (code === undefined) {
    io.stdout.write(listCodes(lang, width));
    return 0;
  }
  const word = String(code);
  if (!isCode(word)) {
    const hit = closest(word);
    throw new UsageError(`unknown code \`${word}\`${hit ? `, did you mean \`${hit}\`?` : ''} (\`kam explain\` lists every code)`);
  }
  io.stdout.write(explainCode(word, lang, width));
  return 0;
}
