/** What the browser tests share: opening a report page and watching it, and the missing-glyph check. */
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';

/** Opens a report file; `errors` collects console errors, page errors and any request beyond the file system. */
export async function openPage(browser: Browser, file: string, viewport = { width: 1200, height: 900 }): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => !r.url().startsWith('file://') && errors.push(`request ${r.url()}`));
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, errors };
}

/**
 * The characters of a node's text that Chromium draws as the missing-glyph box: each character is
 * drawn on a canvas in the node's font (with the same fallback as the page) and compared, pixel
 * for pixel, with a private-use character no font has.
 */
export async function boxesIn(page: Page, selector: string): Promise<{ chars: number; boxes: string[] }> {
  return page.locator(selector).first().evaluate((el) => {
    const style = getComputedStyle(el);
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 48;
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    const draw = (ch: string) => {
      ctx.clearRect(0, 0, 48, 48);
      ctx.font = `${style.fontWeight} 32px ${style.fontFamily}`;
      ctx.textBaseline = 'top';
      ctx.fillText(ch, 4, 4);
      return ctx.getImageData(0, 0, 48, 48).data.join(',');
    };
    const box = draw('\u{F0000}');
    const chars = [...new Set([...(el.textContent ?? '')].filter((ch) => ch.trim() !== '' && ch.codePointAt(0)! > 0x2e80))];
    return { chars: chars.length, boxes: chars.filter((ch) => draw(ch) === box) };
  });
}

