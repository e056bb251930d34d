/** The HTML reports in a real browser: headless Chromium through playwright-core. */
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, kam, tempWorkspace } from '../helpers.js';
import { ensureChromium, launchArgs } from './chromium.js';

const ids = ['baiao-pharma', 'jinhe-foods', 'kaisheng-solar', 'meridian-medical', 'ningchuan-battery', 'nordwerk-automotive', 'pacific-packaging', 'yingtai-tech'];

let browser: Browser;
let out: string;

beforeAll(async () => {
  const executablePath = ensureChromium();
  browser = await chromium.launch({ executablePath, args: launchArgs });
  out = mkdtempSync(join(tmpdir(), 'kam-browser-'));
  const r = await kam(['plan', example, '--out', out, '--format', 'html']);
  expect(r.code).toBe(0);
}, 600_000);

afterAll(async () => {
  await browser?.close();
});

/** Opens a report, recording console errors, page errors and any request that is not a local file. */
async function open(file: string): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => !r.url().startsWith('file://') && requests.push(r.url()));
  await page.goto(pathToFileURL(join(out, file)).href, { waitUntil: 'load' });
  return { page, errors, requests };
}

describe('HTML reports in Chromium', () => {
  it('the portfolio shows one SVG dot per account, without errors or network requests', async () => {
    const { page, errors, requests } = await open('portfolio.html');
    const dots = page.locator('svg.kam-matrix circle.dot[data-id]');
    expect(await dots.count()).toBe(ids.length);
    expect((await dots.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')))).sort()).toEqual(ids);
    // every dot is drawn inside the chart, with a tier colour
    const boxes = await dots.evaluateAll((els) => els.map((e) => ({ ...e.getBoundingClientRect().toJSON(), fill: getComputedStyle(e).fill })));
    for (const b of boxes) {
      expect(b.width).toBeGreaterThan(5);
      expect(b.fill).toMatch(/^rgb\(/);
    }
    expect(await page.locator('svg.kam-matrix text.quadrant').allTextContents()).toEqual(['Strategic', 'Star', 'Status', 'Streamline']);
    expect(await page.locator('table.accounts tbody tr').count()).toBe(ids.length);
    const shot = join(out, 'portfolio.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(50_000);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('shows hostile values from YAML as text: no script runs, no markup is injected', async () => {
    const name = '<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2"> {{constructor}} | *x*';
    const ws = tempWorkspace({
      'accounts/evil.yaml': `id: evil\nname: '${name}'\nfinancials: { revenue: { 2025: 100 } }\nplan: { summary: '<b>bold</b> {{#each this}}x{{/each}}' }\n`,
    });
    const r = await kam(['plan', ws, '--format', 'html']);
    expect(r.code).toBe(0);
    for (const [file, selector] of [['accounts/evil.html', 'h1'], ['portfolio.html', 'table.accounts a']]) {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(pathToFileURL(join(ws, 'reports', file)).href, { waitUntil: 'load' });
      expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
      expect(await page.locator('script, img, b').count()).toBe(0);
      expect(await page.locator(selector).first().textContent()).toContain(name);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('an account plan prints to a clean multi-page PDF (print stylesheet applied)', async () => {
    const { page, errors, requests } = await open('accounts/nordwerk-automotive.html');
    expect(await page.locator('h1').textContent()).toBe('Account plan: Nordwerk Automotive Components (Suzhou) Co., Ltd.');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nav').evaluate((n) => getComputedStyle(n).display)).toBe('none');
    const file = join(out, 'nordwerk-automotive.pdf');
    const pdf = await page.pdf({ path: file, format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(30_000);
    const pages = readFileSync(file, 'latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });
});
