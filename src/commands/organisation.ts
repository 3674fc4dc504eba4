// The organisation an administrator keeps: tiers (read-only defaults), teams inside tiers, and
// back-office departments with the calendar their work-order deadlines run on.
import { recordAudit } from '../db/repositories/audit.ts';
import { DomainError, invalid } from '../domain/errors.ts';
import { authorize } from '../policies/permissions.ts';
import type { CommandContext } from './context.ts';

export function listTiers(ctx: CommandContext) {
  authorize(ctx.actor, 'organisation:view');
  return ctx.db.selectFrom('tiers').select(['id', 'code', 'name', 'level']).orderBy('level').execute();
}

export function listTeams(ctx: CommandContext) {
  authorize(ctx.actor, 'organisation:view');
  return ctx.db.selectFrom('teams').select(['id', 'name', 'tier_id']).orderBy('name').execute();
}

export function listDepartments(ctx: CommandContext) {
  authorize(ctx.actor, 'organisation:view');
  return ctx.db
    .selectFrom('departments')
    .select(['id', 'name', 'calendar_id', 'active'])
    .orderBy('name')
    .execute();
}

async function unique<T>(run: () => Promise<T>, field: string): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if ((err as { code?: string }).code === '23505') {
      throw new DomainError('CONFLICT', `A ${field} with this name exists`, { field: 'name' });
    }
    throw err;
  }
}

export async function createTeam(ctx: CommandContext, input: { name: string; tierId: string }) {
  authorize(ctx.actor, 'organisation:manage');
  const tier = await ctx.db
    .selectFrom('tiers')
    .select('id')
    .where('id', '=', input.tierId)
    .executeTakeFirst();
  if (!tier) throw invalid([{ field: 'tierId', message: 'unknown tier' }]);
  return ctx.db.transaction().execute(async (tx) => {
    const row = await unique(
      () =>
        tx
          .insertInto('teams')
          .values({ name: input.name, tier_id: input.tierId, created_at: ctx.now })
          .returning(['id', 'name', 'tier_id'])
          .executeTakeFirstOrThrow(),
      'team',
    );
    await recordAudit(tx, {
      complaintId: null,
      entity: 'organisation',
      entityId: row.id,
      action: 'team.created',
      actorId: ctx.actor.id,
      at: ctx.now,
      after: { name: row.name, tierId: row.tier_id },
    });
    return row;
  });
}

export async function createDepartment(
  ctx: CommandContext,
  input: { name: string; calendarId?: string | null },
) {
  authorize(ctx.actor, 'organisation:manage');
  if (input.calendarId) {
    const cal = await ctx.db
      .selectFrom('calendars')
      .select('id')
      .where('id', '=', input.calendarId)
      .executeTakeFirst();
    if (!cal) throw invalid([{ field: 'calendarId', message: 'unknown calendar' }]);
  }
  return ctx.db.transaction().execute(async (tx) => {
    const row = await unique(
      () =>
        tx
          .insertInto('departments')
          .values({ name: input.name, calendar_id: input.calendarId ?? null, created_at: ctx.now })
          .returning(['id', 'name', 'calendar_id', 'active'])
          .executeTakeFirstOrThrow(),
      'department',
    );
    await recordAudit(tx, {
      complaintId: null,
      entity: 'organisation',
      entityId: row.id,
      action: 'department.created',
      actorId: ctx.actor.id,
      at: ctx.now,
      after: { name: row.name, calendarId: row.calendar_id },
    });
    return row;
  });
}
