// Notifications in words, from the payload the timer engine stores (src/jobs/timer-engine.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { chinaShort } from '../../web/src/lib/china-time.ts';
import { NOTIFICATION_KINDS, notificationText, notificationTone } from '../../web/src/lib/notifications.ts';
import { makeI18n, type Translate, translator } from './i18n-fixture.ts';

let zh: Translate;
let en: Translate;
beforeAll(async () => {
  zh = translator(await makeI18n('zh-CN'));
  en = translator(await makeI18n('en-US'));
});

const DUE = '2026-11-25T10:00:00.000Z';
const deadlinePayload = { number: 'TS202611220001', deadlineKind: 'reply', dueAt: DUE, warnAt: DUE };
const promisePayload = { number: 'TS202611220001', commitmentKind: 'call_back', source: 'agent', dueAt: DUE };
const text = (kind: string, payload: Record<string, unknown>, t: Translate) =>
  notificationText({ kind, payload }, t, chinaShort);

describe('notificationText', () => {
  it.each([
    ['deadline_at_risk', deadlinePayload, 'TS202611220001 的答复时限即将超时（11-25 18:00 截止）'],
    ['deadline_breached', deadlinePayload, 'TS202611220001 的答复时限已超时（11-25 18:00 截止）'],
    ['commitment_due_soon', promisePayload, 'TS202611220001：对客户的承诺（回电）即将到期（11-25 18:00）'],
    [
      'customer_window_open',
      { ...promisePayload, source: 'customer' },
      'TS202611220001：已到客户约定的联系时间，请在 11-25 18:00 前联系',
    ],
    ['commitment_overdue', promisePayload, 'TS202611220001：对客户的承诺（回电）已逾期（11-25 18:00）'],
  ])('%s (zh-CN)', (kind, payload, expected) => {
    expect(text(kind, payload, zh)).toBe(expected);
  });

  it('in English', () => {
    expect(text('deadline_breached', deadlinePayload, en)).toBe(
      'TS202611220001: Reply time limit breached (due 11-25 18:00)',
    );
    expect(text('commitment_overdue', promisePayload, en)).toBe(
      'TS202611220001: promise (Call back) overdue (11-25 18:00)',
    );
  });

  it('every kind reads as a sentence without leftover placeholders', () => {
    for (const kind of NOTIFICATION_KINDS) {
      for (const t of [zh, en]) {
        const s = text(kind, kind.startsWith('deadline') ? deadlinePayload : promisePayload, t);
        expect(s, kind).toContain('TS202611220001');
        expect(s, kind).not.toMatch(/\{\{|notifications\./);
      }
    }
  });

  it('an unknown kind or a thin payload still says something', () => {
    expect(text('escalated', { number: 'TS1' }, zh)).toBe('TS1：escalated');
    expect(text('deadline_breached', {}, zh)).toBe('— 的时限已超时（— 截止）');
    expect(text('deadline_breached', { number: 'TS1', deadlineKind: 'future_kind', dueAt: DUE }, zh)).toBe(
      'TS1 的future_kind已超时（11-25 18:00 截止）',
    );
  });
});

describe('notificationTone', () => {
  it('late is an error, soon a warning, a window opening is news', () => {
    expect(notificationTone('deadline_breached')).toBe('error');
    expect(notificationTone('commitment_overdue')).toBe('error');
    expect(notificationTone('deadline_at_risk')).toBe('warning');
    expect(notificationTone('commitment_due_soon')).toBe('warning');
    expect(notificationTone('customer_window_open')).toBe('info');
    expect(notificationTone('anything')).toBe('info');
  });
});
