// Commitments to customers (src/domain/commitments.ts): which contact keeps a promise, the state a
// person sees, when the timer looks again, the reminder instant, and the wording check of
// domain §10 ("promise contact, not a final result by a date"). Instants in Asia/Shanghai, 2026.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  COMMITMENT_KINDS,
  COMMITMENT_SOURCES,
  type CommitmentFacts,
  type CommitmentState,
  type ContactForCommitment,
  checkPromiseWording,
  commitmentNextFire,
  commitmentState,
  contactFulfils,
  reminderInstant,
} from '../../src/domain/commitments.ts';
import { REPLY_PURPOSES } from '../../src/domain/deadlines.ts';
import {
  CONTACT_DIRECTIONS,
  CONTACT_OUTCOMES,
  CONTACT_PURPOSES,
  type ContactDirection,
  type ContactOutcome,
  type ContactPurpose,
} from '../../src/domain/vocabulary.ts';
import { at, HOUR, local, noLunchCal } from './working-calendar-fixtures.ts';

const DAY = 24 * HOUR;

function commitment(over: Partial<CommitmentFacts> = {}): CommitmentFacts {
  return {
    source: 'agent',
    kind: 'call_back',
    status: 'open',
    madeAt: at('2026-10-09 10:00'),
    notBefore: null,
    remindAt: at('2026-10-11 16:00'),
    dueAt: at('2026-10-12 10:00'),
    ...over,
  };
}

function contact(
  when: string,
  direction: ContactDirection = 'outbound',
  purpose: ContactPurpose = 'callback',
  outcome: ContactOutcome = 'reached',
): ContactForCommitment {
  return { startedAt: at(when), direction, purpose, outcome };
}

// ——— Which contact keeps a commitment ———

describe('contactFulfils', () => {
  type Case = [string, Partial<CommitmentFacts>, ContactForCommitment, boolean];
  const customerWindow: Partial<CommitmentFacts> = {
    source: 'customer',
    kind: 'call_back',
    notBefore: at('2026-10-13 09:00'),
    remindAt: at('2026-10-13 09:00'),
    dueAt: at('2026-10-14 18:00'),
  };
  const cases: Case[] = [
    ['call-back: our call that reached the customer', {}, contact('2026-10-10 11:00'), true],
    ['call-back: at the very moment of the promise', {}, contact('2026-10-09 10:00'), true],
    [
      'call-back: the customer calling us does not keep our promise',
      {},
      contact('2026-10-10 11:00', 'inbound'),
      false,
    ],
    [
      'call-back: an unanswered call does not',
      {},
      contact('2026-10-10 11:00', 'outbound', 'callback', 'no_answer'),
      false,
    ],
    [
      'call-back: a message left does not',
      {},
      contact('2026-10-10 11:00', 'outbound', 'callback', 'message_left'),
      false,
    ],
    ['call-back: a call before the promise does not', {}, contact('2026-10-09 09:59'), false],
    [
      'call-back: any purpose of our call will do',
      {},
      contact('2026-10-10 11:00', 'outbound', 'verify_facts'),
      true,
    ],
    [
      'call-back: late, still kept (the breach stays on record elsewhere)',
      {},
      contact('2026-10-20 11:00'),
      true,
    ],
    [
      'reply: a progress update, even inbound',
      { kind: 'reply' },
      contact('2026-10-10 11:00', 'inbound', 'progress_update'),
      true,
    ],
    [
      'reply: clarifying questions are not a reply',
      { kind: 'reply' },
      contact('2026-10-10 11:00', 'outbound', 'clarify'),
      false,
    ],
    [
      'reply: a survey is not a reply',
      { kind: 'reply' },
      contact('2026-10-10 11:00', 'outbound', 'survey'),
      false,
    ],
    [
      'send: kept by the action, marked by hand',
      { kind: 'send' },
      contact('2026-10-10 11:00', 'outbound', 'inform_result'),
      false,
    ],
    ['visit: kept by the action, marked by hand', { kind: 'visit' }, contact('2026-10-10 11:00'), false],
    ['other: kept by hand', { kind: 'other' }, contact('2026-10-10 11:00'), false],
    ['already fulfilled', { status: 'fulfilled' }, contact('2026-10-10 11:00'), false],
    ['cancelled', { status: 'cancelled' }, contact('2026-10-10 11:00'), false],
    [
      "agent's promise not before 14:00: a call at 13:59 is too early",
      { notBefore: at('2026-10-10 14:00') },
      contact('2026-10-10 13:59'),
      false,
    ],
    [
      "agent's promise not before 14:00: a call at 14:00 keeps it",
      { notBefore: at('2026-10-10 14:00') },
      contact('2026-10-10 14:00'),
      true,
    ],
    [
      "customer's window: any reached contact in it, even their own call about anything",
      customerWindow,
      contact('2026-10-13 10:00', 'inbound', 'other'),
      true,
    ],
    [
      'customer\'s window: before it opens does not count ("call me after the 13th")',
      customerWindow,
      contact('2026-10-12 17:00'),
      false,
    ],
    ["customer's window: at the opening counts", customerWindow, contact('2026-10-13 09:00'), true],
    [
      "customer's window: a send commitment too",
      { ...customerWindow, kind: 'send' },
      contact('2026-10-13 10:00'),
      true,
    ],
    [
      "customer's window: not reached does not count",
      customerWindow,
      contact('2026-10-13 10:00', 'outbound', 'callback', 'busy'),
      false,
    ],
  ];

  it.each(cases)('%s', (_name, over, c, expected) => {
    expect(contactFulfils(commitment(over), c)).toBe(expected);
  });

  it('a reply is kept by exactly the purposes that meet the reply deadline', () => {
    for (const purpose of CONTACT_PURPOSES) {
      for (const direction of CONTACT_DIRECTIONS) {
        const got = contactFulfils(
          commitment({ kind: 'reply' }),
          contact('2026-10-10 11:00', direction, purpose),
        );
        expect(got, `${direction} ${purpose}`).toBe(REPLY_PURPOSES.includes(purpose));
      }
    }
  });

  const anyContact: fc.Arbitrary<ContactForCommitment> = fc.record({
    direction: fc.constantFrom<ContactDirection>(...CONTACT_DIRECTIONS),
    outcome: fc.constantFrom<ContactOutcome>(...CONTACT_OUTCOMES),
    purpose: fc.constantFrom<ContactPurpose>(...CONTACT_PURPOSES),
    startedAt: fc
      .integer({ min: -3 * DAY, max: 10 * DAY })
      .map((ms) => new Date(at('2026-10-09 10:00').getTime() + ms)),
  });
  const anyCommitment: fc.Arbitrary<CommitmentFacts> = fc
    .record({
      source: fc.constantFrom(...COMMITMENT_SOURCES),
      kind: fc.constantFrom(...COMMITMENT_KINDS),
      notBefore: fc.option(fc.integer({ min: -DAY, max: 5 * DAY }), { nil: null }),
    })
    .map(({ source, kind, notBefore }) =>
      commitment({
        source,
        kind,
        notBefore: notBefore === null ? null : new Date(at('2026-10-09 10:00').getTime() + notBefore),
      }),
    );

  it('property: never kept by a contact that did not reach the customer, came before the promise or before the window', () => {
    fc.assert(
      fc.property(anyCommitment, anyContact, (c, k) => {
        const kept = contactFulfils(c, k);
        if (k.outcome !== 'reached' || k.startedAt < c.madeAt || (c.notBefore && k.startedAt < c.notBefore)) {
          expect(kept).toBe(false);
        } else if (c.source === 'customer') {
          expect(kept).toBe(true);
        }
        // Once no longer open, nothing keeps it.
        expect(contactFulfils({ ...c, status: 'fulfilled' }, k)).toBe(false);
        expect(contactFulfils({ ...c, status: 'cancelled' }, k)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

// ——— State and timer ———

describe('commitmentState', () => {
  const agent = commitment();
  const customer = commitment({
    source: 'customer',
    notBefore: at('2026-10-13 09:00'),
    remindAt: at('2026-10-13 09:00'),
    dueAt: at('2026-10-14 18:00'),
  });

  it.each([
    ['agent: just made', agent, '2026-10-09 10:00', 'open'],
    ['agent: a minute before the reminder', agent, '2026-10-11 15:59', 'open'],
    ['agent: at the reminder', agent, '2026-10-11 16:00', 'due_soon'],
    ['agent: at the due time', agent, '2026-10-12 10:00', 'overdue'],
    ['customer: before the window opens', customer, '2026-10-12 18:00', 'waiting'],
    ['customer: the window is open (reminded at the opening)', customer, '2026-10-13 09:00', 'due_soon'],
    ['customer: the window has closed', customer, '2026-10-14 18:00', 'overdue'],
    ['fulfilled, even long after', { ...agent, status: 'fulfilled' }, '2026-12-01 00:00', 'fulfilled'],
    ['cancelled, even long after', { ...agent, status: 'cancelled' }, '2026-12-01 00:00', 'cancelled'],
    [
      'overdue wins over waiting (a window opening after its due)',
      { ...customer, notBefore: at('2026-10-20 09:00') },
      '2026-10-15 00:00',
      'overdue',
    ],
  ] as Array<[string, CommitmentFacts, string, CommitmentState]>)('%s', (_name, c, now, expected) => {
    expect(commitmentState(c, at(now))).toBe(expected);
  });

  const RANK: Record<CommitmentState, number> = {
    waiting: 0,
    open: 1,
    due_soon: 2,
    overdue: 3,
    fulfilled: 9,
    cancelled: 9,
  };

  it('property: for an open commitment made by reminderInstant, the state only moves forward in time', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...COMMITMENT_SOURCES),
        fc.option(fc.integer({ min: 0, max: 5 * DAY }), { nil: null }),
        fc.integer({ min: 1, max: 10 * DAY }),
        fc.integer({ min: 0, max: 100 }),
        fc.array(fc.integer({ min: -DAY, max: 20 * DAY }), { minLength: 2, maxLength: 6 }),
        (source, nb, length, percent, offsets) => {
          const madeAt = at('2026-10-09 10:00');
          const notBefore = nb === null ? null : new Date(madeAt.getTime() + nb);
          const dueAt = new Date((notBefore ?? madeAt).getTime() + length);
          const remindAt = reminderInstant(source, madeAt, notBefore, dueAt, percent);
          const c: CommitmentFacts = {
            source,
            kind: 'call_back',
            status: 'open',
            madeAt,
            notBefore,
            remindAt,
            dueAt,
          };
          const ranks = [...offsets]
            .sort((a, b) => a - b)
            .map((o) => RANK[commitmentState(c, new Date(madeAt.getTime() + o))]);
          for (let i = 1; i < ranks.length; i++)
            expect(ranks[i]).toBeGreaterThanOrEqual(ranks[i - 1] as number);
          expect(commitmentState(c, dueAt)).toBe('overdue');
          if (!notBefore || notBefore <= madeAt) expect(commitmentState(c, madeAt)).not.toBe('waiting');
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('commitmentNextFire', () => {
  const base = { status: 'open' as const, remindAt: at('2026-10-11 16:00'), dueAt: at('2026-10-12 10:00') };
  it.each([
    ['open: the reminder first', {}, '2026-10-11 16:00'],
    ['reminded: the due time', { remindedAt: at('2026-10-11 16:00') }, '2026-10-12 10:00'],
    ['reminder at the due time: the due time', { remindAt: at('2026-10-12 10:00') }, '2026-10-12 10:00'],
    [
      'reminded and breached: nothing',
      { remindedAt: at('2026-10-11 16:00'), breachedAt: at('2026-10-12 10:00') },
      null,
    ],
    ['fulfilled: nothing', { status: 'fulfilled' }, null],
    ['cancelled: nothing', { status: 'cancelled' }, null],
  ] as Array<[string, object, string | null]>)('%s', (_name, over, expected) => {
    const got = commitmentNextFire({ ...base, remindedAt: null, breachedAt: null, ...over });
    expect(got && local(got)).toBe(expected);
  });
});

describe('reminderInstant', () => {
  it.each([
    // 72 clock hours, 75 % = 54 h: the reminder is in clock time (here a Sunday afternoon).
    [
      "agent's promise: 75 % of the time from the promise",
      'agent',
      '2026-10-09 10:00',
      null,
      '2026-10-12 10:00',
      75,
      '2026-10-11 16:00',
    ],
    [
      "agent's promise: 0 % is the moment of the promise",
      'agent',
      '2026-10-09 10:00',
      null,
      '2026-10-12 10:00',
      0,
      '2026-10-09 10:00',
    ],
    [
      "agent's promise: 100 % is the due time",
      'agent',
      '2026-10-09 10:00',
      null,
      '2026-10-12 10:00',
      100,
      '2026-10-12 10:00',
    ],
    [
      "agent's promise: never after the due time",
      'agent',
      '2026-10-09 10:00',
      null,
      '2026-10-12 10:00',
      150,
      '2026-10-12 10:00',
    ],
    [
      "agent's promise not before 09:00 on the 12th: counted from then",
      'agent',
      '2026-10-09 10:00',
      '2026-10-12 09:00',
      '2026-10-12 17:00',
      75,
      '2026-10-12 15:00',
    ],
    [
      "agent's promise with a notBefore already past: counted from the promise",
      'agent',
      '2026-10-09 10:00',
      '2026-10-09 08:00',
      '2026-10-09 18:00',
      50,
      '2026-10-09 14:00',
    ],
    [
      "customer's request: reminded when the customer said we may call",
      'customer',
      '2026-10-09 10:00',
      '2026-10-13 09:00',
      '2026-10-14 18:00',
      75,
      '2026-10-13 09:00',
    ],
    [
      "customer's request without a start: like a promise",
      'customer',
      '2026-10-09 10:00',
      null,
      '2026-10-10 10:00',
      50,
      '2026-10-09 22:00',
    ],
  ] as const)('%s', (_name, source, made, notBefore, due, percent, expected) => {
    const got = reminderInstant(source, at(made), notBefore ? at(notBefore) : null, at(due), percent);
    expect(local(got)).toBe(expected);
  });

  it('property: an agent reminder lies between the later of promise and notBefore, and the due time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 * DAY }),
        fc.option(fc.integer({ min: -DAY, max: 3 * DAY }), { nil: null }),
        fc.integer({ min: 0, max: 10 * DAY }),
        fc.integer({ min: 0, max: 100 }),
        (madeOff, nbOff, length, percent) => {
          const madeAt = new Date(at('2026-02-13 10:00').getTime() + madeOff);
          const notBefore = nbOff === null ? null : new Date(madeAt.getTime() + nbOff);
          const from = notBefore && notBefore > madeAt ? notBefore : madeAt;
          const dueAt = new Date(from.getTime() + length);
          const r = reminderInstant('agent', madeAt, notBefore, dueAt, percent);
          expect(r.getTime()).toBeGreaterThanOrEqual(from.getTime());
          expect(r.getTime()).toBeLessThanOrEqual(dueAt.getTime());
          const higher = reminderInstant('agent', madeAt, notBefore, dueAt, Math.min(100, percent + 10));
          expect(higher.getTime()).toBeGreaterThanOrEqual(r.getTime());
          if (notBefore)
            expect(reminderInstant('customer', madeAt, notBefore, dueAt, percent)).toEqual(notBefore);
        },
      ),
      { numRuns: 200 },
    );
  });
});

// ——— Wording (domain §10) ———

const CONTACT_SENTENCE = '我们会在三个工作日内及时和您联系，回复您的投诉';
const NOT_OVER_SENTENCE = '如果您不满意，说明我们的工作还没有结束，我们还会继续受理您的投诉，再及时给您答复';

describe('checkPromiseWording: what must be flagged', () => {
  it('the training example: a final result by a date → promise contact instead (exact suggestion)', () => {
    expect(checkPromiseWording('我们在三个工作日内给您最终的答复和结果')).toEqual([
      {
        code: 'FINAL_RESULT_PROMISED',
        phrase: '三个工作日内 … 最终的答复',
        message: expect.any(String),
        suggestion: CONTACT_SENTENCE,
      },
    ]);
  });

  it.each([
    ['两个工作日之内给您最后的处理结果', '我们会在两个工作日之内及时和您联系，回复您的投诉'],
    ['3 个工作日内给您答复和结果', '我们会在3个工作日内及时和您联系，回复您的投诉'],
    ['24小时内给您处理好', '我们会在24小时内及时和您联系，回复您的投诉'],
    ['两个小时内办结', '我们会在两个小时内及时和您联系，回复您的投诉'],
    ['一周内办结', '我们会在一周内及时和您联系，回复您的投诉'],
    ['三天给您结果', '我们会在三天内及时和您联系，回复您的投诉'],
    ['我们五个工作日内一定给您解决', '我们会在五个工作日内及时和您联系，回复您的投诉'],
  ])('%s → %s', (text, suggestion) => {
    const findings = checkPromiseWording(text);
    expect(findings.map((f) => f.code)).toEqual(['FINAL_RESULT_PROMISED']);
    expect(findings[0]?.suggestion).toBe(suggestion);
  });

  it.each([
    '明天给您最终结果',
    '周五给您最终的处理意见',
    '2026-10-12 给您最终结果',
    '本周给您最终的解决方案',
  ])('a named day also counts as a date: %s', (text) => {
    expect(checkPromiseWording(text).map((f) => f.code)).toEqual(['FINAL_RESULT_PROMISED']);
  });

  it.each([
    ['We will resolve your complaint within 3 days', 'resolve'],
    ['I will give you the final answer tomorrow', 'final answer'],
    ['Your issue will be solved by two o’clock', 'solved'],
  ])('English: %s', (text, phrase) => {
    expect(checkPromiseWording(text)).toEqual([
      {
        code: 'FINAL_RESULT_PROMISED',
        phrase,
        message: expect.any(String),
        suggestion: 'We will contact you within three working days with a reply to your complaint',
      },
    ]);
  });

  it.each(['这是我给您的最终答复', '这就是我们最终的答复', '这是最终答复'])(
    'a "final answer": %s',
    (text) => {
      const findings = checkPromiseWording(text);
      expect(findings).toEqual([
        { code: 'FINAL_ANSWER', phrase: text, message: expect.any(String), suggestion: NOT_OVER_SENTENCE },
      ]);
    },
  );

  it('赔偿 → 补偿, every occurrence replaced in the suggestion', () => {
    expect(checkPromiseWording('我们会给您赔偿，赔偿金额另议')).toEqual([
      {
        code: 'COMPENSATION_WORD',
        phrase: '赔偿',
        message: expect.any(String),
        suggestion: '我们会给您补偿，补偿金额另议',
      },
    ]);
  });

  it.each([
    ['您必须提供发票', '必须'],
    ['我们有规定不允许退货', '我们有规定'],
    ['按规定不能办理', '按规定'],
  ])('high-handed: %s', (text, phrase) => {
    expect(checkPromiseWording(text)).toEqual([
      { code: 'HIGH_HANDED', phrase, message: expect.any(String), suggestion: '办理这项业务，您需要提供…' },
    ]);
  });

  it('several faults in one sentence are all reported, in a fixed order', () => {
    const findings = checkPromiseWording('这是我给您的最终答复：三天内给您赔偿，您必须签字');
    expect(findings.map((f) => f.code)).toEqual([
      'FINAL_RESULT_PROMISED',
      'FINAL_ANSWER',
      'COMPENSATION_WORD',
      'HIGH_HANDED',
    ]);
    expect(findings[2]?.suggestion).toBe('这是我给您的最终答复：三天内给您补偿，您必须签字');
  });
});

describe('checkPromiseWording: what must not be flagged', () => {
  it.each([
    // The recommended sentences of the training list (domain §10): the "say instead" column.
    CONTACT_SENTENCE,
    NOT_OVER_SENTENCE,
    '虽然我不能帮助您解决这个问题，但是我可以帮助您和高层联系解决',
    '办理这项业务，您需要提供…',
    '请您稍等，我现在联系负责这项工作的专家给您提供帮助',
    '我虽然不从事这方面的工作，但是我现在给您联系这方面的专家，给您一个正确详尽的解答',
    '感谢您对我们提出的建议，我会及时向高层反映您的建议，并及时给您回复',
    // Ordinary promises of contact.
    '我们会在3个工作日内联系您',
    '我们会在三个工作日内给您回复',
    '我们明天上午给您回电',
    '您的问题已经转给专家，两天内专家会联系您',
    '我们第一时间和您联系',
    '我们会给您补偿',
    'We will contact you within three working days',
    'We will call you back tomorrow',
    '',
  ])('%j', (text) => {
    expect(checkPromiseWording(text)).toEqual([]);
  });

  it('property: never FINAL_RESULT_PROMISED for "我们会在N个工作日内及时和您联系，回复您的投诉"', () => {
    const number = fc.oneof(
      fc.integer({ min: 1, max: 30 }).map(String),
      fc.constantFrom('一', '两', '三', '五', '七', '十'),
    );
    const unit = fc.constantFrom('个工作日内', '天内', '个小时内', '周内', '日内');
    fc.assert(
      fc.property(number, unit, (n, u) => {
        expect(checkPromiseWording(`我们会在${n}${u}及时和您联系，回复您的投诉`)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('property: the suggestion for a flagged "N units内 … 最终结果" is itself clean', () => {
    const number = fc.oneof(
      fc.integer({ min: 1, max: 30 }).map(String),
      fc.constantFrom('一', '两', '三', '十'),
    );
    const unit = fc.constantFrom('个工作日内', '天内', '个小时内', '周之内', '个工作日');
    const result = fc.constantFrom('最终的答复', '最后的处理结果', '答复和结果', '结果', '处理好');
    fc.assert(
      fc.property(number, unit, result, (n, u, r) => {
        const text = `我们${n}${u}给您${r}`;
        const [finding, ...rest] = checkPromiseWording(text);
        expect(rest).toEqual([]);
        expect(finding?.code).toBe('FINAL_RESULT_PROMISED');
        expect(finding?.suggestion).toContain(`${n}${u}`);
        expect(checkPromiseWording(finding?.suggestion ?? '')).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

describe('checkPromiseWording: gaps found in review, now closed', () => {
  // Once read "10月12日" as "10月" (a month) and suggested contact "within October".
  it.each([
    ['我们会在10月12日前给您最终结果', '我们会在10月12日前及时和您联系，回复您的投诉'],
    ['10月12号给您处理好', '我们会在10月12号前及时和您联系，回复您的投诉'],
    ['2026-10-12 给您最终结果', '我们会在2026-10-12前及时和您联系，回复您的投诉'],
    // A named day reads as it is, without a trailing 内.
    ['明天给您最终结果', '我们会在明天及时和您联系，回复您的投诉'],
    ['周五给您最终的处理意见', '我们会在周五及时和您联系，回复您的投诉'],
  ])('a date keeps its day in the suggestion: %s', (text, suggestion) => {
    const [finding, ...rest] = checkPromiseWording(text);
    expect(rest).toEqual([]);
    expect(finding?.code).toBe('FINAL_RESULT_PROMISED');
    expect(finding?.suggestion).toBe(suggestion);
  });

  // "Do not promise a specific resolution date" (domain §11): these promise the result by a date.
  it.each(['我们保证三天内解决您的问题', '我们明天给您处理结果', '三天内给您一个满意的结果'])(
    'a resolution by a date is flagged: %s',
    (text) => {
      expect(checkPromiseWording(text).map((f) => f.code)).toEqual(['FINAL_RESULT_PROMISED']);
    },
  );

  // Once missed: EN_FINAL read "fix" + optional "d", so "fixed" never matched.
  it.each(['We will have it fixed within 2 days', 'It will be fixed by tomorrow'])('English: %s', (text) => {
    expect(checkPromiseWording(text).map((f) => f.code)).toEqual(['FINAL_RESULT_PROMISED']);
  });

  // Domain §10: use 规定 sparingly; "根据/按照 … 规定" as well as "我们有规定" and "按规定".
  it.each([
    ['根据公司规定，不能给您退款', '根据公司规定'],
    ['按照相关规定，需要您提供身份证', '按照相关规定'],
    ['根据我们的规定', '根据我们的规定'],
  ])('high-handed: %s', (text, phrase) => {
    expect(checkPromiseWording(text)).toEqual([
      { code: 'HIGH_HANDED', phrase, message: expect.any(String), suggestion: '办理这项业务，您需要提供…' },
    ]);
  });
});

describe('reminders and wording after review', () => {
  it('a promise is recalled in working time: made Friday, due Monday, reminded Monday morning, not on Sunday', () => {
    // Friday 10-09 10:00 → Monday 10-12 10:00 on weekdays 09:00-18:00, but Saturday 10-10 is a
    // 调休 working day: 8 + 9 + 1 = 18 working hours; 75 % is 13.5 h → Saturday 14:30.
    const r = reminderInstant('agent', at('2026-10-09 10:00'), null, at('2026-10-12 10:00'), 75, noLunchCal);
    expect(local(r)).toBe('2026-10-10 14:30');
    // Without a calendar, clock time: 54 h after, Sunday 16:00.
    expect(local(reminderInstant('agent', at('2026-10-09 10:00'), null, at('2026-10-12 10:00'), 75))).toBe(
      '2026-10-11 16:00',
    );
  });

  it.each([
    ['公司规定不允许退款', '规定'],
    ['您应该先去营业厅办理', '应该'],
  ])('high-handed anywhere: %s', (text, phrase) => {
    expect(checkPromiseWording(text)).toMatchObject([{ code: 'HIGH_HANDED', phrase }]);
  });

  it('helping to solve the problem after contact is not a resolution promised by a date', () => {
    expect(checkPromiseWording('我们会在三个工作日内联系您，帮您解决问题')).toEqual([]);
  });
});
