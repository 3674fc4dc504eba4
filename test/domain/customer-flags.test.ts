import { describe, expect, it } from 'vitest';
import { type CustomerFacts, customerFlags, REPEAT_WINDOW_DAYS } from '../../src/domain/customer-flags.ts';

const plain: CustomerFacts = {
  vipLevel: 0,
  tags: [],
  recentComplaints: 1,
  repeatComplaints: 0,
  openComplaints: 0,
  maliciousJudgements: 0,
};

describe('customerFlags', () => {
  it.each([
    { name: 'a first-time caller', facts: {}, codes: [] },
    { name: 'a VIP', facts: { vipLevel: 3 }, flags: [{ code: 'vip', level: 3 }] },
    {
      name: 'two tags',
      facts: { tags: ['媒体', '老年人'] },
      flags: [
        { code: 'tagged', tag: '媒体' },
        { code: 'tagged', tag: '老年人' },
      ],
    },
    { name: 'one recent complaint', facts: { recentComplaints: 1 }, codes: [] },
    {
      name: 'two recent complaints',
      facts: { recentComplaints: 2 },
      flags: [{ code: 'repeat_caller', count: 2, days: REPEAT_WINDOW_DAYS }],
    },
    {
      name: 'two complaints flagged as repeats',
      facts: { repeatComplaints: 2 },
      flags: [{ code: 'repeat_complaint', count: 2 }],
    },
    {
      name: 'an open complaint',
      facts: { openComplaints: 1 },
      flags: [{ code: 'open_complaints', count: 1 }],
    },
    {
      name: 'an earlier malicious judgement',
      facts: { maliciousJudgements: 1 },
      flags: [{ code: 'previous_malicious_judgement', count: 1 }],
    },
    {
      name: 'everything, in a fixed order',
      facts: {
        vipLevel: 1,
        tags: ['投诉大户'],
        recentComplaints: 4,
        repeatComplaints: 1,
        openComplaints: 2,
        maliciousJudgements: 1,
      },
      codes: [
        'vip',
        'tagged',
        'repeat_caller',
        'repeat_complaint',
        'open_complaints',
        'previous_malicious_judgement',
      ],
    },
  ] as { name: string; facts: Partial<CustomerFacts>; codes?: string[]; flags?: unknown[] }[])(
    '$name',
    ({ facts, codes, flags }) => {
      const out = customerFlags({ ...plain, ...facts });
      if (flags) expect(out).toEqual(flags);
      if (codes) expect(out.map((f) => f.code)).toEqual(codes);
    },
  );

  it('repeats from two complaints in the window, not before', () => {
    for (const n of [0, 1, 2, 3, 10]) {
      const repeat = customerFlags({ ...plain, recentComplaints: n }).some((f) => f.code === 'repeat_caller');
      expect(repeat, `${n}`).toBe(n >= 2);
    }
  });
});
