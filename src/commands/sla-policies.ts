// Time-limit policies (SLA, domain §11) as an administrator keeps them: which complaints a policy
// covers (severity, category subtree, channel, VIP level) and its targets per deadline kind.
// Every change writes an audit row and drops the cached timing configuration.
//
// A changed policy re-times a complaint's open deadlines when that complaint next changes
// (src/commands/sync-deadlines.ts), or all at once with POST /deadlines/resync
// (src/jobs/resync-deadlines.ts); it is not done inside the admin's request, which would then
// take as long as there are open complaints.

import type { Kysely } from 'kysely';
import { recordAudit } from '../db/repositories/audit.ts';
import { invalidateTimingConfig } from '../db/repositories/timing-config.ts';
import type { Database, SlaPolicyRow } from '../db/schema.ts';
import { DEADLINE_KINDS } from '../domain/deadlines.ts';
import { DomainError, type FieldIssue, invalid } from '../domain/errors.ts';
import type { PolicyTargets, TargetSpec } from '../domain/sla-policy.ts';
import type { Channel, Severity } from '../domain/vocabulary.ts';
import { authorize } from '../policies/permissions.ts';
import type { CommandContext } from './context.ts';

// A type, not an interface: it goes into audit rows as a plain record.
export type PolicyFields = {
  name: string;
  priority: number;
  active: boolean;
  severities: Severity[] | null;
  categoryIds: string[] | null;
  channels: Channel[] | null;
  minVipLevel: number | null;
  calendarId: string;
  targets: PolicyTargets;
  warnPercent: number;
  escalateOnBreach: boolean;
};

/** A policy as the API shows it. */
export type PolicyView = PolicyFields & { id: string };

/** A new policy: name, priority and targets are required; conditions default to "any". */
export type NewPolicy = Pick<PolicyFields, 'name' | 'priority' | 'targets'> &
  Partial<Omit<PolicyFields, 'name' | 'priority' | 'targets'>>;

/** A change: fields left out stay as they are; `targets` replaces all targets at once. */
export type PolicyChanges = Partial<PolicyFields>;

/** Targets in one key order (kinds as listed, the unit before calendarId): stable to compare and show. */
export function canonicalTargets(targets: PolicyTargets): PolicyTargets {
  const out: PolicyTargets = {};
  for (const kind of DEADLINE_KINDS) {
    const t = targets[kind];
    if (!t) continue;
    const { calendarId, ...unit } = t;
    out[kind] = (calendarId ? { ...unit, calendarId } : unit) as TargetSpec;
  }
  return out;
}

export function presentPolicy(row: SlaPolicyRow): PolicyView {
  return {
    id: row.id,
    name: row.name,
    priority: row.priority,
    active: row.active,
    severities: (row.severities as Severity[] | null) ?? null,
    categoryIds: row.category_ids ?? null,
    channels: (row.channels as Channel[] | null) ?? null,
    minVipLevel: row.min_vip_level,
    calendarId: row.calendar_id,
    targets: canonicalTargets(row.targets as PolicyTargets),
    warnPercent: row.warn_percent,
    escalateOnBreach: row.escalate_on_breach,
  };
}

function policyNotFound(): DomainError {
  return new DomainError('NOT_FOUND', 'Time-limit policy not found');
}

function nameTaken(): DomainError {
  return new DomainError('CONFLICT', 'A time-limit policy with this name exists', { field: 'name' });
}

const unique = <T>(list: readonly T[] | null): T[] | null => (list ? [...new Set(list)] : null);

/** The calendars and categories a policy names must exist. */
async function checkReferences(db: Kysely<Database>, p: PolicyFields): Promise<void> {
  const calendarIds = [
    p.calendarId,
    ...Object.values(p.targets).flatMap((t) => (t?.calendarId ? [t.calendarId] : [])),
  ];
  const [calendars, categories] = await Promise.all([
    db.selectFrom('calendars').select('id').where('id', 'in', calendarIds).execute(),
    p.categoryIds?.length
      ? db.selectFrom('categories').select('id').where('id', 'in', p.categoryIds).execute()
      : Promise.resolve([]),
  ]);
  const knownCalendars = new Set(calendars.map((c) => c.id));
  const knownCategories = new Set(categories.map((c) => c.id));
  const issues: FieldIssue[] = [];
  if (!knownCalendars.has(p.calendarId)) issues.push({ field: 'calendarId', message: 'unknown calendar' });
  for (const [kind, target] of Object.entries(p.targets)) {
    if (target?.calendarId && !knownCalendars.has(target.calendarId)) {
      issues.push({ field: `targets.${kind}.calendarId`, message: 'unknown calendar' });
    }
  }
  (p.categoryIds ?? []).forEach((id, i) => {
    if (!knownCategories.has(id)) issues.push({ field: `categoryIds.${i}`, message: 'unknown category' });
  });
  if (issues.length > 0) throw invalid(issues);
}

function columns(p: PolicyFields) {
  return {
    name: p.name,
    priority: p.priority,
    active: p.active,
    severities: p.severities,
    category_ids: p.categoryIds,
    channels: p.channels,
    min_vip_level: p.minVipLevel,
    calendar_id: p.calendarId,
    targets: JSON.stringify(p.targets),
    warn_percent: p.warnPercent,
    escalate_on_breach: p.escalateOnBreach,
  };
}

function withoutId(p: PolicyView): PolicyFields {
  const { id: _, ...rest } = p;
  return rest;
}

export async function listPolicies(ctx: CommandContext): Promise<PolicyView[]> {
  authorize(ctx.actor, 'sla:view');
  const rows = await ctx.db
    .selectFrom('sla_policies')
    .selectAll()
    .orderBy('priority')
    .orderBy('name')
    .execute();
  return rows.map(presentPolicy);
}

export async function createPolicy(ctx: CommandContext, input: NewPolicy): Promise<PolicyView> {
  authorize(ctx.actor, 'sla:manage');
  const policy = await ctx.db.transaction().execute(async (tx) => {
    const calendarId =
      input.calendarId ??
      (await tx.selectFrom('calendars').select('id').where('is_default', '=', true).executeTakeFirst())?.id;
    if (!calendarId) throw invalid([{ field: 'calendarId', message: 'no default calendar: name one' }]);
    const fields: PolicyFields = {
      name: input.name,
      priority: input.priority,
      active: input.active ?? true,
      severities: unique(input.severities ?? null),
      categoryIds: unique(input.categoryIds ?? null),
      channels: unique(input.channels ?? null),
      minVipLevel: input.minVipLevel ?? null,
      calendarId,
      targets: canonicalTargets(input.targets),
      warnPercent: input.warnPercent ?? 75,
      escalateOnBreach: input.escalateOnBreach ?? false,
    };
    await checkReferences(tx, fields);
    const row = await tx
      .insertInto('sla_policies')
      .values({ ...columns(fields), created_at: ctx.now, updated_at: ctx.now })
      .onConflict((oc) => oc.column('name').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!row) throw nameTaken();
    const created = presentPolicy(row);
    await recordAudit(tx, {
      complaintId: null,
      entity: 'sla_policy',
      entityId: row.id,
      action: 'sla_policy.created',
      actorId: ctx.actor.id,
      at: ctx.now,
      after: withoutId(created),
    });
    return created;
  });
  invalidateTimingConfig(ctx.db);
  return policy;
}

export async function updatePolicy(
  ctx: CommandContext,
  id: string,
  changes: PolicyChanges,
): Promise<PolicyView> {
  authorize(ctx.actor, 'sla:manage');
  const policy = await ctx.db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom('sla_policies')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw policyNotFound();
    const current = presentPolicy(row);
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    const next: PolicyFields = { ...withoutId(current), ...defined };
    next.severities = unique(next.severities);
    next.categoryIds = unique(next.categoryIds);
    next.channels = unique(next.channels);
    next.targets = canonicalTargets(next.targets);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const key of Object.keys(next) as Array<keyof PolicyFields>) {
      if (JSON.stringify(current[key]) !== JSON.stringify(next[key])) {
        before[key] = current[key];
        after[key] = next[key];
      }
    }
    if (Object.keys(after).length === 0) return current;
    await checkReferences(tx, next);
    if (after.name !== undefined) {
      const other = await tx
        .selectFrom('sla_policies')
        .select('id')
        .where('name', '=', next.name)
        .where('id', '!=', id)
        .executeTakeFirst();
      if (other) throw nameTaken();
    }
    const saved = await tx
      .updateTable('sla_policies')
      .set({ ...columns(next), updated_at: ctx.now })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      complaintId: null,
      entity: 'sla_policy',
      entityId: id,
      action: 'sla_policy.updated',
      actorId: ctx.actor.id,
      at: ctx.now,
      before,
      after,
    });
    return presentPolicy(saved);
  });
  invalidateTimingConfig(ctx.db);
  return policy;
}
