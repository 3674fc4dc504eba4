// The complaint list's filters live in the URL (shareable, survive a reload, back button works).
// Pure conversions: URL ⇄ filters ⇄ the API's query parameters.
import {
  CAUSES,
  type Cause,
  CHANNELS,
  type Channel,
  COMPLAINT_STATUSES,
  type ComplaintStatus,
  CUSTOMER_TYPES,
  type CustomerType,
  SEVERITIES,
  type Severity,
} from '../../../src/domain/vocabulary.ts';

/** owned_elsewhere: I own it (首问) and someone else handles it; tier_queue: escalated to my tier,
 *  nobody has picked it up yet. */
export const SCOPES = ['mine', 'team', 'all', 'owned_elsewhere', 'tier_queue'] as const;
export type Scope = (typeof SCOPES)[number];
export const SORTS = ['received_desc', 'received_asc', 'updated_desc'] as const;
export type Sort = (typeof SORTS)[number];

export interface ListFilters {
  scope: Scope;
  statuses: ComplaintStatus[];
  severities: Severity[];
  categoryId: string | null;
  /** Calendar days in the call center's time zone, YYYY-MM-DD, both inclusive. */
  from: string | null;
  to: string | null;
  text: string;
  phone: string;
  sort: Sort;
  // Drill-down from the reports: the dimensions a figure is cut by.
  channels: Channel[];
  /** A team by name (within what one may see). */
  team: string | null;
  product: string | null;
  customerTypes: CustomerType[];
  causes: Cause[];
  /** The responsible department of the cause analysis. */
  departmentId: string | null;
  /** Only complaints without a category. */
  uncategorised: boolean;
  /** Received on this day of the week (1 = Monday … 7 = Sunday) / in this hour (0–23), China time. */
  weekday: number | null;
  hour: number | null;
}

/** The drill-down filters, in the order the list shows them as tags. */
export const DRILL_KEYS = [
  'channels',
  'team',
  'product',
  'customerTypes',
  'causes',
  'departmentId',
  'uncategorised',
  'weekday',
  'hour',
] as const satisfies readonly (keyof ListFilters)[];
export type DrillKey = (typeof DRILL_KEYS)[number];

export const DEFAULT_FILTERS: ListFilters = {
  scope: 'mine',
  statuses: [],
  severities: [],
  categoryId: null,
  from: null,
  to: null,
  text: '',
  phone: '',
  sort: 'received_desc',
  channels: [],
  team: null,
  product: null,
  customerTypes: [],
  causes: [],
  departmentId: null,
  uncategorised: false,
  weekday: null,
  hour: null,
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A YYYY-MM-DD that exists on the calendar (not 2026-02-30, not 2026-13-01). */
export function isCalendarDay(s: string): boolean {
  if (!DAY.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function listOf<T extends string>(raw: string | null, allowed: readonly T[]): T[] {
  if (!raw) return [];
  return raw.split(',').filter((s): s is T => (allowed as readonly string[]).includes(s));
}

/** A whole number in [min, max] written plainly ('7', not '07' or '7.0'), or null. */
function intIn(raw: string | null, min: number, max: number): number | null {
  if (raw === null || !/^\d{1,2}$/.test(raw) || (raw.length > 1 && raw.startsWith('0'))) return null;
  const n = Number(raw);
  return n >= min && n <= max ? n : null;
}

function oneOf<T extends string>(raw: string | null, allowed: readonly T[], fallback: T): T {
  return raw && (allowed as readonly string[]).includes(raw) ? (raw as T) : fallback;
}

export function filtersFromSearch(params: URLSearchParams, defaultScope: Scope = 'mine'): ListFilters {
  const day = (k: string) => {
    const v = params.get(k);
    return v && isCalendarDay(v) ? v : null;
  };
  return {
    scope: oneOf(params.get('scope'), SCOPES, defaultScope),
    statuses: listOf(params.get('status'), COMPLAINT_STATUSES),
    severities: listOf(params.get('severity'), SEVERITIES),
    categoryId: params.get('category') || null,
    from: day('from'),
    to: day('to'),
    text: params.get('q') ?? '',
    phone: params.get('phone') ?? '',
    sort: oneOf(params.get('sort'), SORTS, DEFAULT_FILTERS.sort),
    channels: listOf(params.get('channel'), CHANNELS),
    team: params.get('team')?.trim() || null,
    product: params.get('product')?.trim() || null,
    customerTypes: listOf(params.get('customerType'), CUSTOMER_TYPES),
    causes: listOf(params.get('cause'), CAUSES),
    departmentId: params.get('department') || null,
    uncategorised: params.get('uncategorised') === 'true',
    weekday: intIn(params.get('weekday'), 1, 7),
    hour: intIn(params.get('hour'), 0, 23),
  };
}

export function filtersToSearch(f: ListFilters): URLSearchParams {
  const p = new URLSearchParams();
  p.set('scope', f.scope);
  if (f.statuses.length) p.set('status', f.statuses.join(','));
  if (f.severities.length) p.set('severity', f.severities.join(','));
  if (f.categoryId) p.set('category', f.categoryId);
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  if (f.text.trim()) p.set('q', f.text.trim());
  if (f.phone.trim()) p.set('phone', f.phone.trim());
  if (f.sort !== DEFAULT_FILTERS.sort) p.set('sort', f.sort);
  if (f.channels.length) p.set('channel', f.channels.join(','));
  if (f.team?.trim()) p.set('team', f.team.trim());
  if (f.product?.trim()) p.set('product', f.product.trim());
  if (f.customerTypes.length) p.set('customerType', f.customerTypes.join(','));
  if (f.causes.length) p.set('cause', f.causes.join(','));
  if (f.departmentId) p.set('department', f.departmentId);
  if (f.uncategorised) p.set('uncategorised', 'true');
  if (f.weekday !== null) p.set('weekday', String(f.weekday));
  if (f.hour !== null) p.set('hour', String(f.hour));
  return p;
}

/** The next calendar day of a YYYY-MM-DD date (no time zone involved). */
export function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export type ListQuery = Record<string, string | undefined>;

/** A view as the API's parameters: "mine, handled by others" is a `mine` filter, the rest scopes. */
export function scopeQuery(scope: Scope): ListQuery {
  if (scope === 'all') return {};
  if (scope === 'owned_elsewhere') return { mine: 'owned_elsewhere' };
  return { scope };
}

/** Filters as the API's query; days are cut at midnight in `offset` (China: +08:00). */
export function filtersToQuery(f: ListFilters, offset = '+08:00'): ListQuery {
  const [sort, order] = f.sort.split('_') as ['received' | 'updated', 'asc' | 'desc'];
  return {
    ...scopeQuery(f.scope),
    severity: f.severities.length ? f.severities.join(',') : undefined,
    categoryId: f.categoryId ?? undefined,
    receivedFrom: f.from ? `${f.from}T00:00:00${offset}` : undefined,
    receivedTo: f.to ? `${nextDay(f.to)}T00:00:00${offset}` : undefined,
    text: f.text.trim() || undefined,
    phone: f.phone.trim() || undefined,
    sort,
    order,
    ...drillQuery(f),
  };
}

/** The drill-down filters as the API's query: only those in force. */
export function drillQuery(f: ListFilters): ListQuery {
  const q: ListQuery = {
    channel: f.channels.length ? f.channels.join(',') : undefined,
    team: f.team?.trim() || undefined,
    product: f.product?.trim() || undefined,
    customerType: f.customerTypes.length ? f.customerTypes.join(',') : undefined,
    cause: f.causes.length ? f.causes.join(',') : undefined,
    departmentId: f.departmentId ?? undefined,
    uncategorised: f.uncategorised ? 'true' : undefined,
    weekday: f.weekday === null ? undefined : String(f.weekday),
    hour: f.hour === null ? undefined : String(f.hour),
  };
  return Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined));
}

/** The status filter travels separately: the counts are computed over every status. */
export function statusQuery(f: ListFilters): ListQuery {
  return { status: f.statuses.length ? f.statuses.join(',') : undefined };
}

export function isFiltered(f: ListFilters): boolean {
  return (
    f.statuses.length > 0 ||
    f.severities.length > 0 ||
    f.categoryId !== null ||
    f.from !== null ||
    f.to !== null ||
    f.text.trim() !== '' ||
    f.phone.trim() !== '' ||
    activeDrill(f).length > 0
  );
}

/** The drill-down filters in force, each once (a list counts as one). */
export function activeDrill(f: ListFilters): DrillKey[] {
  return DRILL_KEYS.filter((k) => {
    const v = f[k];
    return Array.isArray(v)
      ? v.length > 0
      : typeof v === 'string'
        ? v.trim() !== ''
        : v !== null && v !== false;
  });
}

/** The filters without one drill-down filter (its tag closed). */
export function withoutDrill(f: ListFilters, key: DrillKey): ListFilters {
  return { ...f, [key]: DEFAULT_FILTERS[key] };
}
