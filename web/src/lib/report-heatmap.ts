// The weekday × hour heatmap as an ECharts option, and which complaints a clicked cell stands for. Pure.
import type { HeatCell } from '../api/report-types.ts';
import {
  axisText,
  baseOption,
  type ChartContext,
  type ChartOption,
  type ChartTheme,
  escapeHtml,
  formatCount,
} from './report-chart-base.ts';
import type { DrillTarget } from './report-drill.ts';

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
