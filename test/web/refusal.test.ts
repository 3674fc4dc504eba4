// explainRefusal: every reason the server gives, as the sentence an agent reads (real dictionaries).
import { beforeAll, describe, expect, it } from 'vitest';
import { type ComplaintSnapshot, decideTransition } from '../../src/domain/complaint-lifecycle.ts';
import { ERROR_CODES } from '../../src/domain/errors.ts';
import { reasonRefusal } from '../../src/domain/escalation.ts';
import type { ComplaintAction } from '../../src/domain/vocabulary.ts';
import { type ExplainContext, explainRefusal, type RefusalLike } from '../../web/src/lib/refusal.ts';
import { makeI18n, type Translate, translator } from './i18n-fixture.ts';

let zh: Translate;
let en: Translate;
beforeAll(async () => {
  zh = translator(await makeI18n('zh-CN'));
  en = translator(await makeI18n('en-US'));
});

const DEMANDS = [
  { id: 'd1', position: 1, description: '退还多扣的 30 元' },
  { id: 'd2', position: 2, description: '书面道歉' },
  { id: 'd3', position: 3, description: '处理装维人员' },
];

function ctx(t: Translate, action?: ComplaintAction): ExplainContext {
  return {
    action,
    actionLabel: action ? t(`actions.${action}`) : '',
    demands: DEMANDS,
    statusLabel: (s) => t(`status.${s}`),
    severityLabel: (s) => t(`severity.${s}`),
  };
}

/** The refusal the server really sends for `action` on this complaint. */
function serverRefusal(c: Partial<ComplaintSnapshot>, action: ComplaintAction, extra = {}): RefusalLike {
  const decision = decideTransition(
    { status: 'new', severity: 'normal', confirmed: true, summary: null, demands: [], analysed: true, ...c },
    { action, ...extra } as Parameters<typeof decideTransition>[1],
  );
  if (decision.ok) throw new Error(`expected ${action} to be refused`);
  return decision.refusal;
}

describe('close before resolving: the state machine and every close guard', () => {
  const refusal = () =>
    serverRefusal(
      {
        status: 'in_progress',
        severity: 'major',
        demands: [
          { id: 'd1', status: 'open', customerInformed: false },
          { id: 'd2', status: 'declined', customerInformed: false },
          { id: 'd3', status: 'open', customerInformed: false },
        ],
      },
      'close',
    );

  it('lists the transition first, then the open and uninformed demands, then the summary (zh-CN)', () => {
    const r = refusal();
    expect(r.code).toBe('INVALID_TRANSITION');
    expect(explainRefusal(r, ctx(zh, 'close'), zh)).toEqual([
      { text: '投诉需要先办结，才能结案。', items: [] },
      {
        text: '还有 2 项诉求未答复（既未满足也未婉拒）：',
        items: ['1. 退还多扣的 30 元', '3. 处理装维人员'],
      },
      { text: '还有 1 项已婉拒的诉求没有告知客户：', items: ['2. 书面道歉'] },
      { text: '重大投诉结案必须填写总结。', items: [] },
    ]);
  });

  it('reads the same in English', () => {
    expect(explainRefusal(refusal(), ctx(en, 'close'), en).map((l) => l.text)).toEqual([
      'The complaint must be resolved before it is closed.',
      '2 demand(s) are still open (neither fulfilled nor declined):',
      '1 declined demand(s) have not been explained to the customer:',
      'A Major complaint is closed with a written summary.',
    ]);
  });

  it('says only "resolve it first" when no guard would fail', () => {
    const r = serverRefusal(
      { status: 'accepted', demands: [{ id: 'd1', status: 'fulfilled', customerInformed: true }] },
      'close',
    );
    expect(explainRefusal(r, ctx(zh, 'close'), zh)).toEqual([
      { text: '投诉需要先办结，才能结案。', items: [] },
    ]);
  });

  it('a crisis complaint with no summary names its severity', () => {
    const r = serverRefusal(
      {
        status: 'resolved',
        severity: 'crisis',
        demands: [{ id: 'd1', status: 'fulfilled', customerInformed: true }],
      },
      'close',
    );
    expect(explainRefusal(r, ctx(zh, 'close'), zh)).toEqual([
      { text: '危机投诉结案必须填写总结。', items: [] },
    ]);
  });
});

describe('INVALID_TRANSITION names the status and the action', () => {
  it.each<[string, ComplaintAction | undefined, string]>([
    ['closed', 'close', '当前状态为“已结案”，不能结案。'],
    ['new', 'reopen', '当前状态为“待受理”，不能重开。'],
    ['in_progress', 'start', '当前状态为“处理中”，不能开始处理。'],
    ['resolved', 'accept', '当前状态为“已办结”，不能受理。'],
  ])('status %s, action %s', (status, action, text) => {
    const r = { code: 'INVALID_TRANSITION', details: { status } };
    expect(explainRefusal(r, ctx(zh, action), zh)).toEqual([{ text, items: [] }]);
  });

  it('uses the server refusal for reopen on a new complaint', () => {
    const r = serverRefusal({ status: 'new' }, 'reopen', { reason: '客户再次来电' });
    expect(explainRefusal(r, ctx(zh, 'reopen'), zh)).toEqual([
      { text: '当前状态为“待受理”，不能重开。', items: [] },
    ]);
  });
});

describe('guards of other actions', () => {
  it('accept without demands and without read-back gives two lines', () => {
    const r = serverRefusal({ status: 'new', confirmed: false, demands: [] }, 'accept');
    expect(explainRefusal(r, ctx(zh, 'accept'), zh)).toEqual([
      { text: '至少要记录一项客户诉求。', items: [] },
      { text: '需要先向客户复述记录并获得确认。', items: [] },
    ]);
  });

  it('resolve with an open demand lists it', () => {
    const r = serverRefusal(
      { status: 'in_progress', demands: [{ id: 'd2', status: 'open', customerInformed: false }] },
      'resolve',
    );
    expect(explainRefusal(r, ctx(zh, 'resolve'), zh)).toEqual([
      { text: '还有 1 项诉求未答复（既未满足也未婉拒）：', items: ['2. 书面道歉'] },
    ]);
  });

  it('withdraw without a reason', () => {
    const r = serverRefusal({ status: 'accepted' }, 'withdraw', { reason: '  ' });
    expect(explainRefusal(r, ctx(zh, 'withdraw'), zh)).toEqual([{ text: '需要填写原因。', items: [] }]);
  });
});

describe('demand references', () => {
  it('an id the page does not know is shown as the id; non-string ids are dropped', () => {
    const r = { code: 'DEMANDS_OPEN', details: { demandIds: ['d3', 'gone', 42, null] } };
    expect(explainRefusal(r, ctx(zh), zh)).toEqual([
      { text: '还有 2 项诉求未答复（既未满足也未婉拒）：', items: ['3. 处理装维人员', 'gone'] },
    ]);
  });

  it('missing or malformed demandIds give no items and a count of 0', () => {
    for (const details of [undefined, {}, { demandIds: 'd1' }]) {
      expect(explainRefusal({ code: 'DEMANDS_NOT_INFORMED', details }, ctx(zh), zh)).toEqual([
        { text: '还有 0 项已婉拒的诉求没有告知客户：', items: [] },
      ]);
    }
  });
});

describe('codes without details', () => {
  it.each([
    ['NO_DEMANDS', '至少要记录一项客户诉求。'],
    ['NOT_CONFIRMED', '需要先向客户复述记录并获得确认。'],
    ['REASON_REQUIRED', '需要填写原因。'],
    ['COMPLAINT_CLOSED', '投诉已结案，不能再修改。'],
    ['DEMAND_LOCKED', '投诉已办结，诉求结果已锁定。'],
    ['OWNER_FIXED', '首问负责人在受理时确定，不能更改。'],
    ['FORBIDDEN', '您的角色无权执行此操作。'],
    ['NOT_FOUND', '找不到该记录，或您无权查看。'],
    ['RATE_LIMITED', '操作过于频繁，请稍后再试。'],
    ['NETWORK', '无法连接服务器，请检查网络后重试。'],
  ])('%s', (code, text) => {
    expect(explainRefusal({ code, message: 'ignored' }, ctx(zh), zh)).toEqual([{ text, items: [] }]);
  });

  it.each<[RefusalLike, string]>([
    [{ code: 'STALE_VERSION', message: 'version 3 is stale' }, '服务器拒绝了操作：version 3 is stale'],
    [{ code: 'TEAPOT' }, '服务器拒绝了操作：TEAPOT'],
    [{ message: 'no code at all' }, '服务器拒绝了操作：no code at all'],
    [{}, '服务器拒绝了操作：'],
  ])('unknown code %j falls back to the message', (r, text) => {
    expect(explainRefusal(r, ctx(zh), zh)).toEqual([{ text, items: [] }]);
  });

  it('every server error code reads as a sentence, never as a dictionary key', () => {
    for (const lang of [zh, en]) {
      for (const code of ERROR_CODES) {
        const lines = explainRefusal({ code, message: 'm', details: {} }, ctx(lang, 'close'), lang);
        expect(lines).toHaveLength(1);
        expect(lines[0]?.text, code).not.toMatch(/refusal\.|^\s*$/);
      }
    }
  });
});

describe('VALIDATION_FAILED', () => {
  it('lists every issue as "field: message"', () => {
    const r = {
      code: 'VALIDATION_FAILED',
      details: {
        issues: [
          { field: 'resolution', message: 'required when status is declined' },
          { field: 'customerInformed', message: 'only for a fulfilled or declined demand' },
        ],
      },
    };
    expect(explainRefusal(r, ctx(zh), zh)).toEqual([
      {
        text: '填写的内容有误：',
        items: [
          'resolution: required when status is declined',
          'customerInformed: only for a fulfilled or declined demand',
        ],
      },
    ]);
  });

  it('without issues there are no items', () => {
    expect(explainRefusal({ code: 'VALIDATION_FAILED' }, ctx(en), en)).toEqual([
      { text: 'Some input is not valid:', items: [] },
    ]);
  });
});

describe('the primary refusal and its violations', () => {
  it('comes first when it is not among the violations', () => {
    const r = {
      code: 'DEMAND_LOCKED',
      details: { violations: [{ code: 'DEMANDS_OPEN', details: { demandIds: ['d1'] } }] },
    };
    expect(explainRefusal(r, ctx(zh), zh)).toEqual([
      { text: '投诉已办结，诉求结果已锁定。', items: [] },
      { text: '还有 1 项诉求未答复（既未满足也未婉拒）：', items: ['1. 退还多扣的 30 元'] },
    ]);
  });

  it('is not repeated when it is the first violation', () => {
    const first = { code: 'NO_DEMANDS' };
    const r = { ...first, details: { violations: [first, { code: 'NOT_CONFIRMED' }] } };
    expect(explainRefusal(r, ctx(zh), zh).map((l) => l.text)).toEqual([
      '至少要记录一项客户诉求。',
      '需要先向客户复述记录并获得确认。',
    ]);
  });

  it('ignores entries of violations that are not refusals', () => {
    const r = { code: 'FORBIDDEN', details: { violations: ['x', null, 3, { message: 'no code' }] } };
    expect(explainRefusal(r, ctx(zh), zh)).toEqual([{ text: '您的角色无权执行此操作。', items: [] }]);
  });

  it('does not modify the refusal it explains', () => {
    const violations = [{ code: 'NOT_CONFIRMED' }];
    const r = { code: 'FORBIDDEN', details: { violations } };
    explainRefusal(r, ctx(zh), zh);
    expect(r.details.violations).toEqual([{ code: 'NOT_CONFIRMED' }]);
  });
});

describe('COMMITMENTS_OPEN names the open promises, like open demands', () => {
  const COMMITMENTS = [
    { id: 'k1', description: '三个工作日内回电', dueAt: '2026-11-25T10:00:00.000Z' },
    { id: 'k2', description: '寄送发票复印件' },
  ];
  const withPromises = (t: Translate): ExplainContext => ({
    ...ctx(t, 'close'),
    commitments: COMMITMENTS,
    formatTime: (iso) => `T${iso.slice(5, 10)}`,
  });

  it('the server refusal of a resolved complaint with two open promises', () => {
    const r = serverRefusal(
      {
        status: 'resolved',
        demands: [{ id: 'd1', status: 'fulfilled', customerInformed: true }],
        openCommitmentIds: ['k1', 'k2'],
      },
      'close',
    );
    expect(r.code).toBe('COMMITMENTS_OPEN');
    expect(explainRefusal(r, withPromises(zh), zh)).toEqual([
      {
        text: '还有 2 项对客户的承诺没有完成（请履行，或说明原因后取消）：',
        items: ['三个工作日内回电（T11-25 前）', '寄送发票复印件'],
      },
    ]);
    expect(explainRefusal(r, withPromises(en), en)[0]?.items).toEqual([
      '三个工作日内回电 (by T11-25)',
      '寄送发票复印件',
    ]);
  });

  it('among the other close guards, and an unknown id is shown as is', () => {
    const r = serverRefusal(
      {
        status: 'in_progress',
        demands: [{ id: 'd1', status: 'open', customerInformed: false }],
        openCommitmentIds: ['k9'],
      },
      'close',
    );
    const lines = explainRefusal(r, withPromises(zh), zh);
    expect(lines.map((l) => l.text)).toContain('还有 1 项对客户的承诺没有完成（请履行，或说明原因后取消）：');
    expect(lines.find((l) => l.text.includes('承诺'))?.items).toEqual(['k9']);
  });

  it('pausing twice and resuming what is not paused read as sentences', () => {
    expect(explainRefusal({ code: 'ALREADY_PAUSED' }, ctx(zh), zh)[0]?.text).toBe(
      '投诉已在等待客户，计时已经暂停。',
    );
    expect(explainRefusal({ code: 'NOT_PAUSED' }, ctx(en), en)[0]?.text).toBe('The complaint is not paused.');
    expect(explainRefusal({ code: 'COMMITMENT_CLOSED' }, ctx(zh), zh)[0]?.text).toBe(
      '这项承诺已经履行或取消。',
    );
  });
});

describe('issue 5 refusals: escalation, work orders, compensation', () => {
  it('a skill problem is explained with the advice, from the server’s own refusal', () => {
    const r = reasonRefusal('不会处理国际漫游');
    expect(r?.details?.skillProblem).toBe(true);
    const lines = explainRefusal(r as RefusalLike, ctx(zh), zh);
    expect(lines[0]?.text).toContain('不是升级理由');
    expect(lines[0]?.items).toEqual(['请教同事或专家席', '查阅知识库']);
    expect(explainRefusal(r as RefusalLike, ctx(en), en)[0]?.items).toEqual([
      'Ask a colleague or a specialist',
      'Look in the knowledge base',
    ]);
  });

  it('any other reason lists the five', () => {
    const lines = explainRefusal(reasonRefusal('客户很烦') as RefusalLike, ctx(zh), zh);
    expect(lines).toEqual([
      { text: '升级只能选择五种理由之一：超出权限、超出资源、客户坚持、重大风险、时限已超时。', items: [] },
    ]);
  });

  it('open work orders and pending compensations are named from the labels', () => {
    const labels = new Map([
      ['w1', '计费中心：核实 10 月扣费'],
      ['c1', '账户抵扣 ¥80.00 · 退还多扣的 30 元'],
    ]);
    const wo = { code: 'WORK_ORDERS_OPEN', details: { workOrderIds: ['w1', 'w2'] } };
    expect(explainRefusal(wo, { ...ctx(zh, 'close'), labels }, zh)).toEqual([
      {
        text: '还有 2 张部门工单没有完成（等待答复，或说明原因后取消）：',
        items: ['计费中心：核实 10 月扣费', 'w2'],
      },
    ]);
    const comp = { code: 'COMPENSATION_PENDING', details: { compensationIds: ['c1'] } };
    expect(explainRefusal(comp, { ...ctx(zh), labels }, zh)[0]?.items).toEqual([
      '账户抵扣 ¥80.00 · 退还多扣的 30 元',
    ]);
  });
});
