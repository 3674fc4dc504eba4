// Notifications in words, from the payload the timer engine stores (src/jobs/timer-engine.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { chinaShort } from '../../web/src/lib/china-time.ts';
import {
  NOTIFICATION_KINDS,
  notificationPath,
  notificationText,
  notificationTone,
} from '../../web/src/lib/notifications.ts';
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
        const payload = kind.startsWith('deadline')
          ? deadlinePayload
          : kind === 'report_alert'
            ? { ...promisePayload, alertKind: 'new_product', subject: '5G畅享套餐', productKind: 'tariff' }
            : promisePayload;
        const s = text(kind, payload, t);
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

describe('issue 5 notifications', () => {
  const N = 'TS202611220001';
  it.each<[string, Record<string, unknown>, string, string]>([
    [
      'complaint_escalated',
      { number: N, reason: 'beyond_authority', toLevel: 2 },
      `${N} 已升级到专家席：超出本级权限`,
      `${N} escalated to Specialists: Beyond our authority`,
    ],
    [
      'complaint_escalated',
      { number: N, reason: 'deadline_breached', toLevel: 3, automatic: true },
      `${N} 已升级到班长/主管（自动）：处理时限已超时`,
      `${N} escalated to Supervisors (automatic): Deadline breached`,
    ],
    [
      'complaint_returned',
      { number: N, instructions: '按政策退费' },
      `${N} 已退回：按政策退费`,
      `${N} handed back: 按政策退费`,
    ],
    [
      'complaint_taken_over',
      { number: N, by: '周建国' },
      `${N} 已由 周建国 接管`,
      `${N} taken over by 周建国`,
    ],
    [
      'difficult_caller',
      { number: N, by: '王芳', reason: '辱骂' },
      `${N}：王芳 标记了难缠来电（辱骂），可以接管`,
      `${N}: 王芳 flagged a difficult caller (辱骂); you can take over`,
    ],
    [
      'work_order_overdue',
      { number: N, department: '计费中心', dueAt: DUE },
      `${N}：计费中心的工单已超时（11-25 18:00 截止）`,
      `${N}: 计费中心's work order is overdue (due 11-25 18:00)`,
    ],
    [
      'work_order_bounced',
      { number: N, passCount: 3, from: '计费中心', to: '物流部' },
      `${N}：工单已被转交 3 次（计费中心 → 物流部），请关注`,
      `${N}: work order passed on 3 times (计费中心 → 物流部)`,
    ],
    [
      'work_order_answered',
      { number: N, department: '计费中心', outcome: 'verified', dueAt: DUE },
      `${N}：计费中心已答复工单（已核实）`,
      `${N}: 计费中心 answered the work order (Facts verified)`,
    ],
    [
      'work_order_answered',
      {
        number: N,
        department: '计费中心',
        outcome: 'more_time',
        dueAt: DUE,
        requestedDueAt: '2026-11-26T10:00:00.000Z',
      },
      `${N}：计费中心申请把工单延期到 11-26 18:00，请决定是否同意`,
      `${N}: 计费中心 asks for more time until 11-26 18:00; accept or decline`,
    ],
    [
      'compensation_approval_needed',
      { number: N, type: 'refund', amount: '80.00', requestedBy: '王芳' },
      `${N}：王芳 申请退款 ¥80.00，等待您审批`,
      `${N}: 王芳 asks for Refund ¥80.00, awaiting your approval`,
    ],
    [
      'compensation_decided',
      { number: N, approved: true, type: 'bill_credit', amount: '80.00', decidedBy: '周建国' },
      `${N}：账户抵扣 ¥80.00 已由 周建国 批准`,
      `${N}: Bill credit ¥80.00 approved by 周建国`,
    ],
    [
      'compensation_decided',
      { number: N, approved: false, type: 'gift', amount: '80.00', decidedBy: '周建国' },
      `${N}：赠送礼品 ¥80.00 未获 周建国 批准`,
      `${N}: Gift ¥80.00 refused by 周建国`,
    ],
  ])('%s', (kind, payload, zhText, enText) => {
    expect(text(kind, payload, zh)).toBe(zhText);
    expect(text(kind, payload, en)).toBe(enText);
  });

  it('tones: bounced, overdue and abusive are errors; a decision to make is a warning', () => {
    expect(notificationTone('work_order_bounced')).toBe('error');
    expect(notificationTone('work_order_overdue')).toBe('error');
    expect(notificationTone('difficult_caller')).toBe('error');
    expect(notificationTone('compensation_approval_needed')).toBe('warning');
    expect(notificationTone('complaint_escalated')).toBe('info');
  });

  it('where a click leads', () => {
    const n = (kind: string, complaintId: string | null, subjectId: string | null = 's1') => ({
      kind,
      complaintId,
      subjectId,
    });
    expect(notificationPath(n('deadline_breached', 'c1'), 'agent')).toBe('/complaints/c1');
    expect(notificationPath(n('compensation_approval_needed', 'c1'), 'supervisor')).toBe('/approvals');
    expect(notificationPath(n('compensation_approval_needed', 'c1'), 'agent')).toBe('/complaints/c1');
    expect(notificationPath(n('work_order_overdue', null, 'w1'), 'department')).toBe('/work-orders?open=w1');
    expect(notificationPath(n('work_order_bounced', null, 'w1'), 'supervisor')).toBe('/work-orders?open=w1');
    expect(notificationPath(n('work_order_answered', 'c1', 'w1'), 'agent')).toBe('/complaints/c1');
    expect(notificationPath(n('other', null, null), 'agent')).toBeNull();
  });
});

describe('early-warning alerts (report_alert)', () => {
  const spike = {
    alertKind: 'volume_spike',
    subject: '不明扣费',
    day: '2026-03-09',
    observed: 12,
    expected: 1.04,
    threshold: 6,
  };
  const first = {
    alertKind: 'new_product',
    subject: '5G畅享套餐',
    productKind: 'tariff',
    number: 'TS202603150001',
  };

  it('a volume spike in words', () => {
    expect(text('report_alert', spike, zh)).toBe('预警：不明扣费 03-09 收到 12 件投诉，平时每天约 1 件');
    expect(text('report_alert', spike, en)).toBe(
      'Alert: 不明扣费 received 12 complaints on 03-09, usually about 1 a day',
    );
    expect(text('report_alert', { ...spike, expected: 3.46 }, zh)).toContain('平时每天约 3.5 件');
  });

  it("a new product's first complaint in words", () => {
    expect(text('report_alert', first, zh)).toBe(
      '新资费「5G畅享套餐」首次被投诉（TS202603150001），请立即研究并统一口径',
    );
    expect(text('report_alert', first, en)).toBe(
      'First complaint about the new tariff “5G畅享套餐” (TS202603150001): study it and agree a unified answer',
    );
  });

  it('reads as a warning and leads to the alerts page', () => {
    expect(notificationTone('report_alert')).toBe('warning');
    for (const role of ['supervisor', 'analyst']) {
      expect(notificationPath({ kind: 'report_alert', complaintId: null, subjectId: 'a1' }, role)).toBe(
        '/alerts',
      );
      expect(notificationPath({ kind: 'report_alert', complaintId: 'c1', subjectId: 'a1' }, role)).toBe(
        '/alerts',
      );
    }
  });
});
