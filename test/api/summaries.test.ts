// Periodic summaries through the real server on a real database. The clock is pinned and moved by
// the tests; the timer engine is swept by hand: a day's summary is made once its day is over at
// 00:00 Asia/Shanghai and not before, missed ones are made on catch-up exactly once (two engines
// side by side too), the figures equal the report endpoints', the Excel workbook reads back the
// same numbers, and only those allowed read or make them.
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUMMARIES_PER_SWEEP } from '../../src/jobs/periodic-summaries.ts';
import { sweepOnce } from '../../src/jobs/timer-engine.ts';
import {
  complaintBody,
  type Json,
  startTestServer,
  type TestServer,
  type TestUser,
} from '../helpers/test-server.ts';

let now = new Date('2026-11-19T09:00:00+08:00');
let s: TestServer;
let agentA: TestUser;
let agentB: TestUser;
let specialist: TestUser;
let supervisor: TestUser;
let analyst: TestUser;
let department: TestUser;
let admin: TestUser;
let categories: Json[];
let top: Json[];

const childrenOf = (id: string) => categories.filter((c) => c.parentId === id);

async function complaint(receivedAt: string, categoryId: string | null, by: TestUser = agentA) {
  const r = await by.client.post('/complaints', complaintBody({ receivedAt, categoryId }));
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

/** What is stored, straight from the table: kind:start → how many rows. */
async function stored(): Promise<Map<string, number>> {
  const rows = await s.handle.db
    .selectFrom('report_summaries')
    .select((eb) => [
      'period_kind',
      eb.cast<string>('period_start', 'text').as('start'),
      eb.fn.countAll<string>().as('n'),
    ])
    .groupBy(['period_kind', 'period_start'])
    .execute();
  return new Map(rows.map((r) => [`${r.period_kind}:${r.start}`, Number(r.n)]));
}

/** Sweeps at an instant until a sweep makes no summary; returns how many each sweep made. */
async function sweepUntilDone(at: string): Promise<number[]> {
  const made: number[] = [];
  for (let i = 0; i < 20; i++) {
    const before = [...(await stored()).values()].reduce((a, b) => a + b, 0);
    await sweepOnce(s.handle.db, new Date(at));
    const after = [...(await stored()).values()].reduce((a, b) => a + b, 0);
    if (after === before) return made;
    made.push(after - before);
  }
  throw new Error('summaries never settled');
}

async function summaryOf(kind: string, start: string): Promise<Json> {
  const list = await analyst.client.get(`/summaries?kind=${kind}&limit=200`);
  expect(list.status).toBe(200);
  const item = list.body.items.find((x: Json) => x.periodStart === start);
  expect(item, `${kind} ${start}`).toBeDefined();
  const r = await analyst.client.get(`/summaries/${item.id}`);
  expect(r.status).toBe(200);
  return r.body;
}

async function workbook(u: TestUser, id: string) {
  const res = await fetch(`${s.baseUrl}/summaries/${id}?format=xlsx`, {
    headers: { authorization: `Bearer ${(u.client as Json).auth.bearer}` },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
  return { wb, disposition: res.headers.get('content-disposition') ?? '' };
}

beforeAll(async () => {
  s = await startTestServer({ clock: () => now });
  agentA = await s.withToken(await s.user('agent', '一组'));
  agentB = await s.withToken(await s.user('agent', '二组'));
  specialist = await s.withToken(await s.user('specialist', '一组'));
  supervisor = await s.withToken(await s.user('supervisor', '一组'));
  analyst = await s.withToken(await s.user('analyst'));
  department = await s.withToken(await s.user('department'));
  const me = (await s.admin.get('/me')).body.user;
  admin = await s.withToken({ id: me.id, login: me.login, role: 'admin', team: null, client: s.admin });
  categories = (await s.admin.get('/categories')).body.items;
  top = categories.filter((c) => c.parentId === null && childrenOf(c.id).length >= 2).slice(0, 3);
  expect(top).toHaveLength(3);
});
afterAll(() => s?.close());

describe('on schedule', () => {
  it('makes nothing before there is a complaint, nor before the first day is over', async () => {
    await sweepOnce(s.handle.db, new Date('2026-11-19T08:00:00+08:00'));
    expect((await stored()).size).toBe(0);
    const [a, b] = top.map((t) => childrenOf(t.id)) as [Json[], Json[]];
    await complaint('2026-11-19T08:30:00+08:00', a[0].id);
    await complaint('2026-11-19T09:00:00+08:00', a[1].id, agentB);
    await complaint('2026-11-19T00:00:00+08:00', b[0].id); // the first second of the day
    await complaint('2026-11-18T23:59:59+08:00', b[0].id); // the last second of the day before
    // The 18th is the first day now; its summary is due, the 19th's not yet.
    now = new Date('2026-11-19T23:59:59.999+08:00');
    await sweepUntilDone('2026-11-19T23:59:59.999+08:00');
    expect([...(await stored()).keys()]).toEqual(['day:2026-11-18']);
  });

  it("makes the day's summary at 00:00 in Asia/Shanghai (16:00 UTC), once", async () => {
    now = new Date('2026-11-19T16:00:00Z');
    expect(await sweepUntilDone('2026-11-19T16:00:00Z')).toEqual([1]);
    expect(await stored()).toEqual(
      new Map([
        ['day:2026-11-18', 1],
        ['day:2026-11-19', 1],
      ]),
    );
    const day = await summaryOf('day', '2026-11-19');
    expect(day).toMatchObject({
      kind: 'day',
      periodStart: '2026-11-19',
      periodEnd: '2026-11-19',
      timeZone: 'Asia/Shanghai',
      generatedAt: '2026-11-19T16:00:00.000Z',
      generatedBy: null,
      label: { zh: '2026年11月19日', en: '19 November 2026' },
      total: { count: 3, previous: 1, change: 2, growth: 2 },
    });
    expect(day.content.headline.zh).toMatch(
      /^2026年11月19日共受理投诉 3 件，较前一日增加 2 件（\+200\.0%）。/,
    );
    expect(day.content.headline.en).toMatch(
      /^19 November 2026: 3 complaints were received, 2 more than the day before/,
    );
    // A day's trend is the week ending on it.
    expect(day.content.trend.points.map((p: Json) => [p.period, p.count])).toEqual([
      ['2026-11-13', 0],
      ['2026-11-14', 0],
      ['2026-11-15', 0],
      ['2026-11-16', 0],
      ['2026-11-17', 0],
      ['2026-11-18', 1],
      ['2026-11-19', 3],
    ]);
    // Sweeping again, and two engines at once, make nothing more.
    await sweepOnce(s.handle.db, new Date('2026-11-20T00:00:30+08:00'));
    await Promise.all([
      sweepOnce(s.handle.db, new Date('2026-11-20T00:01:00+08:00')),
      sweepOnce(s.handle.db, new Date('2026-11-20T00:01:00+08:00')),
    ]);
    expect([...(await stored()).values()]).toEqual([1, 1]);
  });

  it('after downtime, makes each missed summary exactly once, a few per sweep, oldest first', async () => {
    const [a, b, c] = top.map((t) => childrenOf(t.id)) as [Json[], Json[], Json[]];
    for (const [d, cat, by] of [
      ['2026-11-20T10:00:00+08:00', a[0].id, agentA],
      ['2026-11-21T11:00:00+08:00', b[1].id, agentB],
      ['2026-11-22T23:30:00+08:00', c[0].id, agentA],
      ['2026-11-23T09:00:00+08:00', c[0].id, agentA],
      ['2026-11-23T09:05:00+08:00', c[1].id, agentB],
      ['2026-11-24T14:00:00+08:00', null, agentA],
    ] as const) {
      now = new Date(d);
      await complaint(d, cat, by);
    }
    // Down from the 20th until the 25th at 08:00: days 20–24 and the week of 16–22 were missed.
    now = new Date('2026-11-25T08:00:00+08:00');
    const made = await sweepUntilDone('2026-11-25T08:00:00+08:00');
    expect(made).toEqual([SUMMARIES_PER_SWEEP, 6 - SUMMARIES_PER_SWEEP]);
    const all = await stored();
    expect([...all.values()].every((n) => n === 1)).toBe(true);
    expect([...all.keys()].sort()).toEqual([
      'day:2026-11-18',
      'day:2026-11-19',
      'day:2026-11-20',
      'day:2026-11-21',
      'day:2026-11-22',
      'day:2026-11-23',
      'day:2026-11-24',
      'week:2026-11-16',
    ]);
    const week = await summaryOf('week', '2026-11-16');
    expect(week.periodEnd).toBe('2026-11-22');
    expect(week.total.count).toBe(7); // the 18th 1, the 19th 3, the 20th, 21st and 22nd (23:30) 1 each
    expect(week.content.trend.points.map((p: Json) => p.count)).toEqual([0, 0, 1, 3, 1, 1, 1]);
    expect(week.label.zh).toBe('2026年第47周（11月16日至11月22日）');
  });

  it('two engines catching up side by side make each summary once', async () => {
    now = new Date('2026-12-01T00:00:05+08:00');
    const at = new Date('2026-12-01T00:00:05+08:00');
    for (let i = 0; i < 4; i++) await Promise.all([sweepOnce(s.handle.db, at), sweepOnce(s.handle.db, at)]);
    await sweepUntilDone('2026-12-01T00:00:05+08:00');
    const all = await stored();
    expect([...all.values()].every((n) => n === 1)).toBe(true);
    for (const key of ['day:2026-11-25', 'day:2026-11-30', 'week:2026-11-23', 'month:2026-11-01']) {
      expect(all.get(key), key).toBe(1);
    }
    expect(all.has('month:2026-10-01')).toBe(false); // before the first complaint's day
    expect(all.has('day:2026-12-01')).toBe(false);
    expect(all.size).toBe(16); // days 18–30, the weeks of the 16th and the 23rd, November
  });
});

describe('the figures', () => {
  const query = (from: string, to: string, extra = '') => `from=${from}&to=${to}${extra}`;

  it("a month's summary has the report endpoints' figures", async () => {
    const m = await summaryOf('month', '2026-11-01');
    const c = m.content;
    const period = query('2026-11-01', '2026-11-30');
    const l1 = (await analyst.client.get(`/reports/category-distribution?${period}&level=1`)).body;
    const l2 = (await analyst.client.get(`/reports/category-distribution?${period}&level=2`)).body;
    const oct = (
      await analyst.client.get(`/reports/category-distribution?${query('2026-10-01', '2026-10-31')}`)
    ).body;
    expect(m.total).toEqual({
      count: l1.total,
      previous: oct.total,
      change: l1.total - oct.total,
      growth: null,
    });
    expect(l1.total).toBe(10);
    const pick = (r: Json) => [r.categoryId, r.name, r.count, r.share];
    expect(c.categories.level1.rows.map(pick)).toEqual(l1.rows.slice(0, 10).map(pick));
    expect(c.categories.level2.rows.map(pick)).toEqual(l2.rows.slice(0, 10).map(pick));
    expect(c.categories.level2.total).toBe(l2.total);

    const weeks = (await analyst.client.get(`/reports/trend?${period}&interval=week`)).body;
    expect(c.trend.interval).toBe('week');
    expect(c.trend.points).toEqual(
      weeks.points.map((p: Json) => ({
        period: p.period,
        from: p.from,
        to: p.to,
        count: p.count,
        growth: p.growth,
      })),
    );

    const kpis = (await analyst.client.get(`/reports/kpis?${period}&groupBy=all`)).body;
    const teams = (await analyst.client.get(`/reports/kpis?${period}&groupBy=team`)).body;
    expect(c.kpis.overall).toEqual(
      Object.fromEntries(Object.keys(c.kpis.overall).map((k) => [k, kpis.rows[0][k]])),
    );
    expect(c.kpis.byTeam.map((r: Json) => [r.name, r.received, r.rates])).toEqual(
      teams.rows.map((r: Json) => [r.name, r.received, r.rates]),
    );
    expect(c.kpis.byTeam.map((r: Json) => r.name).sort()).toEqual(['一组', '二组']);
    expect(c.kpis.targets).toEqual(kpis.targets);

    // October had none: every level-2 category with a complaint rose, the largest first.
    expect(c.rising.length).toBeGreaterThan(0);
    expect(c.rising[0].change).toBe(Math.max(...l2.rows.map((r: Json) => r.count)));
    expect(c.alerts).toEqual({ count: expect.any(Number), items: expect.any(Array) });
  });

  it("a day's summary has the report endpoints' figures, with the change against the day before", async () => {
    const d = await summaryOf('day', '2026-11-23');
    const l1 = (
      await analyst.client.get(`/reports/category-distribution?${query('2026-11-23', '2026-11-23')}`)
    ).body;
    const trend = (
      await analyst.client.get(`/reports/trend?${query('2026-11-17', '2026-11-23')}&interval=day`)
    ).body;
    expect(d.total).toEqual({ count: 2, previous: 1, change: 1, growth: 1 });
    expect(d.content.categories.level1.rows.map((r: Json) => [r.categoryId, r.count])).toEqual(
      l1.rows.map((r: Json) => [r.categoryId, r.count]),
    );
    expect(d.content.trend.points.map((p: Json) => [p.period, p.count, p.growth])).toEqual(
      trend.points.map((p: Json) => [p.period, p.count, p.growth]),
    );
  });

  it('the Excel workbook: one sheet per table, Chinese headers, the same numbers as the JSON', async () => {
    const m = await summaryOf('month', '2026-11-01');
    const { wb, disposition } = await workbook(analyst, m.id);
    expect(disposition).toContain(
      `filename*=UTF-8''${encodeURIComponent('投诉月报_2026-11-01_2026-11-30.xlsx')}`,
    );
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '概况',
      '一级类别',
      '二级类别',
      '趋势(按周)',
      '指标',
      '班组指标',
      '上升类别',
      '预警',
    ]);
    const overview = wb.getWorksheet('概况');
    expect(overview?.getRow(1).values).toEqual(
      expect.arrayContaining(['周期', '投诉量', '上期投诉量', '环比增长', '摘要']),
    );
    expect(overview?.getCell('D2').value).toBe(m.total.count);
    expect(overview?.getCell('A2').value).toBe('2026年11月');
    expect(overview?.getCell('K2').value).toBe(m.content.headline.zh);

    const level1 = wb.getWorksheet('一级类别');
    expect(level1?.getRow(1).values).toEqual([
      undefined,
      '排名',
      '类别',
      '类别(英文)',
      '投诉量',
      '占比',
      '上期',
      '增减(件)',
      '环比增长',
    ]);
    m.content.categories.level1.rows.forEach((r: Json, i: number) => {
      const row = level1?.getRow(i + 2);
      expect(row?.getCell(2).value).toBe(r.name);
      expect(row?.getCell(4).value).toBe(r.count);
      expect(typeof row?.getCell(4).value).toBe('number');
      expect(row?.getCell(5).value).toBe(r.share);
      expect(row?.getCell(5).numFmt).toBe('0.0%');
    });
    const totalRow = level1?.getRow(m.content.categories.level1.rows.length + 2);
    expect([totalRow?.getCell(2).value, totalRow?.getCell(4).value]).toEqual(['合计', m.total.count]);

    const trend = wb.getWorksheet('趋势(按周)');
    expect(m.content.trend.points.map((_: Json, i: number) => trend?.getRow(i + 2).getCell(4).value)).toEqual(
      m.content.trend.points.map((p: Json) => p.count),
    );

    const kpis = wb.getWorksheet('指标');
    const headers = kpis?.getRow(1).values as (string | undefined)[];
    const col = (h: string) => headers.indexOf(h);
    const overall = m.content.kpis.overall;
    expect(kpis?.getRow(2).getCell(col('受理量')).value).toBe(overall.received);
    expect(kpis?.getRow(2).getCell(col('升级率')).value).toBe(overall.rates.escalationRate);
    expect(kpis?.getRow(2).getCell(col('升级率')).numFmt).toBe('0.0%');
    expect(kpis?.getRow(3).getCell(col('一线解决率')).value).toBe(m.content.kpis.targets.frontlineResolution);
    const teams = wb.getWorksheet('班组指标');
    expect(teams?.getColumn(1).values.slice(2)).toEqual(m.content.kpis.byTeam.map((r: Json) => r.name));
    expect(teams?.getColumn(col('受理量')).values.slice(2)).toEqual(
      m.content.kpis.byTeam.map((r: Json) => r.received),
    );
  });
});

describe('on demand', () => {
  it('409 when it exists; regenerate replaces it (200); a missing one is made (201)', async () => {
    const day = await summaryOf('day', '2026-11-19');
    let r = await analyst.client.post('/summaries', { kind: 'day', periodStart: '2026-11-19' });
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'summary_exists', id: day.id },
    });

    now = new Date('2026-12-02T10:00:00+08:00');
    // A late complaint for the 19th (a letter received then, recorded now).
    await complaint('2026-11-19T15:00:00+08:00', null);
    r = await supervisor.client.post('/summaries', {
      kind: 'day',
      periodStart: '2026-11-19',
      regenerate: true,
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      id: day.id,
      generatedAt: '2026-12-02T02:00:00.000Z',
      generatedBy: { id: supervisor.id },
      total: { count: 4 },
    });
    expect((await stored()).get('day:2026-11-19')).toBe(1);

    r = await admin.client.post('/summaries', { kind: 'month', periodStart: '2026-10-01' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      kind: 'month',
      periodEnd: '2026-10-31',
      total: { count: 0, previous: 0 },
    });
    expect(r.body.content.headline.zh).toBe('2026年10月没有受理投诉，上月也没有。期间没有预警。');
    r = await analyst.client.post('/summaries', {
      kind: 'week',
      periodStart: '2026-10-26',
      regenerate: true,
    });
    expect(r.status).toBe(201); // regenerate asked, nothing to replace: made
  });

  it('refuses a day that does not start a period, a period not over, a malformed day', async () => {
    const bad = async (body: Json, field = 'periodStart') => {
      const r = await analyst.client.post('/summaries', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(r.body.error.details)).toContain(field);
      return r;
    };
    await bad({ kind: 'week', periodStart: '2026-11-17' }); // a Tuesday
    await bad({ kind: 'month', periodStart: '2026-11-02' });
    await bad({ kind: 'day', periodStart: '2026-02-30' });
    await bad({ kind: 'day', periodStart: '2026-12-02' }); // today
    await bad({ kind: 'month', periodStart: '2026-12-01' }); // not over
    await bad({ kind: 'week', periodStart: '2026-11-30' }); // ends on 12-06
    await bad({ kind: 'year', periodStart: '2026-01-01' }, 'kind');
  });
});

describe('the list', () => {
  it('newest period first (a month before the day it ends on), by kind, a page at a time', async () => {
    const all = await analyst.client.get('/summaries?limit=3');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(18);
    expect(all.body.items.map((x: Json) => `${x.kind}:${x.periodStart}`)).toEqual([
      'month:2026-11-01',
      'day:2026-11-30',
      'week:2026-11-23',
    ]);
    const next = await analyst.client.get('/summaries?limit=3&offset=3');
    expect(next.body.items.map((x: Json) => `${x.kind}:${x.periodStart}`)).toEqual([
      'day:2026-11-29',
      'day:2026-11-28',
      'day:2026-11-27',
    ]);
    const weeks = await analyst.client.get('/summaries?kind=week');
    expect(weeks.body.items.map((x: Json) => x.periodStart)).toEqual([
      '2026-11-23',
      '2026-11-16',
      '2026-10-26',
    ]);
    expect(weeks.body.items[0]).toMatchObject({
      label: { zh: expect.stringContaining('第48周') },
      total: { count: 3 },
    });
    expect(weeks.body.items[0]).not.toHaveProperty('content');
    expect((await analyst.client.get('/summaries?kind=year')).status).toBe(400);
    expect((await analyst.client.get('/summaries/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});

describe('who may read and make them', () => {
  let id: string;
  beforeAll(async () => {
    id = (await summaryOf('day', '2026-11-19')).id;
  });

  it('supervisors, analysts and admins read; department staff and strangers do not', async () => {
    for (const u of [supervisor.client, analyst.client, admin.client]) {
      expect((await u.get('/summaries')).status).toBe(200);
      expect((await u.get(`/summaries/${id}`)).status).toBe(200);
    }
    expect((await department.client.get('/summaries')).status).toBe(403);
    expect((await department.client.get(`/summaries/${id}`)).status).toBe(403);
    expect((await s.anonymous.get('/summaries')).status).toBe(401);
  });

  it("agents and specialists: organisation-wide figures, so only while they may see other teams' figures", async () => {
    for (const u of [agentA, specialist]) {
      const r = await u.client.get('/summaries');
      expect(r.status).toBe(403);
      expect(r.body.error.details.reason).toBe('summary:organisation');
      expect((await u.client.get(`/summaries/${id}`)).status).toBe(403);
      const x = await fetch(`${s.baseUrl}/summaries/${id}?format=xlsx`, {
        headers: { authorization: `Bearer ${(u.client as Json).auth.bearer}` },
      });
      expect(x.status).toBe(403);
    }
    let r = await admin.client.request('PUT', '/reports/settings', { agentsTeamOnly: false });
    expect(r.status).toBe(200);
    for (const u of [agentA, specialist]) {
      expect((await u.client.get('/summaries')).status).toBe(200);
      expect((await u.client.get(`/summaries/${id}`)).status).toBe(200);
      await workbook(u, id);
      // Reading is not making.
      const made = await u.client.post('/summaries', {
        kind: 'day',
        periodStart: '2026-11-19',
        regenerate: true,
      });
      expect(made.status).toBe(403);
    }
    r = await admin.client.request('PUT', '/reports/settings', { agentsTeamOnly: true });
    expect(r.status).toBe(200);
    expect((await agentA.client.get('/summaries')).status).toBe(403);
  });

  it('making one: supervisors, analysts and admins only', async () => {
    for (const u of [agentA, specialist, department]) {
      expect((await u.client.post('/summaries', { kind: 'day', periodStart: '2026-11-01' })).status).toBe(
        403,
      );
    }
    expect((await s.anonymous.post('/summaries', { kind: 'day', periodStart: '2026-11-01' })).status).toBe(
      401,
    );
    expect((await stored()).has('day:2026-11-01')).toBe(false);
  });
});

describe('a summary that cannot be made', () => {
  it('does not hold the others back, and is made by a later sweep', async () => {
    const db = s.handle.db;
    await sql`CREATE FUNCTION zz_refuse_summary() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.period_start = '2026-12-02' THEN RAISE EXCEPTION 'disk full'; END IF;
        RETURN NEW;
      END $$`.execute(db);
    await sql`CREATE TRIGGER zz_refuse BEFORE INSERT ON report_summaries
      FOR EACH ROW EXECUTE FUNCTION zz_refuse_summary()`.execute(db);
    now = new Date('2026-12-05T00:30:00+08:00');
    await expect(sweepOnce(db, now)).rejects.toThrow(/day summary of 2026-12-02 failed: disk full/);
    const after = await stored();
    expect(['day:2026-12-01', 'day:2026-12-03', 'day:2026-12-04'].map((k) => after.get(k))).toEqual([
      1, 1, 1,
    ]);
    expect(after.has('day:2026-12-02')).toBe(false);
    await sql`DROP TRIGGER zz_refuse ON report_summaries`.execute(db);
    await sql`DROP FUNCTION zz_refuse_summary()`.execute(db);
    expect(await sweepUntilDone('2026-12-05T00:31:00+08:00')).toEqual([1]);
    expect((await stored()).get('day:2026-12-02')).toBe(1);
  });
});
