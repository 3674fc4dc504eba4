// `tousu demo`: fills an empty database with demo staff and a few hundred complaints of the last
// 90 days, each driven through the real commands (rules, versions, timeline) as staff would.
// Deterministic for a seed and a `now`. Never touches a database that already holds complaints.
import type { Kysely } from 'kysely';
import { insertUser } from '../commands/users.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { listCategories } from '../db/repositories/categories.ts';
import { findUserByLogin } from '../db/repositories/users.ts';
import type { Database } from '../db/schema.ts';
import { invalid } from '../domain/errors.ts';
import { COMPLAINT_STATUSES } from '../domain/vocabulary.ts';
import type { Actor } from '../policies/actor.ts';
import { DEMO_PASSWORD, DEPARTMENTS, type DemoStaff, STAFF } from './demo-data.ts';
import { planComplaints } from './demo-plan.ts';
import { DAY, MINUTE, Rng } from './demo-random.ts';
import type { Cast } from './demo-script.ts';
import { playComplaint } from './demo-story.ts';

export interface DemoOptions {
  count: number;
  seed: number;
  now: Date;
}

const MAX_COUNT = 10_000;

async function countComplaints(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('complaints')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The demo's departments, created once; returns the id of the named one. */
async function ensureDepartment(db: Kysely<Database>, name: string, at: Date): Promise<string> {
  for (const n of DEPARTMENTS) {
    await db
      .insertInto('departments')
      .values({ name: n, created_at: at })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
  }
  const row = await db
    .selectFrom('departments')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.id;
}

interface StaffMember {
  spec: DemoStaff;
  actor: Actor | null;
  created: boolean;
}

/** Creates the demo staff; a login that exists already is kept as it is and used if it fits. */
async function ensureStaff(db: Kysely<Database>, at: Date): Promise<StaffMember[]> {
  const out: StaffMember[] = [];
  for (const spec of STAFF) {
    const existing = await findUserByLogin(db, spec.login);
    if (existing) {
      const fits = existing.active && existing.role === spec.role;
      const actor = fits
        ? {
            id: existing.id,
            role: spec.role,
            team: existing.team,
            name: existing.name,
            departmentId: existing.department_id,
          }
        : null;
      out.push({ spec, actor, created: false });
      continue;
    }
    const departmentId = spec.department ? await ensureDepartment(db, spec.department, at) : null;
    const row = await insertUser(db, { ...spec, departmentId, password: DEMO_PASSWORD }, null, at);
    out.push({
      spec,
      actor: { id: row.id, role: spec.role, team: row.team, name: row.name, departmentId: row.department_id },
      created: true,
    });
  }
  return out;
}

function castOf(staff: StaffMember[]): Cast {
  const actors = staff.flatMap((s) => (s.actor ? [s.actor] : []));
  return {
    agents: actors.filter((a) => a.role === 'agent'),
    specialists: actors.filter((a) => a.role === 'specialist'),
    supervisor: actors.find((a) => a.role === 'supervisor') ?? null,
    department: actors.find((a) => a.role === 'department') ?? null,
  };
}

async function statusCounts(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('complaints')
    .select((eb) => [
      'status',
      eb.fn.countAll<number>().as('n'),
      eb.fn.count<number>('id').filterWhere('close_reason', '=', 'withdrawn').as('withdrawn'),
      eb.fn.count<number>('id').filterWhere('reopen_count', '>', 0).as('reopened'),
    ])
    .groupBy('status')
    .execute();
  return rows.map((r) => ({
    status: r.status,
    n: Number(r.n),
    withdrawn: Number(r.withdrawn),
    reopened: Number(r.reopened),
  }));
}

function staffLines(staff: StaffMember[]): string[] {
  return staff.map(({ spec, actor, created }) => {
    const line = `  ${spec.login.padEnd(12)} ${spec.role.padEnd(11)} ${spec.name}（${spec.team ?? '-'}）`;
    if (created) return line;
    return `${line}  — login existed already: kept unchanged${actor ? '' : ', not used (other role or inactive)'}`;
  });
}

export async function runDemo(handle: DatabaseHandle, opts: DemoOptions): Promise<{ message: string }> {
  const { db } = handle;
  if (!Number.isInteger(opts.count) || opts.count < 0 || opts.count > MAX_COUNT) {
    throw invalid([{ field: 'count', message: `a whole number from 0 to ${MAX_COUNT}` }]);
  }
  if (!Number.isInteger(opts.seed)) throw invalid([{ field: 'seed', message: 'a whole number' }]);
  if (Number.isNaN(opts.now.getTime())) throw invalid([{ field: 'now', message: 'not a valid time' }]);

  const existing = await countComplaints(db);
  if (existing > 0) {
    return {
      message:
        `The database already holds ${existing} complaint(s). The demo only fills an empty database ` +
        'so that it never mixes invented complaints with real ones: nothing was created.',
    };
  }

  // The staff were hired before the first complaint they handle.
  const staff = await ensureStaff(db, new Date(opts.now.getTime() - 91 * DAY));
  const cast = castOf(staff);
  if (cast.agents.length === 0) {
    return {
      message: 'No usable demo agent (their logins belong to other users): no complaints were created.',
    };
  }

  const rng = new Rng(opts.seed);
  const plans = planComplaints(rng, opts.count, opts.now, await listCategories(db));
  const stage = { db, dbKind: handle.kind, cast, cap: new Date(opts.now.getTime() - MINUTE) };
  for (const plan of plans) await playComplaint(stage, plan, rng);

  const counts = await statusCounts(db);
  const lines = [
    `Created ${plans.length} demo complaints received over the last 90 days (seed ${opts.seed}):`,
  ];
  for (const status of COMPLAINT_STATUSES) {
    const c = counts.find((r) => r.status === status);
    let line = `  ${status.padEnd(12)} ${String(c?.n ?? 0).padStart(5)}`;
    if (status === 'closed' && c)
      line += `  (${c.withdrawn} withdrawn, ${c.reopened} reopened before closing)`;
    if (status === 'in_progress' && c?.reopened) line += `  (${c.reopened} reopened)`;
    lines.push(line);
  }
  lines.push('', `Demo staff; password for all new logins: ${DEMO_PASSWORD}`, ...staffLines(staff));
  return { message: lines.join('\n') };
}
