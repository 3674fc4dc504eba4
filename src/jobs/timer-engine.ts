// The timer engine: warns when a deadline is at risk, records breaches at their true time, and
// reminds of promises made to customers. Durable and exactly-once:
// - state lives in the rows (warned_at, breached_at, reminded_at, next_fire_at): a restart loses
//   nothing, and the first sweep after downtime catches up, stamping each breach with its due time;
// - each sweep claims due rows with FOR UPDATE SKIP LOCKED and stamps them in the same transaction
//   as the notifications it writes, so two server processes never fire one event twice (and a
//   unique dedupe key per person and event backs this up);
// - time is a parameter: tests pass the instant, the loop passes its clock.
import { type Insertable, type Kysely, sql } from 'kysely';
import { type AuditEntry, recordAudits } from '../db/repositories/audit.ts';
import { toStoredDeadline } from '../db/repositories/deadlines.ts';
import { tierLevels } from '../db/repositories/escalations.ts';
import {
  insertNotifications,
  type NewNotification,
  type NotificationKind,
} from '../db/repositories/notifications.ts';
import { foldReportDeltas } from '../db/repositories/report-cube.ts';
import { supervisorsByTeam } from '../db/repositories/supervisors.ts';
import type { CommitmentRow, Database, DeadlineRow, EscalationsTable } from '../db/schema.ts';
import { commitmentNextFire } from '../domain/commitments.ts';
import { nextFireAt, recipients } from '../domain/deadlines.ts';
import { applyAutomaticEscalations } from './automatic-escalations.ts';
import { makeDueSummaries } from './periodic-summaries.ts';
import { checkVolumeAlerts } from './volume-alerts.ts';
import { sweepWorkOrders } from './work-order-timers.ts';

export interface SweepResult {
  warned: number;
  breached: number;
  escalations: number;
  reminded: number;
  overdue: number;
  notifications: number;
  /** Report deltas folded into the rollups. */
  folded?: number;
  /** Early-warning alerts raised by the daily volume check. */
  alerts?: number;
}

export const DEFAULT_BATCH = 500;

const iso = (d: Date) => d.toISOString();

interface Parties {
  complaint_id: string;
  number: string;
  owner_id: string | null;
  handler_id: string | null;
  team: string | null;
}

/** What a sweep writes back to one row: its first stamp (warned/reminded), its breach, its next fire. */
interface Stamp {
  id: string;
  a: Date | null;
  b: Date | null;
  next: Date | null;
}

/**
 * Writes a batch's stamps in one statement (an UPDATE … FROM unnest of arrays) instead of one per
 * row: half the time of a sweep at 1,000 due deadlines (docs/benchmarks.md).
 */
async function stampAll(
  tx: Kysely<Database>,
  table: 'complaint_deadlines' | 'commitments',
  first: 'warned_at' | 'reminded_at',
  stamps: Stamp[],
  updatedAt: Date | null,
): Promise<void> {
  if (!stamps.length) return;
  const col = (f: (s: Stamp) => Date | null) => stamps.map((s) => f(s)?.toISOString() ?? null);
  const touched = updatedAt ? sql`, updated_at = ${updatedAt.toISOString()}::timestamptz` : sql``;
  await sql`
    UPDATE ${sql.table(table)} AS t
       SET ${sql.ref(first)} = u.a, breached_at = u.b, next_fire_at = u.next ${touched}
      FROM unnest(${stamps.map((s) => s.id)}::uuid[], ${col((s) => s.a)}::timestamptz[],
                  ${col((s) => s.b)}::timestamptz[], ${col((s) => s.next)}::timestamptz[]) AS u(id, a, b, next)
     WHERE t.id = u.id`.execute(tx);
}

/** One batch of due deadlines, claimed, stamped and notified in one transaction. */
async function sweepDeadlines(db: Kysely<Database>, now: Date, batch: number, out: SweepResult) {
  return db.transaction().execute(async (tx) => {
    const rows = await tx
      .selectFrom('complaint_deadlines as d')
      .innerJoin('complaints as c', 'c.id', 'd.complaint_id')
      .selectAll('d')
      .select(['c.number', 'c.owner_id', 'c.handler_id', 'c.team', 'c.tier_level'])
      .where('d.next_fire_at', '<=', now)
      .orderBy('d.next_fire_at')
      .limit(batch)
      .forUpdate('d')
      .skipLocked()
      .execute();
    if (!rows.length) return 0;
    const supervisors = await supervisorsByTeam(
      tx,
      rows.map((r) => r.team),
    );
    const notes: NewNotification[] = [];
    const audits: AuditEntry[] = [];
    const stamps: Stamp[] = [];
    const escalations: Insertable<EscalationsTable>[] = [];
    const levels = await tierLevels(tx);
    for (const r of rows) {
      const d = toStoredDeadline(r as DeadlineRow);
      const who = recipients([r.handler_id, r.owner_id, ...(supervisors.get(r.team) ?? [])]);
      const payload = { number: r.number, deadlineKind: d.kind, dueAt: iso(d.dueAt), warnAt: iso(d.warnAt) };
      if (!d.warnedAt && d.warnAt <= now && d.warnAt < d.dueAt) {
        d.warnedAt = d.warnAt;
        // Caught up after the due time already passed: the breach notice says it all.
        if (d.dueAt > now) {
          out.warned++;
          for (const userId of who) {
            notes.push(
              note(userId, 'deadline_at_risk', r, d.id, `${d.id}:warn:${iso(d.warnAt)}`, payload, now),
            );
          }
          audits.push(event(r, d.id, 'deadline.warned', now, { kind: d.kind, dueAt: iso(d.dueAt) }));
        }
      }
      if (!d.breachedAt && d.dueAt <= now) {
        d.breachedAt = d.dueAt;
        out.breached++;
        for (const userId of who) {
          notes.push(
            note(userId, 'deadline_breached', r, d.id, `${d.id}:breach:${iso(d.dueAt)}`, payload, now),
          );
        }
        audits.push(
          event(r, d.id, 'deadline.breached', now, {
            kind: d.kind,
            dueAt: iso(d.dueAt),
            breachedAt: iso(d.dueAt),
          }),
        );
        if (d.escalateOnBreach) {
          out.escalations++;
          audits.push(
            event(r, d.id, 'deadline.escalation_requested', now, {
              kind: d.kind,
              reason: 'deadline_breached',
            }),
          );
          // Applied to the complaint in its own transaction (applyAutomaticEscalations), so this
          // sweep never waits on a complaint a person is changing; once per deadline (unique).
          const toLevel = levels.find((l) => l > r.tier_level) ?? r.tier_level;
          escalations.push({
            complaint_id: r.complaint_id,
            kind: 'escalation',
            reason: 'deadline_breached',
            note: `${d.kind} deadline breached at ${iso(d.dueAt)}`,
            from_level: r.tier_level,
            to_level: toLevel,
            from_handler_id: r.handler_id,
            automatic: true,
            deadline_id: d.id,
            created_by: null,
            created_at: now,
          });
        }
      }
      stamps.push({ id: d.id, a: d.warnedAt, b: d.breachedAt, next: nextFireAt(d) });
    }
    await stampAll(tx, 'complaint_deadlines', 'warned_at', stamps, now);
    if (escalations.length) {
      await tx
        .insertInto('escalations')
        .values(escalations)
        .onConflict((oc) => oc.column('deadline_id').doNothing())
        .execute();
    }
    out.notifications += await insertNotifications(tx, notes);
    await recordAudits(tx, audits);
    return rows.length;
  });
}

/** One batch of promises to remind of, or to report broken. */
async function sweepCommitments(db: Kysely<Database>, now: Date, batch: number, out: SweepResult) {
  return db.transaction().execute(async (tx) => {
    const rows = await tx
      .selectFrom('commitments as k')
      .innerJoin('complaints as c', 'c.id', 'k.complaint_id')
      .selectAll('k')
      .select(['c.number', 'c.owner_id', 'c.handler_id', 'c.team'])
      .where('k.next_fire_at', '<=', now)
      .orderBy('k.next_fire_at')
      .limit(batch)
      .forUpdate('k')
      .skipLocked()
      .execute();
    if (!rows.length) return 0;
    const supervisors = await supervisorsByTeam(
      tx,
      rows.map((r) => r.team),
    );
    const notes: NewNotification[] = [];
    const audits: AuditEntry[] = [];
    const stamps: Stamp[] = [];
    for (const r of rows as Array<CommitmentRow & Parties>) {
      const payload = {
        number: r.number,
        commitmentKind: r.kind,
        source: r.source,
        dueAt: iso(r.due_at),
        notBefore: r.not_before ? iso(r.not_before) : null,
      };
      let remindedAt = r.reminded_at;
      let breachedAt = r.breached_at;
      if (!remindedAt && r.remind_at <= now && r.remind_at < r.due_at) {
        remindedAt = r.remind_at;
        if (r.due_at > now) {
          out.reminded++;
          // The customer's window opening, or our promise coming due: the people who call.
          const kind = r.source === 'customer' ? 'customer_window_open' : 'commitment_due_soon';
          for (const userId of recipients([r.handler_id, r.owner_id])) {
            notes.push(note(userId, kind, r, r.id, `${r.id}:remind`, payload, now));
          }
          audits.push(event(r, r.id, 'commitment.reminded', now, { dueAt: iso(r.due_at) }, 'commitment'));
        }
      }
      if (!breachedAt && r.due_at <= now) {
        breachedAt = r.due_at;
        out.overdue++;
        const who = recipients([r.handler_id, r.owner_id, ...(supervisors.get(r.team) ?? [])]);
        for (const userId of who)
          notes.push(note(userId, 'commitment_overdue', r, r.id, `${r.id}:overdue`, payload, now));
        audits.push(event(r, r.id, 'commitment.overdue', now, { dueAt: iso(r.due_at) }, 'commitment'));
      }
      const next = commitmentNextFire({
        status: r.status,
        remindAt: r.remind_at,
        dueAt: r.due_at,
        remindedAt,
        breachedAt,
      });
      stamps.push({ id: r.id, a: remindedAt, b: breachedAt, next });
    }
    await stampAll(tx, 'commitments', 'reminded_at', stamps, null);
    out.notifications += await insertNotifications(tx, notes);
    await recordAudits(tx, audits);
    return rows.length;
  });
}

function note(
  userId: string,
  kind: NotificationKind,
  p: Parties,
  subjectId: string,
  dedupe: string,
  payload: Record<string, unknown>,
  now: Date,
): NewNotification {
  return { userId, kind, complaintId: p.complaint_id, subjectId, dedupeKey: dedupe, payload, createdAt: now };
}

function event(
  p: Parties,
  entityId: string,
  action: string,
  now: Date,
  after: Record<string, unknown>,
  entity: 'deadline' | 'commitment' = 'deadline',
): AuditEntry {
  return { complaintId: p.complaint_id, entity, entityId, action, actorId: null, at: now, after };
}

/** Fires everything due at `now`, batch after batch, until nothing is left. */
export async function sweepOnce(
  db: Kysely<Database>,
  now: Date,
  opts: { batch?: number } = {},
): Promise<SweepResult> {
  const batch = opts.batch ?? DEFAULT_BATCH;
  const out: SweepResult = {
    warned: 0,
    breached: 0,
    escalations: 0,
    reminded: 0,
    overdue: 0,
    notifications: 0,
  };
  while ((await sweepDeadlines(db, now, batch, out)) === batch) {}
  while ((await sweepCommitments(db, now, batch, out)) === batch) {}
  while ((await sweepWorkOrders(db, now, batch, out)) === batch) {}
  while ((await applyAutomaticEscalations(db, now, batch, out)) === batch) {}
  out.folded = await foldReportDeltas(db);
  // Once a day, after the day is complete: the volume check (early warning).
  const volume = await checkVolumeAlerts(db, now);
  out.alerts = volume.alerts;
  out.notifications += volume.notifications;
  await makeDueSummaries(db, now);
  return out;
}

export interface TimerEngine {
  /** Sweeps now instead of at the next tick (after a change that may be due at once). */
  kick(): void;
  stop(): Promise<void>;
}

export interface TimerEngineOptions {
  db: Kysely<Database>;
  clock: () => Date;
  intervalMs: number;
  onError: (err: unknown) => void;
  onSweep?: (r: SweepResult) => void;
}

/** Sweeps at once (catching up after downtime), then every `intervalMs`, one sweep at a time. */
export function startTimerEngine(opts: TimerEngineOptions): TimerEngine {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = () => {
    if (stopped || running) return;
    clearTimeout(timer);
    running = sweepOnce(opts.db, opts.clock())
      .then((r) => opts.onSweep?.(r))
      .catch(opts.onError)
      .finally(() => {
        running = undefined;
        if (!stopped) timer = setTimeout(tick, opts.intervalMs);
      });
  };
  tick();
  return {
    kick: tick,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
