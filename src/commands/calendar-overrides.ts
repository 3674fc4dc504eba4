// A calendar's own days (domain §11): a regional holiday, a company day off, a weekend or holiday
// made a working day. They win over the national schedule and imported years on that calendar
// only. Every change writes an audit row and drops the cached timing configuration.

import { recordAudit } from '../db/repositories/audit.ts';
import { invalidateTimingConfig } from '../db/repositories/timing-config.ts';
import { DomainError, invalid } from '../domain/errors.ts';
import type { DayOverrideKind } from '../domain/official-schedule.ts';
import { authorize } from '../policies/permissions.ts';
import { calendarNotFound } from './calendars.ts';
import type { CommandContext } from './context.ts';

export interface DayOverride {
  kind: DayOverrideKind;
  name: string;
}

/** Makes one day of one calendar a holiday or a working day, whatever the national schedule says. */
export async function setCalendarOverride(
  ctx: CommandContext,
  calendarId: string,
  day: string,
  input: DayOverride,
) {
  authorize(ctx.actor, 'calendar:manage');
  await ctx.db.transaction().execute(async (tx) => {
    const calendar = await tx
      .selectFrom('calendars')
      .select(['id', 'every_day'])
      .where('id', '=', calendarId)
      .executeTakeFirst();
    if (!calendar) throw calendarNotFound();
    if (calendar.every_day) {
      throw invalid([
        { field: 'kind', message: 'a 24×7 calendar works every day; its days cannot be changed' },
      ]);
    }
    const before = await tx
      .selectFrom('calendar_overrides')
      .select(['kind', 'name'])
      .where('calendar_id', '=', calendarId)
      .where('day', '=', day)
      .executeTakeFirst();
    await tx
      .insertInto('calendar_overrides')
      .values({
        calendar_id: calendarId,
        day,
        kind: input.kind,
        name: input.name,
        created_by: ctx.actor.id,
        created_at: ctx.now,
      })
      .onConflict((oc) =>
        oc
          .columns(['calendar_id', 'day'])
          .doUpdateSet({ kind: input.kind, name: input.name, created_by: ctx.actor.id, created_at: ctx.now }),
      )
      .execute();
    await recordAudit(tx, {
      complaintId: null,
      entity: 'calendar',
      entityId: calendarId,
      action: 'calendar.day_set',
      actorId: ctx.actor.id,
      at: ctx.now,
      before: before ? { day, ...before } : null,
      after: { day, kind: input.kind, name: input.name },
    });
  });
  invalidateTimingConfig(ctx.db);
  return { calendarId, day, kind: input.kind, name: input.name };
}

export async function removeCalendarOverride(ctx: CommandContext, calendarId: string, day: string) {
  authorize(ctx.actor, 'calendar:manage');
  await ctx.db.transaction().execute(async (tx) => {
    const removed = await tx
      .deleteFrom('calendar_overrides')
      .where('calendar_id', '=', calendarId)
      .where('day', '=', day)
      .returning(['kind', 'name'])
      .executeTakeFirst();
    if (!removed) throw new DomainError('NOT_FOUND', 'This calendar has no override on that day');
    await recordAudit(tx, {
      complaintId: null,
      entity: 'calendar',
      entityId: calendarId,
      action: 'calendar.day_removed',
      actorId: ctx.actor.id,
      at: ctx.now,
      before: { day, ...removed },
    });
  });
  invalidateTimingConfig(ctx.db);
}
