// Commitments (承诺, domain §4 and §11): every promise made to a customer, and every request the
// customer made about being contacted ("call me after three days", "not before 10:00"). A
// commitment is open until a contact or an action fulfils it, or it is cancelled with a reason;
// the timer engine reminds and reports the ones about to be, or already, broken. Pure.

import { warnInstant } from './deadlines.ts';
import type { ContactDirection, ContactOutcome, ContactPurpose } from './vocabulary.ts';
import { type WorkingCalendar, workingMillisBetween } from './working-calendar.ts';

export const COMMITMENT_KINDS = ['call_back', 'reply', 'send', 'visit', 'other'] as const;
export type CommitmentKind = (typeof COMMITMENT_KINDS)[number];

/** `agent`: we promised it; `customer`: the customer asked for it and we agreed. */
export const COMMITMENT_SOURCES = ['agent', 'customer'] as const;
export type CommitmentSource = (typeof COMMITMENT_SOURCES)[number];

export const COMMITMENT_STATUSES = ['open', 'fulfilled', 'cancelled'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

export const COMMITMENT_STATES = [
  'waiting',
  'open',
  'due_soon',
  'overdue',
  'fulfilled',
  'cancelled',
] as const;
export type CommitmentState = (typeof COMMITMENT_STATES)[number];

export interface CommitmentFacts {
  source: CommitmentSource;
  kind: CommitmentKind;
  status: CommitmentStatus;
  madeAt: Date;
  notBefore: Date | null;
  remindAt: Date;
  dueAt: Date;
}

export interface ContactForCommitment {
  direction: ContactDirection;
  outcome: ContactOutcome;
  purpose: ContactPurpose;
  startedAt: Date;
}

const ANSWERING: readonly ContactPurpose[] = [
  'propose_solution',
  'progress_update',
  'inform_result',
  'callback',
];

/**
 * Whether a logged contact keeps the commitment. Only a contact that reached the customer, made
 * after the promise and not before the time the customer asked for, counts. A call-back is kept
 * by a call we made; a reply by any contact that told the customer something; a customer's own
 * request by any contact in the window. Sending or visiting is kept by an action, marked by hand.
 */
export function contactFulfils(c: CommitmentFacts, contact: ContactForCommitment): boolean {
  if (c.status !== 'open' || contact.outcome !== 'reached') return false;
  if (contact.startedAt < c.madeAt) return false;
  if (c.notBefore && contact.startedAt < c.notBefore) return false;
  if (c.source === 'customer') return true;
  switch (c.kind) {
    case 'call_back':
      return contact.direction === 'outbound';
    case 'reply':
      return ANSWERING.includes(contact.purpose);
    case 'send':
    case 'visit':
    case 'other':
      return false;
    default: {
      const never: never = c.kind;
      throw new Error(`unknown commitment kind ${String(never)}`);
    }
  }
}

export function commitmentState(c: CommitmentFacts, now: Date): CommitmentState {
  if (c.status === 'fulfilled') return 'fulfilled';
  if (c.status === 'cancelled') return 'cancelled';
  if (now >= c.dueAt) return 'overdue';
  if (c.notBefore && now < c.notBefore) return 'waiting';
  if (now >= c.remindAt) return 'due_soon';
  return 'open';
}

/** When the timer engine must next look at an open commitment: its reminder, then its due time. */
export function commitmentNextFire(
  c: Pick<CommitmentFacts, 'status' | 'remindAt' | 'dueAt'> & {
    remindedAt: Date | null;
    breachedAt: Date | null;
  },
): Date | null {
  if (c.status !== 'open') return null;
  if (!c.remindedAt && c.remindAt < c.dueAt) return c.remindAt;
  if (!c.breachedAt) return c.dueAt;
  return null;
}

/**
 * The reminder instant. An agent's promise is recalled when `percent` of its time has passed; a
 * customer's request at the moment the customer said we may call (never before it).
 */
export function reminderInstant(
  source: CommitmentSource,
  madeAt: Date,
  notBefore: Date | null,
  dueAt: Date,
  percent: number,
  /** Counted in this calendar's working time (no reminder on a Sunday); clock time without one. */
  cal?: WorkingCalendar,
): Date {
  if (source === 'customer' && notBefore) return notBefore;
  const from = notBefore && notBefore > madeAt ? notBefore : madeAt;
  if (cal && !cal.everyDay && workingMillisBetween(cal, from, dueAt) > 0) {
    return warnInstant(cal, { workingHours: 1 }, from, dueAt, percent);
  }
  const at = new Date(from.getTime() + Math.floor(((dueAt.getTime() - from.getTime()) * percent) / 100));
  return at > dueAt ? dueAt : at;
}

// ——— Language check (domain §10) ———

export interface WordingFinding {
  code: 'FINAL_RESULT_PROMISED' | 'FINAL_ANSWER' | 'COMPENSATION_WORD' | 'HIGH_HANDED';
  /** The words that raised the finding, as written. */
  phrase: string;
  message: string;
  /** What to say instead (the training list's wording). */
  suggestion: string;
}

const NUMBER = '(?:\\d+|[一二两三四五六七八九十百]+)';
const DATE = '\\d{1,2}\\s*月\\s*\\d{1,2}\\s*[日号]|\\d{4}-\\d{2}-\\d{2}';
const TIME_LIMIT = new RegExp(
  [
    // A date first, so "10月12日" is not read as "10月" (a month).
    `(?:${DATE})`,
    `${NUMBER}\\s*(?:个)?\\s*(?:工作日|工作天|个?小时|天|日|周|星期|月)(?:之?内)?`,
    '(?:今天|明天|后天|本周|下周|这周|月底|周[一二三四五六日末]|星期[一二三四五六日天])',
  ].join('|'),
);
const IS_DATE = new RegExp(`^(?:${DATE})$`);
const FINAL_RESULT =
  /(?:最终|最后)的?(?:答复|结果|处理结果|处理意见|解决方案)|(?:答复|回复)和结果|给您(?:一个)?(?:满意的?)?(?:处理)?(?:结果|解决|处理好|办好)|(?:解决|处理|办)(?:好|完|掉|妥)|(?:保证|一定)[^，。,.；;]{0,8}解决|办结/;
const FINAL_ANSWER = /这(?:就)?是(?:我|我们)?(?:给您的)?最终(?:的)?答复/;
const EN_TIME =
  /\b(?:within|by|in)\s+(?:\d+|one|two|three|four|five|a)\b|\b(?:tomorrow|today|next week|end of)\b/i;
const EN_FINAL = /\bfinal\s+(?:answer|result|resolution|decision)\b|\b(?:resolved?|fix(?:ed)?|solved?)\b/i;

const CONTACT_WORDING = (limit: string) => `我们会在${limit}及时和您联系，回复您的投诉`;

/**
 * Flags wording a promise must not use: a final result by a date (promise contact, not the
 * result: "a reply without a result is still a reply"), a "final answer", 赔偿 for 补偿, and
 * the high-handed 必须/规定. Findings are advice; the agent decides.
 */
export function checkPromiseWording(text: string): WordingFinding[] {
  const out: WordingFinding[] = [];
  const limit = TIME_LIMIT.exec(text);
  const result = FINAL_RESULT.exec(text);
  if (limit && result) {
    const words = limit[0].replace(/\s+/g, '');
    // "三个工作日内", "10月12日前", "明天": each reads naturally in the recommended sentence.
    const when = IS_DATE.test(words)
      ? `${words}前`
      : /^\d|^[一二两三四五六七八九十百]/.test(words) && !/内$/.test(words)
        ? `${words}内`
        : words;
    out.push({
      code: 'FINAL_RESULT_PROMISED',
      phrase: `${limit[0]} … ${result[0]}`,
      message: 'Promise to contact the customer by a date, not a final result by a date',
      suggestion: CONTACT_WORDING(when),
    });
  } else if (EN_TIME.test(text) && EN_FINAL.test(text)) {
    const m = EN_FINAL.exec(text);
    out.push({
      code: 'FINAL_RESULT_PROMISED',
      phrase: m?.[0] ?? '',
      message: 'Promise to contact the customer by a date, not a final result by a date',
      suggestion: 'We will contact you within three working days with a reply to your complaint',
    });
  }
  const final = FINAL_ANSWER.exec(text);
  if (final) {
    out.push({
      code: 'FINAL_ANSWER',
      phrase: final[0],
      message: 'Never close the door with a "final answer"',
      suggestion: '如果您不满意，说明我们的工作还没有结束，我们还会继续受理您的投诉，再及时给您答复',
    });
  }
  if (text.includes('赔偿')) {
    out.push({
      code: 'COMPENSATION_WORD',
      phrase: '赔偿',
      message: 'Say 补偿 (compensation as goodwill), never 赔偿 (damages)',
      suggestion: text.replaceAll('赔偿', '补偿'),
    });
  }
  const rule = /(?:我们有|(?:按|按照|根据)(?:公司|相关|我们的?)?)?规定|必须|应该/.exec(text);
  if (rule) {
    out.push({
      code: 'HIGH_HANDED',
      phrase: rule[0],
      message: '"必须", "应该" and "规定" sound high-handed; say what the customer needs to do or provide',
      suggestion: '办理这项业务，您需要提供…',
    });
  }
  return out;
}
