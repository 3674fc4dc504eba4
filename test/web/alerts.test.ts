// Early-warning alerts in the workbench (web/src/lib/alerts.ts): where they lead, their figures in
// words, and who sees and acknowledges them.
import { describe, expect, it } from 'vitest';
import {
  acknowledgesAlerts,
  alertDrillPath,
  formatDay,
  formatMean,
  formatPValue,
  managesProducts,
  seesAlerts,
  sparkBars,
} from '../../web/src/lib/alerts.ts';
import { filtersFromSearch } from '../../web/src/lib/list-filters.ts';

describe('alertDrillPath', () => {
  it("a category's spike opens that day's complaints of the category, every team's", () => {
    const path = alertDrillPath({
      drillDown: { from: '2026-03-09', to: '2026-03-09', categoryId: 'c1', product: null },
    });
    expect(path).toBe('/complaints?scope=all&from=2026-03-09&to=2026-03-09&category=c1');
    const f = filtersFromSearch(new URLSearchParams(path.split('?')[1]));
    expect(f).toMatchObject({ scope: 'all', from: '2026-03-09', to: '2026-03-09', categoryId: 'c1' });
  });

  it("a product's alert opens its complaints by name (encoded)", () => {
    const path = alertDrillPath({
      drillDown: { from: '2026-03-12', to: '2026-03-12', categoryId: null, product: 'Pro 宽带&融合' },
    });
    expect(path).toBe(
      '/complaints?scope=all&from=2026-03-12&to=2026-03-12&product=Pro+%E5%AE%BD%E5%B8%A6%26%E8%9E%8D%E5%90%88',
    );
    expect(new URLSearchParams(path.split('?')[1]).get('product')).toBe('Pro 宽带&融合');
  });
});

describe('figures in words', () => {
  it('p-values', () => {
    expect(formatPValue(null)).toBe('p = —');
    expect(formatPValue(0.5)).toBe('p = 0.50');
    expect(formatPValue(0.000594)).toBe('p = 0.00059');
    expect(formatPValue(1.234e-5)).toBe('p = 0.000012');
    expect(formatPValue(3e-9)).toBe('p < 0.000001');
  });

  it('daily means and days', () => {
    expect(formatMean(1)).toBe('1');
    expect(formatMean(1.04)).toBe('1');
    expect(formatMean(3.46)).toBe('3.5');
    expect(formatDay('2026-03-09', true)).toBe('3月9日');
    expect(formatDay('2026-03-09', false)).toBe('03-09');
    expect(formatDay('nope', true)).toBe('nope');
  });

  it('the chart: the baseline days, then the day itself', () => {
    expect(sparkBars([1, 2, 'x', 0], 9)).toEqual([
      { value: 1, today: false },
      { value: 2, today: false },
      { value: 0, today: false },
      { value: 9, today: true },
    ]);
    expect(sparkBars(undefined, 3)).toEqual([{ value: 3, today: true }]);
  });
});

describe('who', () => {
  it('supervisors, analysts and admins see alerts; supervisors and analysts acknowledge; admins keep products', () => {
    const roles = ['agent', 'specialist', 'supervisor', 'analyst', 'admin', 'department'] as const;
    expect(roles.filter(seesAlerts)).toEqual(['supervisor', 'analyst', 'admin']);
    expect(roles.filter(acknowledgesAlerts)).toEqual(['supervisor', 'analyst']);
    expect(roles.filter(managesProducts)).toEqual(['admin']);
  });
});
