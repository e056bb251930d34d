/**
 * Finds the headless Chromium the browser tests drive (Debian package `chromium`), with what they
 * read the reports with: a CJK font (`fonts-noto-cjk`, so that Chinese is drawn, not boxes) and
 * pdftotext/pdfinfo (`poppler-utils`). What is missing is installed with apt-get when we run as
 * root (CI containers); otherwise the tests fail with a message saying how to install it: they are
 * never skipped.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';

export const launchArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const hasCjkFont = () => /\S/.test(spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).stdout ?? '');
const hasPoppler = () => spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).status === 0;

/** The Debian packages the browser tests need that are not installed. */
export function missingPackages(): string[] {
  return [!existsSync(CHROMIUM) && 'chromium', !hasCjkFont() && 'fonts-noto-cjk', !hasPoppler() && 'poppler-utils'].filter((p): p is string => Boolean(p));
}

export function ensureChromium(): string {
  const missing = missingPackages();
  if (missing.length === 0) return CHROMIUM;
  if (process.getuid?.() !== 0) throw new Error(`the browser tests need ${missing.join(', ')}: install with \`sudo apt-get install -y ${missing.join(' ')}\``);
  for (const args of [['update'], ['install', '-y', ...missing]]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${r.status})`);
  }
  const still = missingPackages();
  if (still.length) throw new Error(`apt-get installed ${missing.join(', ')} but ${still.join(', ')} is still missing`);
  return CHROMIUM;
}
