// China time whatever the browser's zone: formatting instants, and wall-clock input back to UTC.
import { describe, expect, it } from 'vitest';
import {
  chinaDateTime,
  chinaDay,
  chinaShort,
  chinaWallToIso,
  chinaWeekday,
} from '../../web/src/lib/china-time.ts';

describe('formatting in China time', () => {
  it.each([
    ['2026-11-25T10:00:00.000Z', '2026-11-25 18:00', '2026-11-25', '11-25 18:00'],
    ['2026-11-25T16:30:00.000Z', '2026-11-26 00:30', '2026-11-26', '11-26 00:30'],
    ['2026-12-31T16:00:00Z', '2027-01-01 00:00', '2027-01-01', '01-01 00:00'],
    ['2028-02-28T17:05:09Z', '2028-02-29 01:05', '2028-02-29', '02-29 01:05'],
  ])('%s', (instant, dateTime, day, short) => {
    expect(chinaDateTime(instant)).toBe(dateTime);
    expect(chinaDay(instant)).toBe(day);
    expect(chinaShort(instant)).toBe(short);
  });

  it('seconds on request; Date objects too; nothing for an invalid instant', () => {
    expect(chinaDateTime('2026-11-25T10:00:07Z', true)).toBe('2026-11-25 18:00:07');
    expect(chinaDateTime(new Date('2026-11-25T10:00:00Z'))).toBe('2026-11-25 18:00');
    expect(chinaDateTime('not a time')).toBe('');
    expect(chinaDay('')).toBe('');
  });

  it('weekday: Monday 0 … Sunday 6, by the China day', () => {
    expect(chinaWeekday('2026-11-23T12:00:00+08:00')).toBe(0);
    expect(chinaWeekday('2026-11-22T12:00:00+08:00')).toBe(6);
    // Sunday 20:00 UTC is already Monday in China.
    expect(chinaWeekday('2026-11-22T20:00:00Z')).toBe(0);
  });
});

describe('chinaWallToIso', () => {
  it.each([
    ['2026-11-25 10:00', '2026-11-25T02:00:00.000Z'],
    ['2026-11-25T10:00', '2026-11-25T02:00:00.000Z'],
    ['2026-11-25 07:30:15', '2026-11-24T23:30:15.000Z'],
    ['  2027-01-01 00:00 ', '2026-12-31T16:00:00.000Z'],
  ])('%s → %s', (wall, expected) => {
    expect(chinaWallToIso(wall)).toBe(expected);
  });

  it.each(['', '2026-11-25', '2026-02-30 10:00', '2026-11-25 24:00', '2026-11-25 10:60', '25/11/2026 10:00'])(
    'rejects %j',
    (wall) => {
      expect(chinaWallToIso(wall)).toBeNull();
    },
  );

  it('round-trips with chinaDateTime', () => {
    for (const wall of ['2026-01-01 00:00', '2026-06-30 23:59', '2028-02-29 12:00']) {
      expect(chinaDateTime(chinaWallToIso(wall) ?? '')).toBe(wall);
    }
  });
});
