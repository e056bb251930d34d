/**
 * Output that fits the terminal: on a TTY of 80 or 120 columns no line of the score table, the
 * portfolio view or stylish findings is wider than the terminal, in an English and a Chinese
 * workspace; piped output has no limit; --wide and --columns.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { example } from '../helpers.js';

const ANSI = /\x1b\[[0-9;]*m/g;

/** Runs kam in-process on a terminal of `columns` (undefined: a TTY that does not say), or piped. */
async function onTerminal(argv: string[], cwd: string, columns: number | undefined, tty = true) {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    cwd,
    env: {},
    stdout: { isTTY: tty, columns, write: (s: string) => (stdout += s) },
    stderr: { isTTY: tty, columns, write: (s: string) => (stderr += s) },
    today: () => '2026-11-01',
  };
  const code = await main(argv, io);
  return { code, stdout, stderr, lines: `${stdout}\n${stderr}`.replace(ANSI, '').split('\n') };
}

const widest = (lines: string[]) => Math.max(...lines.map((l) => stringWidth(l)));

/** A copy of the example whose accounts all carry long names, English or Chinese, and whose reports are in that language. */
function workspace(lang: 'en' | 'zh'): string {
  const root = mkdtempSync(join(tmpdir(), `kam-fit-${lang}-`));
  cpSync(example, root, { recursive: true });
  writeFileSync(join(root, 'kam.yaml'), readFileSync(join(root, 'kam.yaml'), 'utf8').replace(/^lang: .*$/m, `lang: ${lang}`));
  const names =
    lang === 'zh'
      ? ['诺德维克汽车零部件（苏州）有限公司华东区域销售与服务中心', '百奥制药股份有限公司', '太平洋包装材料（上海）有限公司', '英泰科技有限公司']
      : ['Nordwerk Automotive Components (Suzhou) Co., Ltd. East China Sales and Service', 'Baiao Pharmaceutical Co., Ltd.', 'Pacific Rim Packaging Ltd.', 'Yingtai Technology'];
  readdirSync(join(root, 'accounts')).forEach((file, i) => {
    const at = join(root, 'accounts', file);
    writeFileSync(at, readFileSync(at, 'utf8').replace(/^name: .*$/m, `name: ${names[i % names.length]}`));
  });
  return root;
}

const workspaces = { en: workspace('en'), zh: workspace('zh') };

describe.each(['en', 'zh'] as const)('a terminal, %s workspace', (lang) => {
  const ws = workspaces[lang];

  describe.each([80, 120])('%i columns', (columns) => {
    it.each([
      ['score', ['score']],
      ['score --sort risk --tier key', ['score', '--sort', 'risk', '--tier', 'key']],
      ['check', ['check']],
      ['validate', ['validate']],
    ])('kam %s: no line wider than the terminal', async (_name, argv) => {
      const r = await onTerminal(argv, ws, columns);
      expect(r.code, r.stderr).toBeLessThan(2);
      expect(widest(r.lines), r.lines.find((l) => stringWidth(l) > columns)).toBeLessThanOrEqual(columns);
    });

    it('the score table keeps id, name, S, tier and risk, shortens names with an ellipsis and says what it left out', async () => {
      const r = await onTerminal(['score'], ws, columns);
      const head = r.lines[1].split('│').map((s) => s.trim()).filter(Boolean);
      expect(head.slice(0, 2)).toEqual(['id', 'name']);
      for (const h of ['S', 'tier', 'risk']) expect(head).toContain(h);
      expect(r.stdout).toContain('…');
      expect(r.stdout.replace(ANSI, '').replace(/\n/g, ' ')).toMatch(/left out to fit \d+ columns: --wide shows all/);
      // every table line is as wide as the others: Chinese names line up
      const table = r.lines.filter((l) => /^[┌│├└]/.test(l));
      expect(new Set(table.map((l) => stringWidth(l))).size).toBe(1);
    });
  });
});

describe('width from the terminal', () => {
  const ws = workspaces.zh;

  it('80 columns on a TTY that does not say its width', async () => {
    const r = await onTerminal(['score'], ws, undefined);
    expect(widest(r.lines)).toBeLessThanOrEqual(80);
    expect(r.stdout).toContain('left out');
  });

  it('no limit when piped: every column, no name shortened', async () => {
    const r = await onTerminal(['score'], ws, 80, false);
    expect(r.lines[1].split('│').map((s) => s.trim()).filter(Boolean)).toEqual(['id', 'name', 'A', 'R', 'V', 'S', 'tier', 'abc', 'segment', 'quadrant', 'risk', 'complete']);
    expect(r.stdout).not.toContain('…');
    expect(widest(r.lines)).toBeGreaterThan(120);
  });

  it('--wide on a TTY shows every column, and check --wide does not wrap', async () => {
    const score = await onTerminal(['score', '--wide'], ws, 80);
    expect(score.lines[1]).toContain('quadrant');
    expect(score.stdout).not.toContain('left out');
    const check = await onTerminal(['check', '--wide'], ws, 80);
    expect(widest(check.lines)).toBeGreaterThan(80);
  });

  it('--columns picks and orders the columns, by key or head', async () => {
    const r = await onTerminal(['score', '--columns', 'id,S,tier,risk,name'], ws, 120);
    expect(r.lines[1].split('│').map((s) => s.trim()).filter(Boolean)).toEqual(['id', 'S', 'tier', 'risk', 'name']);
    const byKey = await onTerminal(['score', '--columns', 'id,composite,completeness'], ws, 120, false);
    expect(byKey.lines[1].split('│').map((s) => s.trim()).filter(Boolean)).toEqual(['id', 'S', 'complete']);
  });

  it('--columns with an unknown column is a usage error naming the choices', async () => {
    const r = await onTerminal(['score', '--columns', 'id,colour'], ws, 80);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--columns takes id, name, attractiveness (A)');
    expect(r.stderr).toContain('got "colour"');
  });
});
