// Timeline entries in words: field labels, translated values, names for ids, truncation, actions.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CHANNELS,
  COMPLAINT_STATUSES,
  CONTACT_DIRECTIONS,
  CONTACT_OUTCOMES,
  CONTACT_PURPOSES,
  CUSTOMER_MOTIVES,
  CUSTOMER_TYPES,
  DEMAND_STATUSES,
  DEMAND_TYPES,
  DISSATISFACTION_LEVELS,
  RESOLUTION_CLASSES,
  SEVERITIES,
} from '../../src/domain/vocabulary.ts';
import { actionLabel, describeChanges } from '../../web/src/lib/timeline.ts';
import { makeI18n, type Translate, translator } from './i18n-fixture.ts';

let zh: Translate;
let en: Translate;
beforeAll(async () => {
  zh = translator(await makeI18n('zh-CN'));
  en = translator(await makeI18n('en-US'));
});

const NAMES = new Map([
  ['u1', '王芳'],
  ['u2', '李强'],
  ['cat-1', '资费与计费 / 不明扣费'],
  ['cat-2', '网络质量 / 宽带断网'],
  ['new', '不应使用的名字'],
]);

const one = (entity: string, key: string, before: unknown, after: unknown, t: Translate = zh) =>
  describeChanges(entity, { [key]: before }, { [key]: after }, t, { names: NAMES });

describe('describeChanges: one field at a time (zh-CN)', () => {
  it.each<[string, string, unknown, unknown, string, string, string]>([
    ['complaint', 'status', 'accepted', 'in_progress', '状态', '已受理', '处理中'],
    ['complaint', 'status', 'new', 'closed', '状态', '待受理', '已结案'],
    ['complaint', 'severity', 'normal', 'crisis', '严重程度', '一般', '危机'],
    ['complaint', 'customer_type', null, 'malicious_claim', '客户类型', '—', '恶意索赔型'],
    ['complaint', 'customer_motive', 'rational', 'victim', '投诉动机', '理智型', '受害型'],
    ['complaint', 'dissatisfaction', 'grumbling', 'leaving', '不满程度', '抱怨', '欲离网/销户'],
    ['complaint', 'resolution_class', null, 'short_term', '问题分类', '—', '短期内可解决'],
    ['complaint', 'resolutionClass', 'immediate', 'not_now', '问题分类', '可立即解决', '暂时无法解决'],
    ['complaint', 'confirmed', false, true, '复述确认（确认）', '否', '是'],
    ['complaint', 'category_id', 'cat-1', 'cat-2', '分类', '资费与计费 / 不明扣费', '网络质量 / 宽带断网'],
    ['complaint', 'category_id', null, 'cat-unknown', '分类', '—', 'cat-unknown'],
    ['complaint', 'handlerId', 'u1', 'u2', '当前处理人', '王芳', '李强'],
    ['complaint', 'product', '', '家庭宽带', '产品/业务', '—', '家庭宽带'],
    ['complaint', 'verified_facts', null, '核实：多扣 30 元', '核实的事实', '—', '核实：多扣 30 元'],
    ['complaint', 'summary', undefined, '已退费并道歉', '总结', '—', '已退费并道歉'],
    ['complaint', 'description', '旧', '新', '投诉内容', '旧', '新'],
    ['demand', 'status', 'open', 'declined', '答复', '待答复', '已婉拒'],
    ['demand', 'status', 'open', 'fulfilled', '答复', '待答复', '已满足'],
    ['demand', 'type', 'refund', 'compensation', '类型', '退款', '补偿'],
    ['demand', 'description', '退钱', '退还多扣的 30 元', '诉求内容', '退钱', '退还多扣的 30 元'],
    ['demand', 'resolution', null, '不符合补偿政策', '处理结果/答复内容', '—', '不符合补偿政策'],
    ['demand', 'customerInformed', false, true, '已告知客户', '否', '是'],
    ['demand', 'customer_informed', true, false, '已告知客户', '是', '否'],
    ['contact', 'purpose', 'clarify', 'inform_result', '联系目的', '了解真实诉求', '告知结果'],
    ['contact', 'outcome', 'no_answer', 'reached', '结果', '无人接听', '已接通'],
    ['contact', 'direction', 'inbound', 'outbound', '方向', '呼入', '呼出'],
    ['contact', 'channel', 'phone_in', 'wechat', '渠道', '来电', '微信'],
    ['contact', 'notes', '', '客户同意', '沟通内容', '—', '客户同意'],
    ['complaint', 'foo', 0, 1, 'foo', '0', '1'],
    ['complaint', 'foo', [1, 2], { a: '甲' }, 'foo', '[1,2]', '{"a":"甲"}'],
  ])('%s %s: %j → %j', (entity, key, before, after, field, b, a) => {
    expect(one(entity, key, before, after)).toEqual([{ field, before: b, after: a }]);
  });

  it('a complaint status uses the complaint vocabulary, a demand status the demand one', () => {
    expect(one('complaint', 'status', 'resolved', 'closed')[0]?.after).toBe('已结案');
    expect(one('demand', 'status', 'fulfilled', 'declined')[0]?.after).toBe('已婉拒');
    expect(one('contact', 'status', 'new', 'accepted')[0]).toEqual({
      field: '状态',
      before: '待受理',
      after: '已受理',
    });
  });

  it('translated values are never replaced by a name from the map', () => {
    expect(one('complaint', 'status', 'closed', 'new')[0]?.after).toBe('待受理');
  });
});

describe('describeChanges: whole events as the server records them', () => {
  it('a transfer: handler by name, the reason new', () => {
    expect(
      describeChanges('complaint', { handlerId: 'u1' }, { handlerId: 'u2', reason: '王芳休假' }, zh, {
        names: NAMES,
      }),
    ).toEqual([
      { field: '当前处理人', before: '王芳', after: '李强' },
      { field: '原因', before: null, after: '王芳休假' },
    ]);
  });

  it('an acceptance names the owner, the handler and the team', () => {
    expect(
      describeChanges(
        'complaint',
        { status: 'new', owner_id: null, handler_id: null, team: null },
        { status: 'accepted', owner_id: 'u1', handler_id: 'u1', team: '投诉一组', confirmed: true },
        zh,
        { names: NAMES },
      ),
    ).toEqual([
      { field: '状态', before: '待受理', after: '已受理' },
      { field: '首问负责人', before: '—', after: '王芳' },
      { field: '当前处理人', before: '—', after: '王芳' },
      { field: '班组', before: '—', after: '投诉一组' },
      { field: '复述确认（确认）', before: null, after: '是' },
    ]);
  });

  it('a withdrawal: how it was closed', () => {
    expect(
      describeChanges(
        'complaint',
        { status: 'accepted', close_reason: null },
        { status: 'closed', close_reason: 'withdrawn' },
        zh,
      ),
    ).toEqual([
      { field: '状态', before: '已受理', after: '已结案' },
      { field: '结案方式', before: '—', after: '客户撤诉' },
    ]);
  });

  it('a reopening counts the reopenings', () => {
    expect(describeChanges('complaint', { reopen_count: 0 }, { reopen_count: 1 }, zh)).toEqual([
      { field: '重开次数', before: '0', after: '1' },
    ]);
  });

  it('a demand declined and explained, in English', () => {
    expect(
      describeChanges(
        'demand',
        { status: 'open', resolution: null, customerInformed: false },
        { status: 'declined', resolution: 'Outside the goodwill policy', customerInformed: true },
        en,
      ),
    ).toEqual([
      { field: 'Answer', before: 'Open', after: 'Declined' },
      { field: 'Resolution or reply', before: '—', after: 'Outside the goodwill policy' },
      { field: 'Customer informed', before: 'No', after: 'Yes' },
    ]);
  });

  it('a contact logged has no before values, in the order recorded', () => {
    expect(
      describeChanges(
        'contact',
        null,
        { direction: 'outbound', channel: 'phone_out', purpose: 'inform_result', outcome: 'reached' },
        zh,
      ),
    ).toEqual([
      { field: '方向', before: null, after: '呼出' },
      { field: '渠道', before: null, after: '外呼' },
      { field: '联系目的', before: null, after: '告知结果' },
      { field: '结果', before: null, after: '已接通' },
    ]);
  });

  it('only the keys of after are described', () => {
    expect(
      describeChanges('complaint', { status: 'new', product: 'x' }, { status: 'accepted' }, zh),
    ).toHaveLength(1);
  });

  it.each([null, undefined, 'text', 42, ['status']])('after %j describes nothing', (after) => {
    expect(describeChanges('complaint', { status: 'new' }, after, zh)).toEqual([]);
  });

  it.each([null, undefined, 'text', [1]])('before %j gives no before values', (before) => {
    expect(describeChanges('complaint', before, { product: '宽带' }, zh)).toEqual([
      { field: '产品/业务', before: null, after: '宽带' },
    ]);
  });

  it('works without a names map', () => {
    expect(describeChanges('complaint', {}, { handlerId: 'u1' }, zh)).toEqual([
      { field: '当前处理人', before: null, after: 'u1' },
    ]);
  });
});

describe('describeChanges: long values', () => {
  it.each([
    ['a'.repeat(80), 'a'.repeat(80)],
    ['a'.repeat(81), `${'a'.repeat(80)}…`],
    ['断'.repeat(200), `${'断'.repeat(80)}…`],
  ])('a value of %#', (value, shown) => {
    expect(one('complaint', 'description', null, value)[0]?.after).toBe(shown);
  });

  it('a name from the map is not cut', () => {
    const long = '很长的分类名'.repeat(20);
    expect(
      describeChanges('complaint', {}, { category_id: 'c' }, zh, { names: new Map([['c', long]]) })[0]?.after,
    ).toBe(long);
  });
});

describe('every recorded field and value has words in both languages', () => {
  const FIELDS = [
    'status severity description verified_facts category_id product customer_type customer_motive ',
    'dissatisfaction resolution_class resolutionClass summary confirmed reason handlerId ',
    'handler_id ownerId owner_id team close_reason closeReason withdraw_reason reopen_count ',
    'type resolution customerInformed customer_informed purpose outcome direction channel ',
    'notes',
  ]
    .join('')
    .split(' ');
  const VALUES: [string, string, readonly string[]][] = [
    ['complaint', 'status', COMPLAINT_STATUSES],
    ['complaint', 'severity', SEVERITIES],
    ['complaint', 'customer_type', CUSTOMER_TYPES],
    ['complaint', 'customer_motive', CUSTOMER_MOTIVES],
    ['complaint', 'dissatisfaction', DISSATISFACTION_LEVELS],
    ['complaint', 'resolution_class', RESOLUTION_CLASSES],
    ['demand', 'status', DEMAND_STATUSES],
    ['demand', 'type', DEMAND_TYPES],
    ['contact', 'purpose', CONTACT_PURPOSES],
    ['contact', 'outcome', CONTACT_OUTCOMES],
    ['contact', 'direction', CONTACT_DIRECTIONS],
    ['contact', 'channel', CHANNELS],
    ['complaint', 'close_reason', ['completed', 'withdrawn']],
  ];

  it.each(['zh-CN', 'en-US'])('%s', (lang) => {
    const t = lang === 'zh-CN' ? zh : en;
    for (const entity of ['complaint', 'demand']) {
      for (const key of FIELDS) {
        const [change] = describeChanges(entity, {}, { [key]: 'x' }, t);
        expect(change?.field, `${entity}.${key}`).not.toMatch(/^$|^[\w.]+\.[\w.]+$/);
        expect(change?.field).not.toBe(key);
      }
    }
    for (const [entity, key, values] of VALUES) {
      for (const v of values) {
        const after = describeChanges(entity, {}, { [key]: v }, t)[0]?.after;
        expect(after, `${entity} ${key}=${v}`).not.toMatch(/^$|\./);
        expect(after).not.toBe(v);
      }
    }
  });
});

describe('actionLabel', () => {
  it.each([
    ['complaint.created', '登记投诉', 'Registered'],
    ['complaint.accept', '受理', 'Accepted'],
    ['complaint.start', '开始处理', 'Started'],
    ['complaint.resolve', '办结', 'Resolved'],
    ['complaint.close', '结案', 'Closed'],
    ['complaint.reopen', '重开', 'Reopened'],
    ['complaint.withdraw', '撤诉', 'Withdrawn'],
    ['complaint.updated', '修改投诉信息', 'Details changed'],
    ['complaint.transferred', '转派', 'Transferred'],
    ['demand.added', '添加诉求', 'Demand added'],
    ['demand.updated', '更新诉求', 'Demand updated'],
    ['contact.logged', '记录联系', 'Contact logged'],
    ['complaint.archived', 'complaint.archived', 'complaint.archived'],
    ['user.created', 'user.created', 'user.created'],
    ['complaint_accept', 'complaint_accept', 'complaint_accept'],
    ['other', 'other', 'other'],
    ['', '', ''],
  ])('%j → %s / %s', (action, zhLabel, enLabel) => {
    expect(actionLabel(action, zh)).toBe(zhLabel);
    expect(actionLabel(action, en)).toBe(enLabel);
  });
});

describe('describeChanges: reopen and withdrawal', () => {
  it('a withdrawal shows its reason once, under the withdrawal reason when it is the stored field', () => {
    const lines = describeChanges(
      'complaint',
      { status: 'accepted', close_reason: null, withdraw_reason: null },
      {
        status: 'closed',
        close_reason: 'withdrawn',
        withdraw_reason: '客户已自行解决',
        reason: '客户已自行解决',
      },
      zh,
    );
    expect(lines.map((l) => l.after).filter((a) => a === '客户已自行解决')).toHaveLength(1);
  });

  it('a reopen after a withdrawal tells the cleared withdrawal reason from the new reason', () => {
    const lines = describeChanges(
      'complaint',
      { status: 'closed', withdraw_reason: '客户已自行解决', closed_at: '2026-11-20T02:00:00.000Z' },
      { status: 'in_progress', withdraw_reason: null, closed_at: null, reason: '客户再次来电' },
      zh,
      { formatTime: (iso) => `T(${iso.slice(0, 10)})` },
    );
    expect(lines).toEqual([
      { field: '状态', before: '已结案', after: '处理中' },
      { field: '撤诉原因', before: '客户已自行解决', after: '—' },
      { field: '结案时间', before: 'T(2026-11-20)', after: '—' },
      { field: '原因', before: null, after: '客户再次来电' },
    ]);
  });

  it('a value outside the vocabulary is shown as sent, and an emoji is never cut in half', () => {
    expect(describeChanges('complaint', {}, { status: 'weird' }, zh)[0]?.after).toBe('weird');
    const long = `${'a'.repeat(79)}😀😀`;
    expect(describeChanges('complaint', {}, { product: long }, zh)[0]?.after).toBe(`${'a'.repeat(79)}😀…`);
  });
});

describe('deadline, promise and pause events', () => {
  const fmt = (iso: string) => `T(${iso.slice(5, 16)})`;
  const lines = (entity: string, before: unknown, after: unknown, t: Translate = zh) =>
    describeChanges(entity, before, after, t, { formatTime: fmt });

  it.each([
    ['deadline.set', { kind: 'reply' }, '答复时限开始计时', 'Reply started'],
    ['deadline.recomputed', { kind: 'resolution' }, '办结时限重新计算', 'Resolution recomputed'],
    ['deadline.met', { kind: 'first_contact' }, '首次联系时限已达成', 'First contact met'],
    ['deadline.cancelled', { kind: 'acceptance' }, '受理时限已取消', 'Acceptance cancelled'],
    ['deadline.paused', { kind: 'reply' }, '答复时限暂停', 'Reply paused'],
    ['deadline.resumed', { kind: 'reply' }, '答复时限恢复计时', 'Reply resumed'],
    ['deadline.reopened', { kind: 'resolution' }, '办结时限重新开始', 'Resolution restarted'],
    [
      'deadline.deferred',
      { kind: 'reply' },
      '答复时限应客户要求顺延',
      "Reply moved at the customer's request",
    ],
    ['deadline.warned', { kind: 'reply' }, '答复时限即将超时', 'Reply at risk'],
    ['deadline.breached', { kind: 'reply' }, '答复时限已超时', 'Reply breached'],
    [
      'deadline.escalation_requested',
      { kind: 'resolution', reason: 'deadline_breached' },
      '办结时限超时，申请升级',
      'Resolution breached: escalation requested',
    ],
    ['deadline.breached', null, '时限已超时', 'Time limit breached'],
    ['commitment.made', { kind: 'call_back' }, '记录对客户的承诺', 'Promise to the customer recorded'],
    ['commitment.fulfilled', {}, '承诺已履行', 'Promise kept'],
    ['commitment.cancelled', {}, '取消承诺', 'Promise cancelled'],
    ['commitment.reminded', {}, '承诺到期提醒', 'Promise reminder'],
    ['commitment.overdue', {}, '承诺已逾期', 'Promise overdue'],
    [
      'complaint.paused',
      { reason: '等客户补充发票' },
      '暂停计时（等待客户）',
      'Paused (waiting for the customer)',
    ],
    ['complaint.resumed', {}, '恢复计时', 'Resumed'],
  ])('%s → %s / %s', (action, after, zhLabel, enLabel) => {
    expect(actionLabel(action, zh, after)).toBe(zhLabel);
    expect(actionLabel(action, en, after)).toBe(enLabel);
  });

  it('deadline.set: the limit, policy and due time; the kind is in the title, provisional only when true', () => {
    const after = {
      kind: 'reply',
      policy: '一般投诉',
      target: { workingDays: 3 },
      dueAt: '2026-11-25T10:00:00.000Z',
      provisional: false,
    };
    expect(lines('deadline', null, after)).toEqual([
      { field: '截止时间', before: null, after: 'T(11-25T10:00)' },
      { field: '时限', before: null, after: '3个工作日' },
      { field: '时限策略', before: null, after: '一般投诉' },
    ]);
    expect(lines('deadline', null, { ...after, provisional: true }).at(-1)).toEqual({
      field: '暂定',
      before: null,
      after: '是',
    });
  });

  it('deadline.recomputed: an unchanged limit is no line; the due time before → after', () => {
    expect(
      lines(
        'deadline',
        { dueAt: '2026-11-25T10:00:00.000Z', policyId: 'p1', target: { workingDays: 3 } },
        {
          kind: 'reply',
          dueAt: '2026-11-26T10:00:00.000Z',
          policy: '重大投诉',
          target: { workingDays: 3 },
          provisional: false,
        },
      ),
    ).toEqual([
      { field: '截止时间', before: 'T(11-25T10:00)', after: 'T(11-26T10:00)' },
      { field: '时限策略', before: null, after: '重大投诉' },
    ]);
  });

  it('met late, cancelled on closing, resumed after a pause, in words', () => {
    expect(
      lines('deadline', null, {
        kind: 'reply',
        dueAt: '2026-11-25T10:00:00.000Z',
        metAt: '2026-11-25T11:00:00.000Z',
        late: true,
      }),
    ).toEqual([
      { field: '截止时间', before: null, after: 'T(11-25T10:00)' },
      { field: '达成时间', before: null, after: 'T(11-25T11:00)' },
      { field: '超时', before: null, after: '是' },
    ]);
    expect(
      lines(
        'deadline',
        { dueAt: '2026-11-25T10:00:00.000Z' },
        { kind: 'reply', reason: 'closed', breached: false },
      ),
    ).toEqual([{ field: '原因', before: null, after: '投诉已结案' }]);
    expect(
      lines(
        'deadline',
        { pausedAt: '2026-11-24T02:00:00.000Z' },
        { kind: 'reply', pausedMs: 2 * 3_600_000 },
        en,
      ),
    ).toEqual([{ field: 'Paused for', before: null, after: '2 h 0 min' }]);
  });

  it('commitment.made: source, kind, words, by when, and the wording findings by name', () => {
    expect(
      lines('commitment', null, {
        source: 'agent',
        kind: 'reply',
        description: '三个工作日内给您最终的答复和结果',
        notBefore: null,
        dueAt: '2026-11-25T10:00:00.000Z',
        wording: ['FINAL_RESULT_PROMISED'],
      }),
    ).toEqual([
      { field: '来源', before: null, after: '我方承诺' },
      { field: '类型', before: null, after: '答复' },
      { field: '承诺内容', before: null, after: '三个工作日内给您最终的答复和结果' },
      { field: '截止时间', before: null, after: 'T(11-25T10:00)' },
      { field: '用语提示', before: null, after: '承诺联系的时间，不要承诺在某个日期给出最终结果' },
    ]);
  });

  it('commitment kept by a contact, by hand, or cancelled', () => {
    expect(
      lines('commitment', { status: 'open' }, { status: 'fulfilled', contactId: 'c-1', late: false }),
    ).toEqual([
      { field: '状态', before: '未完成', after: '已履行' },
      { field: '履行方式', before: null, after: '联系记录（自动）' },
    ]);
    expect(
      lines('commitment', { status: 'open' }, { status: 'fulfilled', note: '发票已寄出', late: true }),
    ).toEqual([
      { field: '状态', before: '未完成', after: '已履行' },
      { field: '履行说明', before: null, after: '发票已寄出' },
      { field: '逾期履行', before: null, after: '是' },
    ]);
    expect(
      lines('commitment', { status: 'open' }, { status: 'cancelled', reason: '客户已来电' }, en),
    ).toEqual([
      { field: 'Status', before: 'Open', after: 'Cancelled' },
      { field: 'Reason', before: null, after: '客户已来电' },
    ]);
  });

  it('a pause shows its reason; the resume how long it lasted', () => {
    expect(lines('complaint', null, { reason: '等客户补充发票' })).toEqual([
      { field: '原因', before: null, after: '等客户补充发票' },
    ]);
    expect(
      lines('complaint', { pausedAt: '2026-11-24T02:00:00.000Z', reason: 'x' }, { pausedMs: 90 * 60_000 }),
    ).toEqual([{ field: '累计暂停', before: null, after: '1 小时 30 分' }]);
  });
});

describe('promise and deadline lines come in reading order, whatever order the database keeps', () => {
  it('commitment.made as stored by PostgreSQL (jsonb sorts keys by length)', () => {
    const stored = {
      kind: 'call_back',
      dueAt: '2026-11-24T09:00:00.000Z',
      source: 'agent',
      wording: [],
      notBefore: null,
      description: '明天下午五点前把发票寄出',
    };
    expect(describeChanges('commitment', null, stored, zh).map((l) => l.field)).toEqual([
      '来源',
      '类型',
      '承诺内容',
      '截止时间',
    ]);
  });
});

describe('issue 5: escalations, work orders and compensation in the timeline', () => {
  const fmt = { names: NAMES, formatTime: (iso: string) => `T(${iso.slice(11, 16)})` };
  const lines = (entity: string, before: unknown, after: unknown, t: Translate = zh) =>
    describeChanges(entity, before, after, t, fmt).map((l) =>
      l.before === null ? `${l.field}：${l.after}` : `${l.field}：${l.before} → ${l.after}`,
    );

  it('an escalation into the tier queue: tiers, handler, reason and note in words', () => {
    expect(
      lines(
        'escalation',
        { tierLevel: 1, handlerId: 'u1' },
        { tierLevel: 2, handlerId: null, reason: 'beyond_authority', note: '补偿超出权限' },
      ),
    ).toEqual([
      '层级：一线 → 专家席',
      '当前处理人：王芳 → 待领',
      '升级理由：超出本级权限',
      '说明：补偿超出权限',
    ]);
    expect(
      lines('escalation', { tierLevel: 1 }, { tierLevel: 2, reason: 'major_risk', automatic: true }, en),
    ).toEqual(['Tier：Front line → Specialists', 'Reason：Major or crisis risk', 'Automatic：Yes']);
  });

  it('an automatic escalation that kept its handler shows no handler line', () => {
    expect(
      lines(
        'escalation',
        { tierLevel: 2, handlerId: 'u2' },
        { tierLevel: 3, handlerId: 'u2', reason: 'deadline_breached', note: '办结时限超时', automatic: true },
      ),
    ).toEqual(['层级：专家席 → 班长/主管', '升级理由：处理时限已超时', '说明：办结时限超时', '自动升级：是']);
  });

  it('a hand-back and a review', () => {
    expect(
      lines(
        'escalation',
        { tierLevel: 2, handlerId: 'u2' },
        { tierLevel: 1, handlerId: 'u1', instructions: '按政策退费' },
      ),
    ).toEqual(['层级：专家席 → 一线', '当前处理人：李强 → 王芳', '处理指引：按政策退费']);
    expect(
      lines('escalation', undefined, {
        result: 'unjustified',
        comment: '本级可解决',
        reason: 'beyond_resources',
      }),
    ).toEqual(['升级理由：超出本级资源', '审核结果：升级不合理', '审核意见：本级可解决']);
  });

  it('a work order sent, answered with more time, passed on', () => {
    expect(
      lines('work_order', undefined, {
        departmentId: 'd1',
        department: '计费中心',
        request: '核实扣费',
        facts: null,
        attachments: 0,
        due: { workingDays: 2 },
        dueAt: '2026-11-25T10:00:00.000Z',
        provisional: false,
      }),
    ).toEqual(['部门：计费中心', '请求事项：核实扣费', '完成时限：T(10:00)']);
    expect(
      lines(
        'work_order',
        { status: 'open', dueAt: '2026-11-25T10:00:00.000Z' },
        { outcome: 'more_time', answer: '需调取话单', requestedDueAt: '2026-11-26T10:00:00.000Z' },
      ),
    ).toEqual(['答复结果：需要更多时间', '答复内容：需调取话单', '申请延至：T(10:00)']);
    expect(
      lines(
        'work_order',
        { departmentId: 'd1', department: '计费中心', dueAt: '2026-11-25T10:00:00.000Z' },
        {
          departmentId: 'd2',
          department: '网络运维部',
          reason: '属于网络问题',
          dueAt: '2026-11-25T10:00:00.000Z',
          passCount: 1,
        },
      ),
    ).toEqual(['部门：计费中心 → 网络运维部', '转交次数：1', '原因：属于网络问题']);
  });

  it('compensation requested above the limit, then refused', () => {
    const names = new Map([['dm1', '1. 退还多扣的58元']]);
    const l = (before: unknown, after: unknown) =>
      describeChanges('compensation', before, after, zh, { names }).map((x) =>
        x.before === null ? `${x.field}：${x.after}` : `${x.field}：${x.before} → ${x.after}`,
      );
    expect(
      l(undefined, {
        demandId: 'dm1',
        type: 'refund',
        amount: '80.00',
        wording: '补偿您80元',
        status: 'pending',
        reasons: ['above_limit', 'type_needs_approval'],
        limit: '50.00',
        approversNotified: 2,
      }),
    ).toEqual([
      '诉求：1. 退还多扣的58元',
      '补偿方式：退款',
      '金额（元）：¥80.00',
      '对客户的说法：补偿您80元',
      '状态：待审批',
      '需审批原因：超出权限金额、此类补偿需审批',
      '权限金额：¥50.00',
      '通知审批人数：2',
    ]);
    expect(l({ status: 'pending' }, { status: 'refused', reason: '超出政策' })).toEqual([
      '状态：待审批 → 未批准',
      '意见：超出政策',
    ]);
  });

  it.each([
    ['complaint.escalated', undefined, '升级', 'Escalated'],
    [
      'complaint.escalated',
      { automatic: true },
      '时限超时，自动升级',
      'Escalated automatically (deadline breached)',
    ],
    ['complaint.returned', undefined, '退回下级', 'Handed back'],
    ['complaint.taken_over', undefined, '主管接管', 'Taken over by a supervisor'],
    ['complaint.difficult_caller', undefined, '标记难缠来电', 'Flagged as a difficult caller'],
    ['escalation.reviewed', undefined, '升级审核', 'Escalation reviewed'],
    ['work_order.sent', undefined, '发送部门工单', 'Work order sent'],
    [
      'work_order.flagged',
      undefined,
      '工单多次转交，已提醒主管',
      'Work order passed on repeatedly: supervisors told',
    ],
    ['compensation.requested', undefined, '申请补偿（待审批）', 'Compensation requested (awaiting approval)'],
  ])('actionLabel %s', (action, after, zhLabel, enLabel) => {
    expect(actionLabel(action, zh, after)).toBe(zhLabel);
    expect(actionLabel(action, en, after)).toBe(enLabel);
  });
});
