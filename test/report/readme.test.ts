/** The README documents the template context and the helpers: held by this test. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { makeHelpers } from '../../src/report/helpers.js';
import { en } from '../../src/report/labels/en.js';
import { planModel, portfolioModel } from '../../src/report/model.js';
import { loadTemplates } from '../../src/report/templates.js';
import { repoRoot } from '../helpers.js';
import { input } from './fixture.js';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('### Report templates'));
const documented = (key: string) => section.includes(`\`${key}\``);

it('documents every key of the plan and portfolio contexts', () => {
  const inp = input();
  const plan = planModel(inp, inp.accounts[0], '../portfolio.md');
  const portfolio = portfolioModel(inp, (id) => `accounts/${id}.md`, 'portfolio-matrix.svg');
  const keys = [...Object.keys(plan), ...Object.keys(plan.summary), ...Object.keys(plan.relationships), ...Object.keys(plan.plan), ...Object.keys(plan.pipeline), ...Object.keys(plan.service), ...Object.keys(plan.findings)];
  keys.push(...Object.keys(portfolio), ...Object.keys(portfolio.matrix), ...Object.keys(portfolio.effort), ...Object.keys(portfolio.tiers[0]), ...Object.keys(portfolio.matrix.dots[0]));
  keys.push('labels', 'format');
  expect([...new Set(keys)].filter((k) => !documented(k))).toEqual([]);
});

it('documents every helper and every built-in partial', () => {
  const helpers = Object.keys(makeHelpers('md', en, class {} as never));
  expect(helpers.filter((h) => !section.includes(h))).toEqual([]);
  const partials = [...loadTemplates().keys()].flatMap((n) => /^partials\/([^.]+)/.exec(n)?.[1] ?? []);
  expect([...new Set(partials)].filter((p) => !section.includes(`\`${p}\``))).toEqual([]);
});
