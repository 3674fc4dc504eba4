// The periodic summaries in the workbench, pure: who finds them in the menu and may make one, the
// period a picked day belongs to, and figures as the summary document prints them.
import type { Role } from '../../../src/domain/vocabulary.ts';

export type SummaryKind = 'day' | 'week' | 'month';
export const SUMMARY_KINDS: readonly SummaryKind[] = ['day', 'week', 'month'];

/** Summaries are organisation-wide figures: supervisors, analysts and admins find them in the menu. */
export function seesSummaries(role: Role): boolean {
  return role === 'supervisor' || role === 'analyst' || role === 'admin';
}

/** Who makes one on demand (or again): the same roles (the server decides). */
export function makesSummaries(role: Role): boolean {
  return seesSummaries(role);
}

const DAY_MS = 86_400_000;

function parseDay(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

function formatDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The first day of the period of a kind that holds a day: the day, its Monday, its 1st. */
export function periodStartOf(kind: SummaryKind, day: string): string {
  if (kind === 'month') return `${day.slice(0, 7)}-01`;
  if (kind === 'day') return day;
  const ms = parseDay(day);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // 0 = Monday
  return formatDay(ms - weekday * DAY_MS);
}

/** 2026-12-01 00:00 in a time zone (the summary's own). */
export function zonedDateTime(iso: string, timeZone: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const p = (type: string) => parts.find((x) => x.type === type)?.value ?? '';
  return `${p('year')}-${p('month')}-${p('day')} ${p('hour')}:${p('minute')}`;
}

/** 43.8%; '—' without a figure. */
export function percent(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  return `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
}

/** +12.5% / -4.0% / 0.0%; '—' when there was nothing to compare with. */
export function growth(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  return `${x > 0 ? '+' : x < 0 ? '-' : ''}${percent(Math.abs(x))}`;
}

/** +3 / -2 / 0. */
export function change(n: number): string {
  return n > 0 ? `+${n.toLocaleString('en-US')}` : n.toLocaleString('en-US');
}

/** 1,234 */
export function count(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : n.toLocaleString('en-US');
}

/** 12.5 (hours); '—' without a figure. */
export function hours(h: number | null | undefined): string {
  return h === null || h === undefined ? '—' : h.toFixed(1);
}

/** Bar widths in percent of the largest value (at least 1 % for a non-zero one). */
export function barWidths(values: readonly number[]): number[] {
  const max = Math.max(0, ...values);
  return values.map((v) => (max > 0 && v > 0 ? Math.max(1, Math.round((v / max) * 100)) : 0));
}

/** The Excel download of a summary (the server names the file). */
export function summaryXlsxUrl(id: string): string {
  return `/api/v1/summaries/${encodeURIComponent(id)}?format=xlsx`;
}

/** Whether a rate meets its target; lower is better for the escalation, repeat and reopen rates. */
export function meetsTarget(
  rate: string,
  value: number | null,
  target: number | null | undefined,
): boolean | null {
  if (value === null || target === null || target === undefined) return null;
  const lowerIsBetter = rate === 'escalationRate' || rate === 'repeatRate' || rate === 'reopenRate';
  return lowerIsBetter ? value <= target : value >= target;
}
