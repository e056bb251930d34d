/** `kam plan`: reports of the example workspace (snapshots), safety, ids, invalid accounts, overrides. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';
import { bin, example, kam, kamProcess, repoRoot, tempWorkspace } from '../helpers.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'kam-plan-'));

/** Every file under `dir`, by path relative to it (sorted). */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (at: string) => {
    for (const e of readdirSync(at, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(at, e.name);
      if (e.isDirectory()) walk(p);
      else out[relative(dir, p).split('\\').join('/')] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

const account = (id: string, extra = '') => `id: ${id}\nname: ${id.toUpperCase()}\nfinancials: { revenue: { 2025: 100 } }\n${extra}`;

describe('kam plan on the example workspace for the exec and the customer', () => {
  const plans = ['baiao-pharma', 'jinhe-foods', 'kaisheng-solar', 'meridian-medical', 'ningchuan-battery', 'nordwerk-automotive', 'pacific-packaging', 'yingtai-tech'];
  for (const audience of ['exec', 'customer'] as const) {
    for (const lang of ['en', 'zh'] as const) {
      it(`renders the Markdown reports for the ${audience} (${lang}) as in the snapshots`, async () => {
        const out = tempDir();
        const r = await kam(['plan', example, '--out', out, '--lang', lang, '--audience', audience, '--no-trend']);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        const what = audience === 'exec' ? '8 account plans and the portfolio' : '8 mutual plans';
        expect(r.stdout).toBe(`✔ ${what} written to ${out} (md, ${lang}, for the ${audience === 'exec' ? 'executive' : 'customer'})\n`);
        const files = tree(out);
        const expected = plans.map((id) => `accounts/${id}.md`);
        expect(Object.keys(files)).toEqual(audience === 'exec' ? [...expected, 'portfolio-matrix.svg', 'portfolio.md'] : expected);
        for (const [file, text] of Object.entries(files)) {
          if (file.startsWith('accounts/')) await expect(text).toMatchFileSnapshot(`__snapshots__/plan-${lang}-${audience}/${file}`);
        }
        if (audience === 'exec') expect(files['portfolio.md']).toBe(readFileSync(new URL(`__snapshots__/plan-${lang}/portfolio.md`, import.meta.url), 'utf8'));
      });
    }
  }

  it('takes the audience from kam.yaml report.audience, and writes into reports/<audience> by default', async () => {
    const ws = tempDir();
    cpSync(example, ws, { recursive: true });
    writeFileSync(join(ws, 'kam.yaml'), `${readFileSync(join(example, 'kam.yaml'), 'utf8')}\nreport:\n  audience: customer\n`);
    const r = await kam(['plan', ws, 'nordwerk-automotive']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`1 mutual plan written to ${join(ws, 'reports', 'customer')}`);
    const text = readFileSync(join(ws, 'reports', 'customer', 'accounts', 'nordwerk-automotive.md'), 'utf8');
    expect(text).toContain('# Mutual plan: Nordwerk Automotive');
    // --audience wins over kam.yaml
    const team = await kam(['plan', ws, 'nordwerk-automotive', '--audience', 'team']);
    expect(team.stdout).toContain(`1 account plan written to ${join(ws, 'reports')} (md, en)`);
    expect(existsSync(join(ws, 'reports', 'accounts', 'nordwerk-automotive.md'))).toBe(true);
  });

  it('refuses an unknown audience (exit 2), naming the choices', async () => {
    const r = await kam(['plan', example, '--audience', 'board']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/team, exec, customer/);
  });

  it('renders the HTML reports for each audience; the customer plan shows no score and no finding', async () => {
    const out = tempDir();
    for (const audience of ['team', 'exec', 'customer']) {
      const r = await kam(['plan', example, '--out', join(out, audience), '--format', 'html', '--audience', audience]);
      expect(r.code).toBe(0);
    }
    const plan = (audience: string) => readFileSync(join(out, audience, 'accounts', 'nordwerk-automotive.html'), 'utf8');
    expect(plan('team')).toContain('accounts/nordwerk-automotive.yaml');
    expect(plan('exec')).not.toContain('accounts/nordwerk-automotive.yaml');
    expect(plan('exec')).toContain('Gaps in this plan');
    expect(plan('customer')).not.toMatch(/Composite|Risk|Gaps|Findings|Hooli|Globex/);
    expect(plan('customer')).toContain('Propose spare-parts harmonisation');
    expect(plan('customer')).not.toContain('Submit TCO comparison');
  });
});

describe('kam plan on the example workspace', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`renders the Markdown plans and portfolio (${lang}) as in the snapshots`, async () => {
      const out = tempDir();
      // the example's git history would add trend pictures (test/trend/plan-trend.test.ts has them)
      const r = await kam(['plan', example, '--out', out, '--lang', lang, '--no-trend']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`✔ 8 account plans and the portfolio written to ${out} (md, ${lang})\n`);
      const files = tree(out);
      expect(Object.keys(files)).toEqual([
        'accounts/baiao-pharma.md',
        'accounts/jinhe-foods.md',
        'accounts/kaisheng-solar.md',
        'accounts/meridian-medical.md',
        'accounts/ningchuan-battery.md',
        'accounts/nordwerk-automotive.md',
        'accounts/pacific-packaging.md',
        'accounts/yingtai-tech.md',
        'portfolio-matrix.svg',
        'portfolio.md',
      ]);
      for (const [file, text] of Object.entries(files)) {
        await expect(text).toMatchFileSnapshot(`__snapshots__/plan-${lang}/${file}`);
      }
    });
  }

  it('takes the workspace as first argument or as -C, and writes into its reports/ by default', async () => {
    const ws = tempDir();
    cpSync(example, ws, { recursive: true });
    const a = await kam(['plan', ws]);
    expect(a.code).toBe(0);
    const first = tree(join(ws, 'reports'));
    rmSync(join(ws, 'reports'), { recursive: true });
    const b = await kam(['plan', '-C', ws]);
    expect(b.code).toBe(0);
    expect(tree(join(ws, 'reports'))).toEqual(first);
    const c = await kam(['plan'], { cwd: join(ws, 'accounts') });
    expect(c.code).toBe(0);
    expect(c.stdout).toContain('(10 unchanged)');
  });

  it('gives the same bytes on every run and does not rewrite unchanged files', async () => {
    const out = tempDir();
    await kam(['plan', example, '--out', out, '--format', 'html']);
    const before = tree(out);
    const mtime = statSync(join(out, 'portfolio.html')).mtimeMs;
    const again = await kam(['plan', example, '--out', out, '--format', 'html']);
    expect(again.stdout).toContain('(9 unchanged)');
    expect(tree(out)).toEqual(before);
    expect(statSync(join(out, 'portfolio.html')).mtimeMs).toBe(mtime);
  });

  it('renders self-contained HTML: inline CSS and SVG, no script, no external resource', async () => {
    const out = tempDir();
    const r = await kam(['plan', example, '--out', out, '--format', 'html']);
    expect(r.code).toBe(0);
    expect(existsSync(join(out, 'portfolio-matrix.svg'))).toBe(false);
    const portfolio = readFileSync(join(out, 'portfolio.html'), 'utf8');
    expect(portfolio).toContain('<style>');
    expect(portfolio).toContain('@media print');
    expect(portfolio.match(/<circle class="dot tier-\w+( norev)?" data-id="[a-z0-9-]+"/g)).toHaveLength(8);
    for (const html of Object.values(tree(out))) {
      expect(html).not.toMatch(/<script|<link|<img|src=|url\(|@import/i);
      expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg")/);
    }
  });

  it('links the Markdown portfolio to the matrix SVG beside it, one dot per account', async () => {
    const out = tempDir();
    await kam(['plan', example, '--out', out]);
    expect(readFileSync(join(out, 'portfolio.md'), 'utf8')).toContain('](portfolio-matrix.svg)');
    const svg = readFileSync(join(out, 'portfolio-matrix.svg'), 'utf8');
    expect(svg.split('\n')[1]).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg.match(/data-id="/g)).toHaveLength(8);
  });
});

describe('kam plan: ids, invalid accounts, options', () => {
  it('renders only the accounts named, without the portfolio', async () => {
    const out = tempDir();
    const r = await kam(['plan', example, 'yingtai-tech', 'jinhe-foods', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2 account plans written');
    expect(Object.keys(tree(out))).toEqual(['accounts/jinhe-foods.md', 'accounts/yingtai-tech.md']);
  });

  it('rejects an unknown id with a suggestion (exit 2)', async () => {
    const r = await kam(['plan', example, 'yingtai-tec']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`kam: no account \`yingtai-tec\` in ${relative(repoRoot, example)}, did you mean \`yingtai-tech\`?\n`);
  });

  it('reports invalid accounts on stderr, skips them, renders the others and exits 1', async () => {
    const ws = tempWorkspace({
      'accounts/good.yaml': account('good'),
      'accounts/bad.yaml': 'id: bad\nname: Bad\nstratgy: x\n',
      'accounts/broken.yaml': 'id: broken\nname: [unclosed\n',
    });
    const r = await kam(['plan', ws]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('accounts/bad.yaml');
    expect(r.stderr).toContain('unknown key `stratgy`');
    expect(r.stderr).toContain('accounts/broken.yaml');
    expect(r.stdout).toContain('1 account plan and the portfolio written to');
    expect(r.stdout).toContain('2 invalid accounts skipped');
    const files = tree(join(ws, 'reports'));
    expect(Object.keys(files)).toEqual(['accounts/good.md', 'portfolio-matrix.svg', 'portfolio.md']);
    expect(files['portfolio.md']).toContain('## Not included');
    expect(files['portfolio.md']).toContain('- accounts/bad.yaml (errors: 1)');
  });

  it('refuses to overwrite a file it did not generate, unless --force (exit 2, nothing written)', async () => {
    const ws = tempWorkspace({ 'accounts/a.yaml': account('a'), 'accounts/b.yaml': account('b'), 'reports/portfolio.md': '# my notes\n' });
    const r = await kam(['plan', ws]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^kam: .*reports\/portfolio\.md was not generated by kam plan; use --force to overwrite\n$/);
    expect(existsSync(join(ws, 'reports/accounts'))).toBe(false);
    expect(readFileSync(join(ws, 'reports/portfolio.md'), 'utf8')).toBe('# my notes\n');
    const forced = await kam(['plan', ws, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(ws, 'reports/portfolio.md'), 'utf8')).toMatch(/^<!-- generated by kam plan/);
  });

  it('removes the plans it generated for accounts that are gone, and nothing else', async () => {
    const ws = tempWorkspace({ 'accounts/a.yaml': account('a'), 'accounts/b.yaml': account('b'), 'accounts/c.yaml': account('c') });
    expect((await kam(['plan', ws])).code).toBe(0);
    expect((await kam(['plan', ws, '--format', 'html'])).code).toBe(0);
    rmSync(join(ws, 'accounts/b.yaml'));
    writeFileSync(join(ws, 'accounts/c.yaml'), 'id: c\nname: [unclosed\n'); // invalid, but still there
    writeFileSync(join(ws, 'reports/accounts/notes.md'), '# my notes\n');
    const r = await kam(['plan', ws]);
    expect(r.code).toBe(1);
    // (the matrix is unchanged: none of these accounts is assessed, so none is on it)
    expect(r.stdout).toBe(
      `✔ 1 account plan and the portfolio written to ${ws}/reports (md, en) (1 unchanged); 1 invalid account skipped; 1 plan of accounts that are gone removed\n  removed ${ws}/reports/accounts/b.md\n`,
    );
    expect(Object.keys(tree(join(ws, 'reports/accounts')))).toEqual(['a.html', 'a.md', 'b.html', 'c.html', 'c.md', 'notes.md']);
    // named ids render those plans and remove nothing
    rmSync(join(ws, 'accounts/a.yaml'));
    writeFileSync(join(ws, 'accounts/d.yaml'), account('d'));
    expect((await kam(['plan', ws, 'd', '--format', 'html'])).stdout).not.toContain('removed');
    expect(existsSync(join(ws, 'reports/accounts/a.html'))).toBe(true);
    expect((await kam(['plan', ws, '--format', 'html'])).stdout).toContain('2 plans of accounts that are gone removed');
    expect(Object.keys(tree(join(ws, 'reports/accounts')))).toEqual(['a.md', 'c.html', 'c.md', 'd.html', 'notes.md']);
  });

  it('resolves --out against the current folder', async () => {
    const ws = tempWorkspace({ 'accounts/a.yaml': account('a') });
    const r = await kam(['plan', '-C', '.', '--out', 'out/plans'], { cwd: ws });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('written to out/plans (md, en)');
    expect(existsSync(join(ws, 'out/plans/accounts/a.md'))).toBe(true);
  });

  it('takes the language from kam.yaml unless --lang is given', async () => {
    const ws = tempWorkspace({ 'kam.yaml': 'lang: zh\n', 'accounts/a.yaml': account('a') });
    await kam(['plan', ws]);
    expect(readFileSync(join(ws, 'reports/accounts/a.md'), 'utf8')).toContain('# 客户计划：A');
    await kam(['plan', ws, '--lang', 'en']);
    expect(readFileSync(join(ws, 'reports/accounts/a.md'), 'utf8')).toContain('# Account plan: A');
  });

  it('uses the templates folder named in kam.yaml', async () => {
    const ws = tempWorkspace({
      'kam.yaml': 'templates: my-templates\n',
      'accounts/a.yaml': account('a'),
      'my-templates/partials/summary.md.hbs': '## Custom summary of {{account.name}}\n',
    });
    const r = await kam(['plan', ws]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(ws, 'reports/accounts/a.md'), 'utf8')).toContain('## Custom summary of A\n');
  });

  it('reports a broken template as a usage error naming the file (exit 2)', async () => {
    const ws = tempWorkspace({ 'accounts/a.yaml': account('a'), 'templates/portfolio.md.hbs': '{{#each accounts}}\n' });
    const r = await kam(['plan', ws]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^kam: template error: templates\/portfolio\.md\.hbs: Parse error on line 2/);
    expect(existsSync(join(ws, 'reports'))).toBe(false);
  });

  it('writes an empty portfolio for a workspace without accounts', async () => {
    const ws = tempWorkspace({ 'kam.yaml': 'company: Us\n' });
    const r = await kam(['plan', ws]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('0 account plans and the portfolio written to');
    expect(readFileSync(join(ws, 'reports/portfolio.md'), 'utf8')).toContain('# Account portfolio: Us');
    expect(readFileSync(join(ws, 'reports/portfolio-matrix.svg'), 'utf8')).not.toContain('data-id=');
  });

  it('rejects a bad --as-of and a bad --format (exit 2)', async () => {
    expect((await kam(['plan', example, '--as-of', '2026-02-30'])).code).toBe(2);
    expect((await kam(['plan', example, '--format', 'docx'])).code).toBe(2);
  });

  it('--format pdf without a browser is a usage error naming the install command (exit 2, nothing written)', async () => {
    const out = join(tempWorkspace({}), 'out');
    for (const [args, env] of [
      [['--browser', '/nowhere/chromium'], {}],
      [[], { KAM_BROWSER: '/nowhere/chrome' }],
    ] as const) {
      const r = await kam(['plan', example, '--format', 'pdf', '--out', out, ...args], { env });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('/nowhere/');
      expect(r.stderr).toContain('apt-get install -y chromium fonts-noto-cjk');
      expect(existsSync(out)).toBe(false);
    }
  });

  it('shows progress on a TTY when there are many accounts, never in a pipe or in CI', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 20; i++) files[`accounts/a${i}.yaml`] = account(`a${i}`);
    const ws = tempWorkspace(files);
    const run = async (isTTY: boolean, env: Record<string, string> = {}) => {
      let stderr = '';
      const io: Io = { cwd: ws, env, stdout: { write: () => true }, stderr: { write: (s: string) => (stderr += s), isTTY }, today: () => '2026-11-01' };
      expect(await main(['plan', '--force'], io)).toBe(0);
      return stderr;
    };
    expect(await run(true)).toContain('\rkam plan: rendering 20/20');
    expect(await run(false)).toBe('');
    expect(await run(true, { CI: 'true' })).toBe('');
  });
});

describe('kam plan: lazy loading', () => {
  const loaded = (argv: string[]) => {
    const script = `
      import { createRequire } from 'node:module';
      const { main } = await import(${JSON.stringify(join(repoRoot, 'dist/cli/main.js'))});
      const io = { cwd: process.cwd(), env: {}, stdout: { write: () => true }, stderr: { write: () => true }, today: () => '2026-11-01' };
      await main(${JSON.stringify(argv)}, io);
      const cache = Object.keys(createRequire(import.meta.url).cache);
      console.log(cache.some((p) => p.includes('node_modules/handlebars/')));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: repoRoot, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    return r.stdout.trim() === 'true';
  };

  it('kam --help does not load handlebars; kam plan does', () => {
    expect(existsSync(bin)).toBe(true);
    expect(loaded(['--help'])).toBe(false);
    expect(loaded(['plan', '--help'])).toBe(false);
    const out = tempDir();
    expect(loaded(['plan', example, '--out', out])).toBe(true);
  });
});

it('bin/kam.js runs kam plan end to end', () => {
  const out = tempDir();
  const r = kamProcess(['plan', 'examples/acme', '--out', out, '--format', 'html']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(readdirSync(join(out, 'accounts'))).toHaveLength(8);
});
