// A notification in words: "TS202611250001 的答复时限已超时", from its kind and the figures the
// server stored with it (number, deadline or promise kind, due time, tier, department, amount …),
// and where a click on it leads.
import { alertSentence } from './alerts.ts';

export const NOTIFICATION_KINDS = [
  'deadline_at_risk',
  'deadline_breached',
  'commitment_due_soon',
  'customer_window_open',
  'commitment_overdue',
  'complaint_escalated',
  'complaint_returned',
  'complaint_taken_over',
  'difficult_caller',
  'work_order_due_soon',
  'work_order_overdue',
  'work_order_bounced',
  'work_order_answered',
  'work_order_received',
  'compensation_approval_needed',
  'compensation_decided',
  'report_alert',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationLike {
  kind: string;
  payload: Record<string, unknown>;
}

type Translate = (key: string, vars?: Record<string, unknown>) => string;

function str(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

function isKind(k: string): k is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(k);
}

/** A vocabulary value in words, or the value itself when the dictionary has none. */
function word(t: Translate, ns: string, v: unknown): string {
  const s = str(v);
  return s ? t(`${ns}.${s}`, { defaultValue: s }) : '—';
}

/** The values each kind's sentence reads (beyond the number). */
function kindValues(n: NotificationLike, t: Translate, formatTime: (iso: string) => string) {
  const p = n.payload;
  const time = (v: unknown) => (str(v) ? formatTime(str(v)) : '—');
  switch (n.kind) {
    case 'complaint_escalated':
      return {
        reason: word(t, 'escalationReason', p.reason),
        tier:
          typeof p.toLevel === 'number' ? t(`tierLevel.${p.toLevel}`, { defaultValue: str(p.toLevel) }) : '—',
        auto: p.automatic === true ? t('notifications.automatic') : '',
      };
    case 'complaint_returned':
      return { instructions: str(p.instructions) || '—' };
    case 'complaint_taken_over':
    case 'difficult_caller':
      return { by: str(p.by) || '—', reason: str(p.reason) || '—' };
    case 'work_order_due_soon':
    case 'work_order_overdue':
    case 'work_order_received':
      return { department: str(p.department) || '—', due: time(p.dueAt) };
    case 'work_order_bounced':
      return { count: Number(p.passCount) || 0, from: str(p.from) || '—', to: str(p.to) || '—' };
    case 'work_order_answered':
      return {
        department: str(p.department) || '—',
        outcome: word(t, 'workOrderOutcome', p.outcome),
        due: time(p.requestedDueAt ?? p.dueAt),
      };
    case 'compensation_approval_needed':
      return {
        type: word(t, 'compensationType', p.type),
        amount: str(p.amount) || '—',
        by: str(p.requestedBy) || '—',
      };
    case 'compensation_decided':
      return {
        type: word(t, 'compensationType', p.type),
        amount: str(p.amount) || '—',
        by: str(p.decidedBy) || '—',
      };
    default:
      return {};
  }
}

/** What happened, in one sentence; `formatTime` shows the due time (China time). */
export function notificationText(
  n: NotificationLike,
  t: Translate,
  formatTime: (iso: string) => string,
): string {
  const p = n.payload;
  const number = str(p.number) || '—';
  if (!isKind(n.kind)) return t('notifications.kinds.other', { number, kind: n.kind });
  // An early-warning alert: about a category or a product, not one complaint.
  if (n.kind === 'report_alert') return alertSentence(p, t);
  if (n.kind === 'work_order_answered' && p.outcome === 'more_time') {
    return t('notifications.kinds.work_order_more_time', { number, ...kindValues(n, t, formatTime) });
  }
  if (n.kind === 'compensation_decided') {
    const key = p.approved === true ? 'compensation_approved' : 'compensation_refused';
    return t(`notifications.kinds.${key}`, { number, ...kindValues(n, t, formatTime) });
  }
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
  return t(`notifications.kinds.${n.kind}`, { number, kind, due, ...kindValues(n, t, formatTime) });
}

/** Late, bounced or abusive reads as an error; coming due or waiting for a decision as a warning. */
export function notificationTone(kind: string): 'error' | 'warning' | 'info' {
  switch (kind) {
    case 'deadline_breached':
    case 'commitment_overdue':
    case 'work_order_overdue':
    case 'work_order_bounced':
    case 'difficult_caller':
      return 'error';
    case 'deadline_at_risk':
    case 'commitment_due_soon':
    case 'work_order_due_soon':
    case 'compensation_approval_needed':
    case 'report_alert':
      return 'warning';
    default:
      return 'info';
  }
}

export interface NotificationTarget {
  kind: string;
  complaintId: string | null;
  subjectId: string | null;
}

/**
 * Where a click leads: the approval queue for a compensation to decide, the department's inbox
 * for a work order (department staff cannot open the complaint), else the complaint.
 */
export function notificationPath(n: NotificationTarget, role: string): string | null {
  // Early warning: the alerts page, where it is studied and acknowledged.
  if (n.kind === 'report_alert') return '/alerts';
  if (n.kind === 'compensation_approval_needed' && (role === 'specialist' || role === 'supervisor')) {
    return '/approvals';
  }
  if (role === 'department' || (!n.complaintId && n.kind.startsWith('work_order_'))) {
    return n.subjectId ? `/work-orders?open=${encodeURIComponent(n.subjectId)}` : '/work-orders';
  }
  return n.complaintId ? `/complaints/${n.complaintId}` : null;
}
