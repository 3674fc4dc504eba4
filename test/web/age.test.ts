// How long a complaint has been open: never negative, and the label's unit by size.
import { beforeAll, describe, expect, it } from 'vitest';
import { type Age, ageLabel, ageOf } from '../../web/src/lib/age.ts';
import { makeI18n, type Translate, translator } from './i18n-fixture.ts';

const SINCE = new Date('2026-03-01T08:00:00+08:00');
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const after = (ms: number) => new Date(SINCE.getTime() + ms);

describe('ageOf', () => {
  it.each<[string, number, Age]>([
    ['no time at all', 0, { days: 0, hours: 0, minutes: 0 }],
    ['59 seconds', 59_000, { days: 0, hours: 0, minutes: 0 }],
    ['one minute', MIN, { days: 0, hours: 0, minutes: 1 }],
    ['59 min 59 s', HOUR - 1000, { days: 0, hours: 0, minutes: 59 }],
    ['one hour', HOUR, { days: 0, hours: 1, minutes: 0 }],
    ['23 h 59 min', DAY - MIN, { days: 0, hours: 23, minutes: 59 }],
    ['one day', DAY, { days: 1, hours: 0, minutes: 0 }],
    ['2 d 3 h 4 min', 2 * DAY + 3 * HOUR + 4 * MIN, { days: 2, hours: 3, minutes: 4 }],
    ['400 days', 400 * DAY, { days: 400, hours: 0, minutes: 0 }],
    ['a clock 5 minutes behind', -5 * MIN, { days: 0, hours: 0, minutes: 0 }],
    ['a clock a day behind', -DAY, { days: 0, hours: 0, minutes: 0 }],
  ])('%s', (_, ms, age) => {
    expect(ageOf(SINCE, after(ms))).toEqual(age);
  });

  it('crosses month and leap-day boundaries by elapsed time, not calendar', () => {
    expect(ageOf(new Date('2028-02-28T12:00:00Z'), new Date('2028-03-01T12:00:00Z'))).toEqual({
      days: 2,
      hours: 0,
      minutes: 0,
    });
  });
});

describe('ageLabel', () => {
  it.each<[Age, string, Record<string, number>]>([
    [{ days: 0, hours: 0, minutes: 0 }, 'common.minutes', { minutes: 0 }],
    [{ days: 0, hours: 0, minutes: 59 }, 'common.minutes', { minutes: 59 }],
    [{ days: 0, hours: 1, minutes: 0 }, 'common.hoursMinutes', { hours: 1, minutes: 0 }],
    [{ days: 0, hours: 23, minutes: 59 }, 'common.hoursMinutes', { hours: 23, minutes: 59 }],
    [{ days: 1, hours: 0, minutes: 0 }, 'common.daysHours', { days: 1, hours: 0 }],
    [{ days: 2, hours: 3, minutes: 4 }, 'common.daysHours', { days: 2, hours: 3 }],
  ])('%j → %s', (age, key, values) => {
    expect(ageLabel(age)).toEqual({ key, values });
  });

  describe('in words', () => {
    let zh: Translate;
    let en: Translate;
    beforeAll(async () => {
      zh = translator(await makeI18n('zh-CN'));
      en = translator(await makeI18n('en-US'));
    });

    it.each([
      [5 * MIN, '5 分钟', '5 min'],
      [HOUR + 30 * MIN, '1 小时 30 分', '1 h 30 min'],
      [2 * DAY + 3 * HOUR + 4 * MIN, '2 天 3 小时', '2 d 3 h'],
      [-HOUR, '0 分钟', '0 min'],
    ])('%i ms → %s / %s', (ms, zhText, enText) => {
      const { key, values } = ageLabel(ageOf(SINCE, after(ms)));
      expect(zh(key, values)).toBe(zhText);
      expect(en(key, values)).toBe(enText);
    });
  });
});
