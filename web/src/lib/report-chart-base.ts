// What every report chart shares: the option type, the theme, the context, number formats and
// the base option. Pure.
import type { BarSeriesOption, HeatmapSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

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

export const axisText = (theme: ChartTheme) => ({ color: theme.textSecondary, fontFamily: theme.fontFamily });

export function baseOption(theme: ChartTheme): ChartOption {
  return {
    textStyle: { fontFamily: theme.fontFamily, color: theme.text },
    animationDuration: 300,
  };
}

// ---------------------------------------------------------------- helpers

/** The data index of an axis tooltip's first series, or of an item's. */
export function firstDataIndex(params: unknown): number | null {
  const first = Array.isArray(params) ? params[0] : params;
  const i = (first as { dataIndex?: unknown } | undefined)?.dataIndex;
  return typeof i === 'number' ? i : null;
}
