// The reports' charts as ECharts options, built from the server's figures by pure functions (no
// DOM, no echarts runtime): category distribution as a Pareto bar chart or a pie, the trend with its
// growth, the weekday × hour heatmap; and which complaints a clicked element stands for.
import type { BarSeriesOption, HeatmapSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { DistributionRow, HeatCell, TrendPoint } from '../api/report-types.ts';
import type { DrillTarget } from './report-drill.ts';
import { type DayRange, type Interval, yearEarlier } from './report-periods.ts';

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | HeatmapSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
>;

/** The colours of the charts, taken from the Ant Design theme so charts and screen agree. */
export interface ChartTheme {
  primary: string;
  /** The bars outside the vital few of a Pareto chart, last year's bars. */
  primarySoft: string;
  success: string;
  warning: string;
  error: string;
  text: string;
  textSecondary: string;
  border: string;
  /** A heatmap cell without complaints. */
  background: string;
  /** The heatmap's colour for the fewest complaints (the most are `primary`). Hex. */
  heatLow: string;
  /** Slices of a pie, in order. */
  palette: string[];
  fontFamily: string;
}

export type Translate = (key: string, vars?: Record<string, unknown>) => string;

export interface ChartContext {
  theme: ChartTheme;
  t: Translate;
  lang: string;
}

/** The share of the whole that the vital few make up (the Pareto principle's 80 %). */
export const PARETO_THRESHOLD = 0.8;

const NUMBER = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
  return NUMBER.format(n);
}

/** 0.853 → '85.3%'; null → '—'. */
export function formatPercent(v: number | null | undefined, digits = 1): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return `${(v * 100).toFixed(digits)}%`;
}

/** A change: 0.25 → '+25.0%', -0.1 → '-10.0%', 0 → '0.0%', null → '—'. */
export function formatGrowth(v: number | null | undefined, digits = 1): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  const s = `${(Math.abs(v) * 100).toFixed(digits)}%`;
  if (Number(s.slice(0, -1)) === 0) return s;
  return v > 0 ? `+${s}` : `-${s}`;
}

/** Text as HTML (tooltips are HTML; category and team names are typed by people). */
export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

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

const axisText = (theme: ChartTheme) => ({ color: theme.textSecondary, fontFamily: theme.fontFamily });

function baseOption(theme: ChartTheme): ChartOption {
  return {
    textStyle: { fontFamily: theme.fontFamily, color: theme.text },
    animationDuration: 300,
  };
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

// ---------------------------------------------------------------- heatmap

/** Every cell of the week (Monday first) × 24 hours as [hour, weekday − 1, count], zeros included. */
export function heatmapData(cells: readonly HeatCell[]): [number, number, number][] {
  const counts = new Map(cells.map((c) => [`${c.weekday}:${c.hour}`, c.count]));
  const out: [number, number, number][] = [];
  for (let w = 1; w <= 7; w++) {
    for (let h = 0; h < 24; h++) out.push([h, w - 1, counts.get(`${w}:${h}`) ?? 0]);
  }
  return out;
}

function parseHex(c: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(c.trim());
  if (!m?.[1]) return null;
  const h = m[1].length === 3 ? [...m[1]].map((x) => x + x).join('') : m[1];
  return [0, 2, 4].map((i) => Number.parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

/** A colour between two hex colours (0: `from`, 1: `to`); `to` when either is not hex. */
export function mixColor(from: string, to: string, ratio: number): string {
  const a = parseHex(from);
  const b = parseHex(to);
  if (!a || !b) return to;
  const k = Math.min(1, Math.max(0, ratio));
  return `#${a
    .map((x, i) =>
      Math.round(x + ((b[i] ?? x) - x) * k)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** A cell's colour: the background when empty, else from the light to the full theme colour (square
 *  root scale, so a few complaints still show against a busy hour). */
export function heatColor(
  count: number,
  max: number,
  theme: Pick<ChartTheme, 'background' | 'heatLow' | 'primary'>,
): string {
  if (count <= 0 || max <= 0) return theme.background;
  return mixColor(theme.heatLow, theme.primary, Math.sqrt(count / max));
}

export function heatmapOption(
  cells: readonly HeatCell[],
  weekdays: readonly string[],
  ctx: ChartContext,
): ChartOption {
  const { theme, t } = ctx;
  const data = heatmapData(cells);
  const max = Math.max(1, ...data.map((d) => d[2]));
  const hours = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));
  return {
    ...baseOption(theme),
    grid: { left: 8, right: 8, top: 8, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const v = (params as { value?: [number, number, number] }).value;
        if (!v) return '';
        const [h, w, n] = v;
        return [
          `<b>${escapeHtml(weekdays[w] ?? '')} ${hours[h]}:00–${String(h + 1).padStart(2, '0')}:00</b>`,
          t('reports.tooltip.count', { n: formatCount(n) }),
          `<span style="color:${theme.textSecondary}">${escapeHtml(t('reports.clickHint'))}</span>`,
        ].join('<br/>');
      },
    },
    xAxis: {
      type: 'category',
      data: hours,
      splitArea: { show: true },
      axisLabel: axisText(theme),
      axisLine: { lineStyle: { color: theme.border } },
    },
    yAxis: {
      type: 'category',
      data: [...weekdays],
      inverse: true,
      splitArea: { show: true },
      axisLabel: axisText(theme),
      axisLine: { lineStyle: { color: theme.border } },
    },
    series: [
      {
        id: 'heat',
        type: 'heatmap',
        cursor: 'pointer',
        data: data.map((value) => ({
          value,
          itemStyle: { color: heatColor(value[2], max, theme) },
          label: { color: value[2] / max > 0.45 ? '#fff' : theme.text },
        })),
        label: {
          show: true,
          fontSize: 10,
          formatter: (p: unknown) => {
            const n = (p as { value?: [number, number, number] }).value?.[2] ?? 0;
            return n > 0 ? formatCount(n) : '';
          },
        },
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
        emphasis: { itemStyle: { borderColor: theme.text, borderWidth: 1 } },
      },
    ],
  };
}

/** The complaints behind a cell: that hour of that weekday in the period (none behind an empty cell). */
export function heatTarget(value: unknown): DrillTarget | null {
  if (!Array.isArray(value) || value.length < 3) return null;
  const [h, w, n] = value as [number, number, number];
  if (!Number.isInteger(h) || !Number.isInteger(w) || h < 0 || h > 23 || w < 0 || w > 6 || !(n > 0))
    return null;
  return { weekday: w + 1, hour: h };
}

// ---------------------------------------------------------------- helpers

/** The data index of an axis tooltip's first series, or of an item's. */
function firstDataIndex(params: unknown): number | null {
  const first = Array.isArray(params) ? params[0] : params;
  const i = (first as { dataIndex?: unknown } | undefined)?.dataIndex;
  return typeof i === 'number' ? i : null;
}
