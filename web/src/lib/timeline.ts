// Timeline entries in words: which fields changed, from what to what, with enum values translated.

type Translate = (key: string, vars?: Record<string, unknown>) => string;

/** Marks a field whose values are instants, shown through the caller's time format. */
const TIME = '@time';

/** Field name (as recorded by the server, snake or camel case) → label key and value vocabulary. */
const FIELDS: Record<string, { label: string; vocab?: string }> = {
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
};

const DEMAND_FIELDS: Record<string, { label: string; vocab?: string }> = {
  status: { label: 'demand.status', vocab: 'demandStatus' },
  description: { label: 'demand.description' },
};

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

/** Cuts on characters, not UTF-16 units, so an emoji is never split in half. */
function shorten(s: string): string {
  const chars = Array.from(s);
  return chars.length > MAX_VALUE ? `${chars.slice(0, MAX_VALUE).join('')}…` : s;
}

function show(value: unknown, vocab: string | undefined, t: Translate, opts: DescribeOptions): string {
  if (value === null || value === undefined || value === '') return t('complaint.none');
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  if (vocab === TIME) return opts.formatTime ? opts.formatTime(s) : s;
  if (vocab) return t(`${vocab}.${s}`, { defaultValue: s });
  const named = opts.names?.get(s);
  if (named) return named;
  return shorten(s);
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
  const table = entity === 'demand' ? { ...FIELDS, ...DEMAND_FIELDS } : FIELDS;
  // A withdrawal records its reason twice (the action's reason and the stored field): show it once.
  const keys = Object.keys(a).filter(
    (k) => !(k === 'withdraw_reason' && a.reason !== undefined && a.reason === a[k]),
  );
  return keys.map((key) => {
    const f = table[key];
    return {
      field: f ? t(f.label) : key,
      before: key in b ? show(b[key], f?.vocab, t, opts) : null,
      after: show(a[key], f?.vocab, t, opts),
    };
  });
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
]);

/** "complaint.accept" → 受理 (the dictionary keys use _ because i18next reads dots as nesting). */
export function actionLabel(action: string, t: Translate): string {
  return KNOWN_ACTIONS.has(action)
    ? t(`timeline.actions.${action.replace('.', '_')}`)
    : t('timeline.actions.other', { action });
}
