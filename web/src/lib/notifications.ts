// A notification in words: "TS202611250001 的答复时限已超时", from its kind and the figures the
// timer engine stored with it (number, deadline or promise kind, due time).

export const NOTIFICATION_KINDS = [
  'deadline_at_risk',
  'deadline_breached',
  'commitment_due_soon',
  'customer_window_open',
  'commitment_overdue',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationLike {
  kind: string;
  payload: Record<string, unknown>;
}

type Translate = (key: string, vars?: Record<string, unknown>) => string;

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function isKind(k: string): k is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(k);
}

/** What happened, in one sentence; `formatTime` shows the due time (China time). */
export function notificationText(
  n: NotificationLike,
  t: Translate,
  formatTime: (iso: string) => string,
): string {
  const p = n.payload;
  const number = str(p.number) || '—';
  const due = str(p.dueAt) ? formatTime(str(p.dueAt)) : '—';
  const deadlineKind = str(p.deadlineKind);
  const commitmentKind = str(p.commitmentKind);
  const kind = deadlineKind
    ? t(`deadlineKind.${deadlineKind}`, { defaultValue: deadlineKind })
    : commitmentKind
      ? t(`commitmentKind.${commitmentKind}`, { defaultValue: commitmentKind })
      : n.kind.startsWith('deadline_')
        ? t('deadlines.generic')
        : '';
  if (!isKind(n.kind)) return t('notifications.kinds.other', { number, kind: n.kind });
  return t(`notifications.kinds.${n.kind}`, { number, kind, due });
}

/** A notification about a deadline or promise that is already late reads as an error. */
export function notificationTone(kind: string): 'error' | 'warning' | 'info' {
  if (kind === 'deadline_breached' || kind === 'commitment_overdue') return 'error';
  if (kind === 'deadline_at_risk' || kind === 'commitment_due_soon') return 'warning';
  return 'info';
}
