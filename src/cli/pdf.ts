/**
 * `kam plan --format pdf`: the HTML reports printed to A4 PDFs by a headless Chromium or Chrome,
 * driven through playwright-core (loaded only here). The browser is the one named by `--browser`
 * or `KAM_BROWSER`, else the first found in the usual places; without one, a usage error (exit 2)
 * says how to install it. Each page gets a footer with the report's title and `page / pages`.
 */
import { existsSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { PDF_MARK, type OutputFile } from '../report/files.js';

/** Where Chromium and Chrome are usually installed, in the order tried. */
export const BROWSER_PLACES: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

export const INSTALL_HINT =
  'install Chromium (Debian/Ubuntu: `sudo apt-get install -y chromium fonts-noto-cjk`; macOS: `brew install --cask chromium`) or Google Chrome, or name one with --browser <path> or KAM_BROWSER';

/** The browser to print with: `named` (--browser), else `env` (KAM_BROWSER), else the first of `places` that exists. */
export function findBrowser(named: string | undefined, env: string | undefined, places: readonly string[] = BROWSER_PLACES, exists: (p: string) => boolean = existsSync): string {
  for (const [value, source] of [
    [named, '--browser'],
    [env, 'KAM_BROWSER'],
  ] as const) {
    if (value === undefined || value === '') continue;
    if (!exists(value)) throw new UsageError(`the browser named by ${source} does not exist: ${value}; ${INSTALL_HINT}`);
    return value;
  }
  const found = places.find((p) => exists(p));
  if (!found) throw new UsageError(`kam plan --format pdf needs a Chromium or Chrome browser, and none was found; ${INSTALL_HINT}`);
  return found;
}

const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

const FONTS = 'system-ui, -apple-system, "Segoe UI", Roboto, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';

/** The footer Chromium prints in every page's bottom margin: the title left, `3 / 8` right. */
const footer = (title: string) =>
  `<div style="font-family:${FONTS.replace(/"/g, "'")};font-size:8px;color:#6c757d;width:100%;margin:0 12mm;display:flex;justify-content:space-between;gap:12px">` +
  `<span style="overflow:hidden;white-space:nowrap;text-overflow:ellipsis">${title}</span>` +
  `<span style="white-space:nowrap"><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`;

/** The report's `<title>`, as it stands in the HTML (already escaped). */
const titleOf = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';

/** Prints HTML files to PDFs (same paths, `.pdf`), a few at a time, in one browser. */
export async function printPdfs(files: readonly OutputFile[], browser: string, concurrency = 4): Promise<OutputFile[]> {
  let playwright: typeof import('playwright-core');
  try {
    playwright = await import('playwright-core');
  } catch {
    throw new UsageError('kam plan --format pdf needs the package playwright-core: `npm install playwright-core`');
  }
  let instance: import('playwright-core').Browser;
  try {
    instance = await playwright.chromium.launch({ executablePath: browser, args: LAUNCH_ARGS });
  } catch (error) {
    const first = String((error as Error)?.message ?? error).split('\n')[0];
    throw new UsageError(`cannot start the browser ${browser}: ${first}; ${INSTALL_HINT}`);
  }
  try {
    const out: OutputFile[] = new Array(files.length);
    let next = 0;
    const worker = async () => {
      const page = await instance.newPage();
      try {
        while (next < files.length) {
          const i = next++;
          const file = files[i];
          const html = typeof file.content === 'string' ? file.content : Buffer.from(file.content).toString('utf8');
          await page.setContent(html, { waitUntil: 'load' });
          await page.evaluate('document.fonts.ready');
          const pdf = await page.pdf({
            format: 'A4',
            printBackground: true,
            displayHeaderFooter: true,
            headerTemplate: '<span></span>',
            footerTemplate: footer(titleOf(html)),
            margin: { top: '14mm', bottom: '16mm', left: '12mm', right: '12mm' },
          });
          out[i] = { path: file.path.replace(/\.html$/, '.pdf'), content: Buffer.concat([pdf, Buffer.from(`\n${PDF_MARK}\n`, 'latin1')]) };
        }
      } finally {
        await page.close();
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
    return out;
  } finally {
    await instance.close();
  }
}
