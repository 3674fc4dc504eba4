import { z } from 'zod';
import { loadCustomerProfile } from '../../db/repositories/customer-profile.ts';
import { findCustomerIdByPhone } from '../../db/repositories/customers.ts';
import { REPEAT_WINDOW_DAYS } from '../../domain/customer-flags.ts';
import { DomainError, invalid } from '../../domain/errors.ts';
import { normalisePhone } from '../../domain/phone.ts';
import type { Actor } from '../../policies/actor.ts';
import { authorize } from '../../policies/permissions.ts';
import { NO_CUSTOMER, presentCustomerProfile } from '../presenters/customer.ts';
import { customerProfileSchema, errorSchema, queryErrors } from '../responses.ts';
import type { App, RouteDeps } from '../server.ts';
import { commandContext } from './context.ts';

const DAY_MS = 86_400_000;

export function customerRoutes(app: App, deps: RouteDeps) {
  const db = deps.database.db;

  /** The profile of one customer as the caller may see it, or undefined when there is none. */
  const profile = async (actor: Actor, customerId: string) => {
    const since = new Date(deps.clock().getTime() - REPEAT_WINDOW_DAYS * DAY_MS);
    const data = await loadCustomerProfile(db, customerId, since);
    return data && presentCustomerProfile(actor, data, deps.clock());
  };

  app.get(
    '/customers',
    {
      schema: {
        tags: ['customers'],
        summary: 'Look a caller up by phone: profile, flags, complaint history, open complaints',
        querystring: z.object({ phone: z.string().min(1).max(32) }),
        response: { 200: customerProfileSchema, ...queryErrors },
      },
    },
    async (req) => {
      const actor = commandContext(deps, req).actor;
      authorize(actor, 'customer:view');
      const phone = normalisePhone(req.query.phone);
      if (!phone)
        throw invalid([
          { field: 'query.phone', message: 'not a Chinese mobile, landline or 400/800 number' },
        ]);
      const hit = await findCustomerIdByPhone(db, phone.normalised);
      return (hit && (await profile(actor, hit.customer_id))) ?? NO_CUSTOMER;
    },
  );

  app.get(
    '/customers/:id',
    {
      schema: {
        tags: ['customers'],
        summary: 'The customer page: profile, flags, complaint history, open complaints',
        params: z.object({ id: z.uuid() }),
        response: { 200: customerProfileSchema, ...queryErrors, 404: errorSchema },
      },
    },
    async (req) => {
      const actor = commandContext(deps, req).actor;
      authorize(actor, 'customer:view');
      const found = await profile(actor, req.params.id);
      if (!found) throw new DomainError('NOT_FOUND', 'Customer not found');
      return found;
    },
  );
}
