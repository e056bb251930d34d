/**
 * A contact's level (`executive | manager | operational`) from the words of a job title, in
 * English and Chinese. The first rule that matches wins; a title no rule matches gives no level
 * (left for a person to fill in). The README lists the words.
 */
import type { ContactLevel } from '../schema/account.js';

type Rule = readonly [level: ContactLevel, english: RegExp | undefined, chinese: readonly string[]];

const words = (list: string) => new RegExp(`(?:^|[^a-z])(?:${list})(?![a-z])`, 'i');

export const levelRules: readonly Rule[] = [
  // "Assistant to the CEO" is not the CEO; an assistant vice president manages
  ['manager', words('assistant vice president|avp'), []],
  ['operational', words('assistant|secretary|intern|trainee'), ['助理', '秘书', '实习']],
  [
    'executive',
    words('ceo|cfo|coo|cto|cio|cmo|cpo|cro|cso|chro|chief|president|vp|svp|evp|vice president|owner|founder|co-founder|chairman|chairwoman|chair|managing director|executive director|general manager|gm|board member|partner'),
    ['董事长', '董事', '总裁', '副总裁', '总经理', '副总经理', '首席', '创始人', '合伙人', '老板', '厂长', '总裁'],
  ],
  ['manager', words('director|dir|head|manager|mgr|supervisor|lead|controller|principal'), ['总监', '经理', '主管', '主任', '部长', '处长', '科长', '负责人', '组长']],
  [
    'operational',
    words('engineer|specialist|buyer|purchaser|analyst|coordinator|clerk|representative|rep|technician|administrator|admin|officer|agent|consultant|associate|planner|accountant|developer|staff|operator'),
    ['工程师', '专员', '采购员', '文员', '职员', '技术员', '会计', '业务员', '操作员', '采购'],
  ],
];

export function levelOf(title: string): ContactLevel | undefined {
  for (const [level, english, chinese] of levelRules) {
    if (english?.test(title) || chinese.some((w) => title.includes(w))) return level;
  }
  return undefined;
}
