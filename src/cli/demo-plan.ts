// What `tousu demo` will create, decided up front from a seeded random source: when each
// complaint arrives, from whom, through which channel, about what, and how far it gets.
import type {
  Channel,
  CustomerMotive,
  CustomerType,
  DemandType,
  DissatisfactionLevel,
  Severity,
} from '../domain/vocabulary.ts';
import { API_SOURCES, FILL, GIVEN_NAMES, MOBILE_PREFIXES, OPENERS, SURNAMES, TAILS } from './demo-data.ts';
import { CHINA_OFFSET, DAY, MINUTE, type Rng } from './demo-random.ts';
import { GENERIC, SCENARIOS, type Scenario } from './demo-scenarios.ts';

export type Target = 'new' | 'accepted' | 'in_progress' | 'resolved' | 'closed';
/** How a complaint's story ends beyond the plain path to its target status. */
export type Twist = 'none' | 'withdraw' | 'reopen';

export interface CategoryRow {
  id: string;
  parent_id: string | null;
  name: string;
  active: boolean;
}

export interface ComplaintPlan {
  receivedAt: Date;
  channel: Channel;
  confirmed: boolean;
  customer: { phone: string; name: string | null };
  scenario: Scenario;
  categoryId: string | null;
  product: string;
  severity: Severity;
  dissatisfaction: DissatisfactionLevel | null;
  customerType: CustomerType | null;
  customerMotive: CustomerMotive | null;
  description: string;
  demands: Array<{ type: DemandType; description: string }>;
  /** Were we at fault? Decides which demands are granted. */
  ourFault: boolean;
  cause: string;
  target: Target;
  twist: Twist;
}

const CHANNELS: Array<[Channel, number]> = [
  ['phone_in', 55],
  ['web', 9],
  ['wechat', 9],
  ['walk_in', 6],
  ['api', 6],
  ['email', 5],
  ['phone_out', 5],
  ['sms', 5],
];
const WRITTEN: Channel[] = ['web', 'email', 'wechat', 'sms', 'api'];
/** Share of complaints arriving unconfirmed (not yet read back to the customer), by channel. */
const UNCONFIRMED: Partial<Record<Channel, number>> = {
  web: 0.5,
  email: 0.5,
  api: 0.5,
  wechat: 0.3,
  sms: 0.3,
};

/** Weight of each hour of the day in China: the phones ring in working hours. */
const HOURS = [
  0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.3, 0.6, 1.5, 3, 3.2, 3, 2, 2.2, 3, 3, 2.8, 2.5, 2, 1.8, 1.5, 1, 0.7, 0.4,
];

const TARGETS: Target[] = ['new', 'accepted', 'in_progress', 'resolved', 'closed'];
/** By age in days: how far complaints of that age have come (% new, accepted, in_progress, resolved, closed). */
const PROGRESS: Array<[maxAgeDays: number, shares: number[]]> = [
  [1, [40, 30, 20, 10, 0]],
  [3, [15, 18, 32, 20, 15]],
  [7, [5, 8, 27, 20, 40]],
  [14, [0, 3, 12, 15, 70]],
  [30, [0, 0, 5, 5, 90]],
  [Number.POSITIVE_INFINITY, [0, 0, 1.5, 1, 97.5]],
];

function arrivalTimes(rng: Rng, count: number, now: Date): Date[] {
  const midnight = Math.floor((now.getTime() + CHINA_OFFSET) / DAY) * DAY - CHINA_OFFSET;
  const hours = HOURS.map((w, h) => [h, w] as const);
  const out: Date[] = [];
  while (out.length < count) {
    const age = rng.int(0, 89);
    const day = midnight - age * DAY;
    const weekday = new Date(day + CHINA_OFFSET).getUTCDay();
    const weight = (1 + 1.5 * (1 - age / 90) ** 2) * (weekday === 0 || weekday === 6 ? 0.75 : 1);
    if (!rng.chance(weight / 2.5)) continue;
    const at = day + rng.weighted(hours) * 60 * MINUTE + rng.int(0, 59) * MINUTE + rng.int(0, 59) * 1000;
    // Leave a few minutes to handle even the newest complaint before `now`.
    if (at <= now.getTime() - 15 * MINUTE) out.push(new Date(at));
  }
  return out.sort((a, b) => a.getTime() - b.getTime());
}

function fill(rng: Rng, template: string, product: string): string {
  return template.replace(/\{(\w+)\}/g, (_, slot: string) =>
    slot === 'p' ? product : rng.pick(FILL[slot as keyof typeof FILL] ?? ['']),
  );
}

function newPhone(rng: Rng, taken: Set<string>): string {
  for (;;) {
    const phone = rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0');
    if (!taken.has(phone)) {
      taken.add(phone);
      return phone;
    }
  }
}

function customerName(rng: Rng): string | null {
  const surname = SURNAMES[Math.floor(rng.next() * rng.next() * SURNAMES.length)] as string;
  const r = rng.next();
  if (r < 0.7) return surname + rng.pick(GIVEN_NAMES);
  if (r < 0.94) return surname + (rng.chance(0.5) ? '先生' : '女士');
  return null;
}

/** Leaf categories by name; a scenario applies when its leaf exists. */
function leavesByName(categories: CategoryRow[]): Map<string, string> {
  const parents = new Set(categories.filter((c) => c.active).map((c) => c.parent_id));
  const leaves = new Map<string, string>();
  for (const c of categories) if (c.active && !parents.has(c.id)) leaves.set(c.name, c.id);
  return leaves;
}

function severityOf(rng: Rng, scenario: Scenario, channel: Channel): Severity {
  const [major, crisis] = [
    [10, 2],
    [20, 4],
    [32, 12],
  ][scenario.risk] as [number, number];
  const severity = rng.weighted<Severity>([
    ['normal', 100 - major - crisis],
    ['major', major],
    ['crisis', crisis],
  ]);
  // Complaints forwarded by regulators are serious by definition.
  return channel === 'api' && severity === 'normal' && rng.chance(0.5) ? 'major' : severity;
}

function twistOf(rng: Rng, target: Target, age: number): Twist {
  if (target === 'closed') {
    if (rng.chance(0.06)) return 'withdraw';
    return age > 7 && rng.chance(0.1) ? 'reopen' : 'none';
  }
  // Long-running cases are often ones the customer reopened.
  if (target === 'in_progress' && age > 7) return rng.chance(age > 14 ? 0.6 : 0.3) ? 'reopen' : 'none';
  return 'none';
}

export function planComplaints(
  rng: Rng,
  count: number,
  now: Date,
  categories: CategoryRow[],
): ComplaintPlan[] {
  const leaves = leavesByName(categories);
  const scenarios = SCENARIOS.filter((s) => leaves.has(s.category)).map((s) => [s, s.weight] as const);
  const anyLeaf = [...leaves.values()];
  const phones = new Set<string>();
  const customers: Array<{ phone: string; name: string | null }> = [];

  return arrivalTimes(rng, count, now).map((receivedAt): ComplaintPlan => {
    const age = (now.getTime() - receivedAt.getTime()) / DAY;
    const shares = PROGRESS.find(([upTo]) => age < upTo)?.[1] ?? [];
    const target = rng.weighted(TARGETS.map((t, i) => [t, shares[i] ?? 0] as const));
    const channel = target === 'new' ? rng.pick(WRITTEN) : rng.weighted(CHANNELS);
    const confirmed = target !== 'new' && !rng.chance(UNCONFIRMED[channel] ?? 0);

    const repeat = customers.length > 5 && rng.chance(0.12);
    const customer = repeat ? rng.pick(customers) : { phone: newPhone(rng, phones), name: customerName(rng) };
    if (!repeat) customers.push(customer);

    const scenario = scenarios.length ? rng.weighted(scenarios) : GENERIC;
    const categoryId = leaves.get(scenario.category) ?? (anyLeaf.length ? rng.pick(anyLeaf) : null);
    const template = rng.pick(scenario.texts);
    const about = /^\[(.+?)\]/.exec(template);
    const product = about?.[1] ?? rng.pick(scenario.products);
    const severity = severityOf(rng, scenario, channel);
    const customerType = rng.chance(0.45)
      ? rng.weighted<CustomerType>([
          ['problem_solving', 50],
          ['emotional_venting', 25],
          ['rational_difficult', 25],
        ])
      : null;

    let description = fill(rng, about ? template.slice(about[0].length) : template, product);
    if (repeat && rng.chance(0.6)) description += rng.pick(TAILS.repeat);
    if (customerType === 'emotional_venting') description += rng.pick(TAILS.venting);
    if (customerType === 'rational_difficult') description += rng.pick(TAILS.difficult);
    if (severity !== 'normal' && rng.chance(0.6)) description += rng.pick(TAILS.serious);
    const voice = channel === 'phone_in' || channel === 'phone_out' || channel === 'walk_in';
    if (channel === 'api') description = rng.pick(API_SOURCES) + description;
    else description = rng.pick(voice ? OPENERS.voice : OPENERS.written) + description;

    const wanted = [...scenario.demands];
    const demands: ComplaintPlan['demands'] = [];
    const howMany = rng.weighted([
      [1, 35],
      [2, 45],
      [3, 20],
    ]);
    while (demands.length < howMany && wanted.length) {
      const [type, text] = wanted.splice(rng.int(0, wanted.length - 1), 1)[0] as [DemandType, string];
      demands.push({ type, description: text });
    }

    const ourFault = !scenario.excuses?.length || rng.chance(0.65);
    const cause = rng.pick(ourFault ? scenario.causes : (scenario.excuses as string[]));
    const twist = twistOf(rng, target, age);

    return {
      receivedAt,
      channel,
      confirmed,
      customer,
      scenario,
      categoryId,
      product,
      severity,
      dissatisfaction: rng.chance(0.6)
        ? rng.weighted<DissatisfactionLevel>([
            ['dissatisfied', 15],
            ['grumbling', 20],
            ['complaining', 50],
            ['leaving', 15],
          ])
        : null,
      customerType,
      customerMotive: rng.chance(0.35)
        ? rng.pick<CustomerMotive>(['quality_supervision', 'rational', 'negotiation', 'victim'])
        : null,
      description,
      demands,
      ourFault,
      cause,
      target,
      twist,
    };
  });
}
