// Time limits in words and the "by when" of a promise as the agent fills it in.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  asDurationSpec,
  type DurationSpec,
  durationLabel,
  isBlank,
  type MomentDraft,
  momentSpec,
  spanLabel,
} from '../../web/src/lib/durations.ts';
import { makeI18n, type Translate, translator } from './i18n-fixture.ts';

let zh: Translate;
let en: Translate;
beforeAll(async () => {
  zh = translator(await makeI18n('zh-CN'));
  en = translator(await makeI18n('en-US'));
});

describe('durationLabel', () => {
  it.each<[DurationSpec, string, string]>([
    [{ workingDays: 3 }, '3个工作日', '3 working days'],
    [{ workingDays: 1 }, '1个工作日', '1 working day'],
    [{ workingHours: 8 }, '8个工作小时', '8 working hours'],
    [{ workingHours: 1 }, '1个工作小时', '1 working hour'],
    [{ workingHours: 0.5 }, '0.5个工作小时', '0.5 working hours'],
    [{ calendarHours: 2 }, '2小时', '2 hours'],
    [{ calendarHours: 1 }, '1小时', '1 hour'],
    [{ calendarHours: 0.5 }, '30分钟', '30 minutes'],
    [{ calendarHours: 0.25 }, '15分钟', '15 minutes'],
  ])('%j → %s / %s', (spec, zhText, enText) => {
    const l = durationLabel(spec);
    expect(zh(l.key, l.values)).toBe(zhText);
    expect(en(l.key, l.values)).toBe(enText);
  });
});

describe('asDurationSpec', () => {
  it('reads a target, with or without the calendar beside it', () => {
    expect(asDurationSpec({ workingDays: 3 })).toEqual({ workingDays: 3 });
    expect(asDurationSpec({ calendarHours: 0.5, calendarId: 'c1' })).toEqual({ calendarHours: 0.5 });
  });
  it.each([null, undefined, 3, 'x', {}, { workingDays: '3' }, { workingDays: 1, workingHours: 2 }, [1]])(
    'not a duration: %j',
    (x) => {
      expect(asDurationSpec(x)).toBeNull();
    },
  );
});

describe('spanLabel', () => {
  it('clock time in the age format, never negative', () => {
    const l = spanLabel(2 * 3_600_000 + 5 * 60_000);
    expect(zh(l.key, l.values)).toBe('2 小时 5 分');
    const n = spanLabel(-1);
    expect(en(n.key, n.values)).toBe('0 min');
  });
});

const draft = (over: Partial<MomentDraft>): MomentDraft => ({
  unit: 'workingDays',
  amount: null,
  at: null,
  ...over,
});

describe('momentSpec', () => {
  it.each<[Partial<MomentDraft>, unknown]>([
    [{ amount: 3 }, { workingDays: 3 }],
    [{ unit: 'workingHours', amount: 4 }, { workingHours: 4 }],
    [{ unit: 'workingHours', amount: 0.5 }, { workingHours: 0.5 }],
    [{ unit: 'calendarHours', amount: 72 }, { calendarHours: 72 }],
    [{ unit: 'at', at: '2026-11-25 10:00' }, { at: '2026-11-25T02:00:00.000Z' }],
    [{ amount: null }, null],
    [{ amount: 0 }, null],
    [{ amount: -1 }, null],
    [{ amount: 1.5 }, null],
    [{ amount: 251 }, null],
    [{ amount: 250 }, { workingDays: 250 }],
    [{ unit: 'workingHours', amount: 2001 }, null],
    [{ unit: 'calendarHours', amount: 8785 }, null],
    [{ unit: 'calendarHours', amount: Number.NaN }, null],
    [{ unit: 'at', at: null }, null],
    [{ unit: 'at', at: '2026-02-30 10:00' }, null],
  ])('%j → %j', (over, expected) => {
    expect(momentSpec(draft(over))).toEqual(expected);
  });

  it('blank: nothing typed for the chosen unit', () => {
    expect(isBlank(draft({}))).toBe(true);
    expect(isBlank(draft({ amount: 0 }))).toBe(false);
    expect(isBlank(draft({ unit: 'at', amount: 3 }))).toBe(true);
    expect(isBlank(draft({ unit: 'at', at: '2026-11-25 10:00' }))).toBe(false);
  });
});
