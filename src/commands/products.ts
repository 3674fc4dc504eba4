// The products, tariffs and campaigns an administrator registers, with their launch dates: a
// complaint naming one (by name, ignoring case) is counted under it, and the first complaint about
// a new one raises an alert (src/commands/first-complaint.ts). Names are unique ignoring case.
import { findProduct, type ProductKind, type ProductView } from '../db/repositories/products.ts';
import { DomainError } from '../domain/errors.ts';
import { authorize } from '../policies/permissions.ts';
import type { CommandContext } from './context.ts';

export interface ProductInput {
  name: string;
  kind?: ProductKind | undefined;
  launchedOn?: string | null | undefined;
  active?: boolean | undefined;
}

async function uniqueName<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if ((err as { code?: string }).code === '23505') {
      throw new DomainError('CONFLICT', 'A product, tariff or campaign with this name exists', {
        field: 'name',
      });
    }
    throw err;
  }
}

function notFound(): DomainError {
  return new DomainError('NOT_FOUND', 'Product not found');
}

export async function createProduct(ctx: CommandContext, input: ProductInput): Promise<ProductView> {
  authorize(ctx.actor, 'product:manage');
  const row = await uniqueName(() =>
    ctx.db
      .insertInto('products')
      .values({
        name: input.name,
        kind: input.kind ?? 'product',
        launched_on: input.launchedOn ?? null,
        active: input.active ?? true,
        first_complaint_id: null,
        first_complaint_at: null,
        created_at: ctx.now,
        updated_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow(),
  );
  const created = await findProduct(ctx.db, row.id);
  if (!created) throw notFound();
  return created;
}

export async function updateProduct(
  ctx: CommandContext,
  id: string,
  input: Partial<ProductInput>,
): Promise<ProductView> {
  authorize(ctx.actor, 'product:manage');
  const patch = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.kind !== undefined ? { kind: input.kind } : {}),
    ...(input.launchedOn !== undefined ? { launched_on: input.launchedOn } : {}),
    ...(input.active !== undefined ? { active: input.active } : {}),
  };
  const row = await uniqueName(() =>
    ctx.db
      .updateTable('products')
      .set({ ...patch, updated_at: ctx.now })
      .where('id', '=', id)
      .returning('id')
      .executeTakeFirst(),
  );
  if (!row) throw notFound();
  const updated = await findProduct(ctx.db, id);
  if (!updated) throw notFound();
  return updated;
}
