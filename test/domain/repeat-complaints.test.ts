// 常见投诉不重复: which earlier complaint a complaint repeats (same customer, same category, within
// the window), table-driven.
import { describe, expect, it } from 'vitest';
import { type RepeatCandidate, type RepeatSubject, repeatOf } from '../../src/domain/repeat-complaints.ts';

const DAY = 86_400_000;
const T0 = new Date('2026-11-22T02:00:00Z');
const daysBefore = (d: number) => new Date(T0.getTime() - d * DAY);

const subject = (over: Partial<RepeatSubject> = {}): RepeatSubject => ({
  id: 'c-new',
  number: 'TS202611220009',
  customerId: 'cust-1',
  categoryId: 'cat-billing',
  receivedAt: T0,
  ...over,
});

const earlier = (id: string, over: Partial<RepeatCandidate> = {}): RepeatCandidate => ({
  id,
  number: `TS20261101${id.padStart(4, '0')}`,
  customerId: 'cust-1',
  categoryId: 'cat-billing',
  receivedAt: daysBefore(10),
  ...over,
});

describe('repeatOf', () => {
  it.each<[string, Partial<RepeatSubject>, RepeatCandidate[], number, string | null]>([
    ['no earlier complaint', {}, [], 30, null],
    ['one ten days before', {}, [earlier('1')], 30, '1'],
    ['exactly at the edge of the window', {}, [earlier('1', { receivedAt: daysBefore(30) })], 30, '1'],
    [
      'just outside the window',
      {},
      [earlier('1', { receivedAt: new Date(daysBefore(30).getTime() - 1) })],
      30,
      null,
    ],
    ['outside a shorter window', {}, [earlier('1', { receivedAt: daysBefore(8) })], 7, null],
    ['inside a longer window', {}, [earlier('1', { receivedAt: daysBefore(80) })], 90, '1'],
    ['another category', {}, [earlier('1', { categoryId: 'cat-network' })], 30, null],
    ['an uncategorised earlier one', {}, [earlier('1', { categoryId: null })], 30, null],
    [
      'an uncategorised complaint repeats nothing',
      { categoryId: null },
      [earlier('1', { categoryId: null })],
      30,
      null,
    ],
    ['another customer', {}, [earlier('1', { customerId: 'cust-2' })], 30, null],
    [
      'a later complaint is not repeated',
      {},
      [earlier('1', { receivedAt: new Date(T0.getTime() + 1) })],
      30,
      null,
    ],
    ['the complaint itself', {}, [earlier('c-new', { receivedAt: T0 })], 30, null],
    [
      'the most recent of several',
      {},
      [
        earlier('1', { receivedAt: daysBefore(20) }),
        earlier('2', { receivedAt: daysBefore(3) }),
        earlier('3', { receivedAt: daysBefore(12) }),
      ],
      30,
      '2',
    ],
    [
      'the same instant: registered earlier counts, later does not',
      {},
      [
        earlier('1', { receivedAt: T0, number: 'TS202611220003' }),
        earlier('2', { receivedAt: T0, number: 'TS202611220011' }),
      ],
      30,
      '1',
    ],
    [
      'the same instant, before the number is known: neither counts',
      { number: null },
      [earlier('1', { receivedAt: T0, number: 'TS202611220003' })],
      30,
      null,
    ],
    [
      'of two at the same instant, the later registered',
      {},
      [
        earlier('1', { receivedAt: daysBefore(2), number: 'TS202611200001' }),
        earlier('2', { receivedAt: daysBefore(2), number: 'TS202611200002' }),
      ],
      30,
      '2',
    ],
    [
      'a backdated complaint repeats what came before its receipt',
      { receivedAt: daysBefore(40) },
      [earlier('1', { receivedAt: daysBefore(10) }), earlier('2', { receivedAt: daysBefore(45) })],
      30,
      '2',
    ],
  ])('%s', (_name, over, candidates, days, expected) => {
    expect(repeatOf(subject(over), candidates, days)?.id ?? null).toBe(expected);
  });
});
