// The cause analysis in the workbench: the form's logic (draft, fault gate, body, missing fields),
// and how the timeline and the refusals put it in words.
import { beforeAll, describe, expect, it } from 'vitest';
import { transitionAbilities } from '../../src/domain/complaint-lifecycle.ts';
import { CAUSES } from '../../src/domain/vocabulary.ts';
import type { AbilityLike } from '../../web/src/lib/actions.ts';
import { needs } from '../../web/src/lib/actions.ts';
import {
  type AnalysisDraft,
  analysisBody,
  draftOf,
  EMPTY_ANALYSIS,
  faultChoiceOf,
  faultGate,
  isChanged,
  missingFields,
  type RecordedAnalysis,
} from '../../web/src/lib/analysis.ts';
import { explainRefusal } from '../../web/src/lib/refusal.ts';
import { actionLabel, describeChanges } from '../../web/src/lib/timeline.ts';
import { makeI18n, type Translate, translator } from './i18n-fixture.ts';

let zh: Translate;
let en: Translate;
beforeAll(async () => {
  zh = translator(await makeI18n('zh-CN'));
  en = translator(await makeI18n('en-US'));
});

const RECORDED: RecordedAnalysis = {
  cause: 'service_attitude',
  controllable: true,
  internal: true,
  reversible: false,
  companyAtFault: true,
  responsibleDepartment: { id: 'dep-1', name: '营业厅' },
  note: '坐席态度生硬',
};

const OPEN = { allowed: true, code: null };
const CLOSED = { allowed: false, code: 'FACTS_NOT_VERIFIED' };

describe('draftOf', () => {
  it('is empty without an analysis', () => {
    expect(draftOf(null)).toEqual(EMPTY_ANALYSIS);
    expect(EMPTY_ANALYSIS.cause).toBeNull();
    expect(EMPTY_ANALYSIS.fault).toBe('unjudged');
  });

  it('fills the form from the recorded analysis', () => {
    expect(draftOf(RECORDED)).toEqual({
      cause: 'service_attitude',
      controllable: true,
      internal: true,
      reversible: false,
      fault: 'yes',
      responsibleDepartmentId: 'dep-1',
      note: '坐席态度生硬',
    });
    expect(draftOf({ ...RECORDED, responsibleDepartment: null, note: null })).toMatchObject({
      responsibleDepartmentId: null,
      note: '',
    });
  });

  it.each<[boolean | null, string]>([
    [true, 'yes'],
    [false, 'no'],
    [null, 'unjudged'],
  ])('fault %s reads as %s', (v, choice) => {
    expect(faultChoiceOf(v)).toBe(choice);
  });
});

describe('faultGate: the server says whether the fault may be judged', () => {
  it.each<[string, AbilityLike | undefined, { allowed: boolean; code: string | null }]>([
    [
      'facts verified',
      { allowed: true, details: { companyAtFault: { allowed: true } } },
      { allowed: true, code: null },
    ],
    [
      'facts not verified',
      {
        allowed: true,
        details: { companyAtFault: { allowed: false, code: 'FACTS_NOT_VERIFIED', message: 'm' } },
      },
      { allowed: false, code: 'FACTS_NOT_VERIFIED' },
    ],
    [
      'analysing not allowed',
      { allowed: false, code: 'COMPLAINT_CLOSED' },
      { allowed: false, code: 'FORBIDDEN' },
    ],
    ['no ability (an older server)', undefined, { allowed: false, code: 'FORBIDDEN' }],
    ['no details', { allowed: true }, { allowed: false, code: 'FORBIDDEN' }],
  ])('%s', (_name, ability, expected) => {
    expect(faultGate(ability)).toEqual(expected);
  });
});

describe('analysisBody and missingFields', () => {
  const draft: AnalysisDraft = { ...draftOf(RECORDED), note: '  影响：客户二次来电  ' };

  it('nothing to send until a cause is chosen', () => {
    expect(missingFields(EMPTY_ANALYSIS)).toEqual(['cause']);
    expect(analysisBody(EMPTY_ANALYSIS, OPEN)).toBeNull();
    expect(missingFields(draft)).toEqual([]);
  });

  it('sends every field, the note trimmed', () => {
    expect(analysisBody(draft, OPEN)).toEqual({
      cause: 'service_attitude',
      controllable: true,
      internal: true,
      reversible: false,
      companyAtFault: true,
      responsibleDepartmentId: 'dep-1',
      note: '影响：客户二次来电',
    });
  });

  it.each<[AnalysisDraft['fault'], { allowed: boolean; code: string | null }, boolean | null]>([
    ['yes', OPEN, true],
    ['no', OPEN, false],
    ['unjudged', OPEN, null],
    // Before the facts are verified the fault is never sent, whatever the form held (pitfall 5).
    ['yes', CLOSED, null],
    ['no', CLOSED, null],
    ['unjudged', CLOSED, null],
  ])('fault %s with the gate %j → companyAtFault %s', (fault, gate, expected) => {
    expect(analysisBody({ ...draft, fault }, gate)?.companyAtFault).toBe(expected);
  });

  it('a blank note is sent as none', () => {
    expect(analysisBody({ ...draft, note: '   ' }, OPEN)?.note).toBeNull();
  });
});

describe('isChanged', () => {
  it.each<[string, Partial<AnalysisDraft>, boolean]>([
    ['the same', {}, false],
    ['only blanks around the note', { note: ' 坐席态度生硬 ' }, false],
    ['another cause', { cause: 'communication' }, true],
    ['a switch', { reversible: true }, true],
    ['the fault', { fault: 'unjudged' }, true],
    ['the department', { responsibleDepartmentId: null }, true],
  ])('%s → %s', (_name, over, expected) => {
    expect(isChanged({ ...draftOf(RECORDED), ...over }, RECORDED)).toBe(expected);
  });

  it('anything chosen differs from no analysis', () => {
    expect(isChanged({ ...EMPTY_ANALYSIS, cause: 'communication' }, null)).toBe(true);
  });
});

describe('the close dialog asks for the analysis when the server says it is needed', () => {
  const snapshot = (analysed: boolean) => ({
    status: 'resolved' as const,
    severity: 'normal' as const,
    confirmed: true,
    summary: null,
    demands: [{ id: 'd1', status: 'fulfilled' as const, customerInformed: true }],
    analysed,
  });
  it.each([
    [false, true],
    [true, false],
  ])('analysed %s: needs analysis %s', (analysed, expected) => {
    expect(needs(transitionAbilities(snapshot(analysed)).close, 'analysis')).toBe(expected);
  });
});

describe('in words', () => {
  it('every cause has a label in both languages', () => {
    for (const cause of CAUSES) {
      expect(zh(`analysis.causes.${cause}`)).not.toContain('analysis.');
      expect(en(`analysis.causes.${cause}`)).not.toContain('analysis.');
    }
    expect(zh('analysis.causes.customer_situation')).toBe('客户自身情况');
  });

  it('the timeline names the analysis and its fields', () => {
    expect(actionLabel('complaint.analysed', zh)).toBe('记录原因分析');
    expect(actionLabel('complaint.analysed', en)).toBe('Cause analysis recorded');
    const lines = describeChanges(
      'complaint',
      { cause: null, cause_internal: null, company_at_fault: null, responsible_department_id: null },
      {
        cause: 'communication',
        cause_internal: false,
        company_at_fault: true,
        responsible_department_id: 'dep-1',
      },
      zh,
      { names: new Map([['dep-1', '计费中心']]) },
    );
    expect(lines).toEqual([
      { field: '投诉原因', before: '—', after: '沟通与理解' },
      { field: '内部原因', before: '—', after: '否' },
      { field: '公司有责', before: '—', after: '是' },
      { field: '责任部门', before: '—', after: '计费中心' },
    ]);
    const repeat = describeChanges('complaint', { repeat_of: null }, { repeat_of: 'c-1' }, en, {
      names: new Map([['c-1', 'TS202611220001']]),
    });
    expect(repeat).toEqual([{ field: 'Repeat of', before: expect.any(String), after: 'TS202611220001' }]);
  });

  it('the refusals say what is missing', () => {
    const ctx = (t: Translate) => ({
      actionLabel: t('actions.close'),
      action: 'close',
      demands: [],
      statusLabel: (s: string) => t(`status.${s}`),
      severityLabel: (s: string) => t(`severity.${s}`),
    });
    const refusal = {
      code: 'SUMMARY_REQUIRED',
      details: {
        severity: 'major',
        violations: [
          { code: 'SUMMARY_REQUIRED', details: { severity: 'major' } },
          { code: 'ANALYSIS_MISSING', details: { rule: 'analysis_at_close', field: 'analysis' } },
        ],
      },
    };
    const lines = explainRefusal(refusal, ctx(zh), zh).map((l) => l.text);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe('结案前需要记录原因分析（原因、是否可控、内部或外部、是否可逆）。');
    expect(explainRefusal({ code: 'FACTS_NOT_VERIFIED' }, ctx(en), en)[0]?.text).toMatch(/verified facts/);
  });
});
