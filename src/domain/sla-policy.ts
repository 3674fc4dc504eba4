// Time limits (SLA policies, domain §11): which policy applies to a complaint and what it asks.
// A policy has conditions (severity, category subtree, channel, the customer's VIP level); the
// active policy with the lowest priority number whose conditions all hold applies. Pure.

import type { DeadlineKind } from './deadlines.ts';
import type { Channel, Severity } from './vocabulary.ts';
import type { DurationSpec } from './working-calendar.ts';

/** One target of a policy: a duration, optionally on another calendar than the policy's. */
export type TargetSpec = DurationSpec & { calendarId?: string | undefined };

export type PolicyTargets = Partial<Record<DeadlineKind, TargetSpec>>;

export interface SlaPolicy {
  id: string;
  name: string;
  priority: number;
  active: boolean;
  severities: readonly Severity[] | null;
  categoryIds: readonly string[] | null;
  channels: readonly Channel[] | null;
  minVipLevel: number | null;
  calendarId: string;
  targets: PolicyTargets;
  warnPercent: number;
  escalateOnBreach: boolean;
}

/** What a policy's conditions look at. */
export interface PolicyFacts {
  severity: Severity;
  /** The complaint's category and all its ancestors (empty when uncategorised). */
  categoryPath: readonly string[];
  channel: Channel;
  vipLevel: number;
}

export function policyMatches(p: SlaPolicy, f: PolicyFacts): boolean {
  if (!p.active) return false;
  if (p.severities && !p.severities.includes(f.severity)) return false;
  if (p.channels && !p.channels.includes(f.channel)) return false;
  if (p.minVipLevel !== null && f.vipLevel < p.minVipLevel) return false;
  if (p.categoryIds && !p.categoryIds.some((id) => f.categoryPath.includes(id))) return false;
  return true;
}

/** The policy that applies: the first match by priority (then by name, so the choice is stable). */
export function choosePolicy(policies: readonly SlaPolicy[], f: PolicyFacts): SlaPolicy | undefined {
  return [...policies]
    .sort((a, b) => a.priority - b.priority || a.name.localeCompare(b.name))
    .find((p) => policyMatches(p, f));
}

/** A category and its ancestors, nearest first, from a child → parent map. */
export function categoryPath(
  categoryId: string | null,
  parentOf: ReadonlyMap<string, string | null>,
): string[] {
  const out: string[] = [];
  for (let id = categoryId; id && !out.includes(id); id = parentOf.get(id) ?? null) out.push(id);
  return out;
}
