// The periods of the periodic summaries (domain §12: complaint categories analysed and summarised
// periodically), pure: days are 'YYYY-MM-DD' in the report time zone, the instant is a parameter.
// - a day is summarised once it is over: from 00:00 of the next day in the time zone;
// - an ISO week (Monday–Sunday) once its Sunday is over; a month once its last day is over;
// - catch-up: every period of the last few of each kind (31 days, 8 weeks, 3 months) that is over
//   and not stored yet, none that ended before the first complaint's day, oldest first. A server
//   that was down makes each missed one on its first sweep; a hole left behind a newer summary (one
//   made on demand meanwhile) is filled too.

export const SUMMARY_KINDS = ['day', 'week', 'month'] as const;
export type SummaryKind = (typeof SUMMARY_KINDS)[number];

export interface SummaryPeriod {
  kind: SummaryKind;
  /** The first day. */
  start: string;
  /** The last day (inclusive). */
  end: string;
}

/** How many periods of each kind catch-up looks back (the newest completed one included). */
export const CATCH_UP_LIMITS: Readonly<Record<SummaryKind, number>> = { day: 31, week: 8, month: 3 };

const DAY_MS = 86_400_000;
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayNumber(day: string): number {
  const m = DAY_RE.exec(day);
  if (!m) throw new RangeError(`Not a day: ${day}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

function dayOf(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
export function isDay(day: string): boolean {
  return DAY_RE.test(day) && dayOf(dayNumber(day)) === day;
}

export function addDays(day: string, n: number): string {
  return dayOf(dayNumber(day) + n);
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: string): number {
  return ((((dayNumber(day) + 3) % 7) + 7) % 7) + 1;
}

function monthEnd(day: string): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  return dayOf(Date.UTC(y, m, 0) / DAY_MS);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar day of an instant in a time zone (an IANA name such as Asia/Shanghai). */
export function localDay(at: Date, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  const parts = f.formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/** The period of a kind that contains a day. */
export function periodContaining(kind: SummaryKind, day: string): SummaryPeriod {
  switch (kind) {
    case 'day':
      return { kind, start: day, end: day };
    case 'week': {
      const start = addDays(day, 1 - isoWeekday(day));
      return { kind, start, end: addDays(start, 6) };
    }
    case 'month':
      return { kind, start: `${day.slice(0, 7)}-01`, end: monthEnd(day) };
  }
}

/** The period just before (the previous day, week or month). */
export function previousPeriod(p: SummaryPeriod): SummaryPeriod {
  return periodContaining(p.kind, addDays(p.start, -1));
}

/** Whether a day starts a period of the kind: any day, a Monday, the 1st. */
export function isPeriodStart(kind: SummaryKind, day: string): boolean {
  return isDay(day) && periodContaining(kind, day).start === day;
}

/** The period of a kind starting on a day, or null when no such period starts then. */
export function periodStarting(kind: SummaryKind, start: string): SummaryPeriod | null {
  return isPeriodStart(kind, start) ? periodContaining(kind, start) : null;
}

/** Whether the period is over at `now`: its last day has ended in the time zone. */
export function isOver(p: SummaryPeriod, now: Date, timeZone: string): boolean {
  return dayNumber(p.end) < dayNumber(localDay(now, timeZone));
}

/** The newest period of the kind that is over on `today` (yesterday, last week, last month). */
export function lastCompleted(kind: SummaryKind, today: string): SummaryPeriod {
  return previousPeriod(periodContaining(kind, today));
}

/** What the schedule makes at `now`: yesterday, last ISO week and last month, one of each. */
export function duePeriods(now: Date, timeZone: string): SummaryPeriod[] {
  const today = localDay(now, timeZone);
  return SUMMARY_KINDS.map((kind) => lastCompleted(kind, today));
}

/** The periods catch-up considers for a kind on `today`, newest first. */
export function catchUpCandidates(
  kind: SummaryKind,
  today: string,
  limit = CATCH_UP_LIMITS[kind],
): SummaryPeriod[] {
  const out: SummaryPeriod[] = [];
  let p = lastCompleted(kind, today);
  for (let i = 0; i < limit; i++) {
    out.push(p);
    p = previousPeriod(p);
  }
  return out;
}

/** The earliest day any catch-up candidate starts on: stored summaries before it do not matter. */
export function catchUpFrom(today: string, limits = CATCH_UP_LIMITS): string {
  const starts = SUMMARY_KINDS.map((k) => catchUpCandidates(k, today, limits[k]).at(-1)?.start ?? today);
  return starts.reduce((a, b) => (dayNumber(a) <= dayNumber(b) ? a : b));
}

export interface MissingInput {
  now: Date;
  timeZone: string;
  /** The day (in the time zone) of the first complaint ever received; null: none yet, nothing is due. */
  firstDay: string | null;
  /** Summaries already stored (any kinds; those outside the window are ignored). */
  stored: readonly { kind: SummaryKind; start: string }[];
  limits?: Readonly<Record<SummaryKind, number>>;
}

const KIND_ORDER: Record<SummaryKind, number> = { day: 0, week: 1, month: 2 };

/**
 * Every period due and not stored yet: within the catch-up window of its kind, over at `now`,
 * not ending before the first complaint's day. Oldest first (by last day, then day < week < month).
 */
export function missingPeriods(input: MissingInput): SummaryPeriod[] {
  if (input.firstDay === null) return [];
  const today = localDay(input.now, input.timeZone);
  const first = dayNumber(input.firstDay);
  const have = new Set(input.stored.map((s) => `${s.kind}:${s.start}`));
  const limits = input.limits ?? CATCH_UP_LIMITS;
  const out: SummaryPeriod[] = [];
  for (const kind of SUMMARY_KINDS) {
    for (const p of catchUpCandidates(kind, today, limits[kind])) {
      if (dayNumber(p.end) < first) break;
      if (!have.has(`${kind}:${p.start}`)) out.push(p);
    }
  }
  return out.sort((a, b) => dayNumber(a.end) - dayNumber(b.end) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
}
