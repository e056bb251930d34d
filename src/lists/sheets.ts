/**
 * `kam export`: the portfolio as five sheets (Accounts, Actions, Contacts, Opportunities,
 * Findings) of typed cells, in English or Chinese, for the xlsx and CSV writers. Pure.
 */
import type { Finding } from '../findings.js';
import type { Account } from '../schema/account.js';
import { daysBetween } from '../today.js';
import type { AccountRow } from './accounts.js';
import type { ActionRow } from './actions.js';

export type CellType = 'text' | 'integer' | 'score' | 'money' | 'percent' | 'date';
export type SheetLang = 'en' | 'zh';

export interface SheetColumn {
  key: string;
  head: Record<SheetLang, string>;
  type: CellType;
  /** width in characters (Chinese ones count two) */
  width: number;
}

export type SheetCell = string | number | null;

export interface Sheet {
  /** also the CSV file's name, `<key>.csv` */
  key: 'accounts' | 'actions' | 'contacts' | 'opportunities' | 'findings';
  name: Record<SheetLang, string>;
  columns: SheetColumn[];
  rows: SheetCell[][];
  /** the currency of each row's money cells */
  currencies?: string[];
}

const col = (key: string, en: string, zh: string, type: CellType, width: number): SheetColumn => ({ key, head: { en, zh }, type, width });

const accountColumns = [
  col('id', 'id', '编号', 'text', 18),
  col('name', 'name', '名称', 'text', 28),
  col('industry', 'industry', '行业', 'text', 16),
  col('region', 'region', '区域', 'text', 14),
  col('lead', 'account lead', '客户经理', 'text', 16),
  col('tier', 'tier', '层级', 'text', 10),
  col('abc', 'abc', 'ABC', 'text', 6),
  col('segment', 'segment', '细分', 'text', 10),
  col('quadrant', 'quadrant', '象限', 'text', 12),
  col('attractiveness', 'attractiveness (A)', '吸引力 (A)', 'score', 12),
  col('relationship', 'relationship (R)', '关系 (R)', 'score', 12),
  col('value', 'value (V)', '价值 (V)', 'score', 10),
  col('composite', 'composite (S)', '综合 (S)', 'score', 12),
  col('risk', 'risk', '风险', 'text', 8),
  col('riskPoints', 'risk points', '风险分', 'integer', 10),
  col('completeness', 'completeness', '完整度', 'percent', 12),
  col('stale', 'stale', '过期', 'text', 8),
  col('reviewed', 'reviewed', '复盘日期', 'date', 12),
  col('latestYear', 'revenue year', '收入年份', 'integer', 12),
  col('revenue', 'revenue', '收入', 'money', 16),
  col('growth', 'growth', '增长', 'percent', 10),
  col('shareOfWallet', 'share of wallet', '钱包份额', 'percent', 14),
  col('profit', 'profit', '利润', 'money', 16),
  col('pipeline', 'weighted pipeline', '加权商机', 'money', 16),
  col('openOpportunities', 'open opportunities', '在途商机', 'integer', 12),
  col('effortShare', 'effort share', '投入占比', 'percent', 12),
  col('currency', 'currency', '币种', 'text', 9),
  col('failed', 'failed rules', '未通过规则', 'text', 40),
  col('file', 'file', '文件', 'text', 30),
];

const actionSheetColumns = [
  col('account', 'account', '客户编号', 'text', 18),
  col('accountName', 'account name', '客户名称', 'text', 28),
  col('task', 'task', '任务', 'text', 40),
  col('objective', 'objective', '目标', 'text', 30),
  col('owner', 'owner', '负责人', 'text', 16),
  col('due', 'due', '截止日期', 'date', 12),
  col('status', 'status', '状态', 'text', 12),
  col('daysOverdue', 'days overdue', '逾期天数', 'integer', 12),
];

const contactColumns = [
  col('account', 'account', '客户编号', 'text', 18),
  col('accountName', 'account name', '客户名称', 'text', 28),
  col('name', 'name', '姓名', 'text', 20),
  col('title', 'title', '职位', 'text', 24),
  col('role', 'role', '角色', 'text', 14),
  col('level', 'level', '层级', 'text', 12),
  col('attitude', 'attitude', '态度', 'text', 12),
  col('owner', 'owner', '负责人', 'text', 16),
  col('lastContact', 'last contact', '最近联系', 'date', 12),
  col('daysSince', 'days since contact', '未联系天数', 'integer', 14),
];

const opportunityColumns = [
  col('account', 'account', '客户编号', 'text', 18),
  col('accountName', 'account name', '客户名称', 'text', 28),
  col('name', 'opportunity', '商机', 'text', 30),
  col('stage', 'stage', '阶段', 'text', 12),
  col('value', 'value', '金额', 'money', 16),
  col('probability', 'probability', '概率', 'percent', 12),
  col('weighted', 'weighted value', '加权金额', 'money', 16),
  col('closeDate', 'close date', '预计成交', 'date', 12),
  col('currency', 'currency', '币种', 'text', 9),
];

const findingColumns = [
  col('file', 'file', '文件', 'text', 30),
  col('line', 'line', '行', 'integer', 7),
  col('column', 'column', '列', 'integer', 7),
  col('severity', 'severity', '级别', 'text', 9),
  col('code', 'code', '代码', 'text', 26),
  col('message', 'message', '说明', 'text', 60),
  col('account', 'account', '客户编号', 'text', 18),
];

/** What the export needs: the account rows, each account's own lists, the actions and the findings. */
export interface ExportInput {
  accounts: readonly { row: AccountRow; account: Partial<Account> }[];
  actions: readonly ActionRow[];
  findings: readonly Finding[];
  today: string;
}

/** The five sheets; accounts by id, actions by due date as `kam actions --all` has them. */
export function exportSheets({ accounts, actions, findings, today }: ExportInput): Sheet[] {
  const currencyOf = new Map(accounts.map(({ row }) => [row.id, row.currency]));
  const contacts: SheetCell[][] = [];
  const opportunities: SheetCell[][] = [];
  const opportunityCurrencies: string[] = [];
  for (const { row, account } of accounts) {
    for (const c of account.contacts ?? []) {
      const since = c.last_contact === undefined ? null : daysBetween(c.last_contact, today);
      contacts.push([row.id, row.name, c.name, c.title ?? null, c.role ?? null, c.level ?? null, c.attitude ?? null, c.owner ?? null, c.last_contact ?? null, since]);
    }
    // opportunity values as written, in the account's own currency (the Accounts sheet's figures are converted)
    const own = account.currency ?? row.currency;
    for (const o of account.opportunities ?? []) {
      const weighted = o.value !== undefined && o.probability !== undefined ? o.value * o.probability : null;
      opportunities.push([row.id, row.name, o.name, o.stage ?? null, o.value ?? null, o.probability ?? null, weighted, o.close_date ?? null, own]);
      opportunityCurrencies.push(own);
    }
  }
  return [
    {
      key: 'accounts',
      name: { en: 'Accounts', zh: '客户' },
      columns: accountColumns,
      rows: accounts.map(({ row: r }) => [
        r.id,
        r.name,
        r.industry,
        r.region,
        r.lead,
        r.tier,
        r.abc,
        r.segment,
        r.quadrant,
        r.scores.attractiveness,
        r.scores.relationship,
        r.scores.value,
        r.scores.composite,
        r.risk.level,
        r.risk.points,
        r.completeness / 100,
        r.stale ? 'yes' : null,
        r.reviewed,
        r.figures.latestYear,
        r.figures.latestRevenue,
        r.figures.growth,
        r.figures.shareOfWallet,
        r.figures.profit,
        r.figures.weightedPipeline,
        r.figures.openOpportunities,
        r.figures.effortShare,
        r.currency,
        r.failed.join(' ') || null,
        r.file,
      ]),
      currencies: accounts.map(({ row }) => row.currency),
    },
    {
      key: 'actions',
      name: { en: 'Actions', zh: '行动' },
      columns: actionSheetColumns,
      rows: actions.map((a) => [a.account, a.accountName, a.task, a.objective, a.owner, a.due, a.status, a.daysOverdue]),
      currencies: actions.map((a) => currencyOf.get(a.account) ?? ''),
    },
    { key: 'contacts', name: { en: 'Contacts', zh: '联系人' }, columns: contactColumns, rows: contacts },
    { key: 'opportunities', name: { en: 'Opportunities', zh: '商机' }, columns: opportunityColumns, rows: opportunities, currencies: opportunityCurrencies },
    {
      key: 'findings',
      name: { en: 'Findings', zh: '问题' },
      columns: findingColumns,
      rows: findings.map((f) => [f.file, f.line, f.column, f.severity, f.rule, f.message, f.account]),
    },
  ];
}
