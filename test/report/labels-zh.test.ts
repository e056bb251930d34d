/** The Chinese labels as a Chinese sales director reads them (README "Chinese labels"). */
import { describe, expect, it } from 'vitest';
import { zh } from '../../src/report/labels/zh.js';
import { en } from '../../src/report/labels/en.js';

describe('zh labels', () => {
  it('name the executive sponsor as the executive backing the account, not as administrative support', () => {
    expect(zh.teamRole.executive_sponsor).toBe('高层支持');
    expect(JSON.stringify(zh)).not.toContain('行政');
  });

  it('use the usual sales terms for tiers, lifecycle stages, segments and levels', () => {
    expect(zh.tier).toEqual({ key: '重点客户', ordinary: '普通客户', prospect: '潜在客户' });
    expect(Object.values(zh.lifecycle)).toEqual(['突破期', '巩固期', '成长期', '收获期', '防守期', '休眠期', '暂停期']);
    expect(zh.fields.lifecycle).toBe('生命周期阶段');
    expect(zh.segment.standard).toBe('一般客户');
    expect(zh.level.operational).toBe('基层');
    expect(zh.fields.shareOfWallet).toBe('钱包份额');
  });

  it('keep the values of table columns short (a tier, stage, level or attitude fits a narrow cell)', () => {
    for (const group of [zh.tier, zh.lifecycle, zh.level, zh.attitude, zh.stage, zh.status, zh.role, zh.quadrant]) {
      for (const label of Object.values(group)) expect([...label].length, label).toBeLessThanOrEqual(4);
    }
  });

  it('have a label for every English one', () => {
    const paths = (o: object, at = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (v !== null && typeof v === 'object' ? paths(v, `${at}${k}.`) : [`${at}${k}`]));
    expect(paths(zh).sort()).toEqual(paths(en).sort());
  });
});
