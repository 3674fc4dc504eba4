// Reports through the real server on a real database: exact figures on a known data set, day
// boundaries at 00:00 Asia/Shanghai, growth and the complaint ratio, Excel read back, who sees
// which figures, and — on random periods and filters — rollups equal to a plain GROUP BY over the
// complaints after inserts, category changes and reopenings, before and after folding.
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldReportDeltas } from '../../src/db/repositories/report-cube.ts';
import {
  complaintBody,
  type Json,
  startTestServer,
  type TestServer,
  type TestUser,
} from '../helpers/test-server.ts';

let now = new Date('2026-11-20T10:00:00+08:00');
let s: TestServer;
let analyst: TestUser;
let agentA: TestUser;
let agentB: TestUser;
let categories: Json[];
let top: Json[];
const leafOf = (parentId: string) => categories.find((c) => c.parentId === parentId);

async function complaint(overrides: Record<string, unknown>, by: TestUser = agentA): Promise<Json> {
  const r = await by.client.post('/complaints', complaintBody(overrides));
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

beforeAll(async () => {
  s = await startTestServer({ clock: () => now });
  analyst = await s.withToken(await s.user('analyst'));
  agentA = await s.withToken(await s.user('agent', '一组'));
  agentB = await s.withToken(await s.user('agent', '二组'));
  categories = (await s.admin.get('/categories')).body.items;
  top = categories.filter((c) => c.parentId === null).slice(0, 3);
  expect(top).toHaveLength(3);
});
afterAll(() => s?.close());

describe('figures on a known data set', () => {
  let a1: string;
  let a2: string;
  let b1: string;
  beforeAll(async () => {
    a1 = leafOf(top[0].id).id;
    a2 = categories.filter((c) => c.parentId === top[0].id)[1]?.id ?? a1;
    b1 = leafOf(top[1].id).id;
    // 2026-10-31 (Saturday) late evening in Beijing is still October 31st …
    await complaint({ receivedAt: '2026-10-31T23:59:59+08:00', categoryId: a1 });
    // … and one second later it is November 1st (16:00 UTC on October 31st).
    await complaint({ receivedAt: '2026-10-31T16:00:00Z', categoryId: a1 });
    await complaint({ receivedAt: '2026-11-02T09:30:00+08:00', categoryId: a2, channel: 'email' });
    await complaint({ receivedAt: '2026-11-02T10:30:00+08:00', categoryId: b1, severity: 'major' });
    await complaint({ receivedAt: '2026-11-03T14:00:00+08:00', categoryId: b1 }, agentB);
    await complaint({ receivedAt: '2026-11-03T14:10:00+08:00', categoryId: null }, agentB);
  });

  it('counts and shares by top category, the day cut at 00:00 Asia/Shanghai', async () => {
    const r = await analyst.client.get(
      '/reports/category-distribution?from=2026-11-01&to=2026-11-03&level=1',
    );
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(5);
    const rows = r.body.rows.map((x: Json) => [x.categoryId, x.count, x.share]);
    expect(rows).toHaveLength(3);
    expect(rows).toEqual(
      expect.arrayContaining([
        [top[0].id, 2, 0.4],
        [top[1].id, 2, 0.4],
        [null, 1, 0.2],
      ]),
    );
    expect(rows.map((x: Json) => x[1])).toEqual([2, 2, 1]);
    expect(r.body.rows.find((x: Json) => x.categoryId === null).name).toBe('未分类');

    const oct = await analyst.client.get('/reports/category-distribution?from=2026-10-31&to=2026-10-31');
    expect(oct.body.total).toBe(1);
  });

  it('filters by one dimension from the rollup and by two from the complaints, with the same figures', async () => {
    const one = await analyst.client.get(
      '/reports/category-distribution?from=2026-11-01&to=2026-11-30&channel=email&level=6',
    );
    expect(one.body).toMatchObject({
      total: 1,
      source: 'rollup',
      rows: [{ categoryId: a2, count: 1, share: 1 }],
    });
    const two = await analyst.client.get(
      `/reports/category-distribution?from=2026-11-01&to=2026-11-30&team=${encodeURIComponent('二组')}&severity=normal`,
    );
    expect(two.body.source).toBe('raw');
    expect(two.body.total).toBe(2);
    const subtree = await analyst.client.get(
      `/reports/category-distribution?from=2026-11-01&to=2026-11-30&categoryId=${top[1].id}&level=2`,
    );
    expect(subtree.body.total).toBe(2);
    expect(subtree.body.rows).toEqual([expect.objectContaining({ categoryId: b1, count: 2, share: 1 })]);
  });

  it('trends by day with growth against the day before, the first day included', async () => {
    const r = await analyst.client.get('/reports/trend?from=2026-11-01&to=2026-11-04&interval=day');
    expect(r.status).toBe(200);
    expect(r.body.points.map((p: Json) => [p.period, p.count, p.previous, p.growth])).toEqual([
      ['2026-11-01', 1, 1, 0],
      ['2026-11-02', 2, 1, 1],
      ['2026-11-03', 2, 2, 0],
      ['2026-11-04', 0, 2, -1],
    ]);
    const month = await analyst.client.get('/reports/trend?from=2026-10-01&to=2026-11-30&interval=month');
    expect(month.body.points.map((p: Json) => [p.period, p.count, p.growth, p.yoy])).toEqual([
      ['2026-10', 1, null, null],
      ['2026-11', 5, 4, null],
    ]);
    const weeks = await analyst.client.get('/reports/trend?from=2026-10-26&to=2026-11-08&interval=week');
    expect(weeks.body.points.map((p: Json) => [p.period, p.from, p.to, p.count])).toEqual([
      ['2026-W44', '2026-10-26', '2026-11-01', 2],
      ['2026-W45', '2026-11-02', '2026-11-08', 4],
    ]);
  });

  it('gives the complaint ratio per 10,000 only where denominators were entered', async () => {
    let r = await analyst.client.get(
      '/reports/trend?from=2026-10-01&to=2026-11-30&interval=month&ratio=customers',
    );
    expect(r.body.points.map((p: Json) => p.ratio)).toEqual([null, null]);
    const put = await s.admin.request('PUT', '/reports/denominators', {
      items: [
        { kind: 'customers', month: '2026-11', value: 20_000 },
        { kind: 'transactions', month: '2026-11', value: 1_000_000 },
      ],
    });
    expect(put.status).toBe(200);
    r = await analyst.client.get(
      '/reports/trend?from=2026-10-01&to=2026-11-30&interval=month&ratio=customers',
    );
    expect(r.body.points.map((p: Json) => p.ratio)).toEqual([null, 2.5]);
    r = await analyst.client.get(
      '/reports/trend?from=2026-11-01&to=2026-11-30&interval=month&ratio=transactions',
    );
    expect(r.body.points[0].ratio).toBeCloseTo(0.05, 10);
    // transactions are a flow: half a month has no ratio
    r = await analyst.client.get(
      '/reports/trend?from=2026-11-01&to=2026-11-15&interval=month&ratio=transactions',
    );
    expect(r.body.points[0].ratio).toBeNull();
    const bad = await s.admin.request('PUT', '/reports/denominators', {
      items: [{ kind: 'customers', month: '2026-13', value: 5 }],
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error.details)).toContain('month');
    expect(
      (
        await analyst.client.request('PUT', '/reports/denominators', {
          items: [{ kind: 'customers', month: '2026-10', value: 5 }],
        })
      ).status,
    ).toBe(403);
  });

  it('the hour × weekday heatmap', async () => {
    const r = await analyst.client.get('/reports/heatmap?from=2026-11-01&to=2026-11-03');
    expect(r.body.cells).toHaveLength(168);
    const at = (weekday: number, hour: number) =>
      r.body.cells.find((c: Json) => c.weekday === weekday && c.hour === hour).count;
    expect(at(7, 0)).toBe(1); // Sunday 11-01 00:00
    expect(at(1, 9)).toBe(1); // Monday 11-02 09:30
    expect(at(2, 14)).toBe(2); // Tuesday 11-03 14:00 and 14:10
    expect(r.body.total).toBe(5);
  });

  it('downloads the same figures as an Excel workbook', async () => {
    const res = await fetch(
      `${s.baseUrl}/reports/category-distribution?from=2026-11-01&to=2026-11-03&format=xlsx`,
      {
        headers: {
          authorization: (analyst.client as Json).auth.bearer
            ? `Bearer ${(analyst.client as Json).auth.bearer}`
            : '',
        },
      },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('类别分布');
    expect(ws?.getRow(1).values).toEqual([undefined, '类别', '投诉量', '占比']);
    const json = (await analyst.client.get('/reports/category-distribution?from=2026-11-01&to=2026-11-03'))
      .body;
    json.rows.forEach((row: Json, i: number) => {
      const cells = ws?.getRow(i + 2).values as Json[];
      expect(cells.slice(1)).toEqual([row.name, row.count, row.share]);
      expect(typeof cells[2]).toBe('number');
    });
    expect(ws?.getRow(json.rows.length + 2).values).toEqual([undefined, '合计', 5, 1]);
  });

  it('shows agents their own team only while the settings say so', async () => {
    let r = await agentB.client.get('/reports/category-distribution?from=2026-11-01&to=2026-11-30');
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(2);
    r = await agentB.client.get(
      `/reports/trend?from=2026-11-01&to=2026-11-30&team=${encodeURIComponent('一组')}`,
    );
    expect(r.status).toBe(403);
    r = await agentB.client.get('/reports/kpis?from=2026-11-01&to=2026-11-30&groupBy=category');
    expect(r.status).toBe(403);
    r = await agentB.client.get('/reports/kpis?from=2026-11-01&to=2026-11-30');
    expect(r.body.rows).toEqual([expect.objectContaining({ key: '二组', received: 2 })]);
    expect((await agentB.client.request('PUT', '/reports/settings', { agentsTeamOnly: false })).status).toBe(
      403,
    );
    expect((await s.admin.request('PUT', '/reports/settings', { agentsTeamOnly: false })).status).toBe(200);
    r = await agentB.client.get('/reports/category-distribution?from=2026-11-01&to=2026-11-30');
    expect(r.body.total).toBe(5);
    await s.admin.request('PUT', '/reports/settings', { agentsTeamOnly: true });
    const dept = await s.withToken(await s.user('department'));
    expect((await dept.client.get('/reports/kpis?from=2026-11-01&to=2026-11-30')).status).toBe(403);
    expect((await s.anonymous.get('/reports/kpis?from=2026-11-01&to=2026-11-30')).status).toBe(401);
  });

  it('refuses bad periods with the field and why', async () => {
    let r = await analyst.client.get('/reports/trend?from=2026-11-05&to=2026-11-01');
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body.error.details)).toContain('query.to');
    r = await analyst.client.get('/reports/trend?from=2026-02-30&to=2026-03-01');
    expect(r.status).toBe(400);
    r = await analyst.client.get('/reports/kpis?from=2020-01-01&to=2026-01-01');
    expect(r.status).toBe(400);
    r = await analyst.client.get('/reports/category-distribution?from=2026-11-01&to=2026-11-02&channel=fax');
    expect(r.status).toBe(400);
  });
});

describe('rollups equal a plain GROUP BY over the complaints', () => {
  const tz = 'Asia/Shanghai';
  let rand: () => number;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

  beforeAll(async () => {
    let seed = 20261122;
    rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    // 400 complaints straight into the table over three months, through the triggers like any write.
    const customer = await s.handle.db.selectFrom('customers').select('id').executeTakeFirstOrThrow();
    const leaves = categories.filter((c) => !categories.some((d) => d.parentId === c.id)).map((c) => c.id);
    for (let i = 0; i < 400; i++) {
      const received = new Date(
        Date.parse('2026-08-01T00:00:00+08:00') + Math.floor(rand() * 92 * 86_400_000),
      );
      const closed = rand() < 0.5;
      const resolvedAt = closed ? new Date(received.getTime() + Math.floor(rand() * 10 * 86_400_000)) : null;
      await sql`INSERT INTO complaints (number, customer_id, contact_phone, channel, received_at, description,
          category_id, product, severity, customer_type, status, owner_id, team, created_by, close_reason,
          resolved_at, closed_at, tier_level, cause, reopen_count, reply_on_time, resolution_on_time, repeat_of)
        VALUES (${`R${i}`}, ${customer.id}, '13800138000', ${pick(['phone_in', 'email', 'web', 'sms'])}, ${received},
          'x', ${rand() < 0.1 ? null : pick(leaves)}, ${pick(['5G套餐', '宽带', null])}, ${pick(['normal', 'normal', 'major', 'crisis'])},
          ${pick(['problem_solving', 'emotional_venting', null])}, ${closed ? 'closed' : 'in_progress'}, ${agentA.id},
          ${pick(['一组', '二组', null])}, ${agentA.id}, ${closed ? 'completed' : null}, ${resolvedAt}, ${resolvedAt},
          ${pick([1, 1, 2])}, ${closed ? pick(['product_technical', 'communication', null]) : null}, ${pick([0, 0, 1])},
          ${pick([true, false, null])}, ${pick([true, false, null])}, NULL)`.execute(s.handle.db);
    }
  });

  async function rawCounts(from: string, to: string, where: string, params: unknown[]) {
    const { rows } = await sql<{ key: string; n: string }>`
      SELECT coalesce(category_id::text, 'none') AS key, count(*) AS n FROM complaints
       WHERE (received_at AT TIME ZONE ${tz})::date BETWEEN ${from}::date AND ${to}::date ${sql.raw(where)}
       GROUP BY 1`.execute(s.handle.db);
    void params;
    return Object.fromEntries(rows.map((r) => [r.key, Number(r.n)]));
  }

  async function compareRandom(rounds: number) {
    const filters: [string, string, string][] = [
      ['channel', 'email', "AND channel = 'email'"],
      ['severity', 'major', "AND severity = 'major'"],
      ['team', '二组', "AND team = '二组'"],
      ['product', '宽带', "AND product = '宽带'"],
      ['customerType', 'emotional_venting', "AND customer_type = 'emotional_venting'"],
      ['cause', 'communication', "AND cause = 'communication'"],
    ];
    for (let i = 0; i < rounds; i++) {
      const start = new Date(Date.parse('2026-07-25') + Math.floor(rand() * 100) * 86_400_000);
      const from = start.toISOString().slice(0, 10);
      const to = new Date(start.getTime() + Math.floor(rand() * 40) * 86_400_000).toISOString().slice(0, 10);
      const chosen = filters.filter(() => rand() < 0.3);
      const qs = chosen.map(([k, v]) => `&${k}=${encodeURIComponent(v)}`).join('');
      const r = await analyst.client.get(`/reports/category-distribution?from=${from}&to=${to}&level=6${qs}`);
      expect(r.status).toBe(200);
      const got = Object.fromEntries(r.body.rows.map((x: Json) => [x.categoryId ?? 'none', x.count]));
      const want = await rawCounts(from, to, chosen.map(([, , w]) => w).join(' '), []);
      expect(got, `${from}..${to}${qs}`).toEqual(want);

      const t = await analyst.client.get(`/reports/trend?from=${from}&to=${to}&interval=day${qs}`);
      const { rows } = await sql<{ d: string; n: string }>`
        SELECT (received_at AT TIME ZONE ${tz})::date::text AS d, count(*) AS n FROM complaints
         WHERE (received_at AT TIME ZONE ${tz})::date BETWEEN ${from}::date AND ${to}::date
         ${sql.raw(chosen.map(([, , w]) => w).join(' '))} GROUP BY 1`.execute(s.handle.db);
      const byDay = Object.fromEntries(rows.map((x) => [x.d, Number(x.n)]));
      for (const p of t.body.points) expect(p.count, p.period).toBe(byDay[p.period] ?? 0);

      const h = await analyst.client.get(`/reports/heatmap?from=${from}&to=${to}${qs}`);
      const hours = await sql<{ w: number; h: number; n: string }>`
        SELECT extract(isodow FROM received_at AT TIME ZONE ${tz})::int AS w,
               extract(hour FROM received_at AT TIME ZONE ${tz})::int AS h, count(*) AS n FROM complaints
         WHERE (received_at AT TIME ZONE ${tz})::date BETWEEN ${from}::date AND ${to}::date
         ${sql.raw(chosen.map(([, , w]) => w).join(' '))} GROUP BY 1, 2`.execute(s.handle.db);
      const cell = Object.fromEntries(hours.rows.map((x) => [`${x.w}:${x.h}`, Number(x.n)]));
      for (const c of h.body.cells)
        expect(c.count, `${c.weekday}:${c.hour}${qs}`).toBe(cell[`${c.weekday}:${c.hour}`] ?? 0);
    }
  }

  async function compareKpis(from: string, to: string) {
    const r = await analyst.client.get(`/reports/kpis?from=${from}&to=${to}&groupBy=team`);
    const { rows } = await sql<Json>`
      SELECT coalesce(team, '') AS team, count(*) AS received,
             count(*) FILTER (WHERE status = 'closed' AND close_reason = 'completed') AS closed,
             count(*) FILTER (WHERE status = 'closed' AND close_reason = 'completed' AND max_tier_level = 1) AS frontline,
             count(*) FILTER (WHERE max_tier_level > 1) AS escalated,
             count(*) FILTER (WHERE reopen_count > 0) AS reopened,
             count(*) FILTER (WHERE severity = 'major') AS major,
             count(*) FILTER (WHERE reply_on_time) AS reply_on_time,
             count(*) FILTER (WHERE reply_on_time IS NOT NULL) AS reply_settled,
             percentile_disc(0.9) WITHIN GROUP (ORDER BY report_resolve_bucket(floor(extract(epoch FROM resolved_at - received_at))::bigint))
               FILTER (WHERE resolved_at IS NOT NULL AND status IN ('resolved', 'closed')) AS p90_bucket
        FROM complaints
       WHERE (received_at AT TIME ZONE ${tz})::date BETWEEN ${from}::date AND ${to}::date
       GROUP BY 1`.execute(s.handle.db);
    for (const raw of rows) {
      const got = r.body.rows.find((x: Json) => (x.key ?? '') === raw.team);
      expect(got, raw.team).toBeDefined();
      expect([
        got.received,
        got.closed,
        got.frontline,
        got.escalated,
        got.reopened,
        got.major,
        got.replyOnTime,
        got.replySettled,
      ]).toEqual(
        [
          raw.received,
          raw.closed,
          raw.frontline,
          raw.escalated,
          raw.reopened,
          raw.major,
          raw.reply_on_time,
          raw.reply_settled,
        ].map(Number),
      );
      const b = raw.p90_bucket === null ? null : Number(raw.p90_bucket);
      const hours = b === null || b === 99 ? null : b < 72 ? b + 1 : (b - 69 + 1) * 24;
      expect(got.p90ResolveHours).toBe(hours);
    }
    expect(r.body.rows).toHaveLength(rows.length);
  }

  it('after bulk inserts (all still pending deltas), and after folding them', async () => {
    await compareRandom(8);
    await compareKpis('2026-08-01', '2026-10-31');
    await compareKpis('2026-08-13', '2026-10-09');
    expect(await foldReportDeltas(s.handle.db)).toBeGreaterThan(0);
    await compareRandom(8);
    await compareKpis('2026-08-01', '2026-10-31');
    await compareKpis('2026-08-13', '2026-10-09');
  });

  it('after category changes, reopenings and deletions through the triggers', async () => {
    const leaves = categories.filter((c) => !categories.some((d) => d.parentId === c.id)).map((c) => c.id);
    await sql`UPDATE complaints SET category_id = ${leaves[0]} WHERE number IN ('R1','R2','R3','R4','R5')`.execute(
      s.handle.db,
    );
    await sql`UPDATE complaints SET status = 'in_progress', reopen_count = reopen_count + 1, resolved_at = NULL, closed_at = NULL, close_reason = NULL
               WHERE number IN (SELECT number FROM complaints WHERE status = 'closed' ORDER BY number LIMIT 10)`.execute(
      s.handle.db,
    );
    await sql`UPDATE complaints SET tier_level = 3 WHERE number IN ('R10', 'R11')`.execute(s.handle.db);
    await sql`DELETE FROM complaints WHERE number IN ('R20', 'R21')`.execute(s.handle.db);
    await compareRandom(6);
    await compareKpis('2026-08-01', '2026-10-31');
    await foldReportDeltas(s.handle.db);
    await compareRandom(6);
    await compareKpis('2026-08-01', '2026-10-31');
    const pending = await s.handle.db
      .selectFrom('report_deltas')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(pending.n)).toBe(0);
  });

  it('after a category change and a reopening through the API', async () => {
    now = new Date('2026-11-21T09:00:00+08:00');
    const c = await complaint({
      categoryId: leafOf(top[2].id).id,
      demands: [{ type: 'explanation', description: '说明原因' }],
    });
    let v = c.version;
    const patched = await agentA.client.patch(`/complaints/${c.id}`, {
      version: v,
      categoryId: leafOf(top[0].id).id,
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    v = patched.body.version;
    let r = await agentA.client.post(`/complaints/${c.id}/transitions`, { action: 'start', version: v });
    v = r.body.version;
    r = await agentA.client.patch(`/complaints/${c.id}/demands/${c.demands[0].id}`, {
      version: v,
      status: 'fulfilled',
      resolution: '已说明',
      customerInformed: true,
    });
    v = r.body.version;
    now = new Date('2026-11-21T15:00:00+08:00');
    r = await agentA.client.post(`/complaints/${c.id}/transitions`, { action: 'resolve', version: v });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    r = await agentA.client.post(`/complaints/${c.id}/transitions`, {
      action: 'reopen',
      version: r.body.version,
      reason: '客户不认可',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const d = await analyst.client.get('/reports/category-distribution?from=2026-11-21&to=2026-11-21');
    expect(d.body.rows).toEqual([expect.objectContaining({ categoryId: top[0].id, count: 1 })]);
    const k = await analyst.client.get('/reports/kpis?from=2026-11-21&to=2026-11-21');
    expect(k.body.rows[0]).toMatchObject({ received: 1, reopened: 1, resolved: 0 });
    await compareKpis('2026-11-21', '2026-11-21');
  });
});
