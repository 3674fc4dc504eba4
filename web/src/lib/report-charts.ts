// The reports' charts as ECharts options, built from the server's figures by pure functions (no
// DOM, no echarts runtime): category distribution as a Pareto bar chart or a pie, the trend with its
// growth; and which complaints a clicked element stands for. The heatmap is in report-heatmap.ts,
// what they share in report-chart-base.ts (both re-exported here).
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { DistributionRow, TrendPoint } from '../api/report-types.ts';
import {
  axisText,
  baseOption,
  type ChartContext,
  type ChartOption,
  escapeHtml,
  firstDataIndex,
  formatCount,
  formatGrowth,
  formatPercent,
  PARETO_THRESHOLD,
} from './report-chart-base.ts';
import type { DrillTarget } from './report-drill.ts';
import { type DayRange, type Interval, yearEarlier } from './report-periods.ts';

export * from './report-chart-base.ts';
export * from './report-heatmap.ts';

// ---------------------------------------------------------------- category distribution

/** The running share of the whole after each row (rows sorted by count, largest first). */
export function paretoCumulative(counts: readonly number[], total?: number): number[] {
  const whole = total ?? counts.reduce((a, b) => a + b, 0);
  let sum = 0;
  return counts.map((n) => {
    sum += n;
    return whole > 0 ? Math.min(1, sum / whole) : 0;
  });
}

/** How many of the first rows make up the vital few: up to and including the one reaching 80 %. */
export function vitalFewCount(cumulative: readonly number[], threshold = PARETO_THRESHOLD): number {
  const i = cumulative.findIndex((c) => c >= threshold - 1e-9);
  return i === -1 ? cumulative.length : i + 1;
}

export function categoryLabel(row: DistributionRow, ctx: Pick<ChartContext, 't' | 'lang'>): string {
  if (row.categoryId === null) return ctx.t('reports.uncategorised');
  return ctx.lang.startsWith('en') && row.nameEn ? row.nameEn : row.name;
}

export function categoryBarOption(
  rows: readonly DistributionRow[],
  total: number,
  ctx: ChartContext,
): ChartOption {
  const { theme, t } = ctx;
  const names = rows.map((r) => categoryLabel(r, ctx));
  const cumulative = paretoCumulative(
    rows.map((r) => r.count),
    total,
  );
  const vital = vitalFewCount(cumulative);
  const many = rows.length > 6;
  return {
    ...baseOption(theme),
    grid: { left: 8, right: 8, top: 36, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    legend: {
      top: 0,
      textStyle: { color: theme.textSecondary },
      data: [t('reports.series.count'), t('reports.series.cumulative')],
    },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const i = firstDataIndex(params);
        const row = i === null ? undefined : rows[i];
        if (i === null || !row) return '';
        return [
          `<b>${escapeHtml(names[i] ?? '')}</b>`,
          t('reports.tooltip.count', { n: formatCount(row.count) }),
          t('reports.tooltip.share', { share: formatPercent(row.share) }),
          t('reports.tooltip.cumulative', { share: formatPercent(cumulative[i]) }),
          `<span style="color:${theme.textSecondary}">${escapeHtml(t('reports.clickHint'))}</span>`,
        ].join('<br/>');
      },
    },
    xAxis: {
      type: 'category',
      data: names,
      axisLabel: {
        ...axisText(theme),
        interval: 0,
        rotate: many ? 35 : 0,
        width: many ? 90 : 120,
        overflow: 'truncate',
      },
      axisLine: { lineStyle: { color: theme.border } },
    },
    yAxis: [
      {
        type: 'value',
        minInterval: 1,
        axisLabel: axisText(theme),
        splitLine: { lineStyle: { color: theme.border, type: 'dashed' } },
      },
      {
        type: 'value',
        min: 0,
        max: 1,
        interval: 0.2,
        axisLabel: { ...axisText(theme), formatter: (v: number) => formatPercent(v, 0) },
        splitLine: { show: false },
      },
    ],
    series: [
      {
        id: 'count',
        name: t('reports.series.count'),
        type: 'bar',
        cursor: 'pointer',
        barMaxWidth: 48,
        // The legend's colour; each bar has its own (the vital few dark).
        itemStyle: { color: theme.primary },
        data: rows.map((r, i) => ({
          value: r.count,
          itemStyle: { color: i < vital ? theme.primary : theme.primarySoft },
        })),
      },
      {
        id: 'cumulative',
        name: t('reports.series.cumulative'),
        type: 'line',
        yAxisIndex: 1,
        cursor: 'pointer',
        symbol: 'circle',
        symbolSize: 6,
        itemStyle: { color: theme.warning },
        lineStyle: { color: theme.warning, width: 2 },
        data: cumulative,
      },
      {
        // The 80 % line (a plain series: no mark-line component to load).
        id: 'threshold',
        type: 'line',
        yAxisIndex: 1,
        silent: true,
        symbol: 'none',
        lineStyle: { color: theme.error, type: 'dashed', width: 1 },
        endLabel: {
          show: rows.length > 0,
          formatter: formatPercent(PARETO_THRESHOLD, 0),
          color: theme.error,
        },
        data: rows.map(() => PARETO_THRESHOLD),
      },
    ],
  };
}

export function categoryPieOption(rows: readonly DistributionRow[], ctx: ChartContext): ChartOption {
  const { theme, t } = ctx;
  return {
    ...baseOption(theme),
    color: theme.palette,
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const i = (params as { dataIndex?: number }).dataIndex;
        const row = i === undefined ? undefined : rows[i];
        if (!row) return '';
        return [
          `<b>${escapeHtml(categoryLabel(row, ctx))}</b>`,
          t('reports.tooltip.count', { n: formatCount(row.count) }),
          t('reports.tooltip.share', { share: formatPercent(row.share) }),
          `<span style="color:${theme.textSecondary}">${escapeHtml(t('reports.clickHint'))}</span>`,
        ].join('<br/>');
      },
    },
    series: [
      {
        id: 'share',
        type: 'pie',
        cursor: 'pointer',
        radius: ['38%', '68%'],
        center: ['50%', '52%'],
        minShowLabelAngle: 8,
        avoidLabelOverlap: true,
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
        label: { color: theme.text, formatter: '{b}  {d}%' },
        data: rows.map((r) => ({ name: categoryLabel(r, ctx), value: r.count })),
      },
    ],
  };
}

/** The complaints behind a bar, a point of the cumulative line or a slice: that row's category. */
export function categoryTarget(rows: readonly DistributionRow[], dataIndex: number): DrillTarget | null {
  const row = rows[dataIndex];
  return row ? { category: row.categoryId } : null;
}

// ---------------------------------------------------------------- trend

function shortDay(day: string, sameYear: boolean): string {
  return sameYear ? day.slice(5) : day;
}

/** A point's label on the axis: days and weeks by their first day (short within one year), months as YYYY-MM. */
export function periodLabel(
  p: Pick<TrendPoint, 'period' | 'from'>,
  interval: Interval,
  sameYear: boolean,
): string {
  if (interval === 'month') return p.period;
  return shortDay(p.from, sameYear);
}

export interface TrendChoices {
  interval: Interval;
  yoy: boolean;
  ratio: 'customers' | 'transactions' | null;
}

export function trendOption(
  points: readonly TrendPoint[],
  choices: TrendChoices,
  ctx: ChartContext,
): ChartOption {
  const { theme, t } = ctx;
  const sameYear =
    points.length > 0 && points.every((p) => p.from.slice(0, 4) === points[0]?.from.slice(0, 4));
  const labels = points.map((p) => periodLabel(p, choices.interval, sameYear));
  const percentAxis = (v: number) => formatGrowth(v, 0);
  const series: (BarSeriesOption | LineSeriesOption)[] = [
    {
      id: 'count',
      name: t('reports.series.count'),
      type: 'bar',
      cursor: 'pointer',
      barMaxWidth: 36,
      itemStyle: { color: theme.primary },
      data: points.map((p) => p.count),
    },
  ];
  if (choices.yoy) {
    series.push({
      id: 'lastYear',
      name: t('reports.series.lastYear'),
      type: 'bar',
      cursor: 'pointer',
      barMaxWidth: 36,
      itemStyle: { color: theme.primarySoft },
      data: points.map((p) => p.lastYear),
    });
  }
  series.push({
    id: 'growth',
    name: t('reports.series.growth'),
    type: 'line',
    yAxisIndex: 1,
    cursor: 'pointer',
    symbol: 'circle',
    symbolSize: 6,
    connectNulls: false,
    itemStyle: { color: theme.warning },
    lineStyle: { color: theme.warning, width: 2 },
    data: points.map((p) => p.growth),
  });
  if (choices.yoy) {
    series.push({
      id: 'yoy',
      name: t('reports.series.yoy'),
      type: 'line',
      yAxisIndex: 1,
      cursor: 'pointer',
      symbol: 'emptyCircle',
      symbolSize: 6,
      connectNulls: false,
      itemStyle: { color: theme.success },
      lineStyle: { color: theme.success, width: 2, type: 'dashed' },
      data: points.map((p) => p.yoy),
    });
  }
  return {
    ...baseOption(theme),
    grid: { left: 8, right: 8, top: 36, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    legend: { top: 0, textStyle: { color: theme.textSecondary } },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const i = firstDataIndex(params);
        const p = i === null ? undefined : points[i];
        if (!p) return '';
        return trendTooltip(p, choices, ctx);
      },
    },
    xAxis: {
      type: 'category',
      data: labels,
      axisLabel: { ...axisText(theme), hideOverlap: true },
      axisLine: { lineStyle: { color: theme.border } },
    },
    yAxis: [
      {
        type: 'value',
        minInterval: 1,
        axisLabel: axisText(theme),
        splitLine: { lineStyle: { color: theme.border, type: 'dashed' } },
      },
      {
        type: 'value',
        axisLabel: { ...axisText(theme), formatter: percentAxis },
        splitLine: { show: false },
      },
    ],
    series,
  };
}

/** The lines of a trend point's tooltip (HTML). */
export function trendTooltip(p: TrendPoint, choices: TrendChoices, ctx: ChartContext): string {
  const { t, theme } = ctx;
  const span = p.from === p.to ? p.from : `${p.from} – ${p.to}`;
  const lines = [
    `<b>${escapeHtml(p.period)}</b> <span style="color:${theme.textSecondary}">${escapeHtml(span)}</span>`,
    t('reports.tooltip.count', { n: formatCount(p.count) }),
    t('reports.tooltip.growth', { value: formatGrowth(p.growth), previous: formatCount(p.previous) }),
  ];
  if (choices.yoy) {
    lines.push(t('reports.tooltip.yoy', { value: formatGrowth(p.yoy), lastYear: formatCount(p.lastYear) }));
  }
  if (choices.ratio) {
    lines.push(
      p.ratio === null
        ? t('reports.tooltip.noRatio')
        : t(
            choices.ratio === 'customers'
              ? 'reports.tooltip.ratioCustomers'
              : 'reports.tooltip.ratioTransactions',
            {
              value: p.ratio.toFixed(2),
            },
          ),
    );
  }
  lines.push(`<span style="color:${theme.textSecondary}">${escapeHtml(t('reports.clickHint'))}</span>`);
  return lines.join('<br/>');
}

/** The complaints behind a trend element: its period (clipped to the report's), last year's for last year's bar. */
export function trendTarget(
  points: readonly TrendPoint[],
  seriesId: string | undefined,
  dataIndex: number,
): DrillTarget | null {
  const p = points[dataIndex];
  if (!p) return null;
  const range: DayRange = { from: p.from, to: p.to };
  return { range: seriesId === 'lastYear' || seriesId === 'yoy' ? yearEarlier(range) : range };
}
