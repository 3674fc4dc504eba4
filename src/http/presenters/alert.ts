// Alerts and products for the outside world: the figures that raised an alert, where to drill into
// the complaints behind it, and who acknowledged it with what note.
import { z } from 'zod';
import { ALERT_KINDS, ALERT_SUBJECT_KINDS, type AlertView } from '../../db/repositories/alerts.ts';
import { PRODUCT_KINDS, type ProductView } from '../../db/repositories/products.ts';
import { userRef } from '../shared-schemas.ts';
import { iso } from './people.ts';

const timestamp = z.iso.datetime().describe('ISO 8601, UTC');
const day = z.iso.date().describe('YYYY-MM-DD in the report time zone');

export const alertSchema = z.object({
  id: z.uuid(),
  kind: z
    .enum(ALERT_KINDS)
    .describe(
      'volume_spike: unusually many complaints on a day; new_product: the first complaint about a new one',
    ),
  state: z.enum(['open', 'acknowledged']),
  subject: z.object({
    kind: z.enum(ALERT_SUBJECT_KINDS),
    name: z.string().describe('As it read when the alert was raised'),
    nameEn: z.string().nullable().describe("A category's English name"),
    categoryId: z.uuid().nullable(),
    productId: z.uuid().nullable().describe('The registered product, tariff or campaign, if any'),
    productKind: z.enum(PRODUCT_KINDS).nullable(),
  }),
  day: day.describe('The day it concerns'),
  baselineFrom: day.nullable(),
  baselineTo: day.nullable(),
  observed: z.number().int().describe('Complaints that day (1 for a first complaint)'),
  expected: z.number().describe("The baseline's daily mean"),
  threshold: z.number().int().describe('The smallest count that would have raised it'),
  ratio: z.number().nullable().describe('observed ÷ the (floored) baseline mean'),
  method: z.string().describe('poisson_tail_28d or first_complaint (README: Early warning)'),
  pValue: z.number().nullable().describe('P(X ≥ observed) under the baseline'),
  details: z
    .record(z.string(), z.unknown())
    .describe('Method figures: lambda, dispersion, history (the baseline days, oldest first), setAside …'),
  complaint: z
    .object({ id: z.uuid(), number: z.string().nullable() })
    .nullable()
    .describe('The first complaint'),
  drillDown: z
    .object({
      from: day,
      to: day,
      categoryId: z.uuid().nullable(),
      product: z.string().nullable(),
    })
    .describe('The complaint list filter showing the complaints behind it'),
  raisedAt: timestamp,
  acknowledgement: z.object({ by: userRef, at: timestamp, note: z.string().nullable() }).nullable(),
});

export function presentAlert(a: AlertView): z.input<typeof alertSchema> {
  const details = (a.details ?? {}) as Record<string, unknown>;
  const lambda = typeof details.lambda === 'number' ? details.lambda : null;
  return {
    id: a.id,
    kind: a.kind,
    state: a.acknowledged_at ? 'acknowledged' : 'open',
    subject: {
      kind: a.subject_kind,
      name: a.subject_name,
      nameEn: a.subject_kind === 'category' ? a.category_name_en : null,
      categoryId: a.category_id,
      productId: a.product_id,
      productKind: (a.product_kind as ProductView['kind'] | null) ?? null,
    },
    day: a.day,
    baselineFrom: a.baseline_from,
    baselineTo: a.baseline_to,
    observed: a.observed,
    expected: a.expected,
    threshold: a.threshold,
    ratio: lambda ? Math.round((a.observed / lambda) * 100) / 100 : null,
    method: a.method,
    pValue: a.p_value,
    details,
    complaint: a.complaint_id ? { id: a.complaint_id, number: a.complaint_number } : null,
    drillDown: {
      from: a.day,
      to: a.day,
      categoryId: a.subject_kind === 'category' ? a.category_id : null,
      // The complaint list filters a product by its exact text: the spelling the complaints used.
      product:
        a.subject_kind === 'product'
          ? typeof details.spelling === 'string'
            ? details.spelling
            : a.subject_name
          : null,
    },
    raisedAt: a.raised_at.toISOString(),
    acknowledgement:
      a.acknowledged_at && a.acknowledged_by
        ? {
            by: { id: a.acknowledged_by, name: a.acknowledged_by_name },
            at: a.acknowledged_at.toISOString(),
            note: a.acknowledgement_note,
          }
        : null,
  };
}

export const productSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(PRODUCT_KINDS),
  launchedOn: day.nullable(),
  active: z.boolean(),
  firstComplaint: z
    .object({ id: z.uuid(), number: z.string().nullable(), at: timestamp })
    .nullable()
    .describe('The first complaint recorded about it'),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export function presentProduct(p: ProductView): z.input<typeof productSchema> {
  return {
    id: p.id,
    name: p.name,
    kind: p.kind,
    launchedOn: p.launched_on,
    active: p.active,
    firstComplaint:
      p.first_complaint_id && p.first_complaint_at
        ? { id: p.first_complaint_id, number: p.first_complaint_number, at: iso(p.first_complaint_at) }
        : null,
    createdAt: iso(p.created_at),
    updatedAt: iso(p.updated_at),
  };
}
