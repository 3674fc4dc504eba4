// The cause analysis of a complaint (domain §8), recorded at the latest when it is closed as
// completed: the cause (product or technical, communication, service attitude, the customer's own
// situation) and its dimensions — controllable or not, internal or external, reversible or not —
// whether the company was at fault, the department responsible, and a note on impact, result and
// change. Pure: no I/O, no clock.
//
// Pitfall 5 (§5): never admit fault before the facts are confirmed. A complaint's facts count as
// confirmed once the handler has recorded what verification found (`verified_facts`, the
// checked facts beside the customer's own account). The customer having confirmed the record
// (确认) is not enough: that confirms what the customer said, and customers tell what favours
// them. Until then the company's fault stays unjudged (null); judging it either way is refused.

import type { FieldIssue, Refusal } from './errors.ts';
import { CAUSES, type Cause } from './vocabulary.ts';

/** The longest analysis note (impact, result, change). */
export const ANALYSIS_NOTE_MAX = 5000;

/** An analysis as a person gives it; every field is checked by checkAnalysis. */
export interface AnalysisInput {
  cause?: Cause | string | null | undefined;
  controllable?: boolean | null | undefined;
  internal?: boolean | null | undefined;
  reversible?: boolean | null | undefined;
  /** null or absent: not judged (the only choice before the facts are verified). */
  companyAtFault?: boolean | null | undefined;
  responsibleDepartmentId?: string | null | undefined;
  note?: string | null | undefined;
}

/** A valid analysis, ready to store. */
export interface Analysis {
  cause: Cause;
  controllable: boolean;
  internal: boolean;
  reversible: boolean;
  companyAtFault: boolean | null;
  responsibleDepartmentId: string | null;
  note: string | null;
}

/** What the check needs to know about the complaint and the organisation. */
export interface AnalysisFacts {
  /** The facts as verified (verified_facts) of the complaint. */
  verifiedFacts: string | null;
  /** Whether the named responsible department exists and is active (ignored when none is named). */
  departmentKnown: boolean;
}

export type AnalysisCheck = { ok: true; analysis: Analysis } | { ok: false; refusal: Refusal };

/** Whether the facts count as confirmed: the verified facts are on record. */
export function factsVerified(verifiedFacts: string | null | undefined): boolean {
  return typeof verifiedFacts === 'string' && verifiedFacts.trim().length > 0;
}

/** Why the company's fault may not be judged yet, or null when it may. */
export function faultRefusal(verifiedFacts: string | null | undefined): Refusal | null {
  if (factsVerified(verifiedFacts)) return null;
  return {
    code: 'FACTS_NOT_VERIFIED',
    message:
      'Whether the company was at fault is judged only once the facts are verified: record the verified facts first (pitfall 5: never admit fault before the facts are confirmed)',
    details: { rule: 'facts_before_fault', field: 'companyAtFault' },
  };
}

function isCause(v: unknown): v is Cause {
  return typeof v === 'string' && (CAUSES as readonly string[]).includes(v);
}

/**
 * Checks an analysis: field by field first (400 VALIDATION_FAILED naming each field), then the
 * rule that fault waits for verified facts (422 FACTS_NOT_VERIFIED naming companyAtFault).
 */
export function checkAnalysis(input: AnalysisInput, facts: AnalysisFacts): AnalysisCheck {
  const issues: FieldIssue[] = [];
  if (input.cause === undefined || input.cause === null) {
    issues.push({ field: 'cause', message: `required: one of ${CAUSES.join(', ')}` });
  } else if (!isCause(input.cause)) {
    issues.push({ field: 'cause', message: `must be one of ${CAUSES.join(', ')}` });
  }
  for (const field of ['controllable', 'internal', 'reversible'] as const) {
    if (typeof input[field] !== 'boolean') issues.push({ field, message: 'required: true or false' });
  }
  const fault = input.companyAtFault ?? null;
  if (fault !== null && typeof fault !== 'boolean') {
    issues.push({ field: 'companyAtFault', message: 'true, false or null (not judged)' });
  }
  const departmentId = input.responsibleDepartmentId ?? null;
  if (departmentId !== null && !facts.departmentKnown) {
    issues.push({ field: 'responsibleDepartmentId', message: 'unknown department' });
  }
  const note = typeof input.note === 'string' ? input.note.trim() : null;
  if (note !== null && note.length > ANALYSIS_NOTE_MAX) {
    issues.push({ field: 'note', message: `at most ${ANALYSIS_NOTE_MAX} characters` });
  }
  if (issues.length > 0) {
    const summary = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
    return {
      ok: false,
      refusal: { code: 'VALIDATION_FAILED', message: `Invalid analysis (${summary})`, details: { issues } },
    };
  }
  if (fault !== null) {
    const refused = faultRefusal(facts.verifiedFacts);
    if (refused) return { ok: false, refusal: refused };
  }
  return {
    ok: true,
    analysis: {
      cause: input.cause as Cause,
      controllable: input.controllable as boolean,
      internal: input.internal as boolean,
      reversible: input.reversible as boolean,
      companyAtFault: fault,
      responsibleDepartmentId: departmentId,
      note: note || null,
    },
  };
}

/** The stored analysis columns of a complaint, as the domain reads them. */
export interface AnalysisColumns {
  cause: Cause | null;
  cause_controllable: boolean | null;
  cause_internal: boolean | null;
  cause_reversible: boolean | null;
  company_at_fault: boolean | null;
  responsible_department_id: string | null;
  analysis_note: string | null;
}

/** A complaint has an analysis once its cause is recorded (the cause is what every analysis has). */
export function isAnalysed(c: Pick<AnalysisColumns, 'cause'>): boolean {
  return c.cause !== null;
}

/** The columns an analysis writes. */
export function analysisColumns(a: Analysis): AnalysisColumns {
  return {
    cause: a.cause,
    cause_controllable: a.controllable,
    cause_internal: a.internal,
    cause_reversible: a.reversible,
    company_at_fault: a.companyAtFault,
    responsible_department_id: a.responsibleDepartmentId,
    analysis_note: a.note,
  };
}
