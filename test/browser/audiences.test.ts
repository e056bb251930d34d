/**
 * The exec and customer reports in a real headless Chromium, in both languages: every plan opens
 * with no console error and no request beyond its own file, the exec plan draws the org chart (a
 * box per contact), the customer's mutual plan draws none of the internal pictures, Chinese is
 * drawn with a real font (no fallback box), and a screenshot of the longest plan is taken.
 * (The team reports are tested in pictures.test.ts.)
 */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsyaml from 'js-yaml';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, kam } from '../helpers.js';
import { ensureChromium, launchArgs } from './chromium.js';
import { boxesIn, openPage } from './page.js';

const accountsDir = join(example, 'accounts');
const accounts = readdirSync(accountsDir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => {
    const text = readFileSync(join(accountsDir, f), 'utf8');
    return { id: f.replace(/\.yaml$/, ''), lines: text.split('\n').length, contacts: ((jsyaml.load(text) as { contacts?: { name: string }[] }).contacts ?? []).map((c) => c.name) };
  });
const longest = [...accounts].sort((a, b) => b.lines - a.lines)[0].id;

let browser: Browser;
const outs = new Map<string, string>();

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: ensureChromium(), args: launchArgs });
  for (const lang of ['en', 'zh']) {
    for (const audience of ['exec', 'customer']) {
      const out = mkdtempSync(join(tmpdir(), `kam-audience-${lang}-${audience}-`));
      const r = await kam(['plan', example, '--out', out, '--format', 'html', '--lang', lang, '--audience', audience, '--no-trend']);
      expect(r.code, r.stderr).toBe(0);
      outs.set(`${lang}/${audience}`, out);
    }
  }
}, 300_000);

afterAll(async () => {
  await browser?.close();
});

const open = (file: string, viewport?: { width: number; height: number }) => openPage(browser, file, viewport);

describe('exec and customer reports in Chromium', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`exec (${lang}): no console error, the org chart has a box per contact, no rule id or file path on the page`, async () => {
      const out = outs.get(`${lang}/exec`)!;
      for (const account of accounts) {
        const { page, errors } = await open(join(out, 'accounts', `${account.id}.html`));
        expect(await page.locator('body.audience-exec').count(), account.id).toBe(1);
        const nodes = await page.locator('svg.kam-orgchart g.node').evaluateAll((els) => els.map((e) => e.getAttribute('data-contact')));
        expect(nodes.sort(), account.id).toEqual([...account.contacts].sort());
        const text = await page.locator('body').innerText();
        expect(text, account.id).not.toMatch(/accounts\/[a-z0-9-]+\.yaml|\b(team|contacts|plan|customer)\/[a-z-]+\b/);
        if (account.id === longest) await page.screenshot({ path: join(out, `${account.id}.png`), fullPage: true });
        expect(errors, account.id).toEqual([]);
        await page.close();
      }
      expect(statSync(join(out, `${longest}.png`)).size).toBeGreaterThan(20_000);
    });

    it(`customer (${lang}): no console error, none of the internal pictures, a mutual plan only`, async () => {
      const out = outs.get(`${lang}/customer`)!;
      for (const account of accounts) {
        const { page, errors } = await open(join(out, 'accounts', `${account.id}.html`));
        expect(await page.locator('body.audience-customer').count(), account.id).toBe(1);
        expect(await page.locator('svg.kam-orgchart, svg.kam-matrix, svg.kam-trend').count(), account.id).toBe(0);
        if (account.id === longest) await page.screenshot({ path: join(out, `${account.id}.png`), fullPage: true });
        expect(errors, account.id).toEqual([]);
        await page.close();
      }
      expect(statSync(join(out, `${longest}.png`)).size).toBeGreaterThan(10_000);
    });
  }

  it('customer (zh): Chinese is drawn with a real font, never a fallback box', async () => {
    const { page } = await open(join(outs.get('zh/customer')!, 'accounts', `${longest}.html`));
    const boxes = await boxesIn(page, 'body');
    expect(boxes.chars).toBeGreaterThan(0);
    expect(boxes.boxes).toEqual([]);
    await page.close();
  });
});
