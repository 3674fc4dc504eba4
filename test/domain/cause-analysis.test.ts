// The cause analysis (domain §8): what a valid analysis is, and that the company's fault waits for
// the verified facts (pitfall 5).
import { describe, expect, it } from 'vitest';
import {
  ANALYSIS_NOTE_MAX,
  type AnalysisInput,
  analysisColumns,
  checkAnalysis,
  factsVerified,
  faultRefusal,
  isAnalysed,
} from '../../src/domain/cause-analysis.ts';
import { CAUSES } from '../../src/domain/vocabulary.ts';

const VALID: AnalysisInput = {
  cause: 'product_technical',
  controllable: true,
  internal: true,
  reversible: false,
};
const VERIFIED = { verifiedFacts: '计费系统未同步套餐变更，多计58元', departmentKnown: true };
const UNVERIFIED = { verifiedFacts: null, departmentKnown: true };

const issuesOf = (input: AnalysisInput, facts = VERIFIED) => {
  const r = checkAnalysis(input, facts);
  if (r.ok) return [];
  expect(r.refusal.code).toBe('VALIDATION_FAILED');
  return ((r.refusal.details?.issues ?? []) as { field: string }[]).map((i) => i.field);
};

describe('checkAnalysis: the fields', () => {
  it.each(CAUSES)('accepts the cause %s', (cause) => {
    const r = checkAnalysis({ ...VALID, cause }, UNVERIFIED);
    expect(r).toEqual({
      ok: true,
      analysis: {
        cause,
        controllable: true,
        internal: true,
        reversible: false,
        companyAtFault: null,
        responsibleDepartmentId: null,
        note: null,
      },
    });
  });

  it.each<[string, AnalysisInput, string[]]>([
    ['no cause', { ...VALID, cause: undefined }, ['cause']],
    ['a null cause', { ...VALID, cause: null }, ['cause']],
    ['an unknown cause', { ...VALID, cause: 'weather' }, ['cause']],
    ['controllable missing', { ...VALID, controllable: undefined }, ['controllable']],
    ['internal null', { ...VALID, internal: null }, ['internal']],
    ['reversible missing', { ...VALID, reversible: undefined }, ['reversible']],
    ['nothing at all', {}, ['cause', 'controllable', 'internal', 'reversible']],
    ['a note too long', { ...VALID, note: 'x'.repeat(ANALYSIS_NOTE_MAX + 1) }, ['note']],
    ['a note at the limit', { ...VALID, note: 'x'.repeat(ANALYSIS_NOTE_MAX) }, []],
    ['a long note of blanks around text', { ...VALID, note: `  ${'x'.repeat(ANALYSIS_NOTE_MAX)}  ` }, []],
  ])('%s → issues on %j', (_name, input, fields) => {
    expect(issuesOf(input)).toEqual(fields);
  });

  it('an unknown responsible department is an issue on that field; none named is fine', () => {
    const unknown = { ...VERIFIED, departmentKnown: false };
    expect(issuesOf({ ...VALID, responsibleDepartmentId: 'd-404' }, unknown)).toEqual([
      'responsibleDepartmentId',
    ]);
    expect(issuesOf({ ...VALID, responsibleDepartmentId: null }, unknown)).toEqual([]);
    const r = checkAnalysis({ ...VALID, responsibleDepartmentId: 'd-1' }, VERIFIED);
    expect(r.ok && r.analysis.responsibleDepartmentId).toBe('d-1');
  });

  it('trims the note and keeps a blank one as none', () => {
    const trimmed = checkAnalysis({ ...VALID, note: '  影响：客户多付58元  ' }, VERIFIED);
    expect(trimmed.ok && trimmed.analysis.note).toBe('影响：客户多付58元');
    const blank = checkAnalysis({ ...VALID, note: '   ' }, VERIFIED);
    expect(blank.ok && blank.analysis.note).toBeNull();
  });

  it('reports field issues before the fault rule', () => {
    const r = checkAnalysis({ ...VALID, cause: undefined, companyAtFault: true }, UNVERIFIED);
    expect(r.ok ? null : r.refusal.code).toBe('VALIDATION_FAILED');
  });
});

describe('checkAnalysis: no fault before the facts are verified (pitfall 5)', () => {
  it.each<[string, string | null, boolean | null | undefined, string | null]>([
    ['fault admitted, no verified facts', null, true, 'FACTS_NOT_VERIFIED'],
    ['fault denied, no verified facts', null, false, 'FACTS_NOT_VERIFIED'],
    ['fault admitted, blank verified facts', '  \n', true, 'FACTS_NOT_VERIFIED'],
    ['not judged, no verified facts', null, null, null],
    ['not judged (absent), no verified facts', null, undefined, null],
    ['fault admitted on verified facts', '系统多扣费属实', true, null],
    ['fault denied on verified facts', '客户本人短信确认开通', false, null],
    ['not judged on verified facts', '系统多扣费属实', null, null],
  ])('%s → %s', (_name, verifiedFacts, companyAtFault, code) => {
    const r = checkAnalysis({ ...VALID, companyAtFault }, { verifiedFacts, departmentKnown: true });
    if (code === null) {
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.analysis.companyAtFault).toBe(companyAtFault ?? null);
    } else {
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.refusal.code).toBe(code);
        expect(r.refusal.details).toEqual({ rule: 'facts_before_fault', field: 'companyAtFault' });
      }
    }
  });

  it.each<[string | null | undefined, boolean]>([
    [null, false],
    [undefined, false],
    ['', false],
    [' \t', false],
    ['经核实属实', true],
  ])('facts %j verified: %s', (facts, expected) => {
    expect(factsVerified(facts)).toBe(expected);
    expect(faultRefusal(facts) === null).toBe(expected);
  });
});

describe('stored columns', () => {
  it('maps an analysis onto the complaint columns and reads it back as analysed', () => {
    const r = checkAnalysis({ ...VALID, companyAtFault: true, note: '改进：同步校验' }, VERIFIED);
    if (!r.ok) throw new Error('expected a valid analysis');
    const columns = analysisColumns(r.analysis);
    expect(columns).toEqual({
      cause: 'product_technical',
      cause_controllable: true,
      cause_internal: true,
      cause_reversible: false,
      company_at_fault: true,
      responsible_department_id: null,
      analysis_note: '改进：同步校验',
    });
    expect(isAnalysed(columns)).toBe(true);
    expect(isAnalysed({ cause: null })).toBe(false);
  });
});
