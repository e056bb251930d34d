import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planModel, portfolioModel } from '../../src/report/model.js';
import { compileTemplates, createRenderer, isGenerated, rendererFrom, TemplateError, trimNewlines } from '../../src/report/render.js';
import { loadTemplates } from '../../src/report/templates.js';
import { tempWorkspace } from '../helpers.js';
import { input, item } from './fixture.js';

const HOSTILE = '<script>alert("x")</script> {{constructor}} {{#each this}}x{{/each}} | a *b* _c_ [d](e) `f` <!-- & &amp;';

function hostileInput() {
  return input([
    item({
      account: {
        id: 'evil',
        name: HOSTILE,
        industry: HOSTILE,
        customer: { summary: `${HOSTILE}\nsecond line`, swot: { strengths: [HOSTILE], weaknesses: [], opportunities: [], threats: [] } },
        contacts: [{ name: HOSTILE, title: '{{@root.company}}', role: 'decision_maker', level: 'executive', owner: '<img src=x onerror=alert(1)>' }],
        competitors: [{ name: HOSTILE, strengths: ['{{lookup this "constructor"}}'], weaknesses: [] }],
        plan: { summary: HOSTILE, actions: [{ task: HOSTILE, owner: 'a|b', due: '2026-01-01' }] },
      },
    }),
  ]);
}

const plans = async (format: 'md' | 'html', templates = loadTemplates()) => {
  const renderer = await createRenderer(templates, { format, lang: 'en' });
  const inp = hostileInput();
  return {
    plan: renderer.plan(planModel(inp, inp.accounts[0], `../portfolio.${format}`)),
    portfolio: renderer.portfolio(portfolioModel(inp, (id) => `accounts/${id}.${format}`, 'portfolio-matrix.svg')),
  };
};

describe('values from YAML are text, never markup or template code', () => {
  it('HTML escapes every value and does not evaluate {{ in data', async () => {
    const { plan, portfolio } = await plans('html');
    for (const html of [plan, portfolio.report, portfolio.svg]) {
      expect(html).not.toContain('<script>');
      expect(html).not.toContain('<img');
      expect(html).not.toContain('<!-- &');
      expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; {{constructor}} {{#each this}}x{{/each}}');
    }
    expect(plan).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(plan).toContain('{{@root.company}}');
    expect(plan).toContain('{{lookup this &quot;constructor&quot;}}');
    // the only <script> anywhere would be ours, and there is none
    expect(plan.match(/<script/g)).toBeNull();
  });

  it('Markdown keeps tables intact and shows markup as text', async () => {
    const { plan, portfolio } = await plans('md');
    expect(plan).toContain('# Account plan: &lt;script>alert("x")&lt;/script> {{constructor}} {{#each this}}x{{/each}} \\| a \\*b\\* \\_c\\_ \\[d\\](e) \\`f\\` &lt;!-- & &amp;amp;');
    expect(plan).toContain('{{@root.company}}');
    // the action row still has exactly five cells
    const row = plan.split('\n').find((l) => l.startsWith('| &lt;script>') && l.includes('| a\\|b |'))!;
    expect(row.split(/(?<!\\)\|/).length - 2).toBe(5);
    const contact = plan.split('\n').find((l) => l.startsWith('| &lt;script>') && l.includes('| {{@root.company}} |'))!;
    expect(contact.split(/(?<!\\)\|/).length - 2).toBe(7);
    // a line break in a value does not end the paragraph
    expect(plan).toContain('&amp;amp;<br>second line');
    expect(portfolio.report).not.toContain('<script');
  });

  it('marks every generated file on its first line', async () => {
    for (const format of ['md', 'html'] as const) {
      const { plan, portfolio } = await plans(format);
      for (const text of [plan, portfolio.report, portfolio.svg]) {
        expect(isGenerated(text)).toBe(true);
        expect(text.endsWith('\n')).toBe(true);
      }
    }
  });
});

describe('templates', () => {
  it('a workspace templates folder overrides one built-in template and one partial by file name', async () => {
    const root = tempWorkspace({
      'templates/account.md.hbs': '# {{account.name}} (custom)\n\n{{> findings}}\n{{> mine}}\n',
      'templates/partials/findings.md.hbs': 'custom findings: {{summary.risk.points}} {{money summary.figures.latestRevenue}}\n',
      'templates/partials/mine.md.hbs': 'a new partial for {{account.id}}\n',
    });
    const templates = loadTemplates({ overrides: join(root, 'templates'), root });
    expect(templates.get('account.md.hbs')?.origin).toBe('templates/account.md.hbs');
    expect(templates.get('portfolio.md.hbs')?.origin).toBe('kam:templates/portfolio.md.hbs');
    const renderer = await createRenderer(templates, { format: 'md', lang: 'en' });
    const inp = input();
    const plan = renderer.plan(planModel(inp, inp.accounts[0], '../portfolio.md'));
    expect(plan.split('\n').slice(1).join('\n')).toBe('# Acme Ltd (custom)\n\ncustom findings: 3 CNY 6,800,000\na new partial for acme\n');
    // the portfolio still uses the built-in template, with the overridden partial where it is used
    const portfolio = renderer.portfolio(portfolioModel(inp, (id) => `accounts/${id}.md`, 'portfolio-matrix.svg')).report;
    expect(portfolio).toContain('# Account portfolio: Galaxy Automation');
  });

  it('names the template file of a syntax error', async () => {
    const root = tempWorkspace({ 'templates/partials/summary.md.hbs': '{{#if x}}unclosed\n' });
    const templates = loadTemplates({ overrides: join(root, 'templates'), root });
    await expect(createRenderer(templates, { format: 'md', lang: 'en' })).rejects.toThrow(TemplateError);
    await expect(createRenderer(templates, { format: 'md', lang: 'en' })).rejects.toThrow(/^templates\/partials\/summary\.md\.hbs: Parse error/);
  });

  it('names the template file of an unknown label', async () => {
    const root = tempWorkspace({ 'templates/account.md.hbs': '{{t "sections.nope"}}\n' });
    const renderer = await createRenderer(loadTemplates({ overrides: join(root, 'templates'), root }), { format: 'md', lang: 'en' });
    const inp = input();
    expect(() => renderer.plan(planModel(inp, inp.accounts[0], 'p.md'))).toThrow('templates/account.md.hbs: unknown label "sections.nope"');
  });

  it('renders a workspace template with a mustache section (`{{#account}}`) as Handlebars does', async () => {
    const root = tempWorkspace({ 'templates/account.md.hbs': '{{#account}}[{{name}}]{{/account}}{{#summary}}<{{tier}}>{{/summary}}\n' });
    const renderer = await createRenderer(loadTemplates({ overrides: join(root, 'templates'), root }), { format: 'md', lang: 'en' });
    const inp = input();
    const model = planModel(inp, inp.accounts[0], 'p.md');
    expect(renderer.plan(model).split('\n')[1]).toBe(`[${model.account.name}]<${model.summary.tier}>`);
  });

  it('cannot reach prototypes from a template', async () => {
    const root = tempWorkspace({
      'templates/account.md.hbs': '[{{account.constructor}}][{{account.__proto__}}][{{lookup account "constructor"}}][{{#with account}}{{constructor.name}}{{/with}}]\n',
    });
    const renderer = await createRenderer(loadTemplates({ overrides: join(root, 'templates'), root }), { format: 'md', lang: 'en' });
    const inp = input();
    expect(renderer.plan(planModel(inp, inp.accounts[0], 'p.md')).split('\n')[1]).toBe('[][][][]');
  });

  it('compiles every template once per renderer, not once per report', async () => {
    const reads = new Map<string, number>();
    const counted = new Map(
      [...loadTemplates()].map(([name, source]) => [
        name,
        {
          origin: source.origin,
          get text() {
            reads.set(name, (reads.get(name) ?? 0) + 1);
            return source.text;
          },
        },
      ]),
    );
    const renderer = await createRenderer(counted, { format: 'html', lang: 'en' });
    const before = new Map(reads);
    const inp = input([item(), item({ account: { id: 'b', name: 'B' } }), item({ account: { id: 'c', name: 'C' } })]);
    for (const a of inp.accounts) renderer.plan(planModel(inp, a, 'p.html'));
    renderer.portfolio(portfolioModel(inp, (id) => `${id}.html`, 'm.svg'));
    expect(reads).toEqual(before);
    expect(before.get('account.html.hbs')).toBeGreaterThan(0);
    expect(before.has('account.md.hbs')).toBe(false);
  });

  it('labels every section in Chinese with --lang zh', async () => {
    const renderer = await createRenderer(loadTemplates(), { format: 'md', lang: 'zh' });
    const inp = input(undefined, { lang: 'zh' });
    const plan = renderer.plan(planModel(inp, inp.accounts[0], '../portfolio.md'));
    for (const heading of ['## 一、计划摘要', '## 二、评估', '## 三、客户战略与计划', '## 四、问题与风险', '### 竞争者概况', '### 自身情况', '### 信息分级']) {
      expect(plan).toContain(heading);
    }
  });
});

describe('precompiled templates', () => {
  it('render what templates compiled by the renderer itself render (the worker threads get these)', async () => {
    const templates = loadTemplates();
    const compiled = JSON.parse(JSON.stringify(await compileTemplates(templates, 'html'))); // as sent between threads
    const direct = await createRenderer(templates, { format: 'html', lang: 'zh' });
    const sent = await rendererFrom(compiled, 'zh');
    const inp = input(undefined, { lang: 'zh' });
    expect(sent.plan(planModel(inp, inp.accounts[0], 'p.html'))).toBe(direct.plan(planModel(inp, inp.accounts[0], 'p.html')));
    expect(sent.plan(planModel(inp, inp.accounts[0], 'p.html'))).toContain('<h2');
  });

  it('are compiled once per text: a spec in the cache is used as it is, a changed template is compiled', async () => {
    const cache = new Map<string, string>();
    await compileTemplates(loadTemplates(), 'md', cache);
    const size = cache.size;
    expect(size).toBeGreaterThan(3);
    for (const [key, spec] of cache) cache.set(key, `/* cached */ ${spec}`);
    const root = tempWorkspace({ 'templates/partials/summary.md.hbs': '## My summary {{account.name}}\n' });
    const again = await compileTemplates(loadTemplates({ overrides: join(root, 'templates'), root }), 'md', cache);
    expect(again.report.main.account.spec).toMatch(/^\/\* cached \*\//);
    expect(again.svg.main.matrix.spec).toMatch(/^\/\* cached \*\//);
    expect(again.report.partials.summary.spec).not.toMatch(/cached/);
    expect(again.report.partials.summary.origin).toBe('templates/partials/summary.md.hbs');
    expect(cache.size).toBe(size + 1);
  });

  it('the build saved the specs of every built-in template (dist/report/precompiled.json)', async () => {
    const saved: unknown = JSON.parse(readFileSync(new URL('../../dist/report/precompiled.json', import.meta.url), 'utf8'));
    const fresh = new Map<string, string>();
    for (const format of ['md', 'html'] as const) await compileTemplates(loadTemplates(), format, fresh);
    expect(saved).toEqual(Object.fromEntries(fresh));
  });

  it('trimNewlines drops leading and trailing line breaks only', () => {
    expect(trimNewlines('\n\na\n\nb \n\n\n')).toBe('a\n\nb ');
    expect(trimNewlines('\n\n')).toBe('');
    expect(trimNewlines('x')).toBe('x');
  });
});
