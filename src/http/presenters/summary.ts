// Periodic summaries for the outside world: the list entry (period, headline figures, who made it
// and when) and the whole summary with its content. The content schema is the stored JSON's.
import { z } from 'zod';
import type { SummaryListRow, SummaryWithContent } from '../../db/repositories/summaries.ts';
import { KPI_RATES, type KpiRate } from '../../domain/report-kpis.ts';
import { INTERVALS } from '../../domain/report-math.ts';
import { SUMMARY_KINDS } from '../../domain/summary-periods.ts';
import type { SummaryContent } from '../../reports/summary-content.ts';
import { userRef } from '../shared-schemas.ts';

const day = z.string().describe('YYYY-MM-DD in the report time zone');
const words = z.object({ zh: z.string(), en: z.string() });
const totalSchema = z.object({
  count: z.number().int(),
  previous: z.number().int().describe('In the previous period (the day, ISO week or month before)'),
  change: z.number().int(),
  growth: z.number().nullable().describe('0.25 = +25 %; null when the previous period had none'),
});

const rates = z.object(
  Object.fromEntries(KPI_RATES.map((k) => [k, z.number().nullable()])) as Record<
    KpiRate,
    z.ZodNullable<z.ZodNumber>
  >,
);

const categoryLine = z.object({
  categoryId: z.uuid().nullable().describe('null: complaints without a category'),
  name: z.string(),
  nameEn: z.string().nullable(),
  count: z.number().int(),
  share: z.number(),
  previous: z.number().int(),
  change: z.number().int(),
  growth: z.number().nullable(),
});

const categoryTable = z.object({
  total: z.number().int(),
  rows: z.array(categoryLine).describe('The top 10 by count'),
  rest: z
    .object({ categories: z.number().int(), count: z.number().int(), share: z.number() })
    .nullable()
    .describe('The other categories, summed'),
});

const kpiLine = z.object({
  key: z.string().nullable(),
  name: z.string().nullable(),
  received: z.number().int(),
  closed: z.number().int(),
  frontline: z.number().int(),
  escalated: z.number().int(),
  reopened: z.number().int(),
  repeats: z.number().int(),
  major: z.number().int(),
  crisis: z.number().int(),
  rates,
  avgResolveHours: z.number().nullable(),
  p90ResolveHours: z.number().nullable(),
  seriousAvgResolveHours: z.number().nullable(),
});

export const summaryContentSchema = z.object({
  version: z.number().int(),
  kind: z.enum(SUMMARY_KINDS),
  period: z.object({ start: day, end: day }),
  previous: z.object({ start: day, end: day }),
  timeZone: z.string(),
  label: words,
  total: totalSchema,
  categories: z.object({ level1: categoryTable, level2: categoryTable }),
  trend: z.object({
    interval: z.enum(INTERVALS),
    points: z.array(
      z.object({
        period: z.string(),
        from: day,
        to: day,
        count: z.number().int(),
        growth: z.number().nullable(),
      }),
    ),
  }),
  kpis: z.object({
    overall: kpiLine.nullable(),
    byTeam: z.array(kpiLine),
    targets: rates.partial(),
  }),
  rising: z.array(categoryLine).describe('Level-2 categories with the largest increase'),
  alerts: z
    .object({
      count: z.number().int(),
      items: z.array(
        z.object({
          id: z.uuid(),
          kind: z.string(),
          subjectName: z.string(),
          day,
          observed: z.number(),
          expected: z.number(),
          acknowledged: z.boolean(),
        }),
      ),
    })
    .nullable(),
  headline: words.describe('The headline figures in a paragraph, Chinese and English'),
});

// The stored content and its schema stay one shape.
const _contentMatches: z.input<typeof summaryContentSchema> = {} as SummaryContent;
void _contentMatches;

export const summaryItemSchema = z.object({
  id: z.uuid(),
  kind: z.enum(SUMMARY_KINDS),
  periodStart: day,
  periodEnd: day.describe('The last day, inclusive'),
  timeZone: z.string(),
  label: words.describe('The period’s name, e.g. 2026年第47周（11月16日至11月22日）'),
  total: totalSchema,
  generatedAt: z.iso.datetime(),
  generatedBy: userRef.nullable().describe('null: made by the schedule'),
  buildMs: z.number().int().describe('How long building it took'),
});

export const summaryListSchema = z.object({
  items: z.array(summaryItemSchema),
  total: z.number().int(),
});

export const summarySchema = summaryItemSchema.extend({ content: summaryContentSchema });

function item(r: SummaryListRow | SummaryWithContent, label: unknown, total: unknown) {
  return {
    id: r.id,
    kind: r.period_kind,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    timeZone: r.time_zone,
    label: label as { zh: string; en: string },
    total: total as z.input<typeof totalSchema>,
    generatedAt: r.generated_at.toISOString(),
    generatedBy: r.generated_by ? { id: r.generated_by, name: r.generated_by_name } : null,
    buildMs: r.build_ms,
  };
}

export function presentSummaryItem(r: SummaryListRow): z.input<typeof summaryItemSchema> {
  return item(r, r.label, r.total);
}

export function presentSummary(r: SummaryWithContent): z.input<typeof summarySchema> {
  const content = r.content as SummaryContent;
  return { ...item(r, content.label, content.total), content };
}
