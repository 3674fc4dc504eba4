// Time limits in words ("3个工作日", "8个工作小时", "30分钟") and the "by when" a promise is given
// as: N working days, N working hours, N hours, or a precise time (China time).
import { ageLabel, ageOf } from './age.ts';
import { chinaWallToIso } from './china-time.ts';
import type { Label } from './countdown.ts';

export type DurationSpec = { workingDays: number } | { workingHours: number } | { calendarHours: number };
export type MomentSpec = DurationSpec | { at: string };

/** "3个工作日" / "3 working days": the target of a deadline or a policy. */
export function durationLabel(spec: DurationSpec): Label {
  if ('workingDays' in spec) {
    const n = spec.workingDays;
    return { key: n === 1 ? 'duration.workingDay' : 'duration.workingDays', values: { n } };
  }
  if ('workingHours' in spec) {
    const n = spec.workingHours;
    return { key: n === 1 ? 'duration.workingHour' : 'duration.workingHours', values: { n } };
  }
  const n = spec.calendarHours;
  if (n < 1) return { key: 'duration.minutes', values: { n: Math.round(n * 60) } };
  return { key: n === 1 ? 'duration.hour' : 'duration.hours', values: { n } };
}

/** The duration in a target ({workingDays: 3}, maybe with a calendarId beside it), or null. */
export function asDurationSpec(x: unknown): DurationSpec | null {
  if (typeof x !== 'object' || x === null) return null;
  const r = x as Record<string, unknown>;
  const units = (['workingDays', 'workingHours', 'calendarHours'] as const).filter(
    (u) => typeof r[u] === 'number' && Number.isFinite(r[u]),
  );
  if (units.length !== 1) return null;
  const u = units[0] as 'workingDays' | 'workingHours' | 'calendarHours';
  return { [u]: r[u] as number } as DurationSpec;
}

/** A span of clock time ("2 小时 5 分"): how long a complaint waited for the customer. */
export function spanLabel(ms: number): Label {
  return ageLabel(ageOf(new Date(0), new Date(Math.max(0, ms))));
}

export const MOMENT_UNITS = ['workingDays', 'workingHours', 'calendarHours', 'at'] as const;
export type MomentUnit = (typeof MOMENT_UNITS)[number];

/** What the agent filled in: an amount of a unit, or a time typed/picked as China wall time. */
export interface MomentDraft {
  unit: MomentUnit;
  amount: number | null;
  /** 'YYYY-MM-DD HH:mm', China time. */
  at: string | null;
}

/** The server's limits (src/http/routes/commitments.ts). */
const MAX: Record<Exclude<MomentUnit, 'at'>, number> = {
  workingDays: 250,
  workingHours: 2000,
  calendarHours: 8784,
};

/** The body's `due` / `notBefore`, or null when the draft is not (yet) a valid time. */
export function momentSpec(d: MomentDraft): MomentSpec | null {
  if (d.unit === 'at') {
    const iso = d.at ? chinaWallToIso(d.at) : null;
    return iso ? { at: iso } : null;
  }
  const n = d.amount;
  if (n === null || !Number.isFinite(n) || n <= 0 || n > MAX[d.unit]) return null;
  if (d.unit === 'workingDays') return Number.isInteger(n) ? { workingDays: n } : null;
  return d.unit === 'workingHours' ? { workingHours: n } : { calendarHours: n };
}

/** Whether the agent has started filling the draft in (an optional "by when" left empty is fine). */
export function isBlank(d: MomentDraft): boolean {
  return d.unit === 'at' ? !d.at : d.amount === null;
}
