// Timeline entries in words: which fields changed, from what to what, with enum values translated.

type Translate = (key: string, vars?: Record<string, unknown>) => string;

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
  withdraw_reason: { label: 'actions.reason' },
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

function show(value: unknown, vocab: string | undefined, t: Translate, names: Map<string, string>): string {
  if (value === null || value === undefined || value === '') return t('complaint.none');
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  if (vocab) return t(`${vocab}.${s}`);
  const named = names.get(s);
  if (named) return named;
  return s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE)}…` : s;
}

function asRecord(x: unknown): Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : {};
}

/** The changes of one event; `names` resolves ids (categories, users) to names where known. */
export function describeChanges(
  entity: string,
  before: unknown,
  after: unknown,
  t: Translate,
  names: Map<string, string> = new Map(),
): FieldChange[] {
  const b = asRecord(before);
  const a = asRecord(after);
  const table = entity === 'demand' ? { ...FIELDS, ...DEMAND_FIELDS } : FIELDS;
  return Object.keys(a).map((key) => {
    const f = table[key];
    return {
      field: f ? t(f.label) : key,
      before: key in b ? show(b[key], f?.vocab, t, names) : null,
      after: show(a[key], f?.vocab, t, names),
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
