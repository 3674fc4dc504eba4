// Defaults a new database starts with. Idempotent: runs after every migration pass.
import type { Kysely } from 'kysely';
import { DEFAULT_AUTHORITY, DEFAULT_TIERS } from '../domain/default-organisation.ts';
import { DEFAULT_CALENDARS, DEFAULT_POLICIES } from '../domain/default-sla.ts';
import { DEFAULT_TAXONOMY, type TaxonomyNode } from '../domain/default-taxonomy.ts';
import type { Database } from './schema.ts';

export async function seedDefaults(db: Kysely<Database>): Promise<void> {
  await seedTaxonomy(db);
  await seedTimeLimits(db);
  await seedOrganisation(db);
}

/** The three tiers and the roles' authority limits, once, when there is no tier yet. */
async function seedOrganisation(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const existing = await tx.selectFrom('tiers').select('id').limit(1).executeTakeFirst();
    if (existing) return;
    await tx
      .insertInto('tiers')
      .values(DEFAULT_TIERS.map((t) => ({ code: t.code, name: t.name, level: t.level })))
      .execute();
    await tx
      .insertInto('authority_limits')
      .values(
        DEFAULT_AUTHORITY.map((a) => ({
          role: a.role,
          max_compensation: a.maxCompensation,
          approval_types: a.approvalTypes,
        })),
      )
      .execute();
  });
}

/** The two default calendars and the default policies, once, when there is no calendar yet. */
async function seedTimeLimits(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const existing = await tx.selectFrom('calendars').select('id').limit(1).executeTakeFirst();
    if (existing) return;
    const ids = new Map<string, string>();
    for (const c of DEFAULT_CALENDARS) {
      const row = await tx
        .insertInto('calendars')
        .values({
          code: c.code,
          name: c.name,
          every_day: c.everyDay,
          hours: c.hours,
          is_default: c.isDefault,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.set(c.code, row.id);
    }
    const standard = ids.get('standard') as string;
    const frontLine = ids.get('front_line_24x7') as string;
    for (const p of DEFAULT_POLICIES) {
      const targets = {
        ...p.targets,
        ...(p.targets.acceptance ? { acceptance: { ...p.targets.acceptance, calendarId: frontLine } } : {}),
      };
      await tx
        .insertInto('sla_policies')
        .values({
          name: p.name,
          priority: p.priority,
          severities: p.severities,
          min_vip_level: p.minVipLevel,
          calendar_id: standard,
          targets: JSON.stringify(targets),
          escalate_on_breach: p.escalateOnBreach,
        })
        .execute();
    }
  });
}

async function seedTaxonomy(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const existing = await tx.selectFrom('categories').select('id').limit(1).executeTakeFirst();
    if (existing) return;
    const insert = async (nodes: TaxonomyNode[], parentId: string | null) => {
      for (const [position, node] of nodes.entries()) {
        const row = await tx
          .insertInto('categories')
          .values({ name: node.name, name_en: node.nameEn, parent_id: parentId, position })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (node.children) await insert(node.children, row.id);
      }
    };
    await insert(DEFAULT_TAXONOMY, null);
  });
}
