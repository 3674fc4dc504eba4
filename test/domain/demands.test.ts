import { describe, expect, it } from 'vitest';
import { applyDemandChange, checkDemandAddition, type DemandRecord } from '../../src/domain/demands.ts';
import { COMPLAINT_STATUSES, type ComplaintStatus, DEMAND_STATUSES } from '../../src/domain/vocabulary.ts';

const OPEN: DemandRecord = { status: 'open', resolution: null, customerInformed: false };
const FULFILLED: DemandRecord = {
  status: 'fulfilled',
  resolution: 'Refunded 30 yuan',
  customerInformed: false,
};
const FULFILLED_INFORMED: DemandRecord = { ...FULFILLED, customerInformed: true };
const DECLINED: DemandRecord = {
  status: 'declined',
  resolution: 'Outside warranty',
  customerInformed: false,
};
const DECLINED_INFORMED: DemandRecord = { ...DECLINED, customerInformed: true };

/** Statuses in which demands are worked on freely. */
const WORKING: readonly ComplaintStatus[] = ['new', 'accepted', 'in_progress'];

function applied(
  status: ComplaintStatus,
  current: DemandRecord,
  change: Parameters<typeof applyDemandChange>[2],
) {
  const r = applyDemandChange(status, current, change);
  if (!r.ok) throw new Error(`expected ok, got ${r.refusal.code}: ${r.refusal.message}`);
  return r.next;
}

function refused(
  status: ComplaintStatus,
  current: DemandRecord,
  change: Parameters<typeof applyDemandChange>[2],
) {
  const r = applyDemandChange(status, current, change);
  if (r.ok) throw new Error(`expected a refusal, got ${JSON.stringify(r.next)}`);
  return r.refusal;
}

describe('checkDemandAddition', () => {
  const EXPECTED: Record<ComplaintStatus, string | null> = {
    new: null,
    accepted: null,
    in_progress: null,
    resolved: 'DEMAND_LOCKED',
    closed: 'COMPLAINT_CLOSED',
  };

  it('has an expectation for every complaint status', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...COMPLAINT_STATUSES].sort());
  });

  it.each(COMPLAINT_STATUSES.map((s) => [s, EXPECTED[s]] as const))(
    'on a %s complaint → %s',
    (status, code) => {
      const r = checkDemandAddition(status);
      if (code === null) expect(r).toBeNull();
      else expect(r?.code).toBe(code);
    },
  );

  it('explains the refusals with a rule', () => {
    expect(checkDemandAddition('closed')).toMatchObject({
      code: 'COMPLAINT_CLOSED',
      details: { rule: 'closed_is_final' },
    });
    expect(checkDemandAddition('resolved')).toMatchObject({
      code: 'DEMAND_LOCKED',
      details: { rule: 'resolved_demands_locked' },
    });
    expect(checkDemandAddition('resolved')?.message).toMatch(/reopen/);
    expect(checkDemandAddition('closed')?.message).toMatch(/reopen/);
  });
});

describe('applyDemandChange on a closed complaint', () => {
  const CHANGES = [
    {},
    { resolution: 'New text' },
    { customerInformed: true },
    { status: 'open' as const },
    { status: 'declined' as const, resolution: 'No' },
  ];

  it.each(CHANGES)('refuses %j with COMPLAINT_CLOSED', (change) => {
    for (const current of [OPEN, FULFILLED, DECLINED_INFORMED]) {
      expect(refused('closed', current, change)).toMatchObject({
        code: 'COMPLAINT_CLOSED',
        details: { rule: 'closed_is_final' },
      });
    }
  });
});

describe('applyDemandChange on a resolved complaint', () => {
  it('changes the resolution text', () => {
    expect(applied('resolved', FULFILLED, { resolution: 'Refunded 30 yuan on 22 Nov' })).toEqual({
      ...FULFILLED,
      resolution: 'Refunded 30 yuan on 22 Nov',
    });
  });

  it('records that the customer was informed (follow-up)', () => {
    expect(applied('resolved', DECLINED, { customerInformed: true })).toEqual(DECLINED_INFORMED);
    expect(applied('resolved', FULFILLED, { customerInformed: true })).toEqual(FULFILLED_INFORMED);
  });

  it('can take back "customer informed"', () => {
    expect(applied('resolved', DECLINED_INFORMED, { customerInformed: false })).toEqual(DECLINED);
  });

  it('accepts restating the current status', () => {
    expect(applied('resolved', DECLINED, { status: 'declined', customerInformed: true })).toEqual(
      DECLINED_INFORMED,
    );
  });

  it.each([
    { from: FULFILLED, to: 'declined' },
    { from: FULFILLED, to: 'open' },
    { from: DECLINED, to: 'fulfilled' },
    { from: DECLINED_INFORMED, to: 'open' },
  ] as const)('refuses changing the outcome $from.status → $to with DEMAND_LOCKED', ({ from, to }) => {
    const r = refused('resolved', from, { status: to, resolution: 'Changed my mind' });
    expect(r).toMatchObject({ code: 'DEMAND_LOCKED', details: { rule: 'resolved_demands_locked' } });
    expect(r.message).toMatch(/reopen/);
  });

  it.each([null, '', '   '])('refuses clearing the resolution of an answered demand (%j)', (resolution) => {
    expect(refused('resolved', FULFILLED, { resolution }).code).toBe('VALIDATION_FAILED');
  });
});

describe.each(WORKING)('applyDemandChange on a %s complaint', (complaintStatus) => {
  it('returns the demand unchanged for an empty change', () => {
    for (const d of [OPEN, FULFILLED, FULFILLED_INFORMED, DECLINED, DECLINED_INFORMED]) {
      expect(applied(complaintStatus, d, {})).toEqual(d);
    }
  });

  it.each(['fulfilled', 'declined'] as const)('answers an open demand as %s with a resolution', (status) => {
    expect(applied(complaintStatus, OPEN, { status, resolution: 'Done' })).toEqual({
      status,
      resolution: 'Done',
      customerInformed: false,
    });
  });

  it.each(['fulfilled', 'declined'] as const)('a %s demand may be informed in the same change', (status) => {
    expect(applied(complaintStatus, OPEN, { status, resolution: 'Done', customerInformed: true })).toEqual({
      status,
      resolution: 'Done',
      customerInformed: true,
    });
  });

  it.each(
    (['fulfilled', 'declined'] as const).flatMap((status) =>
      [undefined, null, '', '   ', '\n\t'].map((resolution) => ({ status, resolution })),
    ),
  )('refuses a $status demand with resolution $resolution', ({ status, resolution }) => {
    const change = resolution === undefined ? { status } : { status, resolution };
    const r = refused(complaintStatus, OPEN, change);
    expect(r).toEqual({
      code: 'VALIDATION_FAILED',
      message: `A ${status} demand records how it was answered`,
      details: { issues: [{ field: 'resolution', message: `required when status is ${status}` }] },
    });
  });

  it('keeps the existing resolution when only the status changes between answers', () => {
    expect(applied(complaintStatus, FULFILLED, { status: 'declined' })).toMatchObject({
      status: 'declined',
      resolution: FULFILLED.resolution,
    });
  });

  it('refuses clearing the resolution of an answered demand', () => {
    expect(refused(complaintStatus, DECLINED, { resolution: null }).code).toBe('VALIDATION_FAILED');
    expect(refused(complaintStatus, DECLINED, { resolution: ' ' }).code).toBe('VALIDATION_FAILED');
  });

  it.each([FULFILLED_INFORMED, DECLINED_INFORMED, FULFILLED, DECLINED])(
    'reopening a $status demand (informed: $customerInformed) resets customerInformed',
    (current) => {
      const next = applied(complaintStatus, current, { status: 'open' });
      expect(next.status).toBe('open');
      expect(next.customerInformed).toBe(false);
      expect(
        applied(complaintStatus, current, { status: 'open', customerInformed: false }).customerInformed,
      ).toBe(false);
    },
  );

  it('refuses reopening a demand while claiming the customer was informed', () => {
    const r = refused(complaintStatus, DECLINED_INFORMED, { status: 'open', customerInformed: true });
    expect(r.code).toBe('VALIDATION_FAILED');
    expect(r.details).toEqual({
      issues: [{ field: 'customerInformed', message: 'only for a fulfilled or declined demand' }],
    });
  });

  it('refuses customerInformed on an open demand', () => {
    const r = refused(complaintStatus, OPEN, { customerInformed: true });
    expect(r).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'The customer is informed of an outcome; an open demand has none yet',
      details: {
        issues: [{ field: 'customerInformed', message: 'only for a fulfilled or declined demand' }],
      },
    });
    expect(refused(complaintStatus, OPEN, { status: 'open', customerInformed: true }).code).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('allows customerInformed: false on an open demand, and a draft resolution', () => {
    expect(applied(complaintStatus, OPEN, { customerInformed: false })).toEqual(OPEN);
    expect(applied(complaintStatus, OPEN, { resolution: 'Checking with billing' })).toEqual({
      ...OPEN,
      resolution: 'Checking with billing',
    });
  });

  it('changing the outcome of an answered demand resets customerInformed (the customer was told the old outcome)', () => {
    expect(
      applied(complaintStatus, FULFILLED_INFORMED, { status: 'declined', resolution: 'Not refundable' }),
    ).toEqual({ status: 'declined', resolution: 'Not refundable', customerInformed: false });
    expect(
      applied(complaintStatus, DECLINED_INFORMED, { status: 'fulfilled', resolution: 'Refunded' }),
    ).toEqual({
      status: 'fulfilled',
      resolution: 'Refunded',
      customerInformed: false,
    });
    expect(
      applied(complaintStatus, FULFILLED_INFORMED, {
        status: 'declined',
        resolution: 'Not refundable',
        customerInformed: true,
      }).customerInformed,
    ).toBe(true);
  });

  it('keeps customerInformed when the outcome is unchanged', () => {
    expect(applied(complaintStatus, DECLINED_INFORMED, { resolution: 'Outside the 7-day window' })).toEqual({
      ...DECLINED_INFORMED,
      resolution: 'Outside the 7-day window',
    });
    expect(applied(complaintStatus, DECLINED_INFORMED, { status: 'declined' })).toEqual(DECLINED_INFORMED);
  });
});

describe('applyDemandChange: every complaint status × demand status × target status', () => {
  const WITH_TEXT: Record<string, DemandRecord> = {
    open: { ...OPEN, resolution: null },
    fulfilled: FULFILLED,
    declined: DECLINED,
  };
  const cases = COMPLAINT_STATUSES.flatMap((complaintStatus) =>
    DEMAND_STATUSES.flatMap((from) => DEMAND_STATUSES.map((to) => ({ complaintStatus, from, to }))),
  );

  it.each(cases)('$complaintStatus complaint, $from → $to', ({ complaintStatus, from, to }) => {
    const current = WITH_TEXT[from] as DemandRecord;
    const r = applyDemandChange(complaintStatus, current, { status: to, resolution: 'Answer' });
    if (complaintStatus === 'closed') {
      expect(r.ok ? null : r.refusal.code).toBe('COMPLAINT_CLOSED');
    } else if (complaintStatus === 'resolved' && from !== to) {
      expect(r.ok ? null : r.refusal.code).toBe('DEMAND_LOCKED');
    } else {
      expect(r).toEqual({
        ok: true,
        next: {
          status: to,
          resolution: 'Answer',
          customerInformed: false,
        },
      });
    }
  });
});
