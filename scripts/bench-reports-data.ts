// The data set of `npm run bench:reports` (scripts/bench-reports.ts): an organisation (20 teams,
// 410 staff, 6 departments, 30 products) and N complaints of about two years ending yesterday,
// shaped like a Chinese call center's, streamed into PostgreSQL with COPY FROM STDIN.
// Memory stays flat: rows are generated day by day and written as they are made; the only state
// kept across days is a ring of recent complaints (typed arrays) that repeats point back to.
// See docs/benchmarks.md, "Reports (10,000,000 complaints)".
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { nationalRules } from '../src/calendar/national-schedule.ts';

// ---- random numbers -------------------------------------------------------------------------

/** sfc32: small, fast, 128 bits of state; the same seed gives the same data set. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spare: number | null = null;
  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 15; i++) this.next();
  }
  /** Uniform in [0, 1). */
  next(): number {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  normal(): number {
    if (this.spare !== null) {
      const s = this.spare;
      this.spare = null;
      return s;
    }
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }
  /** Log-normal with the given median and shape sigma. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }
}

/** Cumulative weights, for picking an index in proportion to its weight. */
export class Weighted {
  private readonly cdf: Float64Array;
  constructor(weights: readonly number[]) {
    this.cdf = new Float64Array(weights.length);
    let s = 0;
    for (let i = 0; i < weights.length; i++) {
      s += weights[i] ?? 0;
      this.cdf[i] = s;
    }
    for (let i = 0; i < weights.length; i++) this.cdf[i] = (this.cdf[i] ?? 0) / s;
  }
  pick(rng: Rng): number {
    const u = rng.next();
    let lo = 0;
    let hi = this.cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cdf[mid] ?? 1) <= u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

const zipf = (n: number, s: number) => Array.from({ length: n }, (_, i) => 1 / (i + 1) ** s);

// ---- the organisation -----------------------------------------------------------------------

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const chineseNumber = (n: number) =>
  n <= 10
    ? (NUMERALS[n - 1] as string)
    : n < 20
      ? `十${NUMERALS[n - 11] ?? ''}`
      : `${NUMERALS[Math.floor(n / 10) - 1]}十${NUMERALS[(n % 10) - 1] ?? ''}`;

export const FRONT_TEAMS = 18;
export const SPECIALIST_TEAMS = 2;
const AGENTS_PER_TEAM = 20;
const SPECIALISTS_PER_TEAM = 15;

export const DEPARTMENTS = [
  '计费结算中心',
  '网络运维部',
  '市场营销部',
  '物流配送部',
  '渠道服务部',
  '信息安全部',
];

const PRODUCTS: { name: string; kind: 'product' | 'tariff' | 'campaign'; monthsAgo: number }[] = [
  { name: '5G畅享套餐129元', kind: 'tariff', monthsAgo: 40 },
  { name: '宽带300M包年', kind: 'product', monthsAgo: 48 },
  { name: '融合套餐199元', kind: 'tariff', monthsAgo: 36 },
  { name: '国际漫游日包', kind: 'product', monthsAgo: 60 },
  { name: '流量加油包10GB', kind: 'product', monthsAgo: 30 },
  { name: '千兆宽带', kind: 'product', monthsAgo: 20 },
  { name: '家庭云存储', kind: 'product', monthsAgo: 26 },
  { name: '视频会员合约', kind: 'campaign', monthsAgo: 18 },
  { name: '校园卡59元', kind: 'tariff', monthsAgo: 32 },
  { name: '老年关爱卡', kind: 'tariff', monthsAgo: 44 },
  { name: '智能组网FTTR', kind: 'product', monthsAgo: 14 },
  { name: '话费充值满减', kind: 'campaign', monthsAgo: 10 },
  { name: '合约购机', kind: 'campaign', monthsAgo: 50 },
  { name: '物联网卡', kind: 'product', monthsAgo: 56 },
  { name: '固话', kind: 'product', monthsAgo: 120 },
  { name: '天翼看家', kind: 'product', monthsAgo: 28 },
  { name: '5G升级礼包', kind: 'campaign', monthsAgo: 16 },
  { name: '副卡共享', kind: 'product', monthsAgo: 38 },
  { name: '云手机', kind: 'product', monthsAgo: 12 },
  { name: '积分兑换', kind: 'campaign', monthsAgo: 64 },
  { name: '亲情号码', kind: 'product', monthsAgo: 90 },
  { name: '商企专线', kind: 'product', monthsAgo: 70 },
  { name: '卫星通话包', kind: 'product', monthsAgo: 8 },
  { name: '双十一宽带特惠', kind: 'campaign', monthsAgo: 13 },
  { name: '春节回家流量包', kind: 'campaign', monthsAgo: 22 },
  { name: '无限流量169元', kind: 'tariff', monthsAgo: 34 },
  { name: '靓号预存', kind: 'campaign', monthsAgo: 46 },
  { name: 'IPTV高清', kind: 'product', monthsAgo: 52 },
  { name: '安全管家', kind: 'product', monthsAgo: 24 },
  { name: 'AI助理月包', kind: 'product', monthsAgo: 5 },
];

/** The leaves of the seeded category tree, most complained-about first (the Zipf rank). */
const POPULARITY = [
  '费用争议',
  '不明扣费',
  '网速慢',
  '信号覆盖',
  '套餐资费',
  '办理差错',
  '配送延迟',
  '坐席服务',
  '未经同意开通',
  '退费退款',
  '服务中断',
  '营销骚扰',
  '退订销户困难',
  '终端设备故障',
  '商品质量问题',
  '宣传不实',
  '营业厅服务',
  '丢件破损',
  '上门服务',
  '账户安全',
  '个人信息泄露',
  '其他',
];

interface Leaf {
  id: string;
  name: string;
  root: string;
}

interface Staff {
  id: string;
  team: string;
}

export interface Organisation {
  leaves: Leaf[];
  /** Front-line agents and specialists: the owners of complaints. */
  owners: Staff[];
  ownerWeights: Weighted;
  specialists: Staff[];
  supervisors: Staff[];
  departments: { id: string; name: string }[];
  products: { name: string; launched: number }[];
}

interface Session {
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
}

/** Teams, staff, departments and products (a few hundred rows: plain INSERTs). */
export async function createOrganisation(s: Session, rng: Rng, t0: Date): Promise<Organisation> {
  const tiers = new Map(
    (await s.query<{ id: string; level: number }>('SELECT id, level FROM tiers')).map((r) => [r.level, r.id]),
  );
  const teamNames = [
    ...Array.from({ length: FRONT_TEAMS }, (_, i) => ({ name: `一线${chineseNumber(i + 1)}组`, level: 1 })),
    ...Array.from({ length: SPECIALIST_TEAMS }, (_, i) => ({
      name: `专家${chineseNumber(i + 1)}组`,
      level: 2,
    })),
  ];
  const teams = await s.query<{ id: string; name: string }>(
    `INSERT INTO teams (name, tier_id) SELECT t.name, t.tier FROM unnest($1::text[], $2::uuid[]) AS t(name, tier)
     RETURNING id, name`,
    [teamNames.map((t) => t.name), teamNames.map((t) => tiers.get(t.level) ?? tiers.get(1))],
  );
  const teamId = new Map(teams.map((t) => [t.name, t.id]));
  const users: { login: string; name: string; role: string; team: string }[] = [];
  const surnames =
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
  const given = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红鹏飞斌宇浩凯晨琳雪梅婷颖欣怡佳俊峰';
  const person = () =>
    `${surnames[rng.int(surnames.length)]}${given[rng.int(given.length)]}${rng.chance(0.6) ? given[rng.int(given.length)] : ''}`;
  for (const [t, team] of teamNames.entries()) {
    const n = team.level === 1 ? AGENTS_PER_TEAM : SPECIALISTS_PER_TEAM;
    for (let k = 1; k <= n; k++) {
      users.push({
        login: `bench.${team.level === 1 ? 'agent' : 'specialist'}.${t + 1}.${k}`,
        name: person(),
        role: team.level === 1 ? 'agent' : 'specialist',
        team: team.name,
      });
    }
    users.push({ login: `bench.supervisor.${t + 1}`, name: person(), role: 'supervisor', team: team.name });
  }
  const rows = await s.query<{ id: string; role: string; team: string }>(
    `INSERT INTO users (login, name, password_hash, role, team, team_id, created_at, updated_at)
     SELECT u.login, u.name, 'bench: cannot log in', u.role, u.team, u.team_id, $6, $6
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::uuid[]) AS u(login, name, role, team, team_id)
     RETURNING id, role, team`,
    [
      users.map((u) => u.login),
      users.map((u) => u.name),
      users.map((u) => u.role),
      users.map((u) => u.team),
      users.map((u) => teamId.get(u.team)),
      new Date(t0.getTime() - 3 * 365 * 86_400_000),
    ],
  );
  const owners = rows.filter((r) => r.role === 'agent' || r.role === 'specialist');
  // Some people handle more than others; specialists take complaints mostly by escalation.
  const ownerWeights = new Weighted(
    owners.map((o) => (o.role === 'agent' ? 1 : 0.15) * Math.exp(0.35 * rng.normal())),
  );
  const departments = await s.query<{ id: string; name: string }>(
    'INSERT INTO departments (name) SELECT unnest($1::text[]) RETURNING id, name',
    [DEPARTMENTS],
  );
  await s.query(
    `INSERT INTO products (name, kind, launched_on)
     SELECT p.name, p.kind, ($4::date - make_interval(months => p.m))::date
       FROM unnest($1::text[], $2::text[], $3::int[]) AS p(name, kind, m)`,
    [PRODUCTS.map((p) => p.name), PRODUCTS.map((p) => p.kind), PRODUCTS.map((p) => p.monthsAgo), t0],
  );
  const leaves = await s.query<Leaf>(
    `SELECT c.id, c.name, coalesce(p.name, c.name) AS root
       FROM categories c LEFT JOIN categories p ON p.id = c.parent_id
      WHERE c.active AND NOT EXISTS (SELECT 1 FROM categories k WHERE k.parent_id = c.id)`,
  );
  const rank = (name: string) => {
    const i = POPULARITY.indexOf(name);
    return i < 0 ? POPULARITY.length : i;
  };
  leaves.sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
  return {
    leaves,
    owners: owners.map((o) => ({ id: o.id, team: o.team })),
    ownerWeights,
    specialists: rows.filter((r) => r.role === 'specialist').map((o) => ({ id: o.id, team: o.team })),
    supervisors: rows.filter((r) => r.role === 'supervisor').map((o) => ({ id: o.id, team: o.team })),
    departments,
    products: PRODUCTS.map((p) => ({
      name: p.name,
      launched: t0.getTime() - p.monthsAgo * 30.44 * 86_400_000,
    })),
  };
}

// ---- the calendar of volume -----------------------------------------------------------------

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const SHANGHAI_MS = 8 * HOUR_MS;

/** Relative volume by hour of the day (China time): business hours, a lunch dip, quiet nights. */
const HOURS = [
  0.15, 0.1, 0.07, 0.06, 0.06, 0.1, 0.25, 0.6, 1.2, 2.0, 2.2, 2.0, 1.4, 1.6, 2.0, 2.0, 1.9, 1.7, 1.3, 1.1,
  1.0, 0.8, 0.5, 0.3,
];
/** Sunday … Saturday. */
const WEEKDAYS = [0.55, 1.12, 1.05, 1.02, 1.0, 0.98, 0.72];

export interface Burst {
  /** Days before the last day. */
  daysBeforeEnd: number;
  days: number;
  category: string;
  /** Volume of that category on those days, as a multiple of its usual volume. */
  factor: number;
  label: string;
}

/** A network outage (10× one category for a day), a billing error and a data leak. */
export const BURSTS: Burst[] = [
  { daysBeforeEnd: 160, days: 1, category: '服务中断', factor: 10, label: '网络故障 (outage)' },
  { daysBeforeEnd: 400, days: 2, category: '不明扣费', factor: 5, label: '计费差错 (billing error)' },
  { daysBeforeEnd: 45, days: 1, category: '个人信息泄露', factor: 8, label: '信息泄露 (data leak)' },
];

export interface DayPlan {
  /** YYYY-MM-DD in China. */
  day: string;
  /** 00:00 of that day in China, as epoch ms. */
  start: number;
  count: number;
  /** Share of the day's complaints that the burst category takes; -1 when none. */
  burstLeaf: number;
  burstShare: number;
  /** 双十一: delivery complaints triple from 11 to 20 November. */
  doubleEleven: boolean;
  kind: string;
}

export interface Calendar {
  days: DayPlan[];
  first: string;
  last: string;
}

/** How many complaints each day of the `days` days ending `lastDay` gets, summing to exactly `n`. */
export function planDays(n: number, days: number, lastDay: string, leaves: Leaf[]): Calendar {
  const rules = nationalRules();
  const leafShare = zipf(leaves.length, 1);
  const total = leafShare.reduce((a, b) => a + b, 0);
  const lastStart = Date.parse(`${lastDay}T00:00:00Z`) - SHANGHAI_MS;
  const plans: (DayPlan & { weight: number })[] = [];
  for (let i = days - 1; i >= 0; i--) {
    const start = lastStart - i * DAY_MS;
    const day = new Date(start + SHANGHAI_MS).toISOString().slice(0, 10);
    const dow = new Date(start + SHANGHAI_MS).getUTCDay();
    const holiday = rules.holidays.get(day);
    let w = WEEKDAYS[dow] ?? 1;
    let kind = dow === 0 || dow === 6 ? 'weekend' : 'weekday';
    if (holiday !== undefined) {
      w = holiday.includes('春节') ? 0.35 : holiday.includes('国庆') ? 0.5 : 0.7;
      kind = `holiday ${holiday}`;
    } else if (rules.workdays.has(day)) {
      w = 0.98;
      kind = 'adjusted workday';
    }
    // A mild yearly wave (busier in summer) and 12 % growth a year, so year-over-year differs.
    const doy = (start - Date.UTC(new Date(start).getUTCFullYear(), 0, 1)) / DAY_MS;
    w *= 1 + 0.07 * Math.sin((2 * Math.PI * (doy - 100)) / 365);
    w *= 1.12 ** ((i === 0 ? 0 : -i) / 365);
    const md = day.slice(5);
    const doubleEleven = md >= '11-11' && md <= '11-20';
    let burstLeaf = -1;
    let burstShare = 0;
    for (const b of BURSTS) {
      if (i >= b.daysBeforeEnd - b.days + 1 && i <= b.daysBeforeEnd) {
        const leaf = leaves.findIndex((l) => l.name === b.category);
        if (leaf < 0) continue;
        const share = (leafShare[leaf] ?? 0) / total;
        const extra = share * (b.factor - 1);
        burstLeaf = leaf;
        burstShare = extra / (1 + extra);
        w *= 1 + extra;
        kind = `burst: ${b.label}`;
      }
    }
    plans.push({ day, start, count: 0, burstLeaf, burstShare, doubleEleven, kind, weight: w });
  }
  // Whole complaints per day, rounding the running sum so that they add up to exactly n.
  const sum = plans.reduce((a, p) => a + p.weight, 0);
  let acc = 0;
  let given = 0;
  for (const p of plans) {
    acc += (p.weight / sum) * n;
    p.count = Math.round(acc) - given;
    given += p.count;
  }
  return { days: plans, first: plans[0]?.day ?? lastDay, last: lastDay };
}

// ---- rows -----------------------------------------------------------------------------------

const CHANNELS = new Weighted([60, 3, 4, 9, 3, 12, 5, 4]);
const CHANNEL_NAMES = ['phone_in', 'phone_out', 'email', 'web', 'sms', 'wechat', 'walk_in', 'api'];
const CUSTOMER_TYPES = new Weighted([55, 25, 12, 2, 6]);
const CUSTOMER_TYPE_NAMES = ['problem_solving', 'emotional_venting', 'rational_difficult', 'malicious_claim'];
const MOTIVES = ['quality_supervision', 'rational', 'negotiation', 'victim'];
const DISSATISFACTION = new Weighted([10, 15, 70, 5]);
const DISSATISFACTION_NAMES = ['dissatisfied', 'grumbling', 'complaining', 'leaving'];
const CAUSE_NAMES = ['product_technical', 'communication', 'service_attitude', 'customer_situation'];
/** Cause weights by root category. */
const CAUSE_BY_ROOT: Record<string, number[]> = {
  资费与计费: [25, 45, 10, 20],
  网络与服务质量: [75, 10, 5, 10],
  业务办理: [20, 40, 25, 15],
  服务态度: [5, 20, 70, 5],
  产品质量: [75, 10, 5, 10],
  物流配送: [45, 20, 20, 15],
  营销宣传: [10, 60, 15, 15],
  信息安全: [60, 15, 10, 15],
};
/** The department usually responsible, by root category (index into DEPARTMENTS). */
const DEPARTMENT_BY_ROOT: Record<string, number> = {
  资费与计费: 0,
  网络与服务质量: 1,
  业务办理: 4,
  服务态度: 4,
  产品质量: 1,
  物流配送: 3,
  营销宣传: 2,
  信息安全: 5,
};
const PROBLEMS = [
  '多次来电未解决',
  '客服答复前后不一致',
  '承诺回电未回电',
  '营业厅推诿',
  '已等待一周以上',
  '影响正常工作和生活',
  '老人不会操作被误导办理',
  '短信通知与实际不符',
];
const DEMANDS = [
  '要求退还费用并道歉',
  '要求尽快修复',
  '要求给出书面说明',
  '要求赔偿损失',
  '要求取消业务',
  '要求追究相关人员责任',
];

/** Resolution target by severity (hours): a resolved complaint is on time within it. */
const RESOLUTION_TARGET_H = { normal: 168, major: 72, crisis: 24 };
const REPLY_TARGET_H = 24;

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
/** A 32-bit mix, so ids and phone numbers look random while staying unique. */
function mix32(x: number): number {
  let h = Math.imul(x ^ 0x5bd1e995, 0x27d4eb2d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

export function customerId(i: number): string {
  const h = mix32(i);
  return `${hex(h, 8)}-${hex(mix32(h) & 0xffff, 4)}-4${hex(mix32(i + 7) & 0xfff, 3)}-8${hex(i >>> 24, 3)}-${hex(i & 0xffffff, 12)}`;
}

/** A distinct mobile number (1[3-9] and nine digits) for each customer index below 7e9. */
export function customerPhone(i: number): string {
  return String(13_000_000_000 + ((i * 1_000_003) % 7_000_000_000));
}

/** A UUIDv7 (time-ordered, like the ids many applications generate) with the row number inside. */
function complaintId(at: number, i: number): string {
  const t = hex(at, 12);
  return `${t.slice(0, 8)}-${t.slice(8)}-7${hex(mix32(i) & 0xfff, 3)}-${hex(0x8000 | (Math.floor(i / 2 ** 32) & 0x3fff), 4)}-${hex(mix32(i ^ 0x1234567), 8)}${hex(i & 0xffff, 4)}`;
}
// Uniqueness: the row number i < 2^46 is spread over the 4th group and the last 4 hex digits
// together with the millisecond timestamp; two rows of the same millisecond differ in i.

const iso = (ms: number) => new Date(ms).toISOString();
const bool = (b: boolean | null) => (b === null ? '\\N' : b ? 't' : 'f');
const opt = (s: string | null | undefined) => (s == null ? '\\N' : s);

export const CUSTOMER_COLUMNS = 'id, name, external_id, vip_level, created_at, updated_at';

/** Customers as COPY text rows, in chunks. */
export async function* customerRows(count: number, rng: Rng, t0: number): AsyncGenerator<string> {
  const surnames =
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任';
  let chunk = '';
  for (let i = 0; i < count; i++) {
    const created = iso(t0 - (30 + rng.int(8 * 365)) * DAY_MS - rng.int(DAY_MS));
    const vip = rng.chance(0.9) ? 0 : 1 + rng.int(rng.chance(0.9) ? 3 : 9);
    chunk += `${customerId(i)}\t${surnames[rng.int(surnames.length)]}${rng.chance(0.5) ? '先生' : '女士'}\t${
      rng.chance(0.6) ? `CRM${String(i).padStart(9, '0')}` : '\\N'
    }\t${vip}\t${created}\t${created}\n`;
    if (chunk.length > 65536) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

export const PHONE_COLUMNS = 'phone, kind, customer_id, created_at';

export async function* phoneRows(count: number, t0: number): AsyncGenerator<string> {
  let chunk = '';
  const created = iso(t0 - 400 * DAY_MS);
  for (let i = 0; i < count; i++) {
    chunk += `${customerPhone(i)}\tmobile\t${customerId(i)}\t${created}\n`;
    if (chunk.length > 65536) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

export const COMPLAINT_COLUMNS = [
  'id',
  'number',
  'customer_id',
  'contact_phone',
  'channel',
  'received_at',
  'description',
  'verified_facts',
  'category_id',
  'product',
  'severity',
  'dissatisfaction',
  'customer_type',
  'customer_motive',
  'resolution_class',
  'status',
  'confirmed',
  'owner_id',
  'handler_id',
  'team',
  'created_by',
  'summary',
  'close_reason',
  'withdraw_reason',
  'reopen_count',
  'version',
  'accepted_at',
  'resolved_at',
  'closed_at',
  'created_at',
  'updated_at',
  'next_due_at',
  'next_due_kind',
  'next_warn_at',
  'tier_level',
  'cause',
  'cause_controllable',
  'cause_internal',
  'cause_reversible',
  'company_at_fault',
  'responsible_department_id',
  'analysed_by',
  'analysed_at',
  'repeat_of',
  'max_tier_level',
  'escalation_count',
  'escalations_reviewed',
  'escalations_justified',
  'reply_on_time',
  'resolution_on_time',
].join(', ');

/** What the generator counted, to print beside the load time (and check the shape). */
export interface Tally {
  rows: number;
  byStatus: Record<string, number>;
  bySeverity: Record<string, number>;
  byChannel: Record<string, number>;
  escalated: number;
  escalations: number;
  repeats: number;
  reopened: number;
  withCause: number;
  uncategorised: number;
  busiestDay: { day: string; count: number; kind: string };
  quietestDay: { day: string; count: number; kind: string };
}

const RING = 1 << 18;

/**
 * The complaints as COPY text rows, in time order, day by day. `now` is the load's instant: what
 * has not happened by then (a resolution, a closing, a review) has not happened, so recent
 * complaints are still open and their facts unsettled, as in a live system.
 */
export async function* complaintRows(
  cal: Calendar,
  org: Organisation,
  customers: number,
  rng: Rng,
  now: number,
  tally: Tally,
): AsyncGenerator<string> {
  const leaves = org.leaves;
  const leafPick = new Weighted(zipf(leaves.length, 1));
  const deliveryLeaves = leaves.map((l, i) => (l.root === '物流配送' ? i : -1)).filter((i) => i >= 0);
  const productPick = new Weighted(zipf(org.products.length, 0.9));
  const hourPick = new Weighted(HOURS);
  const dept = (name: string) => org.departments.find((d) => d.name === name)?.id ?? null;
  const rootDept = new Map(
    Object.entries(DEPARTMENT_BY_ROOT).map(([root, i]) => [root, dept(DEPARTMENTS[i] as string)]),
  );
  const causePick = new Map(Object.entries(CAUSE_BY_ROOT).map(([root, w]) => [root, new Weighted(w)]));
  const anyCause = new Weighted([30, 30, 20, 20]);
  // Recent complaints (row number, customer, leaf, instant) for repeats to point back to.
  const ringRow = new Float64Array(RING);
  const ringCustomer = new Int32Array(RING);
  const ringLeaf = new Int16Array(RING);
  const ringAt = new Float64Array(RING);
  let ringSize = 0;
  let row = 0;
  const lastDayStart = cal.days[cal.days.length - 1]?.start ?? now;
  // Repeats look back over about the last 25 days' complaints (the ring's size at most).
  const perDay = cal.days.reduce((a, d) => a + d.count, 0) / Math.max(1, cal.days.length);
  const window = Math.max(100, Math.min(RING, Math.floor(25 * perDay)));
  for (const plan of cal.days) {
    if (plan.count > tally.busiestDay.count)
      tally.busiestDay = { day: plan.day, count: plan.count, kind: plan.kind };
    if (plan.count < tally.quietestDay.count || tally.quietestDay.count === 0)
      tally.quietestDay = { day: plan.day, count: plan.count, kind: plan.kind };
    // The day's instants, sorted: complaints are numbered in order of receipt.
    const times = new Float64Array(plan.count);
    for (let k = 0; k < plan.count; k++) {
      times[k] = plan.start + hourPick.pick(rng) * HOUR_MS + Math.floor(rng.next() * HOUR_MS);
    }
    times.sort();
    const dayNumber = plan.day.replaceAll('-', '');
    let chunk = '';
    const recentDays = (lastDayStart - plan.start) / DAY_MS < 3;
    for (let k = 0; k < plan.count; k++) {
      const r = times[k] as number;
      // Category, customer and repeat.
      let leaf: number;
      let customer: number;
      let repeatOf: string | null = null;
      const lookBack = Math.min(ringSize, window);
      const slot = (ringSize - 1 - rng.int(Math.max(1, lookBack))) & (RING - 1);
      if (lookBack >= 100 && (ringLeaf[slot] as number) >= 0 && rng.chance(0.05)) {
        // A repeat: the same customer about the same category, within the last 25 days or so
        // (the ring holds the last 262,144 complaints, about 19 days at 10M in two years).
        leaf = ringLeaf[slot] as number;
        customer = ringCustomer[slot] as number;
        const prevAt = ringAt[slot] as number;
        if (r - prevAt <= 30 * DAY_MS && r > prevAt) {
          repeatOf = complaintId(prevAt, ringRow[slot] as number);
          tally.repeats++;
        }
      } else {
        if (plan.burstLeaf >= 0 && rng.chance(plan.burstShare)) leaf = plan.burstLeaf;
        else if (plan.doubleEleven && deliveryLeaves.length && rng.chance(0.08))
          leaf = deliveryLeaves[rng.int(deliveryLeaves.length)] as number;
        else leaf = leafPick.pick(rng);
        // Skewed: a small share of customers complain often.
        customer = Math.floor(customers * rng.next() ** 1.3);
      }
      const cat = leaves[leaf] as Leaf;
      const uncategorised = recentDays && repeatOf === null && rng.chance(0.04);
      if (uncategorised) tally.uncategorised++;
      const id = complaintId(r, row);
      ringRow[ringSize & (RING - 1)] = row;
      ringCustomer[ringSize & (RING - 1)] = customer;
      ringLeaf[ringSize & (RING - 1)] = uncategorised ? -1 : leaf;
      ringAt[ringSize & (RING - 1)] = r;
      ringSize++;
      row++;

      const channel = CHANNEL_NAMES[CHANNELS.pick(rng)] as string;
      const burstRow = leaf === plan.burstLeaf;
      const sv = rng.next();
      const severity =
        sv < (burstRow ? 0.01 : 0.001) ? 'crisis' : sv < (burstRow ? 0.06 : 0.011) ? 'major' : 'normal';
      const ownerIdx = org.ownerWeights.pick(rng);
      const owner = org.owners[ownerIdx] as Staff;
      const pi = productPick.pick(rng);
      const prod = org.products[pi];
      const product = rng.chance(0.65) && prod && prod.launched < r ? prod.name : null;
      const ctIdx = CUSTOMER_TYPES.pick(rng);
      const customerType = CUSTOMER_TYPE_NAMES[ctIdx] ?? null;

      // The course of the complaint, cut at `now`.
      const accepted = r + Math.min(rng.logNormal(8 * 60_000, 0.8), 6 * HOUR_MS);
      const escalateP = severity === 'crisis' ? 0.8 : severity === 'major' ? 0.4 : 0.075;
      const wantsEscalation = rng.chance(escalateP);
      const medianH = severity === 'crisis' ? 3 : severity === 'major' ? 10 : 28;
      let resolveMs = rng.logNormal(medianH * HOUR_MS, 1.25) * (wantsEscalation ? 2.2 : 1);
      resolveMs = Math.min(Math.max(resolveMs, 10 * 60_000), 90 * DAY_MS);
      const withdrawn = rng.chance(0.025);
      const withdrawAt = r + rng.logNormal(2 * DAY_MS, 1);
      const resolvedAt = r + resolveMs;
      const closedAfterResolve = resolvedAt + rng.logNormal(20 * HOUR_MS, 1);
      let status: string;
      let closeReason: string | null = null;
      let resolved: number | null = null;
      let closed: number | null = null;
      if (accepted > now) status = 'new';
      else if (withdrawn && withdrawAt <= now) {
        status = 'closed';
        closeReason = 'withdrawn';
        closed = withdrawAt;
      } else if (withdrawn || resolvedAt > now)
        status = now - accepted < HOUR_MS ? 'accepted' : 'in_progress';
      else if (closedAfterResolve > now) {
        status = 'resolved';
        resolved = resolvedAt;
      } else {
        status = 'closed';
        closeReason = 'completed';
        resolved = resolvedAt;
        closed = closedAfterResolve;
      }
      const open = status !== 'closed';
      const reopenCount =
        resolved !== null && rng.chance(0.03) ? (rng.chance(0.12) ? 2 : 1) : open && rng.chance(0.01) ? 1 : 0;
      if (reopenCount > 0) tally.reopened++;

      // Escalations happen in the first part of the handling; only those before `now` count.
      let escalations = 0;
      let reviewed = 0;
      let justified = 0;
      if (wantsEscalation) {
        const wanted = rng.chance(0.85) ? 1 : rng.chance(0.87) ? 2 : 3;
        for (let e = 1; e <= wanted; e++) {
          const at = accepted + (resolveMs * e) / (wanted + 2);
          if (at > now) break;
          escalations++;
          if (at < now - DAY_MS && rng.chance(0.92)) {
            reviewed++;
            if (rng.chance(0.72)) justified++;
          }
        }
      }
      const maxTier = Math.min(3, 1 + escalations);
      if (escalations > 0) {
        tally.escalated++;
        tally.escalations += escalations;
      }
      const tierLevel = open || rng.chance(0.7) ? maxTier : 1;
      const handler =
        status === 'new'
          ? null
          : maxTier > 1
            ? (org.specialists[mix32(row) % org.specialists.length] as Staff).id
            : owner.id;

      // Deadline outcomes (facts the triggers would have copied onto the row).
      const replyAt = r + rng.logNormal(4 * HOUR_MS, 1.2);
      const replyDue = r + REPLY_TARGET_H * HOUR_MS;
      const replyOnTime =
        replyAt <= now && replyAt <= replyDue
          ? true
          : replyDue <= now && !(withdrawn && withdrawAt < replyDue)
            ? false
            : null;
      const resDue = r + RESOLUTION_TARGET_H[severity as keyof typeof RESOLUTION_TARGET_H] * HOUR_MS;
      let resolutionOnTime: boolean | null = null;
      if (resolved !== null) resolutionOnTime = resolved <= resDue;
      else if (closeReason === 'withdrawn') resolutionOnTime = (closed as number) > resDue ? false : null;
      else if (resDue <= now) resolutionOnTime = false;

      // The cause analysis, recorded when closing as completed (and on half the resolved ones).
      let cause: string | null = null;
      let controllable: boolean | null = null;
      let internal: boolean | null = null;
      let reversible: boolean | null = null;
      let atFault: boolean | null = null;
      let verifiedFacts: string | null = null;
      let responsible: string | null = null;
      let analysedAt: number | null = null;
      if ((closeReason === 'completed' || (status === 'resolved' && rng.chance(0.5))) && !uncategorised) {
        const ci = (causePick.get(cat.root) ?? anyCause).pick(rng);
        cause = CAUSE_NAMES[ci] as string;
        controllable = ci === 3 ? rng.chance(0.1) : rng.chance(0.8);
        internal = ci === 3 ? false : rng.chance(0.75);
        reversible = rng.chance(0.6);
        if (rng.chance(0.85)) {
          verifiedFacts = '核实：系统记录与客户所述基本一致。';
          atFault = ci === 3 ? rng.chance(0.05) : rng.chance(0.55);
        }
        responsible = rng.chance(0.75) ? (rootDept.get(cat.root) ?? null) : null;
        analysedAt = closed ?? resolved;
      }
      const last = Math.max(r, accepted <= now ? accepted : r, resolved ?? 0, closed ?? 0);
      const version =
        1 +
        (status === 'new' ? 0 : 2) +
        (resolved ? 1 : 0) +
        (closed ? 1 : 0) +
        escalations +
        2 * reopenCount;
      const nextDue = open ? (resolutionOnTime === null ? resDue : null) : null;

      tally.byStatus[status] = (tally.byStatus[status] ?? 0) + 1;
      tally.bySeverity[severity] = (tally.bySeverity[severity] ?? 0) + 1;
      tally.byChannel[channel] = (tally.byChannel[channel] ?? 0) + 1;
      if (cause) tally.withCause++;

      const rIso = iso(r);
      chunk += `${id}\tTS${dayNumber}${String(k + 1).padStart(4, '0')}\t${customerId(customer)}\t${customerPhone(customer)}\t${channel}\t${rIso}\t${
        product ?? cat.name
      }：${PROBLEMS[rng.int(PROBLEMS.length)]}，${DEMANDS[rng.int(DEMANDS.length)]}。\t${opt(verifiedFacts)}\t${
        uncategorised ? '\\N' : cat.id
      }\t${opt(product)}\t${severity}\t${DISSATISFACTION_NAMES[DISSATISFACTION.pick(rng)]}\t${opt(customerType)}\t${
        rng.chance(0.3) ? MOTIVES[rng.int(MOTIVES.length)] : '\\N'
      }\t${resolved ? (resolveMs < DAY_MS ? 'immediate' : 'short_term') : '\\N'}\t${status}\tt\t${
        status === 'new' ? '\\N' : owner.id
      }\t${opt(handler)}\t${owner.team}\t${owner.id}\t${closeReason === 'completed' ? '已处理，客户认可处理结果。' : '\\N'}\t${opt(
        closeReason,
      )}\t${closeReason === 'withdrawn' ? '客户表示问题已自行解决' : '\\N'}\t${reopenCount}\t${version}\t${
        status === 'new' ? '\\N' : iso(accepted)
      }\t${resolved ? iso(resolved) : '\\N'}\t${closed ? iso(closed) : '\\N'}\t${rIso}\t${iso(last)}\t${
        nextDue ? iso(nextDue) : '\\N'
      }\t${nextDue ? 'resolution' : '\\N'}\t${nextDue ? iso(nextDue - (resDue - r) * 0.25) : '\\N'}\t${tierLevel}\t${opt(
        cause,
      )}\t${bool(controllable)}\t${bool(internal)}\t${bool(reversible)}\t${bool(atFault)}\t${opt(responsible)}\t${
        analysedAt ? owner.id : '\\N'
      }\t${analysedAt ? iso(analysedAt) : '\\N'}\t${opt(repeatOf)}\t${maxTier}\t${escalations}\t${reviewed}\t${justified}\t${bool(
        replyOnTime,
      )}\t${bool(resolutionOnTime)}\n`;
      if (chunk.length > 65536) {
        yield chunk;
        chunk = '';
      }
    }
    tally.rows += plan.count;
    if (chunk) yield chunk;
  }
}

/** COPY … FROM STDIN of a generated stream; returns the rows PostgreSQL took. */
export async function copyInto(
  client: pg.PoolClient | pg.Client,
  table: string,
  columns: string,
  rows: AsyncIterable<string>,
): Promise<number> {
  const stream = client.query(copyFrom(`COPY ${table} (${columns}) FROM STDIN`));
  await pipeline(Readable.from(rows, { objectMode: false, highWaterMark: 1 << 20 }), stream);
  return stream.rowCount;
}
