// Who may read and make periodic summaries. A summary holds organisation-wide figures (every
// team's), so agents and specialists read them only when the report settings let them see other
// teams' figures (report_settings.agents_team_only = false). Pure.
import { DomainError } from '../domain/errors.ts';
import type { Actor } from './actor.ts';
import { authorize, can } from './permissions.ts';

/** Roles that make a summary on demand besides those managing reports. */
const MAKERS = new Set(['supervisor', 'analyst']);

export function canReadSummaries(actor: Actor, agentsTeamOnly: boolean): boolean {
  if (!can(actor, 'report:view')) return false;
  return !(agentsTeamOnly && (actor.role === 'agent' || actor.role === 'specialist'));
}

export function canMakeSummaries(actor: Actor): boolean {
  return can(actor, 'report:manage') || MAKERS.has(actor.role);
}

export function authorizeSummaryRead(actor: Actor, agentsTeamOnly: boolean): void {
  authorize(actor, 'report:view');
  if (!canReadSummaries(actor, agentsTeamOnly)) {
    throw new DomainError(
      'FORBIDDEN',
      'Summaries show every team’s figures; your role sees its own team’s figures only',
      { reason: 'summary:organisation' },
    );
  }
}

export function authorizeSummaryMake(actor: Actor): void {
  if (!canMakeSummaries(actor)) {
    throw new DomainError('FORBIDDEN', 'Your role may not make summaries', { reason: 'summary:make' });
  }
}
