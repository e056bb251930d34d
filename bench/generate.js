// Deterministic synthetic workspaces for the benchmarks: `generate(root, n, options)` writes
// kam.yaml, self.yaml, competitors and n accounts of about 4 KB each, Chinese and English mixed,
// every tier, some plans incomplete and about 1 % of the files invalid. Same n, same bytes.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: a tiny seeded PRNG, so every run writes the same workspace. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMPETITORS = ['globex', 'umbrella', 'hooli', 'initrode', 'vandelay'];
const ZH_NAMES = ['宁川新能源', '英泰科技', '金禾食品', '百奥制药', '凯晟光伏', '华东电子', '东方汽配', '远航包装'];
const EN_NAMES = ['Nordwerk Automotive', 'Pacific Packaging', 'Meridian Medical', 'Atlas Foods', 'Orion Batteries', 'Helix Pharma'];
const PEOPLE = ['王磊', '陈静', '赵强', '刘总', '孙明', 'Anna Schmidt', 'David Lee', '周敏'];
const RATINGS = ['high', 'medium', 'low'];
const STATES = ['potential', 'developing', 'good', 'very_strong', 'limited', 'defensive', 'regressing'];
const LEVELS = ['transactional', 'service', 'strategic'];
const LIFECYCLE = ['breakthrough', 'consolidation', 'growth', 'harvest', 'defense', 'hibernation', 'suspension'];
const ROLES = ['decision_maker', 'influencer', 'supporter', 'user', 'gatekeeper'];
const CONTACT_LEVELS = ['executive', 'manager', 'operational'];
const ATTITUDES = ['champion', 'supporter', 'neutral', 'skeptic', 'opponent'];
const STATUS = ['planned', 'in_progress', 'done', 'blocked', 'dropped'];
const STAGES = ['lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost'];

const pad = (n) => String(n).padStart(2, '0');
const date = (r, from = 2025) => `${from + Math.floor(r() * 2)}-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}`;
const pick = (r, list) => list[Math.floor(r() * list.length)];
const money = (r, max) => Math.round(r() * max / 1000) * 1000;

/** One account file's text: i decides its content, so accounts differ but runs do not. */
export function accountYaml(i, seed = 1) {
  const r = rng(seed * 100_003 + i);
  const zh = i % 2 === 0;
  const id = `acct-${String(i).padStart(6, '0')}`;
  const name = zh ? `${pick(r, ZH_NAMES)}${i}号有限公司` : `${pick(r, EN_NAMES)} ${i} Ltd`;
  const prospect = i % 7 === 0;
  const incomplete = i % 3 === 0;
  const lines = [
    '# yaml-language-server: $schema=../schemas/account.schema.json',
    `id: ${id}`,
    `name: ${name}`,
    `industry: ${zh ? '电子制造' : 'automotive parts'}`,
    `region: ${zh ? '华东' : 'Europe'}`,
    `reviewed: ${date(r, 2026)}`,
    'team:',
    `  account_lead: ${pick(r, PEOPLE)}`,
    ...(incomplete ? [] : [`  executive_sponsor: ${pick(r, PEOPLE)}`]),
    `  solution_lead: ${pick(r, PEOPLE)}`,
    `  effort_share: ${(r() * 0.1).toFixed(3)}`,
    'financials:',
    ...(prospect ? [] : [`  revenue: { 2024: ${money(r, 9e6)}, 2025: ${money(r, 9e6)} }`]),
    `  margin: ${(0.1 + r() * 0.3).toFixed(2)}`,
    `  cost_to_serve: ${money(r, 4e5)}`,
    `  wallet: ${money(r, 3e7) + 1e6}`,
    'assessment:',
    `  attractiveness: ${pick(r, RATINGS)}`,
    `  potential: { volume: ${pick(r, RATINGS)}, margin: ${pick(r, RATINGS)} }`,
    `  relationship: ${pick(r, STATES)}`,
    `  relationship_level: ${pick(r, LEVELS)}`,
    `  lifecycle: ${pick(r, LIFECYCLE)}`,
    'customer:',
    `  summary: ${zh ? '国内领先的制造企业，正在推进自动化改造和数字化转型。' : 'A leading manufacturer investing in automation and digital operations.'}`,
    '  industry_market:',
    `    position: ${zh ? '行业前五，华东地区市场份额约15%' : 'Top five in its segment, about 15 % of the regional market'}`,
    `    development: ${zh ? '市场稳定增长，自动化和数字化需求强烈，客户正在评估新一代产线' : 'Steady growth; strong demand for automation and digital operations'}`,
    `    barriers: [${zh ? '资金, 技术, 客户认证' : 'capital, technology, certification'}]`,
    '  strategy:',
    `    mission: ${zh ? '成为全球一流的制造服务商' : 'Be the first-choice manufacturer in its niche'}`,
    `    goals: [${zh ? '产能扩张30%, 自动化率提升到70%' : 'grow capacity 30 %, reach 70 % automation'}]`,
    `    short_term: [${zh ? '新建三号产线, 降低不良率' : 'build line 3, cut scrap'}]`,
    `    threats: [${zh ? '东南亚低成本竞争' : 'low-cost competition'}]`,
    '  performance:',
    `    goals: ${zh ? '年营收增长20%，毛利率保持在25%以上' : 'Revenue up 20 % a year, gross margin above 25 %'}`,
    `    metrics: [${zh ? '营收, 毛利率, 交付准时率' : 'revenue, margin, on-time delivery'}]`,
    '  structure:',
    `    organisation: ${zh ? '事业部制，采购集中管理' : 'Business units with central procurement'}`,
    `    buying_process: ${zh ? '技术部提需求，采购部招标，总经理审批' : 'Engineering specifies, procurement tenders, the plant director signs'}`,
    `    selection_criteria: [${zh ? '价格, 交期, 技术支持' : 'price, lead time, support'}]`,
    '  swot:',
    `    strengths: [${zh ? '客户资源丰富, 制造经验' : 'strong brand, scale'}]`,
    `    weaknesses: [${zh ? '研发投入不足' : 'slow decisions'}]`,
    `    opportunities: ${incomplete ? '[]' : `[${zh ? '新能源汽车电子' : 'electrification'}]`}`,
    `    threats: [${zh ? '原材料涨价' : 'low-cost imports'}]`,
    'contacts:',
  ];
  const contacts = 1 + Math.floor(r() * 4);
  for (let c = 0; c < contacts; c++) {
    lines.push(
      `  - name: ${zh ? `联系人${c}` : `Contact ${c}`}`,
      `    title: ${zh ? '总监' : 'Director'}`,
      `    role: ${c === 0 ? 'decision_maker' : pick(r, ROLES)}`,
      `    level: ${c === 0 ? 'executive' : pick(r, CONTACT_LEVELS)}`,
      `    attitude: ${pick(r, ATTITUDES)}`,
      `    owner: ${pick(r, PEOPLE)}`,
      `    last_contact: ${date(r, 2026)}`,
    );
  }
  lines.push(
    'competitors:',
    `  - ref: ${pick(r, COMPETITORS)}`,
    `    share: ${(r() * 0.5).toFixed(2)}`,
    `    activities: ${zh ? '提供二号线全部设备' : 'supplies line 2'}`,
    `    meets_criteria: ${r() < 0.5}`,
    `    strengths: [${zh ? '价格低' : 'low price'}]`,
    `    weaknesses: [${zh ? '服务响应慢' : 'slow service'}]`,
    'self:',
    `  history: ${zh ? '2019年开始合作，供应一号线设备' : 'Supplier since 2019 for line 1'}`,
    `  switching_cost: ${pick(r, RATINGS)}`,
    `  strengths: [${zh ? '技术领先, 本地服务' : 'technology, local service'}]`,
    `  weaknesses: [${zh ? '价格偏高' : 'price'}]`,
    `  meets_criteria: ${r() < 0.7}`,
    `  price_position: ${pick(r, ['below_market', 'at_market', 'above_market'])}`,
    'intel:',
    `  - fact: ${zh ? '客户计划明年扩产' : 'The customer plans to expand next year'}`,
    `    level: ${1 + Math.floor(r() * 4)}`,
    `    source: ${zh ? '技术总监' : 'plant director'}`,
    `    date: ${date(r, 2026)}`,
    `  - fact: ${zh ? '竞争对手正在报低价争取二号线维护合同' : 'A competitor is pricing low for the line 2 maintenance contract'}`,
    `    level: ${1 + Math.floor(r() * 4)}`,
    `    date: ${date(r, 2026)}`,
    'plan:',
    `  vision: ${zh ? '成为客户自动化改造的首选合作伙伴，三年内钱包份额达到一半' : 'Be the first partner the customer calls for automation; half the wallet in three years'}`,
    ...(incomplete ? [] : [`  summary: ${zh ? '巩固现有业务，争取新产线项目' : 'Hold line 1 and win the line 3 retrofit'}`]),
    '  objectives:',
    `    - id: grow-share`,
    `      text: ${zh ? '钱包份额提升到45%' : 'Raise share of wallet to 45%'}`,
    `      target: 0.45`,
    `      due: 2026-12-31`,
    '  actions:',
  );
  const actions = 1 + Math.floor(r() * 3);
  for (let a = 0; a < actions; a++) {
    lines.push(
      `    - task: ${zh ? `行动计划第${a + 1}项：技术交流与方案演示` : `"Action ${a + 1}: technical workshop and demo"`}`,
      `      owner: ${pick(r, PEOPLE)}`,
      `      due: ${date(r, 2026)}`,
      `      status: ${pick(r, STATUS)}`,
    );
  }
  lines.push('  revenue_plan:', `    - { year: 2026, target: ${money(r, 1e7)}, actual: ${money(r, 8e6)}, margin: 0.25 }`, 'opportunities:');
  lines.push(`  - { name: ${zh ? '三号线改造' : 'Line 3 retrofit'}, stage: ${pick(r, STAGES)}, value: ${money(r, 3e6)}, probability: ${(r()).toFixed(2)}, close_date: ${date(r, 2026)} }`);
  lines.push(
    'service:',
    '  issues:',
    `    - { id: Q-${i}, opened: ${date(r, 2026)}, ${r() < 0.5 ? `resolved: 2026-10-30, ` : ''}severity: ${pick(r, ['high', 'medium', 'low'])}, summary: ${zh ? '设备停机' : 'line stop'} }`,
    '  satisfaction:',
    `    - { date: 2026-03-31, score: ${Math.floor(r() * 11)} }`,
    `    - { date: 2026-09-30, score: ${Math.floor(r() * 11)} }`,
  );
  // about 1 % invalid: an unknown key, a bad enum, or broken YAML
  if (i % 97 === 5) lines.push('stratgy: grow');
  if (i % 97 === 37) lines.push('plan: [broken');
  if (i % 97 === 71) lines[lines.findIndex((l) => l.startsWith('  attractiveness'))] = '  attractiveness: very high';
  return `${lines.join('\n')}\n`;
}

export function generate(root, n, { seed = 1 } = {}) {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'accounts'), { recursive: true });
  mkdirSync(join(root, 'competitors'), { recursive: true });
  writeFileSync(join(root, 'kam.yaml'), 'version: 1\ncompany: Bench Industrial Co.\ncurrency: CNY\nas_of: 2026-11-01\n');
  writeFileSync(join(root, 'self.yaml'), 'name: Bench Industrial Co.\nofferings:\n  - { id: plc, name: PLC }\ncapabilities: [automation]\n');
  for (const c of COMPETITORS) {
    writeFileSync(join(root, 'competitors', `${c}.yaml`), `id: ${c}\nname: ${c[0].toUpperCase()}${c.slice(1)} Corp\nstrengths: [price]\nweaknesses: [service]\nprice_position: at_market\n`);
  }
  for (let i = 1; i <= n; i++) writeFileSync(join(root, 'accounts', `acct-${String(i).padStart(6, '0')}.yaml`), accountYaml(i, seed));
  return root;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [root, n] = process.argv.slice(2);
  generate(root, Number(n));
}
