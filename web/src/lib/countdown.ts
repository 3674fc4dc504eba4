// Countdowns to a due time ("剩 2天3小时", "超时 1小时20分") and the colour of a deadline or a
// promise by its state: at risk orange, breached red, paused grey, met green (late: orange).
import { type CommitmentState, commitmentState } from '../../../src/domain/commitments.ts';
import type { DeadlineState } from '../../../src/domain/deadlines.ts';

export type { CommitmentState, DeadlineState };

export interface Countdown {
  /** The due time has passed. */
  overdue: boolean;
  days: number;
  hours: number;
  minutes: number;
}

export interface Label {
  key: string;
  values: Record<string, number | string>;
}

const MIN = 60_000;

/**
 * Clock time from now to the due time (or since it, when overdue), in whole minutes rounded up,
 * so "剩 1分钟" shows until the very end and an overdue time is never "0 minutes".
 */
export function countdown(now: Date, dueAt: Date): Countdown {
  const ms = dueAt.getTime() - now.getTime();
  const overdue = ms <= 0;
  const total = Math.max(1, Math.ceil(Math.abs(ms) / MIN));
  return {
    overdue,
    days: Math.floor(total / 1440),
    hours: Math.floor((total % 1440) / 60),
    minutes: total % 60,
  };
}

/** The i18n key and values: days and hours, hours and minutes, or minutes, dropping a zero tail. */
export function countdownLabel(c: Countdown): Label {
  const dir = c.overdue ? 'over' : 'left';
  if (c.days > 0) {
    return c.hours > 0
      ? { key: `countdown.${dir}.daysHours`, values: { days: c.days, hours: c.hours } }
      : { key: `countdown.${dir}.days`, values: { days: c.days } };
  }
  if (c.hours > 0) {
    return c.minutes > 0
      ? { key: `countdown.${dir}.hoursMinutes`, values: { hours: c.hours, minutes: c.minutes } }
      : { key: `countdown.${dir}.hours`, values: { hours: c.hours } };
  }
  return { key: `countdown.${dir}.minutes`, values: { minutes: c.minutes } };
}

/** How a state looks: the colour family of its tag. */
export type Tone = 'running' | 'warning' | 'error' | 'paused' | 'success' | 'muted';

/** Ant Design tag colours per tone (paused is a plain grey, distinct from a running default). */
export const TONE_COLORS: Record<Tone, string> = {
  running: 'default',
  warning: 'orange',
  error: 'red',
  paused: '#8c8c8c',
  success: 'green',
  muted: 'default',
};

export interface DeadlineLike {
  state: DeadlineState;
  dueAt: string;
  warnAt: string;
  late?: boolean | undefined;
}

/**
 * The state now: a running deadline turns at risk at its warning and breached at its due time
 * without waiting for the server (the page ticks; the server's timer engine does the same).
 */
export function liveDeadlineState(d: DeadlineLike, now: Date): DeadlineState {
  if (d.state !== 'running' && d.state !== 'at_risk') return d.state;
  if (now.getTime() >= Date.parse(d.dueAt)) return 'breached';
  if (now.getTime() >= Date.parse(d.warnAt)) return 'at_risk';
  return 'running';
}

export function deadlineTone(state: DeadlineState, late = false): Tone {
  switch (state) {
    case 'running':
      return 'running';
    case 'at_risk':
      return 'warning';
    case 'breached':
      return 'error';
    case 'paused':
      return 'paused';
    case 'met':
      return late ? 'warning' : 'success';
    case 'cancelled':
      return 'muted';
    default: {
      const never: never = state;
      throw new Error(`unknown deadline state ${String(never)}`);
    }
  }
}

/** The text of a deadline's tag: a countdown while it runs, else what became of it. */
export function deadlineText(d: DeadlineLike, now: Date): Label {
  const state = liveDeadlineState(d, now);
  switch (state) {
    case 'running':
    case 'at_risk':
    case 'breached':
      return countdownLabel(countdown(now, new Date(d.dueAt)));
    case 'met':
      return { key: d.late ? 'countdown.metLate' : 'countdown.met', values: {} };
    case 'paused':
      return { key: 'countdown.paused', values: {} };
    case 'cancelled':
      return { key: 'countdown.cancelled', values: {} };
    default: {
      const never: never = state;
      throw new Error(`unknown deadline state ${String(never)}`);
    }
  }
}

export interface CommitmentLike {
  source: 'agent' | 'customer';
  kind: 'call_back' | 'reply' | 'send' | 'visit' | 'other';
  status: 'open' | 'fulfilled' | 'cancelled';
  state: CommitmentState;
  madeAt: string;
  notBefore: string | null;
  remindAt: string;
  dueAt: string;
}

/** A promise's state now, by the same rule the server applies (src/domain/commitments.ts). */
export function liveCommitmentState(c: CommitmentLike, now: Date): CommitmentState {
  return commitmentState(
    {
      source: c.source,
      kind: c.kind,
      status: c.status,
      madeAt: new Date(c.madeAt),
      notBefore: c.notBefore ? new Date(c.notBefore) : null,
      remindAt: new Date(c.remindAt),
      dueAt: new Date(c.dueAt),
    },
    now,
  );
}

export function commitmentTone(state: CommitmentState): Tone {
  switch (state) {
    case 'waiting':
      return 'paused';
    case 'open':
      return 'running';
    case 'due_soon':
      return 'warning';
    case 'overdue':
      return 'error';
    case 'fulfilled':
      return 'success';
    case 'cancelled':
      return 'muted';
    default: {
      const never: never = state;
      throw new Error(`unknown commitment state ${String(never)}`);
    }
  }
}
