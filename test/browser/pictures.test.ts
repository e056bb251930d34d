/**
 * The report pictures and the PDF in a real headless Chromium, per language and audience: the org
 * chart (a box per contact, a line per `reports_to`), the portfolio matrix (no two labels overlap,
 * by the bounding boxes the browser lays out, on the example and on 300 generated accounts), Chinese
 * drawn with a real CJK font (never a fallback box), no console error, screenshots, and the PDF of
 * the example's longest plan (`kam plan --format pdf`): every page holds body text (pdftotext).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsyaml from 'js-yaml';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript benchmark helper
import { generate } from '../../bench/generate.js';
import { example, kam } from '../helpers.js';
import { ensureChromium, launchArgs } from './chromium.js';
import { boxesIn, openPage } from './page.js';

const langs = ['en', 'zh'] as const;
/**
 * The audiences these picture tests run for: the team's reports hold every picture; the exec and
 * customer reports are tested in audiences.test.ts (the customer's mutual plan has none of them).
 */
const audiences = ['team'] as const;
const audienceArgs = (audience: (typeof audiences)[number]) => (audience === 'team' ? [] : ['--audience', audience]);

type Contact = { name: string; reports_to?: string };
const accountsDir = join(example, 'accounts');
const exampleAccounts = readdirSync(accountsDir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => ({ id: f.replace(/\.yaml$/, ''), lines: readFileSync(join(accountsDir, f), 'utf8').split('\n').length, contacts: ((jsyaml.load(readFileSync(join(accountsDir, f), 'utf8')) as { contacts?: Contact[] }).contacts ?? []) }))
  .sort((a, b) => (a.id < b.id ? -1 : 1));
/** the example's longest plan: the account file with the most lines */
const longest = [...exampleAccounts].sort((a, b) => b.lines - a.lines)[0].id;

let browser: Browser;
const outs = new Map<string, string>();
let generatedOut: string;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: ensureChromium(), args: launchArgs });
  for (const lang of langs) {
    for (const audience of audiences) {
      const out = mkdtempSync(join(tmpdir(), `kam-pictures-${lang}-${audience}-`));
      const r = await kam(['plan', example, '--out', out, '--format', 'html', '--lang', lang, ...audienceArgs(audience)]);
      expect(r.code, r.stderr).toBe(0);
      outs.set(`${lang}/${audience}`, out);
    }
  }
  const ws = generate(mkdtempSync(join(tmpdir(), 'kam-pictures-300-')), 300) as string;
  generatedOut = mkdtempSync(join(tmpdir(), 'kam-pictures-300-out-'));
  const r = await kam(['plan', ws, '--out', generatedOut, '--format', 'html']);
  expect(r.code).toBeLessThanOrEqual(1); // the generated workspace holds invalid files on purpose
}, 600_000);

afterAll(async () => {
  await browser?.close();
});

const open = (file: string, viewport?: { width: number; height: number }) => openPage(browser, file, viewport);

type Rect = { x: number; y: number; width: number; height: number; text: string };
const overlapping = (boxes: Rect[]) => {
  const pairs: string[] = [];
  // 0.5 px of tolerance for sub-pixel rounding
  const hit = (a: Rect, b: Rect) => a.x + 0.5 < b.x + b.width && b.x + 0.5 < a.x + a.width && a.y + 0.5 < b.y + b.height && b.y + 0.5 < a.y + a.height;
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (hit(boxes[i], boxes[j])) pairs.push(`${boxes[i].text} / ${boxes[j].text}`);
  return pairs;
};
const labelRects = (page: Page) =>
  page.locator('svg.kam-matrix text.label').evaluateAll((els) => els.map((e) => ({ ...e.getBoundingClientRect().toJSON(), text: e.textContent ?? '' }) as Rect));

/** The fonts Chromium drew a node's text with (DevTools protocol). */
async function fontsOf(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return fonts.filter((f) => f.glyphCount > 0).map((f) => f.familyName);
}
const CJK_FONT = /CJK|PingFang|YaHei|Source Han|Noto Sans SC|Noto Serif SC|WenQuanYi/i;

describe('report pictures in Chromium', () => {
  for (const lang of langs) {
    for (const audience of audiences) {
      describe(`${lang}, ${audience}`, () => {
        const out = () => outs.get(`${lang}/${audience}`)!;

        it('every account plan: no console error, an org chart with a box per contact and a solid line per reports_to', async () => {
          for (const account of exampleAccounts) {
            const { page, errors } = await open(join(out(), 'accounts', `${account.id}.html`));
            const nodes = await page.locator('svg.kam-orgchart g.node').evaluateAll((els) => els.map((e) => e.getAttribute('data-contact')));
            expect(nodes.sort(), account.id).toEqual(account.contacts.map((c) => c.name).sort());
            const lines = await page.locator('svg.kam-orgchart path.reports').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-from')}>${e.getAttribute('data-to')}`));
            expect(lines.sort(), account.id).toEqual(account.contacts.filter((c) => c.reports_to).map((c) => `${c.reports_to}>${c.name}`).sort());
            // every box lies inside the chart, and no two boxes overlap
            const boxes = await page.locator('svg.kam-orgchart rect.box').evaluateAll((els) => els.map((e) => ({ ...e.getBoundingClientRect().toJSON(), text: e.parentElement?.getAttribute('data-contact') ?? '' }) as Rect));
            expect(overlapping(boxes)).toEqual([]);
            if (account.id === longest) await page.locator('figure.orgchart').screenshot({ path: join(out(), `orgchart-${account.id}.png`) });
            expect(errors, account.id).toEqual([]);
            await page.close();
          }
          expect(statSync(join(out(), `orgchart-${longest}.png`)).size).toBeGreaterThan(10_000);
        });

        it('the portfolio: matrix labels do not overlap, the key and totals are there, screenshot without errors', async () => {
          const { page, errors } = await open(join(out(), 'portfolio.html'));
          expect(await page.locator('svg.kam-matrix circle.dot[data-id]').count()).toBe(exampleAccounts.length);
          const labels = await labelRects(page);
          expect(labels.length).toBe(exampleAccounts.length);
          expect(overlapping(labels)).toEqual([]);
          expect(await page.locator('svg.kam-matrix g.account > title').count()).toBe(exampleAccounts.length);
          // numbered dots are named in the key
          const numbers = await page.locator('svg.kam-matrix text.label.number').allTextContents();
          const key = await page.locator('ol.matrix-key li').evaluateAll((els) => els.map((e) => e.getAttribute('value')));
          expect(key).toEqual(numbers.sort((a, b) => Number(a) - Number(b)));
          expect(await page.locator('table.totals tbody tr').count()).toBe(4);
          await page.screenshot({ path: join(out(), 'portfolio.png'), fullPage: true });
          expect(statSync(join(out(), 'portfolio.png')).size).toBeGreaterThan(50_000);
          expect(errors).toEqual([]);
          await page.close();
        });

        it('the longest plan printed to A4: tables fit the page, no cell narrower than two characters', async () => {
          // A4 less the PDF margins (12 mm each side) at 96 px per inch
          const { page, errors } = await open(join(out(), 'accounts', `${longest}.html`), { width: Math.floor(((210 - 24) / 25.4) * 96), height: 1000 });
          await page.emulateMedia({ media: 'print' });
          const width = await page.evaluate(() => document.documentElement.clientWidth);
          const tables = await page.locator('table').evaluateAll((els) => els.map((e) => ({ cls: e.className, right: e.getBoundingClientRect().right, scroll: e.scrollWidth, client: e.clientWidth })));
          for (const t of tables) expect(t.right, t.cls).toBeLessThanOrEqual(width + 1);
          const narrow = await page.locator('td, th').evaluateAll((els) =>
            els.flatMap((e) => {
              const text = (e.textContent ?? '').trim();
              const style = getComputedStyle(e);
              const inner = e.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
              return [...text].length >= 2 && inner < 2 * parseFloat(style.fontSize) ? [text] : [];
            }),
          );
          expect(narrow).toEqual([]);
          await page.screenshot({ path: join(out(), `${longest}-print.png`), fullPage: true });
          expect(errors).toEqual([]);
          await page.close();
        });

        if (lang === 'zh') {
          it('Chinese text is drawn with a real CJK font, never with fallback boxes', async () => {
            const { page } = await open(join(out(), 'accounts', `${longest}.html`));
            for (const selector of ['h1', 'h2', 'svg.kam-orgchart text.name', 'table.contacts td']) {
              const { chars, boxes } = await boxesIn(page, selector);
              expect(chars, selector).toBeGreaterThan(0);
              expect(boxes, selector).toEqual([]);
              expect((await fontsOf(page, selector)).some((f) => CJK_FONT.test(f)), selector).toBe(true);
            }
            // the check can fail: a character no font has is found as a box
            await page.evaluate(() => {
              const p = document.createElement('p');
              p.id = 'tofu';
              p.textContent = '客户\u{F0001}';
              document.body.append(p);
            });
            expect(await boxesIn(page, '#tofu')).toEqual({ chars: 3, boxes: ['\u{F0001}'] });
            await page.close();
          });
        }
      });
    }
  }

  it('a generated 300-account portfolio: every assessed account drawn, no two labels overlap', async () => {
    const { page, errors } = await open(join(generatedOut, 'portfolio.html'));
    const dots = await page.locator('svg.kam-matrix circle.dot[data-id]').count();
    const rows = await page.locator('table.accounts tbody tr').count();
    const unassessed = (await page.locator('p.unassessed').count()) > 0;
    expect(dots).toBeGreaterThan(200);
    if (!unassessed) expect(dots).toBe(rows);
    const labels = await labelRects(page);
    expect(labels.length).toBeGreaterThan(30);
    expect(overlapping(labels)).toEqual([]);
    await page.locator('svg.kam-matrix').screenshot({ path: join(generatedOut, 'matrix-300.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('kam plan --format pdf', () => {
  for (const lang of langs) {
    it.concurrent(`prints the longest plan (${lang}): every page holds body text, the footer names the account and numbers the pages`, async () => {
      const out = mkdtempSync(join(tmpdir(), `kam-pdf-${lang}-`));
      const r = await kam(['plan', example, longest, '--format', 'pdf', '--lang', lang, '--out', out], { env: { KAM_BROWSER: ensureChromium() } });
      expect(r.code, r.stderr).toBe(0);
      const file = join(out, 'accounts', `${longest}.pdf`);
      expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
      expect(info.status, 'pdfinfo (Debian poppler-utils) must be installed').toBe(0);
      const pages = Number(/Pages:\s+(\d+)/.exec(info.stdout)?.[1]);
      expect(pages).toBeGreaterThanOrEqual(3);
      const name = (jsyaml.load(readFileSync(join(accountsDir, `${longest}.yaml`), 'utf8')) as { name: string }).name;
      for (let p = 1; p <= pages; p++) {
        const text = spawnSync('pdftotext', ['-f', String(p), '-l', String(p), '-layout', file, '-'], { encoding: 'utf8' }).stdout;
        const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
        const footer = lines.at(-1) ?? '';
        expect(footer, `page ${p}`).toContain(name);
        expect(footer.replace(/\s+/g, ''), `page ${p}`).toMatch(new RegExp(`${p}/${pages}$`));
        const body = lines.slice(0, -1).join(' ');
        expect(body.length, `page ${p} holds no body text`).toBeGreaterThan(40);
      }
      // a second run over the same output is allowed to overwrite the PDF it wrote
      const again = await kam(['plan', example, longest, '--format', 'pdf', '--lang', lang, '--out', out], { env: { KAM_BROWSER: ensureChromium() } });
      expect(again.code, again.stderr).toBe(0);
    }, 60_000);
  }
});
