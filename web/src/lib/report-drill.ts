// From a figure to the complaints behind it: the complaint list's URL with the report's period and
// filters, narrowed to what was clicked (a category, a trend period, an hour of a weekday).
import { DEFAULT_FILTERS, filtersToSearch, type ListFilters } from './list-filters.ts';
import type { DayRange } from './report-periods.ts';
import type { ReportView } from './report-view.ts';

export interface DrillTarget {
  /** Days other than the report's period (a trend's point). */
  range?: DayRange;
  /** A category row: its id, or null for the complaints without a category. */
  category?: string | null;
  /** A heatmap cell: 1 = Monday … 7 = Sunday, and the hour 0–23. */
  weekday?: number;
  hour?: number;
}

export interface DrillOptions {
  /** The team the figures were limited to (agents and specialists see their own team's). */
  team?: string | null;
}

/** The list's filters that select the complaints behind a figure. */
export function drillFilters(v: ReportView, target: DrillTarget = {}, opts: DrillOptions = {}): ListFilters {
  const f = v.filters;
  const range = target.range ?? v.range;
  const uncategorised = target.category === null;
  return {
    ...DEFAULT_FILTERS,
    // Everything one may see: the figures were not limited to one's own complaints.
    scope: 'all',
    from: range.from,
    to: range.to,
    categoryId: uncategorised ? null : (target.category ?? f.categoryId),
    uncategorised,
    channels: f.channel ? [f.channel] : [],
    severities: f.severity ? [f.severity] : [],
    team: f.team ?? opts.team ?? null,
    product: f.product,
    customerTypes: f.customerType ? [f.customerType] : [],
    causes: f.cause ? [f.cause] : [],
    departmentId: f.departmentId,
    weekday: target.weekday ?? null,
    hour: target.hour ?? null,
  };
}

/** The complaint list's address for a figure. */
export function drillHref(v: ReportView, target: DrillTarget = {}, opts: DrillOptions = {}): string {
  return `/complaints?${filtersToSearch(drillFilters(v, target, opts)).toString()}`;
}
