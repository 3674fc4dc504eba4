// The reports' charts as ECharts options: the Pareto chart and its cumulative shares, the pie, the
// trend with growth and year over year, the heatmap; which complaints a clicked element stands
// for; number formats; and the KPI cards against their targets.
import { describe, expect, it } from 'vitest';
import {
  type DistributionRow,
  KPI_RATES,
  type KpiRow,
  type TrendPoint,
} from '../../web/src/api/report-types.ts';
import {
  type ChartContext,
  categoryBarOption,
  categoryLabel,
  categoryPieOption,
  categoryTarget,
  escapeHtml,
  formatCount,
  formatGrowth,
  formatPercent,
  heatColor,
  heatmapData,
  heatmapOption,
  heatTarget,
  mixColor,
  paretoCumulative,
  periodLabel,
  trendOption,
  trendTarget,
  trendTooltip,
  vitalFewCount,
} from '../../web/src/lib/report-charts.ts';
import { filenameFromDisposition } from '../../web/src/lib/report-download.ts';
import {
  emptyKpiRow,
  formatHours,
  KPI_PARTS,
  kpiParts,
  kpiState,
  LOWER_IS_BETTER,
} from '../../web/src/lib/report-kpis.ts';

const THEME = {
  primary: '#1f5fbf',
  primarySoft: '#a6c4ee',
  success: '#52c41a',
  warning: '#faad14',
  error: '#ff4d4f',
  text: '#000',
  textSecondary: '#666',
  border: '#eee',
  background: '#fafafa',
  heatLow: '#e6f0ff',
  palette: ['#1f5fbf', '#13c2c2'],
  fontFamily: 'sans-serif',
};
/** Keys and their values, so a test sees what was asked for. */
const t = (key: string, vars?: Record<string, unknown>) => (vars ? `${key} ${JSON.stringify(vars)}` : key);
const ctx: ChartContext = { theme: THEME, t, lang: 'zh-CN' };

const row = (
  categoryId: string | null,
  name: string,
  count: number,
  total: number,
  nameEn: string | null = null,
): DistributionRow => ({
  categoryId,
  name,
  nameEn,
  count,
  share: count / total,
});
const ROWS = [
  row('c1', '资费与计费', 50, 100, 'Billing'),
  row('c2', '网络质量', 30, 100, 'Network'),
  row(null, '未分类', 12, 100),
  row('c3', '服务态度', 8, 100),
];

// biome-ignore lint/suspicious/noExplicitAny: options are inspected freely
const series = (o: any, i: number) => o.series[i];

describe('Pareto', () => {
  it('cumulative shares of the whole, ending at 1', () => {
    expect(paretoCumulative([50, 30, 12, 8])).toEqual([0.5, 0.8, 0.92, 1]);
    expect(paretoCumulative([5, 5], 20)).toEqual([0.25, 0.5]);
    expect(paretoCumulative([])).toEqual([]);
    expect(paretoCumulative([0, 0])).toEqual([0, 0]);
  });

  it('the vital few: up to and including the category that reaches 80 %', () => {
    expect(vitalFewCount([0.5, 0.8, 0.92, 1])).toBe(2);
    expect(vitalFewCount([0.9, 1])).toBe(1);
    expect(vitalFewCount([0.3, 0.6, 0.79, 1])).toBe(4);
    expect(vitalFewCount([0.1 + 0.7, 1])).toBe(1);
    expect(vitalFewCount([])).toBe(0);
  });

  it('bars by count, the vital few in the theme colour, the cumulative line on the percent axis with the 80 % mark', () => {
    const o = categoryBarOption(ROWS, 100, ctx);
    // biome-ignore lint/suspicious/noExplicitAny: inspected freely
    expect((o.xAxis as any).data).toEqual(['资费与计费', '网络质量', 'reports.uncategorised', '服务态度']);
    const bars = series(o, 0);
    expect(bars.type).toBe('bar');
    expect(bars.data.map((d: { value: number }) => d.value)).toEqual([50, 30, 12, 8]);
    expect(bars.data.map((d: { itemStyle: { color: string } }) => d.itemStyle.color)).toEqual([
      THEME.primary,
      THEME.primary,
      THEME.primarySoft,
      THEME.primarySoft,
    ]);
    const line = series(o, 1);
    expect(line).toMatchObject({ type: 'line', yAxisIndex: 1, data: [0.5, 0.8, 0.92, 1] });
    const mark = series(o, 2);
    expect(mark).toMatchObject({ id: 'threshold', yAxisIndex: 1, silent: true, data: [0.8, 0.8, 0.8, 0.8] });
    // biome-ignore lint/suspicious/noExplicitAny: inspected freely
    expect((o.yAxis as any)[1]).toMatchObject({ min: 0, max: 1 });
  });

  it('the tooltip names the category (escaped), its count, share and running share', () => {
    const o = categoryBarOption([row('x', '<b>坏</b>', 3, 4), row('y', '好', 1, 4)], 4, ctx);
    // biome-ignore lint/suspicious/noExplicitAny: inspected freely
    const html = (o.tooltip as any).formatter([{ dataIndex: 0 }]);
    expect(html).toContain('&lt;b&gt;坏&lt;/b&gt;');
    expect(html).not.toContain('<b>坏');
    expect(html).toContain('reports.tooltip.count {"n":"3"}');
    expect(html).toContain('reports.tooltip.share {"share":"75.0%"}');
    expect(html).toContain('reports.tooltip.cumulative {"share":"75.0%"}');
  });

  it('English names where the category has one', () => {
    const en = { ...ctx, lang: 'en-US' };
    expect(ROWS.map((r) => categoryLabel(r, en))).toEqual([
      'Billing',
      'Network',
      'reports.uncategorised',
      '服务态度',
    ]);
  });

  it('the pie: one slice per category, in the theme palette', () => {
    const o = categoryPieOption(ROWS, ctx);
    expect(o.color).toEqual(THEME.palette);
    expect(series(o, 0).data).toEqual([
      { name: '资费与计费', value: 50 },
      { name: '网络质量', value: 30 },
      { name: 'reports.uncategorised', value: 12 },
      { name: '服务态度', value: 8 },
    ]);
  });

  it('a bar, a point of the line or a slice opens its category; the uncategorised one, the complaints without', () => {
    expect(categoryTarget(ROWS, 0)).toEqual({ category: 'c1' });
    expect(categoryTarget(ROWS, 2)).toEqual({ category: null });
    expect(categoryTarget(ROWS, 9)).toBeNull();
  });
});

const point = (
  p: Partial<TrendPoint> & Pick<TrendPoint, 'period' | 'from' | 'to' | 'count'>,
): TrendPoint => ({
  previous: 0,
  growth: null,
  lastYear: 0,
  yoy: null,
  ratio: null,
  ...p,
});
const WEEKS = [
  point({
    period: '2026-W45',
    from: '2026-11-04',
    to: '2026-11-08',
    count: 10,
    previous: 8,
    growth: 0.25,
    lastYear: 5,
    yoy: 1,
  }),
  point({
    period: '2026-W46',
    from: '2026-11-09',
    to: '2026-11-15',
    count: 6,
    previous: 10,
    growth: -0.4,
    lastYear: 0,
    yoy: null,
  }),
];

describe('the trend', () => {
  it('bars for the count, a line for the growth on the percent axis', () => {
    const o = trendOption(WEEKS, { interval: 'week', yoy: false, ratio: null }, ctx);
    // biome-ignore lint/suspicious/noExplicitAny: inspected freely
    expect((o.xAxis as any).data).toEqual(['11-04', '11-09']);
    // biome-ignore lint/suspicious/noExplicitAny: inspected freely
    expect((o.series as any[]).map((s) => s.id)).toEqual(['count', 'growth']);
    expect(series(o, 0)).toMatchObject({ type: 'bar', data: [10, 6] });
    expect(series(o, 1)).toMatchObject({ type: 'line', yAxisIndex: 1, data: [0.25, -0.4] });
  });

  it('with year over year: last year’s bars and the year-over-year line', () => {
    const o = trendOption(WEEKS, { interval: 'week', yoy: true, ratio: null }, ctx);
    // biome-ignore lint/suspicious/noExplicitAny: inspected freely
    expect((o.series as any[]).map((s) => s.id)).toEqual(['count', 'lastYear', 'growth', 'yoy']);
    expect(series(o, 1).data).toEqual([5, 0]);
    expect(series(o, 3).data).toEqual([1, null]);
  });

  it('labels: days and weeks by their first day (with the year when the years differ), months as YYYY-MM', () => {
    expect(periodLabel({ period: '2026-11-03', from: '2026-11-03' }, 'day', true)).toBe('11-03');
    expect(periodLabel({ period: '2026-11-03', from: '2026-11-03' }, 'day', false)).toBe('2026-11-03');
    expect(periodLabel({ period: '2026-W45', from: '2026-11-02' }, 'week', true)).toBe('11-02');
    expect(periodLabel({ period: '2026-11', from: '2026-11-01' }, 'month', true)).toBe('2026-11');
    const o = trendOption(
      [
        point({ period: '2025-12-31', from: '2025-12-31', to: '2025-12-31', count: 1 }),
        point({ period: '2026-01-01', from: '2026-01-01', to: '2026-01-01', count: 2 }),
      ],
      { interval: 'day', yoy: false, ratio: null },
      ctx,
    );
    // biome-ignore lint/suspicious/noExplicitAny: inspected freely
    expect((o.xAxis as any).data).toEqual(['2025-12-31', '2026-01-01']);
  });

  it('the tooltip: the days, count, growth with the previous count, year over year and the ratio when asked', () => {
    const p = { ...WEEKS[0], ratio: 1.234 } as TrendPoint;
    const html = trendTooltip(p, { interval: 'week', yoy: true, ratio: 'customers' }, ctx);
    expect(html).toContain('2026-W45');
    expect(html).toContain('2026-11-04 – 2026-11-08');
    expect(html).toContain('reports.tooltip.growth {"value":"+25.0%","previous":"8"}');
    expect(html).toContain('reports.tooltip.yoy {"value":"+100.0%","lastYear":"5"}');
    expect(html).toContain('reports.tooltip.ratioCustomers {"value":"1.23"}');
    const none = trendTooltip(
      WEEKS[1] as TrendPoint,
      { interval: 'week', yoy: false, ratio: 'transactions' },
      ctx,
    );
    expect(none).toContain('reports.tooltip.noRatio');
    expect(none).not.toContain('reports.tooltip.yoy');
  });

  it('a period opens its days; last year’s bar and the year-over-year point open last year’s', () => {
    expect(trendTarget(WEEKS, 'count', 1)).toEqual({ range: { from: '2026-11-09', to: '2026-11-15' } });
    expect(trendTarget(WEEKS, 'growth', 0)).toEqual({ range: { from: '2026-11-04', to: '2026-11-08' } });
    expect(trendTarget(WEEKS, 'lastYear', 0)).toEqual({ range: { from: '2025-11-04', to: '2025-11-08' } });
    expect(trendTarget(WEEKS, 'yoy', 1)).toEqual({ range: { from: '2025-11-09', to: '2025-11-15' } });
    expect(trendTarget(WEEKS, 'count', 5)).toBeNull();
  });
});

describe('the heatmap', () => {
  const CELLS = [
    { weekday: 1, hour: 9, count: 12 },
    { weekday: 7, hour: 23, count: 3 },
  ];

  it('every hour of every weekday, Monday first, zeros filled in', () => {
    const data = heatmapData(CELLS);
    expect(data).toHaveLength(7 * 24);
    expect(data[9]).toEqual([9, 0, 12]);
    expect(data[6 * 24 + 23]).toEqual([23, 6, 3]);
    expect(data.filter((d) => d[2] > 0)).toHaveLength(2);
  });

  it('weekdays down (Monday on top), hours across, the busiest cell in the theme colour', () => {
    const o = heatmapOption(CELLS, ['一', '二', '三', '四', '五', '六', '日'], ctx);
    // biome-ignore lint/suspicious/noExplicitAny: inspected freely
    const y = o.yAxis as any;
    expect(y.data).toEqual(['一', '二', '三', '四', '五', '六', '日']);
    expect(y.inverse).toBe(true);
    // biome-ignore lint/suspicious/noExplicitAny: inspected freely
    expect((o.xAxis as any).data[0]).toBe('00');
    // biome-ignore lint/suspicious/noExplicitAny: inspected freely
    const cells = series(o, 0).data as any[];
    expect(cells[9]).toMatchObject({
      value: [9, 0, 12],
      itemStyle: { color: THEME.primary },
      label: { color: '#fff' },
    });
    expect(cells[0]).toMatchObject({ value: [0, 0, 0], itemStyle: { color: THEME.background } });
    expect(cells[6 * 24 + 23].itemStyle.color).toBe(heatColor(3, 12, THEME));
    // An empty week: every cell the background.
    // biome-ignore lint/suspicious/noExplicitAny: inspected freely
    const empty = series(heatmapOption([], ['一'], ctx), 0).data as any[];
    expect(new Set(empty.map((c) => c.itemStyle.color))).toEqual(new Set([THEME.background]));
  });

  it('colours: empty cells the background, then the light to the full theme colour on a square-root scale', () => {
    expect(heatColor(0, 10, THEME)).toBe(THEME.background);
    expect(heatColor(10, 10, THEME)).toBe('#1f5fbf');
    // sqrt(1/4): half-way from #e6f0ff to #1f5fbf.
    expect(heatColor(1, 4, THEME)).toBe(mixColor('#e6f0ff', '#1f5fbf', 0.5));
    expect(mixColor('#000', '#ffffff', 0.5)).toBe('#808080');
    expect(mixColor('#000000', '#ffffff', 2)).toBe('#ffffff');
    expect(mixColor('rgba(0,0,0,0.1)', '#123456', 0.5)).toBe('#123456');
  });

  it('a cell opens that hour of that weekday; an empty one nothing', () => {
    expect(heatTarget([9, 0, 12])).toEqual({ weekday: 1, hour: 9 });
    expect(heatTarget([0, 6, 1])).toEqual({ weekday: 7, hour: 0 });
    // Nothing behind an empty cell.
    expect(heatTarget([0, 6, 0])).toBeNull();
    expect(heatTarget([0, 6])).toBeNull();
    expect(heatTarget([24, 0, 1])).toBeNull();
    expect(heatTarget([1, 7, 1])).toBeNull();
    expect(heatTarget(undefined)).toBeNull();
  });
});

describe('numbers', () => {
  it.each([
    [0.853, '85.3%'],
    [1, '100.0%'],
    [0, '0.0%'],
    [null, '—'],
    [Number.NaN, '—'],
  ])('formatPercent(%s) = %s', (v, s) => {
    expect(formatPercent(v)).toBe(s);
  });

  it.each([
    [0.25, '+25.0%'],
    [-0.1, '-10.0%'],
    [0, '0.0%'],
    [-0.00001, '0.0%'],
    [null, '—'],
  ])('formatGrowth(%s) = %s', (v, s) => {
    expect(formatGrowth(v)).toBe(s);
  });

  it('counts with thousands separators; hours short', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatHours(2.345)).toBe('2.3');
    expect(formatHours(36.6)).toBe('37');
    expect(formatHours(null)).toBe('—');
  });

  it('escapes HTML', () => {
    expect(escapeHtml(`<img src=x onerror="a('b')">&`)).toBe(
      '&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;',
    );
  });
});

describe('KPI cards against their targets', () => {
  it.each([
    ['frontlineResolution', 0.85, 0.8, 'met'],
    ['frontlineResolution', 0.8, 0.8, 'met'],
    ['frontlineResolution', 0.79, 0.8, 'missed'],
    ['escalationRate', 0.05, 0.1, 'met'],
    ['escalationRate', 0.1, 0.1, 'met'],
    ['escalationRate', 0.15, 0.1, 'missed'],
    ['repeatRate', 0.06, 0.05, 'missed'],
    ['reopenRate', 0, 0.05, 'met'],
    ['replyCompliance', null, 0.95, 'none'],
    ['replyCompliance', 0.99, undefined, 'none'],
  ] as const)('%s %s vs %s → %s', (rate, value, target, state) => {
    expect(kpiState(rate, value, target)).toBe(state);
  });

  it('lower is better for the escalation, repeat and reopen rates only', () => {
    expect([...LOWER_IS_BETTER].sort()).toEqual(['escalationRate', 'reopenRate', 'repeatRate']);
  });

  it('each rate names the counts it divides', () => {
    const r = {
      frontline: 8,
      closed: 10,
      escalated: 3,
      received: 30,
      escalationsJustified: 1,
      escalationsReviewed: 2,
      replyOnTime: 19,
      replySettled: 20,
    } as KpiRow;
    expect(kpiParts('frontlineResolution', r)).toEqual({
      numerator: { key: 'frontline', value: 8 },
      denominator: { key: 'closed', value: 10 },
    });
    expect(kpiParts('escalationRate', r).denominator).toEqual({ key: 'received', value: 30 });
    expect(kpiParts('replyCompliance', r).numerator).toEqual({ key: 'replyOnTime', value: 19 });
    expect(Object.keys(KPI_PARTS)).toHaveLength(7);
  });
});

describe('a period without complaints', () => {
  it('zeros, no rate, nothing met or missed', () => {
    const r = emptyKpiRow();
    expect(r.received).toBe(0);
    expect(Object.keys(r.rates).sort()).toEqual([...KPI_RATES].sort());
    for (const rate of KPI_RATES) {
      expect(r.rates[rate]).toBeNull();
      expect(kpiState(rate, r.rates[rate], 0.5)).toBe('none');
    }
  });
});

describe('the download name', () => {
  it.each([
    [
      `attachment; filename="_____2026-11-01_2026-11-30.xlsx"; filename*=UTF-8''${encodeURIComponent('投诉类别分布_2026-11-01_2026-11-30.xlsx')}`,
      '投诉类别分布_2026-11-01_2026-11-30.xlsx',
    ],
    ['attachment; filename="report.xlsx"', 'report.xlsx'],
    ['attachment; filename=report.xlsx', 'report.xlsx'],
    ["attachment; filename*=UTF-8''%E0%A4%A", 'fallback.xlsx'],
    [`attachment; filename*=UTF-8''..%2F..%2Fetc.xlsx`, '.._.._etc.xlsx'],
    ['attachment', 'fallback.xlsx'],
    [null, 'fallback.xlsx'],
  ])('%s → %s', (header, name) => {
    expect(filenameFromDisposition(header, 'fallback.xlsx')).toBe(name);
  });
});
