// Early-warning alerts in words, and where they lead: pure functions of an alert (or the payload
// of its notification), so the list, the dashboard and the bell say the same thing.
import type { Role } from '../../../src/domain/vocabulary.ts';

export const ALERT_KINDS = ['volume_spike', 'new_product'] as const;
export type AlertKindName = (typeof ALERT_KINDS)[number];
export const ALERT_STATES = ['open', 'acknowledged', 'all'] as const;
export const PRODUCT_KINDS = ['product', 'tariff', 'campaign'] as const;

/** Who sees the alerts (the server's alert:view) and who acknowledges them (alert:acknowledge). */
export function seesAlerts(role: Role): boolean {
  return role === 'supervisor' || role === 'analyst' || role === 'admin';
}
export function acknowledgesAlerts(role: Role): boolean {
  return role === 'supervisor' || role === 'analyst';
}
/** Products, tariffs and campaigns are registered by administrators. */
export function managesProducts(role: Role): boolean {
  return role === 'admin';
}

export interface DrillDownLike {
  drillDown: { from: string; to: string; categoryId: string | null; product: string | null };
}

/** The complaint list showing the complaints behind an alert (every team's: the alert is about all). */
export function alertDrillPath(a: DrillDownLike): string {
  const p = new URLSearchParams({ scope: 'all', from: a.drillDown.from, to: a.drillDown.to });
  if (a.drillDown.categoryId) p.set('category', a.drillDown.categoryId);
  if (a.drillDown.product) p.set('product', a.drillDown.product);
  return `/complaints?${p.toString()}`;
}

/** A p-value for people, as "p = 0.00059" (two significant digits), or "p < 0.000001". */
export function formatPValue(p: number | null): string {
  if (p === null || !Number.isFinite(p)) return 'p = —';
  if (p < 1e-6) return 'p < 0.000001';
  return `p = ${p >= 0.01 ? p.toFixed(2) : p.toPrecision(2)}`;
}

/** A daily mean with one decimal (a whole number without one). */
export function formatMean(x: number): string {
  const r = Math.round(x * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}

/** A YYYY-MM-DD day as M月D日 (zh) or MM-DD (en). */
export function formatDay(day: string, zh: boolean): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  return zh ? `${Number(m[2])}月${Number(m[3])}日` : `${m[2]}-${m[3]}`;
}

/** The bars of a small chart: the baseline days, then the day itself (marked). */
export function sparkBars(history: unknown, observed: number): { value: number; today: boolean }[] {
  const days = Array.isArray(history) ? history.filter((x): x is number => typeof x === 'number') : [];
  return [...days.map((value) => ({ value, today: false })), { value: observed, today: true }];
}

type Translate = (key: string, vars?: Record<string, unknown>) => string;

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const num = (v: unknown) => (typeof v === 'number' ? v : Number(v));

/**
 * The one-line sentence of an alert (as the bell says it), from a notification's payload or an
 * alert's own figures: "不明扣费：03-09 收到 12 件投诉，平时每天约 1 件".
 */
export function alertSentence(
  p: {
    alertKind?: unknown;
    subject?: unknown;
    day?: unknown;
    observed?: unknown;
    expected?: unknown;
    number?: unknown;
    productKind?: unknown;
  },
  t: Translate,
): string {
  const subject = str(p.subject) || '—';
  if (p.alertKind === 'new_product') {
    const kind = str(p.productKind) || 'product';
    return t('notifications.kinds.report_alert_new_product', {
      subject,
      productKind: t(`products.kindWord.${kind}`, { defaultValue: kind }),
      number: str(p.number) || '—',
    });
  }
  const expected = num(p.expected);
  return t('notifications.kinds.report_alert', {
    subject,
    day: str(p.day) ? formatDay(str(p.day), false) : '—',
    observed: str(p.observed) || '—',
    expected: Number.isFinite(expected) ? formatMean(expected) : '—',
  });
}
