// The customer profile shown on the customer page and by the caller lookup, with the flags an
// agent should see at once.
import type { z } from 'zod';
import type { CustomerProfileData } from '../../db/repositories/customer-profile.ts';
import { customerFlags } from '../../domain/customer-flags.ts';
import { OPEN_STATUSES } from '../../domain/vocabulary.ts';
import type { Actor } from '../../policies/actor.ts';
import type { customerProfileSchema } from '../responses.ts';
import { presentComplaintListItem } from './complaint.ts';
import { iso, presentPhone } from './people.ts';

type CustomerProfileOut = z.input<typeof customerProfileSchema>;

/** The answer for a phone number no customer has. */
export const NO_CUSTOMER: CustomerProfileOut = {
  customer: null,
  flags: [],
  complaints: [],
  openComplaints: [],
  counts: { last90Days: 0, byStatus: {} },
};

export function presentCustomerProfile(actor: Actor, p: CustomerProfileData, now: Date): CustomerProfileOut {
  const { customer, counts } = p;
  const items = p.history.map((c) => presentComplaintListItem(actor, c, now));
  const openCount = OPEN_STATUSES.reduce((sum, s) => sum + (counts.byStatus[s] ?? 0), 0);
  return {
    customer: {
      id: customer.id,
      name: customer.name,
      externalId: customer.external_id,
      tags: customer.tags,
      vipLevel: customer.vip_level,
      phones: p.phones.map((phone) => presentPhone(actor, phone)),
      createdAt: iso(customer.created_at),
    },
    flags: customerFlags({
      vipLevel: customer.vip_level,
      tags: customer.tags,
      recentComplaints: counts.since,
      repeatComplaints: counts.repeats,
      openComplaints: openCount,
      maliciousJudgements: counts.malicious,
    }),
    complaints: items,
    openComplaints: items.filter((c) => OPEN_STATUSES.includes(c.status)),
    counts: { last90Days: counts.since, byStatus: counts.byStatus },
  };
}
