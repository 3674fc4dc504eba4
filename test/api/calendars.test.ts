// Working calendars through the API: deadline computation on the real 2026 schedule, calendar
// settings (admin), a calendar's own days, imported years of the State Council schedule and the
// /health warning that follows them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  type Json,
  startTestServer,
  type TestServer,
  type TestUser,
} from '../helpers/test-server.ts';

// 2026-11-22: deadlines within 60 days reach 2027, which chinese-days does not hold.
const NOW = new Date('2026-11-22T10:00:00+08:00');

let s: TestServer;
let agent: TestUser;
let standardId: string;
let frontLineId: string;

beforeAll(async () => {
  s = await startTestServer({ clock: () => NOW });
  agent = await s.user('agent', '一组');
  const list = await s.admin.get('/calendars');
  standardId = list.body.items.find((c: Json) => c.code === 'standard').id;
  frontLineId = list.body.items.find((c: Json) => c.code === 'front_line_24x7').id;
});
afterAll(() => s?.close());

const put = (c: Client, path: string, body: unknown) => c.request('PUT', path, body);
const del = (c: Client, path: string) => c.request('DELETE', path);
const compute = (c: Client, body: Record<string, unknown>) => c.post('/calendar/compute', body);
const fields = (r: { body: Json }) => r.body.error.details.issues.map((i: Json) => i.field);

async function calendarAudits(): Promise<Json[]> {
  return s.handle.db
    .selectFrom('audit_events')
    .select(['complaint_id', 'entity_id', 'action', 'before', 'after'])
    .where('entity', '=', 'calendar')
    .orderBy('id')
    .execute();
}

/** A 2027 schedule for the tests (the real one is published in November 2026). */
const file2027 = (overrides: Record<string, unknown> = {}) => ({
  year: 2027,
  source: '测试用2027年节假日安排',
  holidays: {
    '2027-01-01': '元旦',
    ...Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [`2027-10-0${d}`, 'National Day,国庆节,3'])),
  },
  workdays: { '2027-10-09': '国庆节' },
  ...overrides,
});

describe('POST /calendar/compute', () => {
  it('3 working days from 2026-09-30 10:00 on the standard calendar: after 国庆 (10-01..07), with the adjusted Saturday 10-10', async () => {
    const r = await compute(agent.client, { from: '2026-09-30T10:00:00+08:00', add: { workingDays: 3 } });
    expect(r.status).toBe(200);
    // 10-08 (Thu) is the 1st, 10-09 (Fri) the 2nd, Saturday 10-10 (调休) the 3rd.
    expect(r.body).toEqual({ dueAt: '2026-10-10T02:00:00.000Z', provisional: false, calendarId: standardId });
  });

  it('working hours skip the holiday; calendar hours do not', async () => {
    const hours = await compute(agent.client, {
      calendarId: standardId,
      from: '2026-09-30T17:00:00+08:00',
      add: { workingHours: 2 },
    });
    expect(hours.body.dueAt).toBe('2026-10-08T02:00:00.000Z'); // 1 h on 09-30, 1 h from 10-08 09:00
    const plain = await compute(agent.client, {
      from: '2026-09-30T17:00:00+08:00',
      add: { calendarHours: 2 },
    });
    expect(plain.body.dueAt).toBe('2026-09-30T11:00:00.000Z');
  });

  it('the 24×7 front line works through 国庆', async () => {
    const r = await compute(agent.client, {
      calendarId: frontLineId,
      from: '2026-10-01T10:00:00+08:00',
      add: { workingDays: 1 },
    });
    expect(r.body).toEqual({
      dueAt: '2026-10-02T02:00:00.000Z',
      provisional: false,
      calendarId: frontLineId,
    });
  });

  it('a year without official data (2027) counts weekends only and says provisional', async () => {
    const r = await compute(agent.client, { from: '2027-09-30T10:00:00+08:00', add: { workingDays: 3 } });
    expect(r.body).toMatchObject({ dueAt: '2027-10-05T02:00:00.000Z', provisional: true });
  });

  it('0 is allowed: the next working moment', async () => {
    const r = await compute(agent.client, { from: '2026-10-01T10:00:00+08:00', add: { workingHours: 0 } });
    expect(r.body.dueAt).toBe('2026-10-08T01:00:00.000Z');
  });

  it.each([
    ['two units', { from: '2026-09-30T10:00:00+08:00', add: { workingDays: 1, workingHours: 2 } }, 'add'],
    ['no unit', { from: '2026-09-30T10:00:00+08:00', add: {} }, 'add'],
    ['an unknown unit', { from: '2026-09-30T10:00:00+08:00', add: { weeks: 1 } }, 'add'],
    ['negative', { from: '2026-09-30T10:00:00+08:00', add: { workingHours: -1 } }, 'add.workingHours'],
    ['fractional days', { from: '2026-09-30T10:00:00+08:00', add: { workingDays: 1.5 } }, 'add.workingDays'],
    ['over ten years', { from: '2026-09-30T10:00:00+08:00', add: { workingDays: 3651 } }, 'add.workingDays'],
    ['a number as text', { from: '2026-09-30T10:00:00+08:00', add: { workingDays: '3' } }, 'add.workingDays'],
    ['no zone', { from: '2026-09-30T10:00:00', add: { workingDays: 1 } }, 'from'],
    ['the year 2300', { from: '2300-01-01T10:00:00+08:00', add: { workingDays: 1 } }, 'from'],
    [
      'a bad calendar id',
      { calendarId: 'standard', from: '2026-09-30T10:00:00+08:00', add: { workingDays: 1 } },
      'calendarId',
    ],
  ])('400 for %s', async (_label, body, field) => {
    const r = await compute(agent.client, body);
    expect(r.status).toBe(400);
    expect(fields(r)).toContain(field);
  });

  it('404 for an unknown calendar, 401 without a login; any signed-in role may compute', async () => {
    const body = { from: '2026-09-30T10:00:00+08:00', add: { workingDays: 1 } };
    const unknown = await compute(agent.client, {
      ...body,
      calendarId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.status).toBe(404);
    expect((await compute(s.anonymous, body)).status).toBe(401);
    for (const role of ['analyst', 'department', 'supervisor'] as const) {
      expect((await compute((await s.user(role)).client, body)).status).toBe(200);
    }
  });
});

describe('GET /calendars and /calendars/:id/days', () => {
  it('lists the seeded calendars for handling roles, analysts and admins', async () => {
    const r = await agent.client.get('/calendars');
    expect(r.status).toBe(200);
    expect(r.body.items).toEqual(
      expect.arrayContaining([
        {
          id: standardId,
          code: 'standard',
          name: '标准工作日',
          offsetMinutes: 480,
          everyDay: false,
          hours: ['09:00-18:00'],
          isDefault: true,
          overrides: 0,
        },
        expect.objectContaining({ id: frontLineId, everyDay: true, isDefault: false }),
      ]),
    );
    expect((await (await s.user('analyst')).client.get('/calendars')).status).toBe(200);
    expect((await (await s.user('department')).client.get('/calendars')).status).toBe(403);
    expect((await s.anonymous.get('/calendars')).status).toBe(401);
  });

  it('a year view of 2026: the 33 holidays and 6 adjusted working days of the national schedule', async () => {
    const r = await agent.client.get(`/calendars/${standardId}/days?year=2026`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ calendarId: standardId, year: 2026, everyDay: false, provisional: false });
    expect(r.body.days.filter((d: Json) => d.kind === 'holiday')).toHaveLength(33);
    expect(r.body.days.filter((d: Json) => d.kind === 'adjusted_workday').map((d: Json) => d.day)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(r.body.days).toContainEqual({
      day: '2026-10-01',
      kind: 'holiday',
      working: false,
      name: '国庆节',
      source: 'national',
    });
    expect(new Set(r.body.days.map((d: Json) => d.source))).toEqual(new Set(['national']));
  });

  it('a year without data is provisional and empty; this year by default; a 24×7 calendar has no days off', async () => {
    const y2027 = await agent.client.get(`/calendars/${standardId}/days?year=2027`);
    expect(y2027.body).toMatchObject({ year: 2027, provisional: true, days: [] });
    expect((await agent.client.get(`/calendars/${standardId}/days`)).body.year).toBe(2026);
    const front = await agent.client.get(`/calendars/${frontLineId}/days?year=2026`);
    expect(front.body).toMatchObject({ everyDay: true, days: [] });
  });

  it('404 for an unknown calendar, 400 for a year out of range', async () => {
    expect((await agent.client.get('/calendars/00000000-0000-4000-8000-000000000000/days')).status).toBe(404);
    const r = await agent.client.get(`/calendars/${standardId}/days?year=1999`);
    expect(r.status).toBe(400);
    expect(fields(r)).toContain('query.year');
  });
});

describe('calendar settings (admin)', () => {
  let regionId: string;

  it('creates a calendar with a lunch break, audited', async () => {
    const r = await s.admin.post('/calendars', {
      code: 'guangdong',
      name: '广东分中心',
      hours: ['09:00-12:00', '13:30-18:00'],
    });
    expect(r.status).toBe(201);
    regionId = r.body.id;
    expect(r.body).toEqual({
      id: regionId,
      code: 'guangdong',
      name: '广东分中心',
      offsetMinutes: 480,
      everyDay: false,
      hours: ['09:00-12:00', '13:30-18:00'],
      isDefault: false,
      overrides: 0,
    });
    const audit = (await calendarAudits()).at(-1);
    expect(audit).toMatchObject({ complaint_id: null, entity_id: regionId, action: 'calendar.created' });
    // The new calendar is usable at once (the cached configuration was dropped).
    const due = await compute(agent.client, {
      calendarId: regionId,
      from: '2026-09-30T11:00:00+08:00',
      add: { workingHours: 2 },
    });
    expect(due.body.dueAt).toBe('2026-09-30T06:30:00.000Z'); // 11-12, then 13:30-14:30
  });

  it.each([
    [{ code: 'bad_hours', name: 'x', hours: ['18:00-09:00'] }, 'hours'],
    [{ code: 'overlap', name: 'x', hours: ['09:00-13:00', '12:00-18:00'] }, 'hours'],
    [{ code: 'shape', name: 'x', hours: ['9-18'] }, 'hours'],
    [{ code: 'empty', name: 'x', hours: [] }, 'hours'],
    [{ code: 'Bad Code', name: 'x' }, 'code'],
    [{ code: 'no_name', name: ' ' }, 'name'],
    [{ code: 'far', name: 'x', offsetMinutes: 900 }, 'offsetMinutes'],
  ])('400 for %j', async (body, field) => {
    const r = await s.admin.post('/calendars', body);
    expect(r.status).toBe(400);
    expect(fields(r)).toEqual([field]);
  });

  it('409 for a code in use; 403 for anyone but an admin', async () => {
    const dup = await s.admin.post('/calendars', { code: 'guangdong', name: '又一个' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('CONFLICT');
    const sup = await s.user('supervisor');
    expect((await sup.client.post('/calendars', { code: 'sup_cal', name: 'x' })).status).toBe(403);
    expect((await sup.client.patch(`/calendars/${regionId}`, { name: 'x' })).status).toBe(403);
    expect(
      (await put(sup.client, `/calendars/${regionId}/overrides/2026-10-09`, { kind: 'holiday', name: 'x' }))
        .status,
    ).toBe(403);
    expect((await del(sup.client, `/calendars/${regionId}/overrides/2026-10-09`)).status).toBe(403);
  });

  it('a day of its own changes deadlines on that calendar only, shows in the year view, and can be removed', async () => {
    const set = await put(s.admin, `/calendars/${regionId}/overrides/2026-10-09`, {
      kind: 'holiday',
      name: '公司年会',
    });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ calendarId: regionId, day: '2026-10-09', kind: 'holiday', name: '公司年会' });
    const from = { from: '2026-09-30T10:00:00+08:00', add: { workingDays: 3 } };
    // 10-08 the 1st, Saturday 10-10 the 2nd, Monday 10-12 the 3rd.
    expect((await compute(agent.client, { ...from, calendarId: regionId })).body.dueAt).toBe(
      '2026-10-12T02:00:00.000Z',
    );
    expect((await compute(agent.client, { ...from, calendarId: standardId })).body.dueAt).toBe(
      '2026-10-10T02:00:00.000Z',
    );

    await put(s.admin, `/calendars/${regionId}/overrides/2026-10-07`, { kind: 'workday', name: '值班' });
    const year = await agent.client.get(`/calendars/${regionId}/days?year=2026`);
    expect(year.body.days).toContainEqual({
      day: '2026-10-09',
      kind: 'holiday',
      working: false,
      name: '公司年会',
      source: 'override',
    });
    expect(year.body.days).toContainEqual({
      day: '2026-10-07',
      kind: 'adjusted_workday',
      working: true,
      name: '值班',
      source: 'override',
    });
    const listed = (await agent.client.get('/calendars')).body.items.find((c: Json) => c.id === regionId);
    expect(listed.overrides).toBe(2);

    const renamed = await put(s.admin, `/calendars/${regionId}/overrides/2026-10-09`, {
      kind: 'holiday',
      name: '年会',
    });
    expect(renamed.status).toBe(200);
    expect((await calendarAudits()).at(-1)).toMatchObject({
      action: 'calendar.day_set',
      before: { day: '2026-10-09', kind: 'holiday', name: '公司年会' },
      after: { day: '2026-10-09', kind: 'holiday', name: '年会' },
    });

    expect((await del(s.admin, `/calendars/${regionId}/overrides/2026-10-09`)).status).toBe(204);
    expect((await del(s.admin, `/calendars/${regionId}/overrides/2026-10-07`)).status).toBe(204);
    expect((await del(s.admin, `/calendars/${regionId}/overrides/2026-10-09`)).status).toBe(404);
    expect((await compute(agent.client, { ...from, calendarId: regionId })).body.dueAt).toBe(
      '2026-10-10T02:00:00.000Z',
    );
    expect((await calendarAudits()).at(-2)).toMatchObject({
      action: 'calendar.day_removed',
      before: { day: '2026-10-09' },
    });
  });

  it('refuses days that are not real, unknown calendars and the 24×7 calendar', async () => {
    const bad = await put(s.admin, `/calendars/${regionId}/overrides/2026-02-30`, {
      kind: 'holiday',
      name: 'x',
    });
    expect(bad.status).toBe(400);
    expect(fields(bad)).toContain('params.day');
    const kind = await put(s.admin, `/calendars/${regionId}/overrides/2026-03-02`, {
      kind: 'weekend',
      name: 'x',
    });
    expect(fields(kind)).toContain('kind');
    const unknown = await put(
      s.admin,
      '/calendars/00000000-0000-4000-8000-000000000000/overrides/2026-03-02',
      {
        kind: 'holiday',
        name: 'x',
      },
    );
    expect(unknown.status).toBe(404);
    const front = await put(s.admin, `/calendars/${frontLineId}/overrides/2026-03-02`, {
      kind: 'holiday',
      name: 'x',
    });
    expect(front.status).toBe(400);
  });

  it('changes name and hours; a bad change changes nothing', async () => {
    const r = await s.admin.patch(`/calendars/${regionId}`, { name: '广东', hours: ['08:30-17:30'] });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ name: '广东', hours: ['08:30-17:30'] });
    expect((await calendarAudits()).at(-1)).toMatchObject({
      action: 'calendar.updated',
      before: { name: '广东分中心', hours: ['09:00-12:00', '13:30-18:00'] },
      after: { name: '广东', hours: ['08:30-17:30'] },
    });
    const bad = await s.admin.patch(`/calendars/${regionId}`, { name: '不该保存', hours: ['08:30'] });
    expect(bad.status).toBe(400);
    expect(fields(bad)).toEqual(['hours']);
    expect((await s.admin.get('/calendars')).body.items.find((c: Json) => c.id === regionId).name).toBe(
      '广东',
    );
    expect(
      (await s.admin.patch('/calendars/00000000-0000-4000-8000-000000000000', { name: 'x' })).status,
    ).toBe(404);
  });

  it('one default at a time: making one the default un-defaults the other, and compute follows it', async () => {
    const r = await s.admin.patch(`/calendars/${frontLineId}`, { isDefault: true });
    expect(r.status).toBe(200);
    expect(r.body.isDefault).toBe(true);
    const defaults = (await s.admin.get('/calendars')).body.items.filter((c: Json) => c.isDefault);
    expect(defaults.map((c: Json) => c.id)).toEqual([frontLineId]);
    const due = await compute(agent.client, { from: '2026-10-01T10:00:00+08:00', add: { workingDays: 1 } });
    expect(due.body).toMatchObject({ calendarId: frontLineId, dueAt: '2026-10-02T02:00:00.000Z' });

    const undefault = await s.admin.patch(`/calendars/${frontLineId}`, { isDefault: false });
    expect(undefault.status).toBe(400);
    expect(fields(undefault)).toEqual(['isDefault']);

    expect((await s.admin.patch(`/calendars/${standardId}`, { isDefault: true })).status).toBe(200);
    const back = await compute(agent.client, { from: '2026-10-01T10:00:00+08:00', add: { workingDays: 1 } });
    expect(back.body.calendarId).toBe(standardId);
  });
});

describe('imported years of the official schedule (admin)', () => {
  const health = async () => (await s.anonymous.get('/health')).body.warnings;

  it('importing 2027 loads the year: no longer provisional, and /health stops warning; deleting brings it back', async () => {
    expect(await health()).toMatchObject([{ code: 'CALENDAR_YEAR_MISSING', details: { years: [2027] } }]);

    const r = await s.admin.post('/calendar/schedules', file2027());
    expect(r.status).toBe(201);
    expect(r.body).toEqual({
      year: 2027,
      source: '测试用2027年节假日安排',
      days: 9,
      replaced: false,
      retimedComplaints: 0,
    });
    expect(await health()).toEqual([]);

    // 10-01..07 off, 10-08 (Fri) the 1st, Saturday 10-09 (调休) the 2nd, 10-11 (Mon) the 3rd.
    const due = await compute(agent.client, { from: '2027-09-30T10:00:00+08:00', add: { workingDays: 3 } });
    expect(due.body).toMatchObject({ dueAt: '2027-10-11T02:00:00.000Z', provisional: false });
    const year = await agent.client.get(`/calendars/${standardId}/days?year=2027`);
    expect(year.body.provisional).toBe(false);
    expect(year.body.days).toHaveLength(9);
    expect(year.body.days[1]).toEqual({
      day: '2027-10-01',
      kind: 'holiday',
      working: false,
      name: '国庆节',
      source: 'imported',
    });

    const listed = await s.admin.get('/calendar/schedules');
    expect(listed.body.items).toEqual([
      {
        year: 2027,
        source: '测试用2027年节假日安排',
        holidays: 8,
        workdays: 1,
        importedBy: expect.any(String),
        importedAt: NOW.toISOString(),
      },
    ]);

    expect((await del(s.admin, '/calendar/schedules/2027')).status).toBe(204);
    expect(await health()).toMatchObject([{ code: 'CALENDAR_YEAR_MISSING', details: { years: [2027] } }]);
    expect(
      (await compute(agent.client, { from: '2027-09-30T10:00:00+08:00', add: { workingDays: 3 } })).body
        .provisional,
    ).toBe(true);
    expect((await del(s.admin, '/calendar/schedules/2027')).status).toBe(404);
    expect((await s.admin.get('/calendar/schedules')).body.items).toEqual([]);
  });

  it('importing a year again replaces it entirely; each import is audited', async () => {
    await s.admin.post('/calendar/schedules', file2027());
    const again = await s.admin.post(
      '/calendar/schedules',
      file2027({ holidays: { '2027-01-01': '元旦' }, workdays: {} }),
    );
    expect(again.body).toMatchObject({ year: 2027, days: 1, replaced: true });
    const year = await agent.client.get(`/calendars/${standardId}/days?year=2027`);
    expect(year.body.days.map((d: Json) => d.day)).toEqual(['2027-01-01']);
    const actions = (await calendarAudits()).slice(-2).map((a) => a.action);
    expect(actions).toEqual(['calendar.schedule_imported', 'calendar.schedule_replaced']);
    await del(s.admin, '/calendar/schedules/2027');
  });

  it('an imported year replaces the bundled data of that year', async () => {
    // A 2026 without the adjusted Saturday 10-10: the 3rd working day after 09-30 becomes Monday 10-12.
    const r = await s.admin.post('/calendar/schedules', {
      year: 2026,
      source: '测试',
      holidays: Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [`2026-10-0${d}`, '国庆节'])),
    });
    expect(r.status).toBe(201);
    const from = { from: '2026-09-30T10:00:00+08:00', add: { workingDays: 3 } };
    expect((await compute(agent.client, from)).body.dueAt).toBe('2026-10-12T02:00:00.000Z');
    const days = (await agent.client.get(`/calendars/${standardId}/days?year=2026`)).body.days;
    expect(days).toHaveLength(7);
    await del(s.admin, '/calendar/schedules/2026');
    expect((await compute(agent.client, from)).body.dueAt).toBe('2026-10-10T02:00:00.000Z');
  });

  it('refuses an invalid file with the field of every problem', async () => {
    const r = await s.admin.post(
      '/calendar/schedules',
      file2027({
        holidays: { '2027-13-01': '元旦', '2026-12-31': '元旦' },
        workdays: { '2027-10-08': '国庆节' },
      }),
    );
    expect(r.status).toBe(400);
    expect(fields(r)).toEqual(['holidays.2027-13-01', 'holidays.2026-12-31', 'workdays.2027-10-08']);
    const types = await s.admin.post('/calendar/schedules', { year: '2027', holidays: [] });
    expect(types.status).toBe(400);
    expect(fields(types)).toEqual(expect.arrayContaining(['year', 'source', 'holidays']));
    expect((await s.admin.get('/calendar/schedules')).body.items).toEqual([]);
  });

  it('only an admin imports, lists or deletes years', async () => {
    const sup = await s.user('supervisor');
    expect((await sup.client.post('/calendar/schedules', file2027())).status).toBe(403);
    expect((await sup.client.get('/calendar/schedules')).status).toBe(403);
    expect((await del(sup.client, '/calendar/schedules/2027')).status).toBe(403);
  });
});

describe('OpenAPI', () => {
  it('documents the calendar routes under the calendar tag', async () => {
    const doc = (await s.anonymous.get('/openapi.json')).body;
    for (const [path, method] of [
      ['/api/v1/calendar/compute', 'post'],
      ['/api/v1/calendars', 'get'],
      ['/api/v1/calendars/{id}/days', 'get'],
      ['/api/v1/calendars/{id}/overrides/{day}', 'put'],
      ['/api/v1/calendar/schedules', 'post'],
      ['/api/v1/calendar/schedules/{year}', 'delete'],
    ] as const) {
      expect(doc.paths[path]?.[method]?.tags).toEqual(['calendar']);
    }
  });
});
