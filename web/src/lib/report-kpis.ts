// The KPI cards: each rate against its target (met: green, missed: red), the raw counts behind
// it, and the resolution times.
import { LOWER_IS_BETTER, meetsTarget } from '../../../src/domain/report-kpis.ts';
import type { KpiRate, KpiRow } from '../api/report-types.ts';

/** Rates where a lower figure is the better one: the server's own rule. */
export { LOWER_IS_BETTER };

export type KpiState = 'met' | 'missed' | 'none';

/** Met or missed (the server's rule: a figure equal to its target meets it); 'none' without a
 *  figure or a target. */
export function kpiState(
  rate: KpiRate,
  value: number | null | undefined,
  target: number | undefined,
): KpiState {
  const met = meetsTarget(rate, value ?? null, target);
  return met === null ? 'none' : met ? 'met' : 'missed';
}

type CountKey = {
  [K in keyof KpiRow]: KpiRow[K] extends number ? K : never;
}[keyof KpiRow];

/** What each rate divides: [numerator, denominator], as counts of the row. */
export const KPI_PARTS: Readonly<Record<KpiRate, readonly [CountKey, CountKey]>> = {
  frontlineResolution: ['frontline', 'closed'],
  escalationRate: ['escalated', 'received'],
  justifiedShare: ['escalationsJustified', 'escalationsReviewed'],
  repeatRate: ['repeats', 'received'],
  replyCompliance: ['replyOnTime', 'replySettled'],
  resolutionCompliance: ['resolutionOnTime', 'resolutionSettled'],
  reopenRate: ['reopened', 'received'],
};

export interface KpiParts {
  numerator: { key: CountKey; value: number };
  denominator: { key: CountKey; value: number };
}

export function kpiParts(rate: KpiRate, row: KpiRow): KpiParts {
  const [n, d] = KPI_PARTS[rate];
  return { numerator: { key: n, value: row[n] }, denominator: { key: d, value: row[d] } };
}

/** Hours as a short figure: under 10 with one decimal, then whole hours. null → '—'. */
export function formatHours(h: number | null | undefined): string {
  if (h === null || h === undefined || !Number.isFinite(h)) return '—';
  return h < 10 ? h.toFixed(1) : String(Math.round(h));
}

/** The KPIs of a period without complaints (the server gives no row then): zeros, no rates. */
export function emptyKpiRow(): KpiRow {
  return {
    key: null,
    name: null,
    received: 0,
    closed: 0,
    frontline: 0,
    escalated: 0,
    escalations: 0,
    escalationsReviewed: 0,
    escalationsJustified: 0,
    reopened: 0,
    repeats: 0,
    major: 0,
    crisis: 0,
    seriousResolved: 0,
    resolved: 0,
    replySettled: 0,
    replyOnTime: 0,
    resolutionSettled: 0,
    resolutionOnTime: 0,
    rates: {
      frontlineResolution: null,
      escalationRate: null,
      justifiedShare: null,
      repeatRate: null,
      replyCompliance: null,
      resolutionCompliance: null,
      reopenRate: null,
    },
    avgResolveHours: null,
    p90ResolveHours: null,
    p90Over30Days: false,
    seriousAvgResolveHours: null,
  };
}
