import { z } from 'zod';
import { listComplaints } from '../../db/repositories/complaint-list.ts';
import { customerComplaintCounts } from '../../db/repositories/complaints.ts';
import { customerPhones, findCustomer, findCustomerIdByPhone } from '../../db/repositories/customers.ts';
import { invalid } from '../../domain/errors.ts';
import { normalisePhone } from '../../domain/phone.ts';
import { authorize } from '../../policies/permissions.ts';
import { presentComplaintListItem } from '../presenters/complaint.ts';
import { iso, presentPhone } from '../presenters/people.ts';
import type { App, RouteDeps } from '../server.ts';
import { commandContext } from './context.ts';

const DAY_MS = 86_400_000;
const OPEN_STATUSES = new Set(['new', 'accepted', 'in_progress', 'resolved']);

export function customerRoutes(app: App, deps: RouteDeps) {
  app.get(
    '/customers',
    {
      schema: {
        tags: ['customers'],
        summary: 'Look a caller up by phone: profile, complaint history, open complaints',
        querystring: z.object({ phone: z.string().min(1).max(32) }),
      },
    },
    async (req) => {
      const ctx = commandContext(deps, req);
      authorize(ctx.actor, 'customer:view');
      const phone = normalisePhone(req.query.phone);
      if (!phone)
        throw invalid([
          { field: 'query.phone', message: 'not a Chinese mobile, landline or 400/800 number' },
        ]);
      const db = deps.database.db;
      const hit = await findCustomerIdByPhone(db, phone.normalised);
      if (!hit)
        return {
          customer: null,
          complaints: [],
          openComplaints: [],
          counts: { last90Days: 0, byStatus: {} },
        };
      const [customer, phones, history, counts] = await Promise.all([
        findCustomer(db, hit.customer_id),
        customerPhones(db, hit.customer_id),
        // The caller's history is shown whole to whoever takes the call: a repeated complaint must be recognised.
        listComplaints(db, { kind: 'all' }, { customerId: hit.customer_id }, { limit: 50, order: 'desc' }),
        customerComplaintCounts(db, hit.customer_id, new Date(ctx.now.getTime() - 90 * DAY_MS)),
      ]);
      const items = history.map((c) => presentComplaintListItem(ctx.actor, c));
      return {
        customer: {
          id: customer.id,
          name: customer.name,
          externalId: customer.external_id,
          tags: customer.tags,
          vipLevel: customer.vip_level,
          phones: phones.map((p) => presentPhone(ctx.actor, p)),
          createdAt: iso(customer.created_at),
        },
        complaints: items,
        openComplaints: items.filter((c) => OPEN_STATUSES.has(c.status)),
        counts: {
          last90Days: counts.since,
          byStatus: counts.byStatus,
        },
      };
    },
  );
}
