// The cause analysis form (domain §8) as pure functions: the draft from what is recorded, what is
// still missing, whether the company's fault may be judged (the server says so in the `analyse`
// ability: only once the facts are verified, pitfall 5), and the body the server takes.
import type { Cause } from '../../../src/domain/vocabulary.ts';
import type { AbilityLike } from './actions.ts';

export { CAUSES } from '../../../src/domain/vocabulary.ts';

/** The company's fault: judged yes or no, or not judged (the only choice before verified facts). */
export type FaultChoice = 'yes' | 'no' | 'unjudged';

export interface AnalysisDraft {
  cause: Cause | null;
  controllable: boolean;
  internal: boolean;
  reversible: boolean;
  fault: FaultChoice;
  responsibleDepartmentId: string | null;
  note: string;
}

/** The analysis as the server presents it (the fields the form needs). */
export interface RecordedAnalysis {
  cause: Cause;
  controllable: boolean;
  internal: boolean;
  reversible: boolean;
  companyAtFault: boolean | null;
  responsibleDepartment: { id: string; name: string } | null;
  note: string | null;
}

export const EMPTY_ANALYSIS: AnalysisDraft = {
  cause: null,
  controllable: false,
  internal: false,
  reversible: false,
  fault: 'unjudged',
  responsibleDepartmentId: null,
  note: '',
};

export function faultChoiceOf(v: boolean | null): FaultChoice {
  return v === null ? 'unjudged' : v ? 'yes' : 'no';
}

/** The form filled with the recorded analysis, or empty. */
export function draftOf(a: RecordedAnalysis | null): AnalysisDraft {
  if (!a) return EMPTY_ANALYSIS;
  return {
    cause: a.cause,
    controllable: a.controllable,
    internal: a.internal,
    reversible: a.reversible,
    fault: faultChoiceOf(a.companyAtFault),
    responsibleDepartmentId: a.responsibleDepartment?.id ?? null,
    note: a.note ?? '',
  };
}

export interface FaultGate {
  /** The fault may be judged now. */
  allowed: boolean;
  /** Why not (a server refusal code, e.g. FACTS_NOT_VERIFIED), when not. */
  code: string | null;
}

/** Whether the company's fault may be judged, from the `analyse` ability's details. */
export function faultGate(analyse: AbilityLike | undefined): FaultGate {
  const gate = analyse?.details?.companyAtFault as { allowed?: unknown; code?: unknown } | undefined;
  if (!analyse?.allowed || !gate || gate.allowed !== true) {
    return { allowed: false, code: typeof gate?.code === 'string' ? gate.code : 'FORBIDDEN' };
  }
  return { allowed: true, code: null };
}

/** The fields still to fill before the analysis can be sent (the yes/no switches always have a value). */
export function missingFields(d: AnalysisDraft): string[] {
  return d.cause === null ? ['cause'] : [];
}

/**
 * The body the server takes (PUT /analysis, or `analysis` of a close). A fault choice the gate does
 * not allow is sent as not judged, so a form filled before the facts changed cannot admit fault.
 */
export function analysisBody(d: AnalysisDraft, gate: FaultGate): Record<string, unknown> | null {
  if (d.cause === null) return null;
  const note = d.note.trim();
  return {
    cause: d.cause,
    controllable: d.controllable,
    internal: d.internal,
    reversible: d.reversible,
    companyAtFault: gate.allowed && d.fault !== 'unjudged' ? d.fault === 'yes' : null,
    responsibleDepartmentId: d.responsibleDepartmentId,
    note: note || null,
  };
}

/** Whether the draft says something other than what is recorded (nothing to save otherwise). */
export function isChanged(d: AnalysisDraft, recorded: RecordedAnalysis | null): boolean {
  const base = draftOf(recorded);
  return (Object.keys(d) as (keyof AnalysisDraft)[]).some((k) =>
    k === 'note' ? d.note.trim() !== base.note.trim() : d[k] !== base[k],
  );
}
