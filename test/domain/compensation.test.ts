// Compensation (补偿) rules: money in fen, whose authority applies, granted at once or pending,
// who may approve, the wording (补偿, never 赔偿) and the demand it answers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Approver,
  type AuthorityLimit,
  approvalRefusal,
  type CompensationType,
  checkCompensationWording,
  compensationOfferRefusal,
  decideGrant,
  effectiveAuthority,
  formatFen,
  MAX_COMPENSATION_FEN,
  mayApprove,
  moneyFen,
  pendingCompensationRefusal,
  yuanToFen,
} from '../../src/domain/compensation.ts';
import { DEFAULT_AUTHORITY } from '../../src/domain/default-organisation.ts';
import { applyDemandChange, type DemandRecord } from '../../src/domain/demands.ts';

/** The seeded limits of a role, in fen. */
function seeded(role: 'agent' | 'specialist' | 'supervisor'): AuthorityLimit {
  const a = DEFAULT_AUTHORITY.find((x) => x.role === role);
  if (!a) throw new Error(`no default authority for ${role}`);
  return {
    maxFen: yuanToFen(a.maxCompensation) as number,
    approvalTypes: a.approvalTypes as CompensationType[],
  };
}
const defaults = {
  agent: seeded('agent'),
  specialist: seeded('specialist'),
  supervisor: seeded('supervisor'),
};

describe('money in fen', () => {
  it.each([
    [58, 5800],
    [58.5, 5850],
    [58.05, 5805],
    ['58.00', 5800],
    ['0.01', 1],
    [0.1, 10],
    [0.2, 20],
    [0.3, 30],
    [1.15, 115], // 1.15 * 100 is 114.99999999999999 as a float
    [4.35, 435], // 4.35 * 100 is 434.99999999999994
    [1_000_000, 100_000_000],
    ['12345678901.23', 1_234_567_890_123],
    [0, 0],
  ])('%s yuan is %i fen', (yuan, fen) => {
    expect(yuanToFen(yuan)).toBe(fen);
  });

  it.each([
    [0.1 + 0.2], // 0.30000000000000004: not an amount of money
    [58.123],
    ['58.123'],
    [-1],
    ['-1.00'],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    [1e-7],
    [1e21],
    [''],
    ['1e3'],
    ['58,00'],
    ['¥58'],
  ])('%s is refused (not yuan with at most two decimals)', (v) => {
    expect(yuanToFen(v)).toBeNull();
  });

  it('adds in fen exactly: 0.1 + 0.2 yuan is 0.30 yuan', () => {
    const sum = (yuanToFen(0.1) as number) + (yuanToFen(0.2) as number);
    expect(sum).toBe(yuanToFen(0.3));
    expect(formatFen(sum)).toBe('0.30');
  });

  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [50, '0.50'],
    [5800, '58.00'],
    [100_000_000, '1000000.00'],
  ])('%i fen reads %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });

  it('refuses to format what is not fen', () => {
    expect(() => formatFen(1.5)).toThrow(RangeError);
    expect(() => formatFen(-1)).toThrow(RangeError);
  });

  it('reads the database numeric text and throws on garbage', () => {
    expect(moneyFen('5000.00')).toBe(500_000);
    expect(() => moneyFen('abc')).toThrow(RangeError);
  });

  it('round-trips every amount up to the maximum through its text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_COMPENSATION_FEN }), (fen) => {
        expect(yuanToFen(formatFen(fen))).toBe(fen);
        expect(yuanToFen(Number(formatFen(fen)))).toBe(fen);
      }),
    );
  });
});

describe('effective authority: team over role, else nothing', () => {
  const role: AuthorityLimit = { maxFen: 5000, approvalTypes: ['refund'] };
  const team: AuthorityLimit = { maxFen: 20000, approvalTypes: [] };
  it.each([
    ['role only', role, null, { ...role, source: 'role' }],
    ['team wins over role', role, team, { ...team, source: 'team' }],
    ['team only', null, team, { ...team, source: 'team' }],
    [
      'a lower team limit still wins',
      { maxFen: 50000, approvalTypes: [] },
      team,
      { ...team, source: 'team' },
    ],
    ['neither: 0, everything needs approval', null, null, { maxFen: 0, approvalTypes: [], source: 'none' }],
  ] as const)('%s', (_name, r, t, expected) => {
    expect(effectiveAuthority(r, t)).toEqual(expected);
  });
});

describe('decideGrant', () => {
  it.each([
    ['agent', 'bill_credit', 30, { status: 'approved' }],
    ['agent', 'bill_credit', 50, { status: 'approved' }], // at the limit
    ['agent', 'bill_credit', 50.01, { status: 'pending', reasons: ['above_limit'], limitFen: 5000 }],
    ['agent', 'refund', 10, { status: 'pending', reasons: ['type_needs_approval'], limitFen: 5000 }],
    [
      'agent',
      'refund',
      58,
      { status: 'pending', reasons: ['above_limit', 'type_needs_approval'], limitFen: 5000 },
    ],
    ['specialist', 'refund', 58, { status: 'approved' }],
    ['specialist', 'gift', 500, { status: 'approved' }],
    ['specialist', 'gift', 500.01, { status: 'pending', reasons: ['above_limit'], limitFen: 50000 }],
    ['supervisor', 'service', 5000, { status: 'approved' }],
    ['supervisor', 'other', 5000.01, { status: 'pending', reasons: ['above_limit'], limitFen: 500000 }],
  ] as const)('%s: %s of %s yuan → %o', (role, type, yuan, expected) => {
    expect(decideGrant(defaults[role], type, yuanToFen(yuan) as number)).toEqual(expected);
  });

  it('with no authority, every amount waits', () => {
    expect(decideGrant(effectiveAuthority(null, null), 'gift', 1)).toMatchObject({ status: 'pending' });
  });
});

describe('who may approve', () => {
  const request = { type: 'bill_credit' as const, amountFen: 30000, requestedBy: 'agent-1' };
  const person = (id: string, role: Approver['role'], authority: AuthorityLimit): Approver => ({
    id,
    role,
    authority,
  });

  it.each([
    ['a specialist within their limit', person('s1', 'specialist', defaults.specialist), request, null],
    ['a supervisor', person('v1', 'supervisor', defaults.supervisor), request, null],
    [
      'a specialist above their limit',
      person('s1', 'specialist', defaults.specialist),
      { ...request, amountFen: 80000 },
      'ABOVE_AUTHORITY',
    ],
    [
      'a specialist whose team limit is lower',
      person('s2', 'specialist', { maxFen: 10000, approvalTypes: [] }),
      request,
      'ABOVE_AUTHORITY',
    ],
    [
      'a supervisor for a type on their own approval list',
      person('v2', 'supervisor', { maxFen: 500000, approvalTypes: ['refund'] }),
      { ...request, type: 'refund' as const },
      'ABOVE_AUTHORITY',
    ],
    [
      'an agent, even within an amount',
      person('a2', 'agent', defaults.agent),
      { ...request, amountFen: 100 },
      'FORBIDDEN',
    ],
    ['an admin', person('x', 'admin', { maxFen: 1e8, approvalTypes: [] }), request, 'FORBIDDEN'],
    [
      'the requester themselves',
      person('v1', 'supervisor', defaults.supervisor),
      { ...request, requestedBy: 'v1' },
      'FORBIDDEN',
    ],
  ] as const)('%s', (_name, approver, req, code) => {
    const refusal = approvalRefusal(approver, req);
    expect(refusal?.code ?? null).toBe(code);
    expect(mayApprove(approver, req)).toBe(code === null);
  });

  it('names the amount and the limit when above authority', () => {
    const r = approvalRefusal(person('s1', 'specialist', defaults.specialist), {
      ...request,
      amountFen: 80000,
    });
    expect(r?.details).toMatchObject({ amount: '800.00', limit: '500.00', reasons: ['above_limit'] });
  });
});

describe('wording: 补偿, never 赔偿 (domain §10)', () => {
  it('accepts 补偿 and wording without either word', () => {
    expect(checkCompensationWording('给您补偿本月月租58元')).toBeNull();
    expect(checkCompensationWording('为您减免本月月租58元')).toBeNull();
  });
  it('refuses 赔偿 and suggests the same text with 补偿', () => {
    expect(checkCompensationWording('我们赔偿您58元，赔偿已到账')).toEqual({
      message: expect.stringContaining('补偿'),
      suggestion: '我们补偿您58元，补偿已到账',
    });
  });
});

describe('where compensation may be offered', () => {
  it.each([
    ['new', 'open', null],
    ['accepted', 'open', null],
    ['in_progress', 'open', null],
    ['in_progress', 'fulfilled', 'DEMAND_LOCKED'],
    ['in_progress', 'declined', 'DEMAND_LOCKED'],
    ['resolved', 'fulfilled', 'DEMAND_LOCKED'],
    ['closed', 'open', 'COMPLAINT_CLOSED'],
  ] as const)('a %s complaint, a %s demand → %s', (complaint, demand, code) => {
    expect(compensationOfferRefusal(complaint, demand)?.code ?? null).toBe(code);
  });
});

describe('the demand a pending compensation answers', () => {
  const OPEN: DemandRecord = { status: 'open', resolution: null, customerInformed: false };
  const answer = { resolution: '已为您补偿58元话费' };

  it('cannot be fulfilled while a compensation waits for approval', () => {
    const r = applyDemandChange(
      'in_progress',
      OPEN,
      { status: 'fulfilled', ...answer },
      {
        pendingCompensationIds: ['c1', 'c2'],
      },
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.refusal.code).toBe('COMPENSATION_PENDING');
      expect(r.refusal.details).toEqual({ compensationIds: ['c1', 'c2'] });
    }
  });

  it('cannot be declined either while a request waits (cancel it first)', () => {
    const r = applyDemandChange(
      'accepted',
      OPEN,
      { status: 'declined', ...answer },
      {
        pendingCompensationIds: ['c1'],
      },
    );
    expect(r.ok ? null : r.refusal.code).toBe('COMPENSATION_PENDING');
  });

  it('can be fulfilled with no pending compensation (approved or refused ones do not block)', () => {
    const r = applyDemandChange(
      'in_progress',
      OPEN,
      { status: 'fulfilled', ...answer },
      { pendingCompensationIds: [] },
    );
    expect(r.ok).toBe(true);
    expect(applyDemandChange('in_progress', OPEN, { status: 'fulfilled', ...answer }).ok).toBe(true);
  });

  it('a pending compensation does not stop editing an open demand', () => {
    const r = applyDemandChange(
      'in_progress',
      OPEN,
      { resolution: '等待审批' },
      { pendingCompensationIds: ['c1'] },
    );
    expect(r.ok).toBe(true);
  });

  it('pendingCompensationRefusal: none pending, no refusal', () => {
    expect(pendingCompensationRefusal('fulfilled', [])).toBeNull();
  });
});
