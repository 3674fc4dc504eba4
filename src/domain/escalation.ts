// Escalation by tier (domain §3–§5): resolve at the lowest tier that can (投诉处理前移); escalate
// only when the case is beyond the tier's authority or resources, the customer insists on a
// higher level, a major or crisis risk appears, or a deadline was breached — never for a pure
// skill problem. The owner (首问) never changes; only the handler and the tier do. Pure.

import type { Refusal } from './errors.ts';
import type { ComplaintStatus, Role } from './vocabulary.ts';

export const ESCALATION_REASONS = [
  'beyond_authority',
  'beyond_resources',
  'customer_insists',
  'major_risk',
  'deadline_breached',
] as const;
export type EscalationReason = (typeof ESCALATION_REASONS)[number];

export const ESCALATION_KINDS = ['escalation', 'return', 'takeover'] as const;
export type EscalationKind = (typeof ESCALATION_KINDS)[number];

export const ESCALATION_REVIEWS = ['justified', 'unjustified'] as const;
export type EscalationReview = (typeof ESCALATION_REVIEWS)[number];

/** Reasons people reach for that are skill problems, not grounds to escalate. */
const SKILL_WORDS =
  /skill|knowledge|know|unsure|not_sure|dont_know|don't know|experience|training|不会|不懂|不知道|不熟|技能|经验|业务不熟/i;

export const SKILL_ADVICE =
  'A skill problem is not a reason to escalate: ask a colleague or a specialist for advice, or look in the knowledge base, and keep the complaint';

export function isEscalationReason(raw: string): raw is EscalationReason {
  return (ESCALATION_REASONS as readonly string[]).includes(raw);
}

/** Null when the reason is one of the five; otherwise a refusal that says why. */
export function reasonRefusal(raw: string): Refusal | null {
  if (isEscalationReason(raw)) return null;
  const skill = SKILL_WORDS.test(raw);
  return {
    code: 'ESCALATION_REASON_INVALID',
    message: skill
      ? SKILL_ADVICE
      : `"${raw.slice(0, 40)}" is not a reason to escalate; escalate only for: ${ESCALATION_REASONS.join(', ')}`,
    details: {
      rule: 'escalate_for_a_reason',
      field: 'reason',
      allowed: [...ESCALATION_REASONS],
      ...(skill ? { skillProblem: true, advice: ['ask_colleague', 'knowledge_base'] } : {}),
    },
  };
}

/** The tier of a person who has none of their own: by role. */
export function defaultTierLevel(role: Role): number {
  switch (role) {
    case 'specialist':
      return 2;
    case 'supervisor':
      return 3;
    default:
      return 1;
  }
}

export interface EscalationSnapshot {
  status: ComplaintStatus;
  tierLevel: number;
  /** The levels that exist, ascending. */
  levels: readonly number[];
}

/** The tier a complaint escalates to, or why it cannot. */
export function decideEscalation(
  c: EscalationSnapshot,
): { ok: true; toLevel: number } | { ok: false; refusal: Refusal } {
  if (c.status === 'new') {
    return {
      ok: false,
      refusal: {
        code: 'INVALID_TRANSITION',
        message: 'Accept the complaint first: whoever accepts it owns it to the end (首问负责制)',
        details: { rule: 'escalate_open_complaints', status: c.status },
      },
    };
  }
  if (c.status === 'closed' || c.status === 'resolved') {
    return {
      ok: false,
      refusal: {
        code: 'INVALID_TRANSITION',
        message: `A ${c.status} complaint is not escalated; reopen it if the customer is not satisfied`,
        details: { rule: 'escalate_open_complaints', status: c.status },
      },
    };
  }
  const next = c.levels.find((l) => l > c.tierLevel);
  if (next === undefined) {
    return {
      ok: false,
      refusal: {
        code: 'TOP_TIER',
        message: 'The complaint is already with the highest tier; a supervisor can take it over',
        details: { rule: 'escalate_to_a_higher_tier', tierLevel: c.tierLevel },
      },
    };
  }
  return { ok: true, toLevel: next };
}

/** A hand-back goes to the tier (and person) that escalated, with instructions. */
export function returnRefusal(
  open: { kind: EscalationKind; toLevel: number; fromLevel: number } | undefined,
  c: { status: ComplaintStatus; tierLevel: number },
): Refusal | null {
  if (c.status === 'closed') {
    return { code: 'COMPLAINT_CLOSED', message: 'The complaint is closed', details: {} };
  }
  if (open?.kind !== 'escalation' || open.toLevel !== c.tierLevel || open.fromLevel >= open.toLevel) {
    return {
      code: 'INVALID_TRANSITION',
      message: 'Only the tier a complaint was escalated to can hand it back',
      details: { rule: 'return_to_escalating_tier' },
    };
  }
  return null;
}

/** Who may take a complaint from its tier's queue: a handler of that tier (or a supervisor). */
export function pickUpRefusal(
  c: { status: ComplaintStatus; tierLevel: number; handlerId: string | null },
  actor: { role: Role; tierLevel?: number | undefined },
): Refusal | null {
  if (c.handlerId !== null) {
    return {
      code: 'CONFLICT',
      message: 'Someone already handles this complaint',
      details: { rule: 'queue_pick_up' },
    };
  }
  if (c.status === 'new' || c.status === 'closed') {
    return {
      code: 'INVALID_TRANSITION',
      message: `A ${c.status} complaint is not in a tier's queue`,
      details: { rule: 'queue_pick_up', status: c.status },
    };
  }
  const level = actor.tierLevel ?? defaultTierLevel(actor.role);
  if (actor.role !== 'supervisor' && level !== c.tierLevel) {
    return {
      code: 'FORBIDDEN',
      message: `It waits in the queue of tier ${c.tierLevel}; you work in tier ${level}`,
      details: { rule: 'queue_pick_up', tierLevel: c.tierLevel },
    };
  }
  return null;
}

/**
 * The escalation a hand-back answers now: escalations stack up, each hand-back takes the top one
 * off, a supervisor's take-over ends the chain. The top one counts while the complaint is still at
 * the tier it was escalated to. Rows in the order they happened.
 */
export function openEscalationOf<T extends { kind: EscalationKind; fromLevel: number; toLevel: number }>(
  history: readonly T[],
  tierLevel: number,
): T | undefined {
  const stack: T[] = [];
  for (const e of history) {
    if (e.kind === 'escalation') stack.push(e);
    else if (e.kind === 'return') stack.pop();
    else stack.length = 0;
  }
  const top = stack.at(-1);
  return top && top.toLevel === tierLevel && top.fromLevel < top.toLevel ? top : undefined;
}
