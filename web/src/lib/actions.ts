// Which action buttons a complaint page shows, from the abilities the server computed.
import type { ComplaintAction } from '../../../src/domain/vocabulary.ts';

export interface AbilityLike {
  allowed: boolean;
  requires?: string[] | undefined;
  code?: string | undefined;
  message?: string | undefined;
  details?: Record<string, unknown> | undefined;
}

export const ACTION_ORDER: readonly ComplaintAction[] = [
  'accept',
  'start',
  'resolve',
  'close',
  'reopen',
  'withdraw',
];

/** An action whose only obstacle is the state machine is irrelevant now (reopen on an open case): hidden.
 *  One blocked by a rule the agent can satisfy is shown, and clicking it explains what is missing. */
export function isRelevant(a: AbilityLike): boolean {
  if (a.allowed) return true;
  if (a.code !== 'INVALID_TRANSITION') return a.code !== 'FORBIDDEN';
  const violations = a.details?.violations;
  return (
    Array.isArray(violations) && violations.some((v: { code?: string }) => v.code !== 'INVALID_TRANSITION')
  );
}

export function visibleActions(abilities: Record<ComplaintAction, AbilityLike>): ComplaintAction[] {
  return ACTION_ORDER.filter((a) => isRelevant(abilities[a]));
}

/** The inputs a dialog must collect before the action is sent. */
export function needs(a: AbilityLike, input: string): boolean {
  return a.requires?.includes(input) ?? false;
}
