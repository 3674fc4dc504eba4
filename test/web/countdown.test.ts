// Countdowns to a due time and the colour of a deadline or promise by its state (real dictionaries).
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Countdown,
  commitmentTone,
  countdown,
  countdownLabel,
  type DeadlineLike,
  deadlineText,
  deadlineTone,
  liveCommitmentState,
  liveDeadlineState,
  TONE_COLORS,
} from '../../web/src/lib/countdown.ts';
import { COMMITMENT_STATES, DEADLINE_STATES } from '../../web/src/lib/vocabulary.ts';
import { makeI18n, type Translate, translator } from './i18n-fixture.ts';

let zh: Translate;
let en: Translate;
beforeAll(async () => {
  zh = translator(await makeI18n('zh-CN'));
  en = translator(await makeI18n('en-US'));
});

const NOW = new Date('2026-11-23T10:00:00+08:00');
const S = 1000;
const MIN = 60 * S;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const at = (ms: number) => new Date(NOW.getTime() + ms);
const iso = (ms: number) => at(ms).toISOString();

describe('countdown', () => {
  it.each<[string, number, Countdown]>([
    ['2 d 3 h 4 min ahead', 2 * DAY + 3 * HOUR + 4 * MIN, { overdue: false, days: 2, hours: 3, minutes: 4 }],
    ['45 min ahead', 45 * MIN, { overdue: false, days: 0, hours: 0, minutes: 45 }],
    ['44 min 10 s ahead rounds up', 44 * MIN + 10 * S, { overdue: false, days: 0, hours: 0, minutes: 45 }],
    ['30 s ahead is still a minute', 30 * S, { overdue: false, days: 0, hours: 0, minutes: 1 }],
    ['exactly due is overdue', 0, { overdue: true, days: 0, hours: 0, minutes: 1 }],
    ['1 h 20 min late', -(HOUR + 20 * MIN), { overdue: true, days: 0, hours: 1, minutes: 20 }],
    ['a day late', -DAY, { overdue: true, days: 1, hours: 0, minutes: 0 }],
    ['23 h 59 min 30 s ahead → a day', DAY - 30 * S, { overdue: false, days: 1, hours: 0, minutes: 0 }],
  ])('%s', (_, ms, expected) => {
    expect(countdown(NOW, at(ms))).toEqual(expected);
  });
});

describe('countdownLabel in words', () => {
  it.each<[number, string, string]>([
    [2 * DAY + 3 * HOUR + 4 * MIN, '剩 2天3小时', '2d 3h left'],
    [2 * DAY + 4 * MIN, '剩 2天', '2d left'],
    [3 * HOUR, '剩 3小时', '3h left'],
    [3 * HOUR + 5 * MIN, '剩 3小时5分', '3h 5m left'],
    [45 * MIN, '剩 45分钟', '45 min left'],
    [-(HOUR + 20 * MIN), '超时 1小时20分', '1h 20m overdue'],
    [-(5 * DAY + 15 * HOUR), '超时 5天15小时', '5d 15h overdue'],
    [-10 * S, '超时 1分钟', '1 min overdue'],
  ])('%i ms → %s / %s', (ms, zhText, enText) => {
    const { key, values } = countdownLabel(countdown(NOW, at(ms)));
    expect(zh(key, values)).toBe(zhText);
    expect(en(key, values)).toBe(enText);
  });
});

const deadline = (
  state: DeadlineLike['state'],
  dueMs: number,
  warnMs: number,
  late = false,
): DeadlineLike => ({
  state,
  dueAt: iso(dueMs),
  warnAt: iso(warnMs),
  late,
});

describe('liveDeadlineState: the clock moves a running deadline on', () => {
  it.each<[string, DeadlineLike, string]>([
    ['before the warning', deadline('running', HOUR, 30 * MIN), 'running'],
    ['past the warning', deadline('running', HOUR, -MIN), 'at_risk'],
    ['at the due time', deadline('running', 0, -HOUR), 'breached'],
    ['at risk, then due', deadline('at_risk', -S, -HOUR), 'breached'],
    ['at risk said by the server, warning moved later', deadline('at_risk', 2 * HOUR, HOUR), 'running'],
    ['breached stays breached', deadline('breached', -HOUR, -2 * HOUR), 'breached'],
    ['met stays met even past the due time', deadline('met', -HOUR, -2 * HOUR), 'met'],
    ['paused does not run', deadline('paused', -HOUR, -2 * HOUR), 'paused'],
    ['cancelled', deadline('cancelled', -HOUR, -2 * HOUR), 'cancelled'],
  ])('%s', (_, d, state) => {
    expect(liveDeadlineState(d, NOW)).toBe(state);
  });
});

describe('colours', () => {
  it('running default, at risk orange, breached red, paused grey, met green, met late orange', () => {
    const color = (s: DeadlineLike['state'], late = false) => TONE_COLORS[deadlineTone(s, late)];
    expect(color('running')).toBe('default');
    expect(color('at_risk')).toBe('orange');
    expect(color('breached')).toBe('red');
    expect(color('paused')).toBe('#8c8c8c');
    expect(color('met')).toBe('green');
    expect(color('met', true)).toBe('orange');
    expect(color('cancelled')).toBe('default');
  });

  it('every deadline and promise state has a tone and a label in both languages', () => {
    for (const s of DEADLINE_STATES) {
      expect(TONE_COLORS[deadlineTone(s)]).toBeTruthy();
      expect(zh(`deadlineState.${s}`)).not.toMatch(/deadlineState/);
      expect(en(`deadlineState.${s}`)).not.toMatch(/deadlineState/);
    }
    for (const s of COMMITMENT_STATES) {
      expect(TONE_COLORS[commitmentTone(s)]).toBeTruthy();
      expect(zh(`commitmentState.${s}`)).not.toMatch(/commitmentState/);
      expect(en(`commitmentState.${s}`)).not.toMatch(/commitmentState/);
    }
    expect(commitmentTone('overdue')).toBe('error');
    expect(commitmentTone('due_soon')).toBe('warning');
    expect(commitmentTone('fulfilled')).toBe('success');
    expect(commitmentTone('waiting')).toBe('paused');
  });
});

describe('deadlineText', () => {
  const text = (d: DeadlineLike, t: Translate) => {
    const l = deadlineText(d, NOW);
    return t(l.key, l.values);
  };
  it('counts down while it runs and up once breached', () => {
    expect(text(deadline('running', 2 * DAY + 3 * HOUR, DAY), zh)).toBe('剩 2天3小时');
    expect(text(deadline('at_risk', 45 * MIN, -HOUR), zh)).toBe('剩 45分钟');
    expect(text(deadline('breached', -(HOUR + 20 * MIN), -2 * HOUR), zh)).toBe('超时 1小时20分');
    expect(text(deadline('running', -(HOUR + 20 * MIN), -2 * HOUR), en)).toBe('1h 20m overdue');
  });
  it('says what became of a deadline that no longer runs', () => {
    expect(text(deadline('met', -HOUR, -2 * HOUR), zh)).toBe('已达成');
    expect(text(deadline('met', -HOUR, -2 * HOUR, true), zh)).toBe('超时后达成');
    expect(text(deadline('paused', HOUR, 0), zh)).toBe('已暂停');
    expect(text(deadline('cancelled', HOUR, 0), en)).toBe('Cancelled');
  });
});

describe('liveCommitmentState', () => {
  const promise = (over: Partial<Parameters<typeof liveCommitmentState>[0]>) =>
    liveCommitmentState(
      {
        source: 'agent',
        kind: 'call_back',
        status: 'open',
        state: 'open',
        madeAt: iso(-DAY),
        notBefore: null,
        remindAt: iso(HOUR),
        dueAt: iso(2 * HOUR),
        ...over,
      },
      NOW,
    );
  it('follows the server rule: open, due soon, overdue; waiting before the customer’s time', () => {
    expect(promise({})).toBe('open');
    expect(promise({ remindAt: iso(-MIN) })).toBe('due_soon');
    expect(promise({ dueAt: iso(-MIN), remindAt: iso(-HOUR) })).toBe('overdue');
    expect(promise({ source: 'customer', notBefore: iso(HOUR), remindAt: iso(HOUR), dueAt: iso(DAY) })).toBe(
      'waiting',
    );
    expect(promise({ status: 'fulfilled', dueAt: iso(-HOUR) })).toBe('fulfilled');
    expect(promise({ status: 'cancelled' })).toBe('cancelled');
  });
});
