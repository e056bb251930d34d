/**
 * Labels of the exec and customer reports (README "Audiences"), in both languages: reachable in
 * templates as `{{t "audience.…"}}`. `gap` says each completeness rule's finding in plain words for
 * an executive (no field paths, no rule ids), `risk` each defection-risk reason; `gapArea` groups
 * them. A code without a phrase here falls back to its catalogue description (`src/codes.ts`).
 */
import type { Lang } from '../../schema/config.js';

export interface AudienceLabels {
  title: { mutualPlanOf: string };
  sections: {
    gaps: string;
    riskSignals: string;
    appendix: string;
    summary: string;
    vision: string;
    objectives: string;
    actions: string;
    team: string;
  };
  text: {
    noGaps: string;
    gapsNote: string;
    times: string;
    noRiskSignals: string;
    appendixNote: string;
    preparedBy: string;
    mutualNote: string;
    noSharedObjectives: string;
    noSharedActions: string;
    shared: string;
    owner: string;
  };
  gapArea: Record<string, string>;
  gap: Record<string, string>;
  risk: Record<string, string>;
}

const en: AudienceLabels = {
  title: { mutualPlanOf: 'Mutual plan: {name}' },
  sections: {
    gaps: 'Gaps in this plan',
    riskSignals: 'Risk signals',
    appendix: 'Appendix: how the scores are made',
    summary: 'Summary',
    vision: 'Where we want to be together',
    objectives: 'Shared objectives',
    actions: 'Joint actions',
    team: 'Your contacts on our side',
  },
  text: {
    noGaps: 'The plan has everything its tier asks for.',
    gapsNote: 'In bold: what a plan of this tier must have; the others are recommended.',
    times: '{count} times',
    noRiskSignals: 'No risk signals.',
    appendixNote: 'Each score in the summary, from the ratings in the account plan and the weights of the workspace.',
    preparedBy: 'Prepared by {company}',
    mutualNote: 'The objectives and actions we agreed to pursue together, with their dates and owners.',
    noSharedObjectives: 'No shared objectives yet.',
    noSharedActions: 'No joint actions yet.',
    shared: 'shared with the customer',
    owner: 'Owner',
  },
  gapArea: {
    assessment: 'Assessment of the account',
    team: 'Our account team',
    contacts: 'Relationships at the customer',
    customer: 'Understanding of the customer',
    competitors: 'Competition',
    self: 'Our position',
    plan: 'Plan and actions',
    intel: 'Intelligence',
    service: 'Service',
    tier: 'Classification',
    refs: 'Records',
    other: 'Other',
  },
  gap: {
    'assessment/missing': 'The account is not assessed yet: its attractiveness, potential and relationship are unknown.',
    'team/account-lead': 'No account lead is named.',
    'team/executive-sponsor': 'No executive on our side sponsors the account.',
    'contacts/decision-maker': 'We do not know who decides the purchase.',
    'contacts/executive': 'We have no contact at the customer’s top level.',
    'contacts/multi-threaded': 'The relationship hangs on too few people, on their side or ours.',
    'contacts/stale': 'Key contacts have not been met for too long.',
    'customer/swot': 'The SWOT analysis of the customer is incomplete.',
    'customer/buying-process': 'How the customer buys, and what it chooses on, is not described.',
    'competitors/analysed': 'No competitor is analysed with its strengths and weaknesses.',
    'self/analysis': 'Our own strengths, weaknesses or the lifecycle stage at this account are missing.',
    'plan/summary': 'The plan has no summary of its objective and direction.',
    'plan/objectives': 'No objective has a measurable target and a date.',
    'plan/actions': 'Actions lack an owner or a date, or none is open.',
    'plan/overdue': 'Actions are overdue.',
    'plan/revenue': 'There is no revenue target for this year.',
    'plan/stale': 'The plan has not been reviewed for too long.',
    'intel/depth': 'Our intelligence comes from public sources only.',
    'service/open-issues': 'Service issues are open beyond the agreed time.',
    'tier/drift': 'The tier the team declared differs from the one the scores give.',
    'refs/competitor': 'A competitor is named that has no profile.',
  },
  risk: {
    'risk/criteria': 'A competitor meets the customer’s purchase criteria as well as or better than we do.',
    'risk/relationship': 'The relationship is defensive or going backwards.',
    'risk/lifecycle': 'The account is in a defence, hibernation or suspension stage.',
    'risk/single-threaded': 'Single-threaded: too few contacts, or one person on our side holds them all.',
    'risk/no-executive': 'No contact at the customer’s top level.',
    'risk/open-issues': 'Service issues are open beyond the agreed time.',
    'risk/satisfaction': 'Customer satisfaction is low or falling.',
    'risk/revenue-drop': 'Revenue fell by 10 % or more on the year before.',
    'risk/price': 'Our price is above the market.',
  },
};

const zh: AudienceLabels = {
  title: { mutualPlanOf: '联合行动计划：{name}' },
  sections: {
    gaps: '计划中的缺口',
    riskSignals: '风险信号',
    appendix: '附录：评分的计算方法',
    summary: '概要',
    vision: '共同的远景目标',
    objectives: '共同目标',
    actions: '联合行动',
    team: '我方联系人',
  },
  text: {
    noGaps: '计划满足其类别的全部要求。',
    gapsNote: '粗体为该类别客户计划的必备项，其余为建议项。',
    times: '{count} 处',
    noRiskSignals: '没有风险信号。',
    appendixNote: '摘要中的各项评分，根据客户计划中的评级和工作区的权重计算。',
    preparedBy: '编制单位：{company}',
    mutualNote: '双方约定共同推进的目标和行动，以及各自的时间和负责人。',
    noSharedObjectives: '暂无共同目标。',
    noSharedActions: '暂无联合行动。',
    shared: '与客户共享',
    owner: '负责人',
  },
  gapArea: {
    assessment: '客户评估',
    team: '我方客户团队',
    contacts: '客户关系',
    customer: '对客户的了解',
    competitors: '竞争',
    self: '我方定位',
    plan: '计划与行动',
    intel: '信息',
    service: '服务',
    tier: '客户分类',
    refs: '记录',
    other: '其他',
  },
  gap: {
    'assessment/missing': '尚未评估该客户：吸引力、潜力和关系状况都未知。',
    'team/account-lead': '没有指定客户经理。',
    'team/executive-sponsor': '我方没有高层支持该客户。',
    'contacts/decision-maker': '不清楚谁做采购决策。',
    'contacts/executive': '在客户高层没有联系人。',
    'contacts/multi-threaded': '关系集中在太少的人身上（客户方或我方）。',
    'contacts/stale': '关键联系人太久没有见面。',
    'customer/swot': '客户的 SWOT 分析不完整。',
    'customer/buying-process': '没有写明客户的采购流程和选择标准。',
    'competitors/analysed': '没有分析任何竞争者的优势和弱点。',
    'self/analysis': '缺少我方在该客户的优势、弱点或生命周期阶段。',
    'plan/summary': '计划没有写明总目标和方向。',
    'plan/objectives': '没有带可衡量目标值和日期的目标。',
    'plan/actions': '行动缺少负责人或日期，或没有未完成的行动。',
    'plan/overdue': '有行动已逾期。',
    'plan/revenue': '没有今年的收入目标。',
    'plan/stale': '计划太久没有评审。',
    'intel/depth': '信息只来自公开渠道。',
    'service/open-issues': '有服务问题超过约定时间仍未解决。',
    'tier/drift': '团队认定的类别与评分得出的类别不一致。',
    'refs/competitor': '提到的竞争者没有档案。',
  },
  risk: {
    'risk/criteria': '竞争者同样或更好地满足客户的采购标准。',
    'risk/relationship': '关系处于防守或倒退状态。',
    'risk/lifecycle': '客户处于防守期、休眠期或暂停期。',
    'risk/single-threaded': '单线联系：联系人太少，或全部由我方一人维护。',
    'risk/no-executive': '在客户高层没有联系人。',
    'risk/open-issues': '有服务问题超过约定时间仍未解决。',
    'risk/satisfaction': '客户满意度偏低或在下降。',
    'risk/revenue-drop': '收入比上一年下降 10% 或更多。',
    'risk/price': '我方价格高于市场。',
  },
};

export const audienceLabels: Record<Lang, AudienceLabels> = { en, zh };
