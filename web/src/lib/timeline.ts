// Timeline entries in words: which fields changed, from what to what, with enum values translated.
import { asDurationSpec, durationLabel, spanLabel } from './durations.ts';
import { shorten } from './text.ts';

type Translate = (key: string, vars?: Record<string, unknown>) => string;

/** Marks a field whose values are instants, shown through the caller's time format. */
const TIME = '@time';
/** A time limit ({workingDays: 3} → 3个工作日). */
const DURATION = '@duration';
/** Milliseconds of clock time (2 小时 5 分). */
const SPAN = '@span';
/** Codes of the language check's findings. */
const WORDING = '@wording';
/** A contact that kept a promise (its id says nothing to a person). */
const CONTACT = '@contact';
/** A tier by its level (1 → 一线). */
const TIER = '@tier';
/** Money: "58.00" → ¥58.00. */
const YUAN = '@yuan';
/** A handler, or the tier's queue when there is none. */
const HANDLER = '@handler';
/** The cause of the cause analysis (its labels live in the analysis namespace). */
const CAUSE = '@cause';

interface FieldDef {
  label: string;
  vocab?: string;
  /** Not worth a line when false, empty or absent (provisional: no, late: no). */
  hideIfEmpty?: boolean;
}

/** Field name (as recorded by the server, snake or camel case) → label key and value vocabulary. */
const FIELDS: Record<string, FieldDef> = {
  status: { label: 'list.columns.status', vocab: 'status' },
  severity: { label: 'complaint.severity', vocab: 'severity' },
  description: { label: 'complaint.description' },
  verified_facts: { label: 'complaint.verifiedFacts' },
  category_id: { label: 'complaint.category' },
  product: { label: 'complaint.product' },
  customer_type: { label: 'complaint.customerType', vocab: 'customerType' },
  customer_motive: { label: 'complaint.customerMotive', vocab: 'customerMotive' },
  dissatisfaction: { label: 'complaint.dissatisfaction', vocab: 'dissatisfaction' },
  resolution_class: { label: 'complaint.resolutionClass', vocab: 'resolutionClass' },
  resolutionClass: { label: 'complaint.resolutionClass', vocab: 'resolutionClass' },
  summary: { label: 'complaint.summary' },
  confirmed: { label: 'intake.readBack' },
  reason: { label: 'actions.reason' },
  handlerId: { label: 'complaint.handler' },
  handler_id: { label: 'complaint.handler' },
  ownerId: { label: 'complaint.owner' },
  owner_id: { label: 'complaint.owner' },
  team: { label: 'complaint.team' },
  close_reason: { label: 'complaint.closeReason', vocab: 'closeReason' },
  closeReason: { label: 'complaint.closeReason', vocab: 'closeReason' },
  withdraw_reason: { label: 'complaint.withdrawReason' },
  accepted_at: { label: 'complaint.acceptedAt', vocab: TIME },
  resolved_at: { label: 'complaint.resolvedAt', vocab: TIME },
  closed_at: { label: 'complaint.closedAt', vocab: TIME },
  reopen_count: { label: 'complaint.reopenCountLabel' },
  type: { label: 'demand.type', vocab: 'demandType' },
  resolution: { label: 'demand.resolution' },
  customerInformed: { label: 'demand.informed' },
  customer_informed: { label: 'demand.informed' },
  purpose: { label: 'contact.purpose', vocab: 'contactPurpose' },
  outcome: { label: 'contact.outcome', vocab: 'contactOutcome' },
  direction: { label: 'contact.direction', vocab: 'contactDirection' },
  channel: { label: 'contact.channel', vocab: 'channel' },
  notes: { label: 'contact.notes' },
  pausedMs: { label: 'deadlines.pausedMs', vocab: SPAN },
  // The cause analysis (complaint.analysed) and the repeat flag (on a change of category).
  cause: { label: 'analysis.fields.cause', vocab: CAUSE },
  cause_controllable: { label: 'analysis.fields.cause_controllable' },
  cause_internal: { label: 'analysis.fields.cause_internal' },
  cause_reversible: { label: 'analysis.fields.cause_reversible' },
  company_at_fault: { label: 'analysis.fields.company_at_fault' },
  responsible_department_id: { label: 'analysis.fields.responsible_department_id' },
  analysis_note: { label: 'analysis.fields.analysis_note' },
  repeat_of: { label: 'analysis.fields.repeat_of' },
};

const DEMAND_FIELDS: Record<string, FieldDef> = {
  status: { label: 'demand.status', vocab: 'demandStatus' },
  description: { label: 'demand.description' },
};

// In the order a reader wants them (the database hands JSON keys back in an order of its own).
const DEADLINE_FIELDS: Record<string, FieldDef> = {
  dueAt: { label: 'deadlines.dueAt', vocab: TIME },
  target: { label: 'deadlines.target', vocab: DURATION },
  policy: { label: 'deadlines.policy' },
  startAt: { label: 'deadlines.startAt', vocab: TIME },
  metAt: { label: 'deadlines.metAt', vocab: TIME },
  breachedAt: { label: 'deadlines.breachedAt', vocab: TIME },
  pausedAt: { label: 'deadlines.pausedAt', vocab: TIME },
  pausedMs: { label: 'deadlines.pausedMs', vocab: SPAN },
  provisional: { label: 'deadlines.provisional', hideIfEmpty: true },
  late: { label: 'deadlines.late', hideIfEmpty: true },
  breached: { label: 'deadlines.wasBreached', hideIfEmpty: true },
  reason: { label: 'actions.reason', vocab: 'deadlineReason' },
};

const COMMITMENT_FIELDS: Record<string, FieldDef> = {
  source: { label: 'commitments.source', vocab: 'commitmentSource' },
  kind: { label: 'commitments.kind', vocab: 'commitmentKind' },
  description: { label: 'commitments.description' },
  notBefore: { label: 'commitments.notBefore', vocab: TIME, hideIfEmpty: true },
  dueAt: { label: 'commitments.due', vocab: TIME },
  wording: { label: 'commitments.wording.title', vocab: WORDING, hideIfEmpty: true },
  status: { label: 'commitments.status', vocab: 'commitmentStatus' },
  note: { label: 'commitments.fulfilNote' },
  late: { label: 'commitments.late', hideIfEmpty: true },
  contactId: { label: 'commitments.fulfilledHow', vocab: CONTACT },
  reason: { label: 'commitments.cancelReason' },
};

const ESCALATION_FIELDS: Record<string, FieldDef> = {
  tierLevel: { label: 'escalation.tier', vocab: TIER },
  handlerId: { label: 'complaint.handler', vocab: HANDLER },
  reason: { label: 'escalation.reason', vocab: 'escalationReason' },
  note: { label: 'escalation.note' },
  instructions: { label: 'escalation.instructions' },
  automatic: { label: 'escalation.automatic', hideIfEmpty: true },
  result: { label: 'escalation.review', vocab: 'escalationReview' },
  comment: { label: 'escalation.reviewComment' },
};

const WORK_ORDER_FIELDS: Record<string, FieldDef> = {
  department: { label: 'workOrders.department' },
  request: { label: 'workOrders.request' },
  facts: { label: 'workOrders.facts', hideIfEmpty: true },
  status: { label: 'workOrders.status', vocab: 'workOrderStatus' },
  outcome: { label: 'workOrders.outcome', vocab: 'workOrderOutcome' },
  answer: { label: 'workOrders.answer' },
  requestedDueAt: { label: 'workOrders.requestedDueAt', vocab: TIME },
  dueAt: { label: 'workOrders.dueAt', vocab: TIME },
  warnAt: { label: 'workOrders.warnAt', vocab: TIME },
  breachedAt: { label: 'deadlines.breachedAt', vocab: TIME },
  provisional: { label: 'deadlines.provisional', hideIfEmpty: true },
  late: { label: 'deadlines.late', hideIfEmpty: true },
  passCount: { label: 'workOrders.passCount' },
  note: { label: 'workOrders.note', hideIfEmpty: true },
  reason: { label: 'actions.reason' },
};

const COMPENSATION_FIELDS: Record<string, FieldDef> = {
  demandId: { label: 'compensation.demand' },
  type: { label: 'compensation.type', vocab: 'compensationType' },
  amount: { label: 'compensation.amount', vocab: YUAN },
  wording: { label: 'compensation.wording' },
  status: { label: 'compensation.status', vocab: 'compensationStatus' },
  reasons: { label: 'compensation.pendingReasons', vocab: 'compensationPendingReason' },
  limit: { label: 'compensation.limit', vocab: YUAN },
  approversNotified: { label: 'compensation.approversNotified' },
  reason: { label: 'compensation.decisionReason' },
};

/** Fields recorded for the machine, not the reader: the deadline's kind is in the event's title. */
const HIDDEN: Record<string, ReadonlySet<string>> = {
  deadline: new Set(['kind', 'policyId', 'calendarId']),
  work_order: new Set(['departmentId', 'due', 'attachments', 'rule']),
};

const ENTITY_FIELDS: Record<string, Record<string, FieldDef>> = {
  demand: DEMAND_FIELDS,
  deadline: DEADLINE_FIELDS,
  commitment: COMMITMENT_FIELDS,
  escalation: ESCALATION_FIELDS,
  work_order: WORK_ORDER_FIELDS,
  compensation: COMPENSATION_FIELDS,
};

/** Entities whose events record context in `before` too: an unchanged value is no change. Their
 *  lines follow the order of their field table. */
const SKIP_UNCHANGED = new Set(['deadline', 'commitment', 'escalation', 'work_order', 'compensation']);

function tableOrder(entity: string, keys: string[]): string[] {
  const order = Object.keys(ENTITY_FIELDS[entity] ?? {});
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  return [...keys].sort((a, b) => rank(a) - rank(b));
}

const MAX_VALUE = 80;

export interface FieldChange {
  field: string;
  before: string | null;
  after: string;
}

export interface DescribeOptions {
  /** Resolves ids (categories, users) to names where known. */
  names?: Map<string, string>;
  formatTime?: (iso: string) => string;
}

function show(value: unknown, vocab: string | undefined, t: Translate, opts: DescribeOptions): string {
  if (vocab === HANDLER && (value === null || value === undefined)) return t('escalation.inQueue');
  if (value === null || value === undefined || value === '') return t('complaint.none');
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  const spec = vocab === DURATION ? asDurationSpec(value) : null;
  if (spec) {
    const l = durationLabel(spec);
    return t(l.key, l.values);
  }
  if (vocab === SPAN && typeof value === 'number') {
    const l = spanLabel(value);
    return t(l.key, l.values);
  }
  if (vocab === WORDING && Array.isArray(value)) {
    return value
      .map((code) => t(`commitments.wording.${String(code)}`, { defaultValue: String(code) }))
      .join('、');
  }
  if (vocab === CONTACT) return t('commitments.viaContact');
  if (vocab === TIER) return t(`tierLevel.${String(value)}`, { defaultValue: String(value) });
  if (vocab === YUAN) return `¥${String(value)}`;
  if (vocab === CAUSE) return t(`analysis.causes.${String(value)}`, { defaultValue: String(value) });
  if (Array.isArray(value) && vocab && !vocab.startsWith('@')) {
    return value.map((v) => t(`${vocab}.${String(v)}`, { defaultValue: String(v) })).join('、');
  }
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  if (vocab === TIME) return opts.formatTime ? opts.formatTime(s) : s;
  if (vocab && vocab !== HANDLER) return t(`${vocab}.${s}`, { defaultValue: s });
  const named = opts.names?.get(s);
  if (named) return named;
  return shorten(s, MAX_VALUE);
}

function asRecord(x: unknown): Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : {};
}

/** The changes of one event, one line per field. */
export function describeChanges(
  entity: string,
  before: unknown,
  after: unknown,
  t: Translate,
  opts: DescribeOptions = {},
): FieldChange[] {
  const b = asRecord(before);
  const a = asRecord(after);
  const table = { ...FIELDS, ...ENTITY_FIELDS[entity] };
  const hidden = HIDDEN[entity];
  const empty = (v: unknown) =>
    v === false ||
    v === null ||
    v === undefined ||
    v === '' ||
    v === 0 ||
    (Array.isArray(v) && v.length === 0);
  // A withdrawal records its reason twice (the action's reason and the stored field): show it once.
  const keys = Object.keys(a).filter(
    (k) =>
      !(k === 'withdraw_reason' && a.reason !== undefined && a.reason === a[k]) &&
      !hidden?.has(k) &&
      !(table[k]?.hideIfEmpty && empty(a[k])),
  );
  const ordered = SKIP_UNCHANGED.has(entity) ? tableOrder(entity, keys) : keys;
  const lines = ordered.map((key) => {
    const f = table[key];
    return {
      field: f ? t(f.label) : key,
      before: key in b ? show(b[key], f?.vocab, t, opts) : null,
      after: show(a[key], f?.vocab, t, opts),
    };
  });
  return SKIP_UNCHANGED.has(entity) ? lines.filter((l) => l.before !== l.after) : lines;
}

const KNOWN_ACTIONS = new Set([
  'complaint.created',
  'complaint.accept',
  'complaint.start',
  'complaint.resolve',
  'complaint.close',
  'complaint.reopen',
  'complaint.withdraw',
  'complaint.updated',
  'complaint.transferred',
  'demand.added',
  'demand.updated',
  'contact.logged',
  'complaint.paused',
  'complaint.resumed',
  'deadline.set',
  'deadline.recomputed',
  'deadline.met',
  'deadline.cancelled',
  'deadline.paused',
  'deadline.resumed',
  'deadline.reopened',
  'deadline.deferred',
  'deadline.warned',
  'deadline.breached',
  'deadline.escalation_requested',
  'commitment.made',
  'commitment.fulfilled',
  'commitment.cancelled',
  'commitment.reminded',
  'commitment.overdue',
  'complaint.escalated',
  'complaint.returned',
  'complaint.taken_over',
  'complaint.difficult_caller',
  'escalation.reviewed',
  'work_order.sent',
  'work_order.answered',
  'work_order.more_time_requested',
  'work_order.extension_accepted',
  'work_order.extension_declined',
  'work_order.passed',
  'work_order.flagged',
  'work_order.cancelled',
  'work_order.warned',
  'work_order.breached',
  'compensation.granted',
  'compensation.requested',
  'compensation.approved',
  'compensation.refused',
  'compensation.cancelled',
  'complaint.analysed',
]);

/**
 * "complaint.accept" → 受理 (the dictionary keys use _ because i18next reads dots as nesting).
 * A deadline's events name the deadline from the event's `after.kind`: "答复时限已超时".
 */
export function actionLabel(action: string, t: Translate, after?: unknown): string {
  if (!KNOWN_ACTIONS.has(action)) return t('timeline.actions.other', { action });
  if (action === 'complaint.analysed') return t('analysis.timeline.analysed');
  const key = `timeline.actions.${action.replace('.', '_')}`;
  if (action === 'complaint.escalated' && asRecord(after).automatic === true) {
    return t('timeline.actions.complaint_escalated_auto');
  }
  if (!action.startsWith('deadline.')) return t(key);
  const kind = asRecord(after).kind;
  const name =
    typeof kind === 'string' ? t(`deadlineKind.${kind}`, { defaultValue: kind }) : t('deadlines.generic');
  return t(key, { kind: name });
}
