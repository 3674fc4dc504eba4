// Compensation (补偿) as the agent fills it in: amounts in yuan counted in fen like the server,
// the live wording check, the request body, whether it will need approval, and state colours.
import { describe, expect, it } from 'vitest';
import { yuanToFen } from '../../src/domain/compensation.ts';
import {
  amountFen,
  COMPENSATION_STATUSES,
  compensationColor,
  compensationRequest,
  compensationWording,
  EMPTY_COMPENSATION,
  needsApproval,
  yuanLabel,
} from '../../web/src/lib/compensation.ts';

// The word the UI must never use, built so that no source file spells it.
const DAMAGES = String.fromCodePoint(0x8d54, 0x507f);

describe('amountFen', () => {
  it.each<[string, number | null]>([
    ['58', 5800],
    ['58.5', 5850],
    ['58.50', 5850],
    [' ¥ 1,200.05 ', 120005],
    ['0.01', 1],
    ['0', null],
    ['58.123', null],
    ['-5', null],
    ['abc', null],
    ['', null],
    ['1000000', 100_000_000],
    ['1000000.01', null],
  ])('%j → %s', (typed, fen) => {
    expect(amountFen(typed)).toBe(fen);
  });

  it('what it accepts, the server reads back as the same fen', () => {
    for (const typed of ['0.1', '0.29', '58.5', '99.99', '123456.78']) {
      const fen = amountFen(typed);
      expect(fen).not.toBeNull();
      expect(yuanToFen((fen as number) / 100)).toBe(fen);
    }
  });
});

describe('yuanLabel', () => {
  it.each<[number | string, string]>([
    [5800, '¥58.00'],
    [5, '¥0.05'],
    ['58.5', '¥58.50'],
    [123456789, '¥1,234,567.89'],
    ['oops', '¥oops'],
  ])('%j → %s', (v, label) => {
    expect(yuanLabel(v)).toBe(label);
  });
});

describe('compensationWording', () => {
  it('the damages word blocks and the suggestion says 补偿', () => {
    const w = compensationWording(`给您${DAMAGES}50元话费`);
    expect(w.blocking).toBe(true);
    const f = w.findings.find((x) => x.code === 'COMPENSATION_WORD');
    expect(f?.suggestion).toBe('给您补偿50元话费');
  });

  it('other advice does not block; empty text has none', () => {
    const w = compensationWording('按规定给您补偿50元');
    expect(w.findings.map((f) => f.code)).toContain('HIGH_HANDED');
    expect(w.blocking).toBe(false);
    expect(compensationWording('  ')).toEqual({ findings: [], blocking: false });
  });
});

describe('compensationRequest', () => {
  it('names what is missing', () => {
    expect(compensationRequest(EMPTY_COMPENSATION)).toEqual({
      ok: false,
      missing: ['compensation.missing.type', 'compensation.missing.amount', 'compensation.missing.wording'],
    });
    expect(compensationRequest({ type: 'bill_credit', amount: '50', wording: `${DAMAGES}您50元` })).toEqual({
      ok: false,
      missing: ['compensation.missing.wordingWord'],
    });
  });

  it('the amount leaves as a number of yuan', () => {
    expect(
      compensationRequest({ type: 'bill_credit', amount: '58.5', wording: ' 补偿您58.5元话费 ' }),
    ).toEqual({
      ok: true,
      body: { type: 'bill_credit', amount: 58.5, wording: '补偿您58.5元话费' },
    });
  });
});

describe('needsApproval', () => {
  const authority = { maxCompensationFen: 5000, approvalTypes: ['refund'] };
  it.each<[string, string, boolean]>([
    ['bill_credit', '50', false],
    ['bill_credit', '50.01', true],
    ['refund', '1', true],
    ['gift', '', false],
  ])('%s ¥%s → %s', (type, amount, expected) => {
    expect(needsApproval({ type: type as never, amount, wording: '' }, authority)).toBe(expected);
  });

  it('unknown authority: nothing to say', () => {
    expect(needsApproval({ type: 'refund', amount: '999', wording: '' }, undefined)).toBe(false);
  });
});

describe('compensationColor', () => {
  it('a colour per status', () => {
    expect(COMPENSATION_STATUSES.map(compensationColor)).toEqual(['green', 'orange', 'red', 'default']);
  });
});
