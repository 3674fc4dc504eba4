// Turns a refusal from the server (an ability that is not allowed, or an error answer) into
// sentences an agent can act on: which rule, and which demands or fields are concerned.

export interface RefusalLike {
  code?: string | undefined;
  message?: string | undefined;
  details?: Record<string, unknown> | undefined;
}

export interface DemandRef {
  id: string;
  position: number;
  description: string;
}

export interface CommitmentRef {
  id: string;
  description: string;
  dueAt?: string | undefined;
}

export interface ExplainContext {
  /** The action in words, e.g. 结案. */
  actionLabel: string;
  /** The action's name, e.g. close: some rules read differently per action. */
  action?: string;
  demands: readonly DemandRef[];
  /** The complaint's promises to the customer, to name the open ones. */
  commitments?: readonly CommitmentRef[] | undefined;
  /** Work orders and compensations by id, in words ("计费中心：核实…"), to name the open ones. */
  labels?: ReadonlyMap<string, string> | undefined;
  /** Shows a due time (China time). */
  formatTime?: ((iso: string) => string) | undefined;
  statusLabel: (status: string) => string;
  severityLabel: (severity: string) => string;
}

export interface RefusalLine {
  text: string;
  items: string[];
}

type Translate = (key: string, vars?: Record<string, unknown>) => string;

function asRefusals(x: unknown): RefusalLike[] {
  if (!Array.isArray(x)) return [];
  return x.filter((v): v is RefusalLike => typeof v === 'object' && v !== null && 'code' in v);
}

function idsOf(details: Record<string, unknown> | undefined, field = 'demandIds'): string[] {
  const ids = details?.[field];
  return Array.isArray(ids) ? ids.filter((i): i is string => typeof i === 'string') : [];
}

function demandItems(ids: string[], demands: readonly DemandRef[]): string[] {
  return ids.map((id) => {
    const d = demands.find((x) => x.id === id);
    return d ? `${d.position}. ${d.description}` : id;
  });
}

function commitmentItems(ids: string[], ctx: ExplainContext, t: Translate): string[] {
  return ids.map((id) => {
    const c = ctx.commitments?.find((x) => x.id === id);
    if (!c) return id;
    if (!c.dueAt) return c.description;
    const due = ctx.formatTime ? ctx.formatTime(c.dueAt) : c.dueAt;
    return t('refusal.commitmentItem', { description: c.description, due });
  });
}

function issueItems(details: Record<string, unknown> | undefined): string[] {
  const issues = details?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.map(
    (i: { field?: unknown; message?: unknown }) => `${String(i.field)}: ${String(i.message)}`,
  );
}

function labelItems(ids: string[], ctx: ExplainContext): string[] {
  return ids.map((id) => ctx.labels?.get(id) ?? id);
}

const KNOWN = new Set([
  'DEMANDS_OPEN',
  'DEMANDS_NOT_INFORMED',
  'NO_DEMANDS',
  'NOT_CONFIRMED',
  'SUMMARY_REQUIRED',
  'REASON_REQUIRED',
  'COMPLAINT_CLOSED',
  'DEMAND_LOCKED',
  'OWNER_FIXED',
  'FORBIDDEN',
  'NOT_FOUND',
  'VALIDATION_FAILED',
  'RATE_LIMITED',
  'NETWORK',
  'ALREADY_PAUSED',
  'NOT_PAUSED',
  'COMMITMENT_CLOSED',
  'TOP_TIER',
  'WORK_ORDER_CLOSED',
  'ABOVE_AUTHORITY',
  'CONFLICT',
]);

function explainOne(r: RefusalLike, ctx: ExplainContext, t: Translate): RefusalLine {
  const code = r.code ?? '';
  const d = r.details;
  switch (code) {
    case 'INVALID_TRANSITION':
      if (ctx.action === 'close' && d?.status !== 'closed') {
        return { text: t('refusal.INVALID_TRANSITION_close'), items: [] };
      }
      return {
        text: t('refusal.INVALID_TRANSITION', {
          status: ctx.statusLabel(String(d?.status ?? '')),
          action: ctx.actionLabel,
        }),
        items: [],
      };
    case 'DEMANDS_OPEN':
    case 'DEMANDS_NOT_INFORMED': {
      const ids = idsOf(d);
      return { text: t(`refusal.${code}`, { count: ids.length }), items: demandItems(ids, ctx.demands) };
    }
    case 'COMMITMENTS_OPEN': {
      const ids = idsOf(d, 'commitmentIds');
      return {
        text: t('refusal.COMMITMENTS_OPEN', { count: ids.length }),
        items: commitmentItems(ids, ctx, t),
      };
    }
    case 'WORK_ORDERS_OPEN': {
      const ids = idsOf(d, 'workOrderIds');
      return { text: t('refusal.WORK_ORDERS_OPEN', { count: ids.length }), items: labelItems(ids, ctx) };
    }
    case 'COMPENSATION_PENDING': {
      const ids = idsOf(d, 'compensationIds');
      return { text: t('refusal.COMPENSATION_PENDING', { count: ids.length }), items: labelItems(ids, ctx) };
    }
    case 'ESCALATION_REASON_INVALID':
      // A skill problem gets the advice: ask a colleague, look in the knowledge base.
      return d?.skillProblem === true
        ? {
            text: t('refusal.ESCALATION_REASON_INVALID_skill'),
            items: idsOf(d, 'advice').map((a) => t(`escalation.advice.${a}`, { defaultValue: a })),
          }
        : { text: t('refusal.ESCALATION_REASON_INVALID'), items: [] };
    case 'SUMMARY_REQUIRED':
      return {
        text: t('refusal.SUMMARY_REQUIRED', { severity: ctx.severityLabel(String(d?.severity ?? '')) }),
        items: [],
      };
    case 'VALIDATION_FAILED':
      return { text: t('refusal.VALIDATION_FAILED'), items: issueItems(d) };
    case 'ANALYSIS_MISSING':
    case 'FACTS_NOT_VERIFIED':
      return { text: t(`analysis.refusal.${code}`), items: [] };
    default:
      if (KNOWN.has(code)) return { text: t(`refusal.${code}`), items: [] };
      return { text: t('refusal.fallback', { message: r.message ?? code }), items: [] };
  }
}

/** Every reason the server gave (a refusal may carry several violations), each in words. */
export function explainRefusal(r: RefusalLike, ctx: ExplainContext, t: Translate): RefusalLine[] {
  const violations = asRefusals(r.details?.violations);
  const all = violations.length > 0 ? violations : [r];
  // The primary refusal comes first when it is not itself among the listed violations.
  if (violations.length > 0 && !violations.some((v) => v.code === r.code)) all.unshift(r);
  return all.map((v) => explainOne(v, ctx, t));
}
