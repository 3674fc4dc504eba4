// Years of the State Council's holiday schedule imported by an administrator (the file format is
// in docs/calendar-import.md). An imported year replaces the bundled `chinese-days` data of that
// year for every calendar and counts as loaded: deadlines into it are no longer provisional and
// /health stops warning about it. Deleting the import returns the year to the bundled data.

import { recordAudit } from '../db/repositories/audit.ts';
import { invalidateTimingConfig } from '../db/repositories/timing-config.ts';
import { DomainError, invalid } from '../domain/errors.ts';
import { parseScheduleFile } from '../domain/schedule-file.ts';
import { resyncDeadlines } from '../jobs/resync-deadlines.ts';
import { authorize } from '../policies/permissions.ts';
import type { CommandContext } from './context.ts';

export interface ImportedYear {
  year: number;
  source: string;
  holidays: number;
  workdays: number;
  importedBy: string | null;
  importedAt: Date;
}

/** Loads one year from an import file; importing the same year again replaces it entirely. */
export async function importSchedule(ctx: CommandContext, file: unknown) {
  authorize(ctx.actor, 'calendar:manage');
  const parsed = parseScheduleFile(file);
  if (!parsed.ok) throw invalid(parsed.issues);
  const { year, source, days } = parsed;
  const replaced = await ctx.db.transaction().execute(async (tx) => {
    const previous = await tx
      .deleteFrom('official_schedule_years') // its days go with it (ON DELETE CASCADE)
      .where('year', '=', year)
      .returning('source')
      .executeTakeFirst();
    await tx
      .insertInto('official_schedule_years')
      .values({ year, source, imported_by: ctx.actor.id, imported_at: ctx.now })
      .execute();
    await tx
      .insertInto('official_schedule_days')
      .values(days.map((d) => ({ day: d.day, year, kind: d.kind, name: d.name })))
      .execute();
    const count = (kind: string) => days.filter((d) => d.kind === kind).length;
    await recordAudit(tx, {
      complaintId: null,
      entity: 'calendar',
      entityId: `schedule-${year}`,
      action: previous ? 'calendar.schedule_replaced' : 'calendar.schedule_imported',
      actorId: ctx.actor.id,
      at: ctx.now,
      before: previous ? { year, source: previous.source } : null,
      after: { year, source, holidays: count('holiday'), workdays: count('workday') },
    });
    return previous !== undefined;
  });
  invalidateTimingConfig(ctx.db);
  // Deadlines that reached into a year without data were provisional: now they can be exact.
  const retimed = await resyncDeadlines(ctx.db, ctx.now, { onlyProvisional: true, actorId: ctx.actor.id });
  return { year, source, days: days.length, replaced, retimedComplaints: retimed };
}

export async function listImportedSchedules(ctx: CommandContext): Promise<ImportedYear[]> {
  authorize(ctx.actor, 'calendar:manage');
  const [years, counts] = await Promise.all([
    ctx.db
      .selectFrom('official_schedule_years')
      .select(['year', 'source', 'imported_by', 'imported_at'])
      .orderBy('year')
      .execute(),
    ctx.db
      .selectFrom('official_schedule_days')
      .select(['year', 'kind', (eb) => eb.fn.countAll<string | number>().as('n')])
      .groupBy(['year', 'kind'])
      .execute(),
  ]);
  const countOf = (year: number, kind: string) =>
    Number(counts.find((c) => c.year === year && c.kind === kind)?.n ?? 0);
  return years.map((y) => ({
    year: y.year,
    source: y.source,
    holidays: countOf(y.year, 'holiday'),
    workdays: countOf(y.year, 'workday'),
    importedBy: y.imported_by,
    importedAt: y.imported_at,
  }));
}

/** Drops an imported year: the bundled data (if it has the year) applies again. */
export async function deleteImportedSchedule(ctx: CommandContext, year: number) {
  authorize(ctx.actor, 'calendar:manage');
  await ctx.db.transaction().execute(async (tx) => {
    const removed = await tx
      .deleteFrom('official_schedule_years')
      .where('year', '=', year)
      .returning('source')
      .executeTakeFirst();
    if (!removed) throw new DomainError('NOT_FOUND', `No imported schedule for ${year}`);
    await recordAudit(tx, {
      complaintId: null,
      entity: 'calendar',
      entityId: `schedule-${year}`,
      action: 'calendar.schedule_deleted',
      actorId: ctx.actor.id,
      at: ctx.now,
      before: { year, source: removed.source },
    });
  });
  invalidateTimingConfig(ctx.db);
}
