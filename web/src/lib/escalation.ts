// Tiers and escalation as the workbench shows them: a tier's name, the next tier up, which
// escalation may be handed back now, the tier a colleague works in, and the escalate request.
// The five reasons and the tier-by-role default are the server's own (src/domain/escalation.ts).
import {
  defaultTierLevel,
  ESCALATION_REASONS,
  type EscalationReason,
} from '../../../src/domain/escalation.ts';
import type { Role } from '../../../src/domain/vocabulary.ts';

export { ESCALATION_REASONS, type EscalationReason };

type Translate = (key: string, vars?: Record<string, unknown>) => string;

export interface TierLike {
  id: string;
  level: number;
  name: string;
}

export interface TeamLike {
  id: string;
  name: string;
  tierId: string;
}

/** "一线" / "Front line" for the default levels; a configured tier's own name beyond them. */
export function tierName(level: number, t: Translate, tiers: readonly TierLike[] = []): string {
  const own = tiers.find((x) => x.level === level)?.name;
  return t(`tierLevel.${level}`, { defaultValue: own ?? String(level) });
}

/** The level above `level` among the tiers that exist (the default three when none are known). */
export function nextTierLevel(level: number, tiers: readonly TierLike[] = []): number | null {
  const levels = tiers.length > 0 ? tiers.map((x) => x.level) : [1, 2, 3];
  const above = levels.filter((l) => l > level).sort((a, b) => a - b);
  return above[0] ?? null;
}

export interface PersonLike {
  role: Role | string;
  team?: string | null;
  teamId?: string | null;
  tierId?: string | null;
  /** Given directly when the server says it. */
  tierLevel?: number | null;
}

/**
 * The tier a person works in, as the server decides it: their own tier, else their team's, else
 * their role's (agent 1, specialist 2, supervisor 3). The directory names teams, not team ids.
 */
export function personTierLevel(
  p: PersonLike,
  tiers: readonly TierLike[] = [],
  teams: readonly TeamLike[] = [],
): number {
  if (typeof p.tierLevel === 'number') return p.tierLevel;
  const own = p.tierId ? tiers.find((x) => x.id === p.tierId) : undefined;
  if (own) return own.level;
  const team = teams.find((x) => (p.teamId ? x.id === p.teamId : p.team ? x.name === p.team : false));
  const teamTier = team ? tiers.find((x) => x.id === team.tierId) : undefined;
  if (teamTier) return teamTier.level;
  return defaultTierLevel(p.role as Role);
}

export interface EscalateDraft {
  reason: EscalationReason | null;
  note: string;
  handlerId: string | null;
}

export const EMPTY_ESCALATION: EscalateDraft = { reason: null, note: '', handlerId: null };

export type EscalateRequest =
  | { ok: true; body: { reason: EscalationReason; note: string; handlerId?: string } }
  | { ok: false; missing: string[] };

/** The body to send, or the i18n keys of what is still missing. */
export function escalateRequest(d: EscalateDraft): EscalateRequest {
  const missing: string[] = [];
  if (!d.reason || !(ESCALATION_REASONS as readonly string[]).includes(d.reason)) {
    missing.push('escalation.missing.reason');
  }
  const note = d.note.trim();
  if (!note) missing.push('escalation.missing.note');
  if (missing.length > 0 || !d.reason) return { ok: false, missing };
  return {
    ok: true,
    body: { reason: d.reason, note, ...(d.handlerId ? { handlerId: d.handlerId } : {}) },
  };
}

/** Whether the words typed as a note sound like a skill problem (不会处理、业务不熟 …): the dialog
 *  then points at the advice again. Advice only: the server decides by the reason chosen. */
export function soundsLikeSkillProblem(text: string): boolean {
  return /不会|不懂|不知道怎么|不熟|没经验|技能|don't know how|not sure how|no experience|unfamiliar/i.test(
    text,
  );
}
