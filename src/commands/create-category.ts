import { recordAudit } from '../db/repositories/audit.ts';
import { findCategory } from '../db/repositories/categories.ts';
import { invalid } from '../domain/errors.ts';
import { authorize } from '../policies/permissions.ts';
import type { CommandContext } from './context.ts';

export interface NewCategory {
  name: string;
  nameEn?: string | null | undefined;
  parentId?: string | null | undefined;
}

export async function createCategory(ctx: CommandContext, input: NewCategory) {
  authorize(ctx.actor, 'category:manage');
  return ctx.db.transaction().execute(async (tx) => {
    if (input.parentId && !(await findCategory(tx, input.parentId))) {
      throw invalid([{ field: 'parentId', message: 'unknown category' }]);
    }
    const row = await tx
      .insertInto('categories')
      .values({ name: input.name.trim(), name_en: input.nameEn ?? null, parent_id: input.parentId ?? null })
      .onConflict((oc) => oc.doNothing())
      .returning(['id', 'name', 'name_en', 'parent_id', 'position', 'active'])
      .executeTakeFirst();
    if (!row) throw invalid([{ field: 'name', message: 'a sibling category already has this name' }]);
    await recordAudit(tx, {
      complaintId: null,
      entity: 'category',
      entityId: row.id,
      action: 'category.created',
      actorId: ctx.actor.id,
      at: ctx.now,
      after: { name: row.name, parentId: row.parent_id },
    });
    return row;
  });
}
