// A promise as the agent fills it in: what it still needs, the body sent, and the live wording check.
import { describe, expect, it } from 'vitest';
import { zhCN } from '../../web/src/i18n/zh-CN.ts';
import {
  addedCommitment,
  type CommitmentDraft,
  commitmentRequest,
  EMPTY_COMMITMENT,
  wordingFindings,
} from '../../web/src/lib/commitments.ts';

const draft = (over: Partial<CommitmentDraft>): CommitmentDraft => ({ ...EMPTY_COMMITMENT, ...over });

describe('commitmentRequest', () => {
  it('our own promise needs the words and by when', () => {
    expect(commitmentRequest(EMPTY_COMMITMENT)).toEqual({
      ok: false,
      missing: ['commitments.missing.description', 'commitments.missing.due'],
    });
    expect(
      commitmentRequest(
        draft({
          description: '  我们会在三个工作日内和您联系 ',
          due: { unit: 'workingDays', amount: 3, at: null },
        }),
      ),
    ).toEqual({
      ok: true,
      body: {
        source: 'agent',
        kind: 'call_back',
        description: '我们会在三个工作日内和您联系',
        due: { workingDays: 3 },
      },
    });
  });

  it('an agent promise ignores a leftover "not before"', () => {
    const r = commitmentRequest(
      draft({
        description: '明天上午回电',
        due: { unit: 'at', amount: null, at: '2026-11-24 12:00' },
        notBefore: { unit: 'calendarHours', amount: 2, at: null },
      }),
    );
    expect(r).toEqual({
      ok: true,
      body: {
        source: 'agent',
        kind: 'call_back',
        description: '明天上午回电',
        due: { at: '2026-11-24T04:00:00.000Z' },
      },
    });
  });

  it('a customer request needs the time the customer named; by when is optional', () => {
    const base = draft({ source: 'customer', kind: 'other', description: '客户要求3天后再联系' });
    expect(commitmentRequest(base)).toEqual({ ok: false, missing: ['commitments.missing.notBefore'] });
    expect(
      commitmentRequest({ ...base, notBefore: { unit: 'calendarHours', amount: 72, at: null } }),
    ).toEqual({
      ok: true,
      body: {
        source: 'customer',
        kind: 'other',
        description: '客户要求3天后再联系',
        notBefore: { calendarHours: 72 },
      },
    });
    expect(
      commitmentRequest({
        ...base,
        notBefore: { unit: 'at', amount: null, at: '2026-11-24 10:00' },
        due: { unit: 'workingHours', amount: 4, at: null },
      }),
    ).toMatchObject({
      ok: true,
      body: { notBefore: { at: '2026-11-24T02:00:00.000Z' }, due: { workingHours: 4 } },
    });
  });

  it('an optional due time that was started but is not valid is reported', () => {
    const r = commitmentRequest(
      draft({
        source: 'customer',
        description: '上午10点前不要打',
        notBefore: { unit: 'at', amount: null, at: '2026-11-24 10:00' },
        due: { unit: 'workingDays', amount: 0.5, at: null },
      }),
    );
    expect(r).toEqual({ ok: false, missing: ['commitments.missing.due'] });
  });

  it('every missing item has words', () => {
    for (const key of ['description', 'due', 'notBefore'] as const) {
      expect(zhCN.commitments.missing[key]).toBeTruthy();
    }
  });
});

describe('wordingFindings: the server’s own check, live', () => {
  it('promising a final result within three working days: the contact wording instead', () => {
    const findings = wordingFindings('请您放心，我们会在三个工作日内给您最终的答复和结果');
    expect(findings.map((f) => f.code)).toEqual(['FINAL_RESULT_PROMISED']);
    expect(findings[0]?.suggestion).toBe('我们会在三个工作日内及时和您联系，回复您的投诉');
  });

  it('a contact promise is fine; blank text is not checked', () => {
    expect(wordingFindings('我们会在三个工作日内及时和您联系，回复您的投诉')).toEqual([]);
    expect(wordingFindings('   ')).toEqual([]);
  });

  it('赔偿 → 补偿, and the high-handed 必须', () => {
    expect(wordingFindings('我们会赔偿您的损失').map((f) => f.code)).toEqual(['COMPENSATION_WORD']);
    expect(wordingFindings('您必须先提供发票').map((f) => f.code)).toEqual(['HIGH_HANDED']);
  });

  it('every finding code has advice in the dictionaries', () => {
    for (const code of [
      'FINAL_RESULT_PROMISED',
      'FINAL_ANSWER',
      'COMPENSATION_WORD',
      'HIGH_HANDED',
    ] as const) {
      expect(zhCN.commitments.wording[code]).toBeTruthy();
    }
  });
});

describe('addedCommitment', () => {
  it('finds the one the change added', () => {
    expect(addedCommitment([{ id: 'a' }], [{ id: 'a' }, { id: 'b', wording: [] }])).toEqual({
      id: 'b',
      wording: [],
    });
    expect(addedCommitment([{ id: 'a' }], [{ id: 'a' }])).toBeUndefined();
    expect(addedCommitment([], [{ id: 'x' }])).toEqual({ id: 'x' });
  });
});
