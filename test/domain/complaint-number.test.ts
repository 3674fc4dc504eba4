import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  COMPLAINT_NUMBER_PATTERN,
  chinaDay,
  formatComplaintNumber,
} from '../../src/domain/complaint-number.ts';

describe('chinaDay', () => {
  it.each([
    ['2026-11-21T16:30:00Z', '2026-11-22'],
    ['2026-11-21T15:59:59.999Z', '2026-11-21'],
    ['2026-11-21T16:00:00Z', '2026-11-22'],
    ['2026-11-22T00:00:00Z', '2026-11-22'],
    ['2026-11-22T15:59:59Z', '2026-11-22'],
    ['2026-11-21T23:30:00-08:00', '2026-11-22'], // 07:30 UTC on the 22nd
    ['2026-11-22T00:30:00+08:00', '2026-11-22'], // just after midnight in Beijing
    ['2026-11-21T23:59:59+08:00', '2026-11-21'],
    ['2025-12-31T16:00:00Z', '2026-01-01'], // new year in China, still 2025 in UTC
    ['2025-12-31T15:59:59Z', '2025-12-31'],
    ['2028-02-28T16:00:00Z', '2028-02-29'], // leap day
    ['2027-02-28T16:00:00Z', '2027-03-01'],
    ['2026-07-01T16:00:00Z', '2026-07-02'], // summer: China has no daylight saving time
    ['2026-03-29T01:30:00Z', '2026-03-29'], // the day Europe switches to summer time
  ])('%s is %s in China', (iso, day) => {
    expect(chinaDay(new Date(iso))).toBe(day);
  });

  it('agrees with the Asia/Shanghai time zone for any instant', () => {
    const shanghai = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1992-01-01T00:00:00Z'),
          max: new Date('2100-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        (d) => {
          expect(chinaDay(d)).toBe(shanghai.format(d));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('does not depend on the local time zone of the process', () => {
    const before = process.env.TZ;
    try {
      for (const tz of ['UTC', 'America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati']) {
        process.env.TZ = tz;
        expect(chinaDay(new Date('2026-11-21T16:30:00Z'))).toBe('2026-11-22');
      }
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});

describe('formatComplaintNumber', () => {
  it.each([
    ['2026-11-22', 1, 'TS202611220001'],
    ['2026-11-22', 9, 'TS202611220009'],
    ['2026-11-22', 42, 'TS202611220042'],
    ['2026-11-22', 999, 'TS202611220999'],
    ['2026-11-22', 1000, 'TS202611221000'],
    ['2026-11-22', 9999, 'TS202611229999'],
    ['2026-11-22', 10000, 'TS2026112210000'],
    ['2026-11-22', 123456, 'TS20261122123456'],
    ['2026-01-01', 7, 'TS202601010007'],
  ])('(%s, %d) → %s', (day, seq, expected) => {
    const n = formatComplaintNumber(day, seq);
    expect(n).toBe(expected);
    expect(n).toMatch(COMPLAINT_NUMBER_PATTERN);
  });

  it('formats the China day of an instant', () => {
    expect(formatComplaintNumber(chinaDay(new Date('2026-11-21T16:30:00Z')), 1)).toBe('TS202611220001');
  });

  it('sorts numbers of one day by sequence up to 9999', () => {
    const nums = [1, 2, 10, 99, 100, 9999].map((s) => formatComplaintNumber('2026-11-22', s));
    expect([...nums].sort()).toEqual(nums);
  });

  it.each([
    '',
    '20261122',
    '2026-1-22',
    '2026-11-2',
    '26-11-22',
    '2026/11/22',
    '2026.11.22',
    ' 2026-11-22',
    '2026-11-22 ',
    '2026-11-22T00:00:00Z',
    'yyyy-mm-dd',
    '２０２６-１１-２２',
  ])('rejects the day %j', (day) => {
    expect(() => formatComplaintNumber(day, 1)).toThrow(/bad day/);
  });

  it.each([0, -1, -9999, 1.5, 0.999, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'rejects the sequence %d',
    (seq) => {
      expect(() => formatComplaintNumber('2026-11-22', seq)).toThrow(/bad sequence/);
    },
  );

  it('any positive integer sequence gives a number matching the pattern', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), (seq) => {
        const n = formatComplaintNumber('2026-11-22', seq);
        expect(n).toMatch(COMPLAINT_NUMBER_PATTERN);
        expect(Number(n.slice(10))).toBe(seq);
        expect(n.length).toBe(10 + Math.max(4, String(seq).length));
      }),
    );
  });
});

describe('COMPLAINT_NUMBER_PATTERN', () => {
  it.each(['TS202611220001', 'TS2026112210000', 'TS20261122123456'])('matches %s', (n) => {
    expect(n).toMatch(COMPLAINT_NUMBER_PATTERN);
  });

  it.each([
    '',
    'TS20261122001',
    'ts202611220001',
    'TX202611220001',
    '202611220001',
    'TS2026-11-22-0001',
    'TS202611220001 ',
    ' TS202611220001',
    'TS20261122000A',
  ])('does not match %j', (n) => {
    expect(n).not.toMatch(COMPLAINT_NUMBER_PATTERN);
  });
});
