// Compensations (补偿) and the authority limits behind them: named queries.
import type { Kysely, SelectQueryBuilder } from 'kysely';
import {
  type Authority,
  type AuthorityLimit,
  COMPENSATION_TYPES,
  type CompensationType,
  DECIDING_ROLES,
  effectiveAuthority,
  formatFen,
  moneyFen,
} from '../../domain/compensation.ts';
import type { ComplaintStatus, DemandType, Role } from '../../domain/vocabulary.ts';
import type { CompensationRow, Database } from '../schema.ts';

function compensationTypes(values: readonly string[] | null | undefined): CompensationType[] {
  return (values ?? []).filter((t): t is CompensationType =>
    (COMPENSATION_TYPES as readonly string[]).includes(t),
  );
}

function limitOf(max: string | null, types: string[] | null): AuthorityLimit | null {
  return max === null ? null : { maxFen: moneyFen(max), approvalTypes: compensationTypes(types) };
}

/**
 * Users with their role's and their team's limits. The team is the user's `team_id`, else the
 * team whose name is the user's `team` (people created before teams were organised).
 */
function usersWithLimits(db: Kysely<Database>) {
  return db
    .selectFrom('users as u')
    .leftJoin('teams as tn', 'tn.name', 'u.team')
    .leftJoin('authority_limits as tl', (j) =>
      j.on((eb) => eb('tl.team_id', '=', eb.fn.coalesce('u.team_id', 'tn.id'))),
    )
    .leftJoin('authority_limits as rl', 'rl.role', 'u.role')
    .select([
      'u.id',
      'u.role',
      'u.name',
      'rl.max_compensation as role_max',
      'rl.approval_types as role_types',
      'tl.max_compensation as team_max',
      'tl.approval_types as team_types',
    ]);
}

type LimitsRow = {
  id: string;
  role: Role;
  name: string;
  role_max: string | null;
  role_types: string[] | null;
  team_max: string | null;
  team_types: string[] | null;
};

function authorityOfRow(r: LimitsRow): Authority {
  return effectiveAuthority(limitOf(r.role_max, r.role_types), limitOf(r.team_max, r.team_types));
}

/** A person's effective authority (team limit, else role limit, else nothing without approval). */
export async function userAuthority(
  db: Kysely<Database>,
  userId: string,
): Promise<{ id: string; role: Role; authority: Authority } | undefined> {
  const row = await usersWithLimits(db).where('u.id', '=', userId).executeTakeFirst();
  return row ? { id: row.id, role: row.role, authority: authorityOfRow(row) } : undefined;
}

/** Active specialists and supervisors with their authority: who might approve a request. */
export async function possibleApprovers(
  db: Kysely<Database>,
): Promise<Array<{ id: string; role: Role; authority: Authority }>> {
  const rows = await usersWithLimits(db)
    .where('u.active', '=', true)
    .where('u.role', 'in', DECIDING_ROLES)
    .execute();
  return rows.map((r) => ({ id: r.id, role: r.role, authority: authorityOfRow(r) }));
}

export function findCompensation(
  db: Kysely<Database>,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<CompensationRow | undefined> {
  let q = db.selectFrom('compensations').selectAll().where('id', '=', id);
  if (opts.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** Every compensation of a complaint, in the order they were requested (the complaint page). */
export function complaintCompensations(
  db: Kysely<Database>,
  complaintId: string,
): Promise<CompensationRow[]> {
  return db
    .selectFrom('compensations')
    .selectAll()
    .where('complaint_id', '=', complaintId)
    .orderBy('requested_at')
    .orderBy('id')
    .execute();
}

/** The ids of a demand's compensations waiting for approval (they block answering it). */
export async function pendingCompensationIds(db: Kysely<Database>, demandId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('compensations')
    .select('id')
    .where('demand_id', '=', demandId)
    .where('status', '=', 'pending')
    .orderBy('requested_at')
    .execute();
  return rows.map((r) => r.id);
}

/** Names of the people a set of compensations mentions. */
export function compensationPeople(rows: readonly CompensationRow[]): Array<string | null> {
  return rows.flatMap((r) => [r.requested_by, r.decided_by]);
}

function withContext<O>(q: SelectQueryBuilder<Database, 'compensations', O>) {
  return q
    .innerJoin('complaints as c', 'c.id', 'compensations.complaint_id')
    .innerJoin('demands as d', 'd.id', 'compensations.demand_id')
    .selectAll('compensations')
    .select([
      'c.number as complaint_number',
      'c.status as complaint_status',
      'd.type as demand_type',
      'd.description as demand_description',
    ]);
}

export type CompensationWithContext = CompensationRow & {
  complaint_number: string;
  complaint_status: ComplaintStatus;
  demand_type: DemandType;
  demand_description: string;
};

/**
 * The approval queue of one person: pending compensations of complaints still open that they
 * may decide (within their limit, a type they may approve, not their own), oldest first.
 */
export function approvalQueue(
  db: Kysely<Database>,
  approver: { id: string; authority: AuthorityLimit },
  limit: number,
): Promise<CompensationWithContext[]> {
  let q = withContext(db.selectFrom('compensations'))
    .where('compensations.status', '=', 'pending')
    .where('compensations.requested_by', '<>', approver.id)
    .where('compensations.amount', '<=', formatFen(approver.authority.maxFen))
    .where('c.status', '<>', 'closed');
  if (approver.authority.approvalTypes.length) {
    q = q.where('compensations.type', 'not in', [...approver.authority.approvalTypes]);
  }
  return q
    .orderBy('compensations.requested_at')
    .orderBy('compensations.id')
    .limit(limit)
    .execute() as Promise<CompensationWithContext[]>;
}

/** Compensations one person decided (approved, refused or cancelled), newest first. */
export function decidedBy(
  db: Kysely<Database>,
  userId: string,
  statuses: readonly CompensationRow['status'][],
  limit: number,
): Promise<CompensationWithContext[]> {
  return withContext(db.selectFrom('compensations'))
    .where('compensations.decided_by', '=', userId)
    .where('compensations.status', 'in', [...statuses])
    .orderBy('compensations.decided_at', 'desc')
    .orderBy('compensations.id')
    .limit(limit)
    .execute() as Promise<CompensationWithContext[]>;
}

/** A complaint's compensations with their context, optionally of some statuses. */
export function complaintCompensationsWithContext(
  db: Kysely<Database>,
  complaintId: string,
  statuses: readonly CompensationRow['status'][] | undefined,
  limit: number,
): Promise<CompensationWithContext[]> {
  let q = withContext(db.selectFrom('compensations')).where('compensations.complaint_id', '=', complaintId);
  if (statuses?.length) q = q.where('compensations.status', 'in', [...statuses]);
  return q
    .orderBy('compensations.requested_at')
    .orderBy('compensations.id')
    .limit(limit)
    .execute() as Promise<CompensationWithContext[]>;
}

// ——— Authority limits ———

export interface AuthorityLimitRecord {
  id: string;
  role: Role | null;
  teamId: string | null;
  teamName: string | null;
  maxFen: number;
  approvalTypes: CompensationType[];
  updatedAt: Date;
}

function limitsWithTeams(db: Kysely<Database>) {
  return db
    .selectFrom('authority_limits as a')
    .leftJoin('teams as t', 't.id', 'a.team_id')
    .select([
      'a.id',
      'a.role',
      'a.team_id',
      't.name as team_name',
      'a.max_compensation',
      'a.approval_types',
      'a.updated_at',
    ]);
}

export async function listAuthorityLimits(db: Kysely<Database>): Promise<AuthorityLimitRecord[]> {
  const rows = await limitsWithTeams(db).orderBy('a.role').orderBy('t.name').execute();
  return rows.map(recordOf);
}

function recordOf(r: {
  id: string;
  role: Role | null;
  team_id: string | null;
  team_name?: string | null;
  max_compensation: string;
  approval_types: string[];
  updated_at: Date;
}): AuthorityLimitRecord {
  return {
    id: r.id,
    role: r.role,
    teamId: r.team_id,
    teamName: r.team_name ?? null,
    maxFen: moneyFen(r.max_compensation),
    approvalTypes: compensationTypes(r.approval_types),
    updatedAt: r.updated_at,
  };
}

export async function findAuthorityLimit(
  db: Kysely<Database>,
  key: { role: Role } | { teamId: string },
): Promise<AuthorityLimitRecord | undefined> {
  let q = limitsWithTeams(db);
  q = 'role' in key ? q.where('a.role', '=', key.role) : q.where('a.team_id', '=', key.teamId);
  const row = await q.executeTakeFirst();
  return row ? recordOf(row) : undefined;
}

/** Sets the limit of a role or a team (one row each; the partial unique indexes keep it so). */
export async function upsertAuthorityLimit(
  db: Kysely<Database>,
  key: { role: Role } | { teamId: string },
  limit: AuthorityLimit,
  now: Date,
): Promise<AuthorityLimitRecord> {
  const values = {
    max_compensation: formatFen(limit.maxFen),
    approval_types: [...limit.approvalTypes],
    updated_at: now,
  };
  const row = await db
    .insertInto('authority_limits')
    .values({
      ...values,
      role: 'role' in key ? key.role : null,
      team_id: 'teamId' in key ? key.teamId : null,
      created_at: now,
    })
    .onConflict((oc) =>
      ('role' in key
        ? oc.column('role').where('role', 'is not', null)
        : oc.column('team_id').where('team_id', 'is not', null)
      ).doUpdateSet(values),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  const record = await findAuthorityLimit(db, key);
  if (record?.id !== row.id) throw new Error('the authority limit just written was not found');
  return record;
}

export async function deleteTeamLimit(db: Kysely<Database>, teamId: string): Promise<boolean> {
  const rows = await db
    .deleteFrom('authority_limits')
    .where('team_id', '=', teamId)
    .returning('id')
    .execute();
  return rows.length > 0;
}
