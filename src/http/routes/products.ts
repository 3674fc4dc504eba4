// Products, tariffs and campaigns with their launch dates (admin): GET /products,
// POST /products, PATCH /products/:id. Names are unique ignoring case (409 CONFLICT).
import { z } from 'zod';
import { createProduct, updateProduct } from '../../commands/products.ts';
import { listProducts, PRODUCT_KINDS } from '../../db/repositories/products.ts';
import { authorize } from '../../policies/permissions.ts';
import { presentProduct, productSchema } from '../presenters/alert.ts';
import { changeErrors, queryErrors } from '../responses.ts';
import { listParam, text } from '../schemas.ts';
import type { App, RouteDeps } from '../server.ts';
import { commandContext } from './context.ts';

const fields = {
  name: text(200).describe('As agents type it on a complaint (matched ignoring case)'),
  kind: z.enum(PRODUCT_KINDS),
  launchedOn: z.iso
    .date()
    .nullable()
    .describe('YYYY-MM-DD. The first complaint within 90 days of it raises a new-product alert'),
  active: z.boolean().describe('Inactive: retired; its complaints still count, no first-complaint alert'),
};

export function productRoutes(app: App, deps: RouteDeps) {
  const db = deps.database.db;

  app.get(
    '/products',
    {
      schema: {
        tags: ['products'],
        summary: 'Products, tariffs and campaigns, newest launch first',
        querystring: z.object({
          active: z
            .enum(['true', 'false'])
            .transform((v) => v === 'true')
            .optional(),
          kind: listParam(z.enum(PRODUCT_KINDS)),
        }),
        response: { 200: z.object({ items: z.array(productSchema) }), ...queryErrors },
      },
    },
    async (req) => {
      const { actor } = commandContext(deps, req);
      authorize(actor, 'product:view');
      const rows = await listProducts(db, { active: req.query.active, kinds: req.query.kind });
      return { items: rows.map(presentProduct) };
    },
  );

  app.post(
    '/products',
    {
      schema: {
        tags: ['products'],
        summary: 'Register a product, tariff or campaign (admin)',
        body: z
          .object({
            name: fields.name,
            kind: fields.kind.default('product'),
            launchedOn: fields.launchedOn.default(null),
            active: fields.active.default(true),
          })
          .strict(),
        response: { 201: productSchema, ...changeErrors },
      },
    },
    async (req, reply) => {
      const product = await createProduct(commandContext(deps, req), req.body);
      return reply.code(201).send(presentProduct(product));
    },
  );

  app.patch(
    '/products/:id',
    {
      schema: {
        tags: ['products'],
        summary: 'Rename, re-date, re-kind or retire a product (admin)',
        params: z.object({ id: z.uuid() }),
        body: z
          .object({
            name: fields.name.optional(),
            kind: fields.kind.optional(),
            launchedOn: fields.launchedOn.optional(),
            active: fields.active.optional(),
          })
          .strict()
          .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' }),
        response: { 200: productSchema, ...changeErrors },
      },
    },
    async (req) => presentProduct(await updateProduct(commandContext(deps, req), req.params.id, req.body)),
  );
}
