import { z } from 'zod';
import { createCategory } from '../../commands/create-category.ts';
import { listCategories } from '../../db/repositories/categories.ts';
import { authorize } from '../../policies/permissions.ts';
import { text } from '../schemas.ts';
import type { App, RouteDeps } from '../server.ts';
import { commandContext } from './context.ts';

const categoryBody = z.object({
  name: text(100),
  nameEn: z.string().trim().max(100).nullish(),
  parentId: z.uuid().nullish(),
});

function present(c: {
  id: string;
  parent_id: string | null;
  name: string;
  name_en: string | null;
  position: number;
  active: boolean;
}) {
  return {
    id: c.id,
    parentId: c.parent_id,
    name: c.name,
    nameEn: c.name_en,
    position: c.position,
    active: c.active,
  };
}

export function categoryRoutes(app: App, deps: RouteDeps) {
  app.get(
    '/categories',
    { schema: { tags: ['categories'], summary: 'The category tree, as a flat list with parentId' } },
    async (req) => {
      authorize(commandContext(deps, req).actor, 'category:view');
      return { items: (await listCategories(deps.database.db)).map(present) };
    },
  );

  app.post(
    '/categories',
    { schema: { tags: ['categories'], summary: 'Add a category (admin)', body: categoryBody } },
    async (req, reply) =>
      reply.code(201).send(present(await createCategory(commandContext(deps, req), req.body))),
  );
}
