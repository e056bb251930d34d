/** The trend chart of the HTML portfolio in a real browser: one line per key account, a mark per tier change, in print and in Chinese. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kam, tempWorkspace } from '../helpers.js';
import { account, commitAt, gitAt, strong } from '../trend/history.js';
import { ensureChromium, launchArgs } from './chromium.js';

const weak = 'assessment:\n  attractiveness: low\n  relationship: limited\n';

let browser: Browser;
let root: string;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: ensureChromium(), args: launchArgs });
  // key at the end: alpha (demoted, then promoted again), beta and gamma (promoted once); delta stays ordinary
  root = tempWorkspace({});
  gitAt(root, '2026-01-05', 'init', '-q');
  commitAt(root, '2026-01-05', 'start', {
    'kam.yaml': 'version: 1\n',
    'accounts/alpha.yaml': account('alpha', 'Alpha Industrial', 900, strong),
    'accounts/beta.yaml': account('beta', '贝塔电子', 500, weak),
    'accounts/gamma.yaml': account('gamma', 'Gamma', 300, weak),
    'accounts/delta.yaml': account('delta', 'Delta', 100, weak),
  });
  commitAt(root, '2026-02-05', 'beta key', { 'accounts/beta.yaml': account('beta', '贝塔电子', 500, strong) });
  commitAt(root, '2026-03-05', 'gamma key', { 'accounts/gamma.yaml': account('gamma', 'Gamma', 300, strong) });
  commitAt(root, '2026-04-05', 'alpha down', { 'accounts/alpha.yaml': account('alpha', 'Alpha Industrial', 900, weak) });
  commitAt(root, '2026-05-05', 'alpha up', { 'accounts/alpha.yaml': account('alpha', 'Alpha Industrial', 900, strong) });
}, 600_000);

afterAll(async () => {
  await browser?.close();
});

describe('the trend chart in Chromium', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`draws one line per key account and a mark per tier change (${lang}), on screen and in print`, async () => {
      const out = mkdtempSync(join(tmpdir(), 'kam-trend-browser-'));
      const r = await kam(['plan', '-C', root, '--out', out, '--format', 'html', '--lang', lang]);
      expect(r.code).toBe(0);
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.goto(pathToFileURL(join(out, 'portfolio.html')).href, { waitUntil: 'load' });
      for (const media of ['screen', 'print'] as const) {
        await page.emulateMedia({ media });
        const lines = page.locator('svg.kam-trend polyline.trend-line');
        expect((await lines.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')))).sort()).toEqual(['alpha', 'beta', 'gamma']);
        const marks = await page.locator('svg.kam-trend path.tier-change').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-id')}:${e.getAttribute('data-from')}>${e.getAttribute('data-to')}`));
        expect(marks.sort()).toEqual(['alpha:key>ordinary', 'alpha:ordinary>key', 'beta:ordinary>key', 'gamma:ordinary>key']);
        // drawn, inside the chart: every line has a length, every mark a box within the svg
        const svg = (await page.locator('svg.kam-trend').boundingBox())!;
        expect(svg.width).toBeGreaterThan(300);
        for (const box of await page.locator('svg.kam-trend path.tier-change').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()))) {
          expect(box.width).toBeGreaterThan(3);
          expect(box.x).toBeGreaterThanOrEqual(svg.x);
          expect(box.x + box.width).toBeLessThanOrEqual(svg.x + svg.width);
        }
        for (const len of await lines.evaluateAll((els) => els.map((e) => (e as SVGPolylineElement).getTotalLength()))) expect(len).toBeGreaterThan(50);
      }
      const legend = await page.locator('svg.kam-trend text').allTextContents();
      expect(legend).toContain(lang === 'zh' ? '提交日期' : 'commit date');
      expect(legend).toContain('贝塔电子');
      expect(await page.locator('#trend h2').textContent()).toBe(lang === 'zh' ? '趋势' : 'Trend');
      // a plan's sparkline: its tier changes marked
      await page.goto(pathToFileURL(join(out, 'accounts', 'alpha.html')).href, { waitUntil: 'load' });
      expect(await page.locator('svg.kam-sparkline polyline.trend-line').count()).toBe(1);
      expect(await page.locator('svg.kam-sparkline path.tier-change').count()).toBe(2);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
