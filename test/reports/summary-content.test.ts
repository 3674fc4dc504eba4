// The pure parts of a periodic summary: period names, the headline in both languages, the top
// categories with the rest summed, the categories that rose most, and the Excel sheets.
import { describe, expect, it } from 'vitest';
import { DEFAULT_KPI_TARGETS, KPI_RATES } from '../../src/domain/report-kpis.ts';
import type { SummaryPeriod } from '../../src/domain/summary-periods.ts';
import {
  categoryTable,
  composeSummary,
  type KpiLine,
  risingCategories,
  type SummaryInputs,
  trendSpan,
} from '../../src/reports/summary-content.ts';
import { summaryFileName, summarySheets } from '../../src/reports/summary-sheets.ts';
import {
  type HeadlineFacts,
  headlineEn,
  headlineZh,
  isoWeek,
  percent,
  periodLabel,
  signedPercent,
} from '../../src/reports/summary-text.ts';

const day = (d: string): SummaryPeriod => ({ kind: 'day', start: d, end: d });

describe('period names', () => {
  it.each([
    [day('2026-11-22'), '2026年11月22日', '22 November 2026'],
    [
      { kind: 'week', start: '2026-11-16', end: '2026-11-22' },
      '2026年第47周（11月16日至11月22日）',
      'Week 47 of 2026 (16–22 November)',
    ],
    [
      { kind: 'week', start: '2026-11-30', end: '2026-12-06' },
      '2026年第49周（11月30日至12月6日）',
      'Week 49 of 2026 (30 November – 6 December)',
    ],
    [
      { kind: 'week', start: '2026-12-28', end: '2027-01-03' },
      '2026年第53周（2026年12月28日至2027年1月3日）',
      'Week 53 of 2026 (28 December 2026 – 3 January 2027)',
    ],
    [
      { kind: 'week', start: '2024-12-30', end: '2025-01-05' },
      '2025年第1周（2024年12月30日至2025年1月5日）',
      'Week 1 of 2025 (30 December 2024 – 5 January 2025)',
    ],
    [{ kind: 'month', start: '2026-02-01', end: '2026-02-28' }, '2026年2月', 'February 2026'],
  ] as [SummaryPeriod, string, string][])('%j', (p, zh, en) => {
    expect(periodLabel(p, 'zh')).toBe(zh);
    expect(periodLabel(p, 'en')).toBe(en);
  });

  it('ISO weeks at year ends', () => {
    expect(isoWeek('2027-01-01')).toEqual({ year: 2026, week: 53 });
    expect(isoWeek('2026-01-01')).toEqual({ year: 2026, week: 1 });
    expect(isoWeek('2021-01-03')).toEqual({ year: 2020, week: 53 });
    expect(isoWeek('2019-12-30')).toEqual({ year: 2020, week: 1 });
  });

  it('percentages with one decimal and a sign for growth', () => {
    expect(percent(0.4375)).toBe('43.8%');
    expect(percent(1)).toBe('100.0%');
    expect(percent(0)).toBe('0.0%');
    expect(signedPercent(0.103)).toBe('+10.3%');
    expect(signedPercent(-0.04)).toBe('-4.0%');
    expect(signedPercent(0)).toBe('0.0%');
  });
});

describe('the headline', () => {
  const facts = (over: Partial<HeadlineFacts> = {}): HeadlineFacts => ({
    kind: 'day',
    label: { zh: '2026年11月22日', en: '22 November 2026' },
    total: { count: 128, previous: 116, change: 12, growth: 12 / 116 },
    top: { name: '计费争议', nameEn: 'Billing', count: 56, share: 56 / 128 },
    rising: { name: '多扣费', nameEn: 'Overcharging', change: 9 },
    rates: { frontlineResolution: 0.78, escalationRate: 0.094, replyCompliance: null },
    alerts: 2,
    ...over,
  });

  it('states the total, its change, the top category, the biggest rise, the rates and the alerts', () => {
    expect(headlineZh(facts())).toBe(
      '2026年11月22日共受理投诉 128 件，较前一日增加 12 件（+10.3%）。最多的一级分类是「计费争议」，56 件，占 43.8%。增加最多的是「多扣费」（+9 件）。一线解决率 78.0%，升级率 9.4%。期间产生预警 2 条。',
    );
    expect(headlineEn(facts())).toBe(
      '22 November 2026: 128 complaints were received, 12 more than the day before (+10.3%). Largest top-level category: Billing (56, 43.8%). Biggest rise: Overcharging (+9). Front-line resolution 78.0%, escalation rate 9.4%. 2 alerts were raised.',
    );
  });

  it('a fall, the same, nothing before, nothing at all', () => {
    const fall = facts({ kind: 'month', total: { count: 90, previous: 100, change: -10, growth: -0.1 } });
    expect(headlineZh(fall)).toContain('较上月减少 10 件（-10.0%）');
    expect(headlineEn(fall)).toContain('10 fewer than the month before (-10.0%)');
    const same = facts({ kind: 'week', total: { count: 5, previous: 5, change: 0, growth: 0 } });
    expect(headlineZh(same)).toContain('与前一周持平');
    expect(headlineEn(same)).toContain('the same as the week before');
    const first = facts({ total: { count: 3, previous: 0, change: 3, growth: null } });
    expect(headlineZh(first)).toContain('共受理投诉 3 件，前一日没有投诉。');
    expect(headlineEn(first)).toContain('3 complaints were received; there were none the day before.');
    const none = facts({
      total: { count: 0, previous: 0, change: 0, growth: null },
      top: null,
      rising: null,
      rates: { frontlineResolution: null, escalationRate: null, replyCompliance: null },
      alerts: 0,
    });
    expect(headlineZh(none)).toBe('2026年11月22日没有受理投诉，前一日也没有。期间没有预警。');
    expect(headlineEn(none)).toBe(
      '22 November 2026: no complaints were received, nor the day before. No alerts were raised.',
    );
  });

  it('one complaint and one alert are singular; without an English name the Chinese one is used; no alert line when alerts are not kept', () => {
    const one = facts({
      total: { count: 1, previous: 2, change: -1, growth: -0.5 },
      top: { name: '计费争议', nameEn: null, count: 1, share: 1 },
      rising: null,
      alerts: null,
    });
    expect(headlineEn(one)).toBe(
      '22 November 2026: 1 complaint was received, 1 fewer than the day before (-50.0%). Largest top-level category: 计费争议 (1, 100.0%). Front-line resolution 78.0%, escalation rate 9.4%.',
    );
    expect(headlineZh(one)).not.toContain('预警');
    expect(headlineEn(facts({ alerts: 1 }))).toContain('1 alert was raised.');
  });

  it('large counts have thousands separators', () => {
    const big = facts({ total: { count: 12345, previous: 10000, change: 2345, growth: 0.2345 } });
    expect(headlineZh(big)).toContain('共受理投诉 12,345 件，较前一日增加 2,345 件（+23.5%）');
  });
});

const dist = (rows: [string | null, string, number][]) => {
  const total = rows.reduce((s, r) => s + r[2], 0);
  return {
    total,
    rows: rows.map(([categoryId, name, count]) => ({
      categoryId,
      name,
      nameEn: `${name}-en`,
      count,
      share: total ? count / total : 0,
    })),
  };
};

describe('categories', () => {
  it('the top ones with their change, the rest summed', () => {
    const current = dist([
      ['a', '甲', 5],
      ['b', '乙', 3],
      [null, '未分类', 2],
      ['c', '丙', 1],
    ]);
    const previous = dist([
      ['a', '甲', 4],
      [null, '未分类', 2],
      ['d', '丁', 7],
    ]);
    const t = categoryTable(current, previous, 2);
    expect(t.total).toBe(11);
    expect(t.rows).toEqual([
      {
        categoryId: 'a',
        name: '甲',
        nameEn: '甲-en',
        count: 5,
        share: 5 / 11,
        previous: 4,
        change: 1,
        growth: 0.25,
      },
      {
        categoryId: 'b',
        name: '乙',
        nameEn: '乙-en',
        count: 3,
        share: 3 / 11,
        previous: 0,
        change: 3,
        growth: null,
      },
    ]);
    expect(t.rest).toEqual({ categories: 2, count: 3, share: 3 / 11 });
    expect(categoryTable(current, previous).rest).toBeNull();
    // Uncategorised is matched with uncategorised.
    expect(categoryTable(current, previous).rows.find((r) => r.categoryId === null)?.change).toBe(0);
  });

  it('rising: by increase, then growth (new ones steepest), then name; never one that fell or held', () => {
    const current = dist([
      ['a', '甲', 10],
      ['b', '乙', 4],
      ['c', '丙', 4],
      ['d', '丁', 2],
      ['e', '戊', 1],
    ]);
    const previous = dist([
      ['a', '甲', 12],
      ['b', '乙', 2],
      ['d', '丁', 2],
      ['e', '戊', 0],
    ]);
    expect(risingCategories(current, previous).map((r) => [r.name, r.change])).toEqual([
      ['丙', 4],
      ['乙', 2],
      ['戊', 1],
    ]);
    expect(risingCategories(current, previous, 1)).toHaveLength(1);
  });
});

describe('the summary and its workbook', () => {
  const rates = Object.fromEntries(
    KPI_RATES.map((k, i) => [k, i === 3 ? null : 0.1 * (i + 1)]),
  ) as KpiLine['rates'];
  const kpi = (name: string | null, received: number): KpiLine & { escalations: number } => ({
    key: name,
    name,
    received,
    closed: 7,
    frontline: 5,
    escalated: 1,
    reopened: 0,
    repeats: 1,
    major: 1,
    crisis: 0,
    rates,
    avgResolveHours: 12.5,
    p90ResolveHours: 30,
    seriousAvgResolveHours: null,
    escalations: 1, // extra fields of the report row are not stored
  });
  const inputs = (over: Partial<SummaryInputs> = {}): SummaryInputs => ({
    period: { kind: 'month', start: '2026-11-01', end: '2026-11-30' },
    timeZone: 'Asia/Shanghai',
    level1: {
      current: dist([
        ['a', '计费争议', 8],
        ['b', '网络质量', 4],
      ]),
      previous: dist([['a', '计费争议', 10]]),
    },
    level2: {
      current: dist([
        ['a1', '多扣费', 8],
        ['b1', '信号差', 4],
      ]),
      previous: dist([['a1', '多扣费', 10]]),
    },
    trend: {
      interval: 'week',
      points: [
        { period: '2026-W44', from: '2026-11-01', to: '2026-11-01', count: 2, growth: null },
        { period: '2026-W45', from: '2026-11-02', to: '2026-11-08', count: 10, growth: 0.25 },
      ],
    },
    kpiOverall: { rows: [kpi(null, 12)], targets: { ...DEFAULT_KPI_TARGETS } },
    kpiByTeam: { rows: [kpi('一组', 9), kpi(null, 3)] },
    alerts: {
      count: 1,
      items: [
        {
          id: 'x',
          kind: 'volume_spike',
          subjectName: '信号差',
          day: '2026-11-05',
          observed: 4,
          expected: 0.5,
          acknowledged: false,
        },
      ],
    },
    ...over,
  });

  it('composes the totals, the tables and the headline', () => {
    const c = composeSummary(inputs());
    expect(c.period).toEqual({ start: '2026-11-01', end: '2026-11-30' });
    expect(c.previous).toEqual({ start: '2026-10-01', end: '2026-10-31' });
    expect(c.total).toEqual({ count: 12, previous: 10, change: 2, growth: 0.2 });
    expect(c.rising.map((r) => r.name)).toEqual(['信号差']);
    expect(c.kpis.overall).not.toHaveProperty('escalations');
    expect(c.kpis.byTeam.map((k) => k.name)).toEqual(['一组', null]);
    expect(c.headline.zh).toBe(
      '2026年11月共受理投诉 12 件，较上月增加 2 件（+20.0%）。最多的一级分类是「计费争议」，8 件，占 66.7%。增加最多的是「信号差」（+4 件）。一线解决率 10.0%，升级率 20.0%，答复及时率 50.0%。期间产生预警 1 条。',
    );
    expect(
      c.headline.en.startsWith(
        'November 2026: 12 complaints were received, 2 more than the month before (+20.0%).',
      ),
    ).toBe(true);
    // Plain data: what is stored reads back the same.
    expect(JSON.parse(JSON.stringify(c))).toEqual(c);
  });

  it('the trend of a day is the week ending on it; a week by day; a month by week', () => {
    expect(trendSpan(day('2026-03-02'))).toEqual({ from: '2026-02-24', to: '2026-03-02', interval: 'day' });
    expect(trendSpan({ kind: 'week', start: '2026-11-16', end: '2026-11-22' })).toEqual({
      from: '2026-11-16',
      to: '2026-11-22',
      interval: 'day',
    });
    expect(trendSpan({ kind: 'month', start: '2026-11-01', end: '2026-11-30' }).interval).toBe('week');
  });

  it('one sheet per table, Chinese headers, numbers as numbers with percentage formats', () => {
    const c = composeSummary(inputs());
    const sheets = summarySheets(c, '2026-12-01 00:00');
    expect(sheets.map((s) => s.name)).toEqual([
      '概况',
      '一级类别',
      '二级类别',
      '趋势(按周)',
      '指标',
      '班组指标',
      '上升类别',
      '预警',
    ]);
    const [overview, level1, , trend, kpis, teams] = sheets;
    expect(overview?.rows[0]).toMatchObject({ count: 12, previous: 10, change: 2, growth: 0.2, alerts: 1 });
    expect(overview?.columns.find((x) => x.key === 'growth')?.numFmt).toBe('0.0%');
    expect(level1?.columns.map((x) => x.header)).toEqual([
      '排名',
      '类别',
      '类别(英文)',
      '投诉量',
      '占比',
      '上期',
      '增减(件)',
      '环比增长',
    ]);
    expect(level1?.rows.at(-1)).toEqual({ rank: null, name: '合计', count: 12, share: 1 });
    expect(level1?.columns.find((x) => x.key === 'share')?.numFmt).toBe('0.0%');
    expect(trend?.rows.map((r) => r.count)).toEqual([2, 10]);
    expect(kpis?.rows[0]).toMatchObject({
      name: '全部',
      received: 12,
      frontlineResolution: 0.1,
      repeatRate: null,
    });
    expect(kpis?.rows[1]).toMatchObject({
      name: '目标',
      frontlineResolution: DEFAULT_KPI_TARGETS.frontlineResolution,
    });
    expect(kpis?.columns.find((x) => x.key === 'escalationRate')).toMatchObject({
      header: '升级率',
      numFmt: '0.0%',
    });
    expect(teams?.rows.map((r) => r.name)).toEqual(['一组', '（无班组）']);
    // Cells are text, numbers or empty: never an object or undefined.
    for (const s of sheets)
      for (const r of s.rows)
        for (const v of Object.values(r))
          expect(v === null || ['string', 'number'].includes(typeof v)).toBe(true);
  });

  it('no alert sheet when alerts are not kept; file names by kind', () => {
    const c = composeSummary(inputs({ alerts: null, period: day('2026-11-22') }));
    expect(summarySheets(c, 'x').map((s) => s.name)).not.toContain('预警');
    expect(summaryFileName(c)).toBe('投诉日报_2026-11-22.xlsx');
    expect(summaryFileName({ kind: 'week', period: { start: '2026-11-16', end: '2026-11-22' } })).toBe(
      '投诉周报_2026-11-16_2026-11-22.xlsx',
    );
  });
});
