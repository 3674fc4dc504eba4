// The dashboard's state in the URL (URL ⇄ view ⇄ API query) and the drill-down from a figure to
// the complaint list: the same period and filters, narrowed to what was clicked.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CAUSES, CHANNELS, CUSTOMER_TYPES, SEVERITIES } from '../../src/domain/vocabulary.ts';
import { filtersFromSearch, filtersToQuery } from '../../web/src/lib/list-filters.ts';
import { drillFilters, drillHref } from '../../web/src/lib/report-drill.ts';
import { INTERVALS, PRESETS } from '../../web/src/lib/report-periods.ts';
import {
  CATEGORY_CHARTS,
  categoryLevels,
  hasFilters,
  intervalOf,
  KPI_GROUPS,
  NO_FILTERS,
  RATIO_KINDS,
  type ReportView,
  reportQuery,
  viewFromSearch,
  viewToSearch,
  withPeriod,
} from '../../web/src/lib/report-view.ts';

const NOW = new Date('2026-11-22T19:00:00Z'); // Monday 23 November 2026, 03:00 in China
const view = (search: string) => viewFromSearch(new URLSearchParams(search), NOW);
const DEFAULT: ReportView = {
  period: 'month',
  range: { from: '2026-11-01', to: '2026-11-23' },
  filters: NO_FILTERS,
  level: 1,
  interval: null,
  yoy: false,
  ratio: null,
  categoryChart: 'bar',
  kpiGroup: 'all',
};

describe('reading the URL', () => {
  it('an empty URL: this month, no filters, level 1, automatic interval', () => {
    expect(view('')).toEqual(DEFAULT);
    expect(viewToSearch(DEFAULT).toString()).toBe('');
  });

  it.each<[string, Partial<ReportView>]>([
    ['period=lastMonth', { period: 'lastMonth', range: { from: '2026-10-01', to: '2026-10-31' } }],
    ['period=today', { period: 'today', range: { from: '2026-11-23', to: '2026-11-23' } }],
    ['period=decade', {}],
    ['from=2026-01-01&to=2026-03-31', { period: 'custom', range: { from: '2026-01-01', to: '2026-03-31' } }],
    // Reversed days are kept: the page says what is wrong instead of guessing.
    ['from=2026-03-31&to=2026-01-01', { period: 'custom', range: { from: '2026-03-31', to: '2026-01-01' } }],
    ['from=2026-01-01', {}],
    ['from=2026-02-30&to=2026-03-31', {}],
    // A preset wins over days.
    [
      'period=year&from=2026-01-01&to=2026-03-31',
      { period: 'year', range: { from: '2026-01-01', to: '2026-11-23' } },
    ],
    ['level=3', { level: 3 }],
    ['level=6', { level: 6 }],
    ['level=7', {}],
    ['level=0', {}],
    ['level=2.5', {}],
    ['interval=week', { interval: 'week' }],
    ['interval=year', {}],
    ['yoy=true', { yoy: true }],
    ['yoy=1', {}],
    ['ratio=customers', { ratio: 'customers' }],
    ['ratio=staff', {}],
    ['chart=pie', { categoryChart: 'pie' }],
    ['chart=donut', {}],
    ['kpiGroup=team', { kpiGroup: 'team' }],
    ['kpiGroup=planet', {}],
  ])('%s', (search, patch) => {
    expect(view(search)).toEqual({ ...DEFAULT, ...patch });
  });

  it.each([
    ['category=c-1', { categoryId: 'c-1' }],
    ['channel=wechat', { channel: 'wechat' }],
    ['channel=fax', {}],
    ['severity=crisis', { severity: 'crisis' }],
    ['team=%20A%E7%BB%84%20', { team: 'A组' }],
    ['team=%20', {}],
    ['product=5G', { product: '5G' }],
    ['customerType=malicious_claim', { customerType: 'malicious_claim' }],
    ['cause=communication', { cause: 'communication' }],
    ['cause=luck', {}],
    ['department=d-1', { departmentId: 'd-1' }],
  ])('filter %s', (search, patch) => {
    expect(view(search).filters).toEqual({ ...NO_FILTERS, ...patch });
  });

  it('round-trips any view through the URL', () => {
    const day = fc
      .date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2090-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    const name = fc
      .string({ minLength: 1 })
      .map((s) => s.trim())
      .filter((s) => s !== '');
    const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
    const period = fc.oneof(
      fc.constantFrom(...PRESETS).map((p) => withPeriod(DEFAULT, p, NOW)),
      fc.tuple(day, day).map(([from, to]) => withPeriod(DEFAULT, { from, to }, NOW)),
    );
    const views = fc.record({
      p: period,
      filters: fc.record({
        categoryId: opt(name),
        channel: opt(fc.constantFrom(...CHANNELS)),
        severity: opt(fc.constantFrom(...SEVERITIES)),
        team: opt(name),
        product: opt(name),
        customerType: opt(fc.constantFrom(...CUSTOMER_TYPES)),
        cause: opt(fc.constantFrom(...CAUSES)),
        departmentId: opt(name),
      }),
      level: fc.integer({ min: 1, max: 6 }),
      interval: opt(fc.constantFrom(...INTERVALS)),
      yoy: fc.boolean(),
      ratio: opt(fc.constantFrom(...RATIO_KINDS)),
      categoryChart: fc.constantFrom(...CATEGORY_CHARTS),
      kpiGroup: fc.constantFrom(...KPI_GROUPS),
    });
    fc.assert(
      fc.property(views, ({ p, ...rest }) => {
        const v: ReportView = { ...p, ...rest };
        expect(viewFromSearch(new URLSearchParams(viewToSearch(v).toString()), NOW)).toEqual(v);
      }),
    );
  });
});

describe('the API query', () => {
  it('the period and the filters in force, nothing undefined', () => {
    expect(reportQuery(DEFAULT)).toStrictEqual({ from: '2026-11-01', to: '2026-11-23' });
    const v = view('period=lastMonth&channel=email&team=B组&category=c-9&department=d-1&cause=communication');
    expect(reportQuery(v)).toStrictEqual({
      from: '2026-10-01',
      to: '2026-10-31',
      channel: 'email',
      team: 'B组',
      categoryId: 'c-9',
      departmentId: 'd-1',
      cause: 'communication',
    });
  });

  it('the interval: chosen, or the one that suits the period', () => {
    expect(intervalOf(DEFAULT)).toBe('day');
    expect(intervalOf(view('period=year'))).toBe('month');
    expect(intervalOf(view('period=year&interval=week'))).toBe('week');
  });

  it('hasFilters', () => {
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, severity: 'major' })).toBe(true);
  });
});

describe('category levels', () => {
  it('the depth of the tree, 1 when empty, at most 6', () => {
    expect(categoryLevels([])).toBe(1);
    const tree = [
      { id: 'a', parentId: null },
      { id: 'b', parentId: 'a' },
      { id: 'c', parentId: 'b' },
      { id: 'd', parentId: null },
    ];
    expect(categoryLevels(tree)).toBe(3);
    const chain = Array.from({ length: 9 }, (_, i) => ({ id: `n${i}`, parentId: i ? `n${i - 1}` : null }));
    expect(categoryLevels(chain)).toBe(6);
    // A loop (never from the server) does not hang.
    expect(
      categoryLevels([
        { id: 'x', parentId: 'y' },
        { id: 'y', parentId: 'x' },
      ]),
    ).toBe(6);
  });
});

describe('drilling down into the complaint list', () => {
  const filtered = view(
    'period=lastMonth&channel=phone_in&severity=major&team=A组&product=5G畅享套餐&customerType=emotional_venting&cause=service_attitude&department=d-1&category=c-root',
  );
  /** What the list page reads back from the drill-down's address. */
  const landed = (href: string) => {
    const [path, search] = href.split('?');
    expect(path).toBe('/complaints');
    return filtersFromSearch(new URLSearchParams(search), 'mine');
  };

  it('the period and every filter travel; the list shows everything one may see', () => {
    const f = landed(drillHref(filtered));
    expect(f).toMatchObject({
      scope: 'all',
      from: '2026-10-01',
      to: '2026-10-31',
      channels: ['phone_in'],
      severities: ['major'],
      team: 'A组',
      product: '5G畅享套餐',
      customerTypes: ['emotional_venting'],
      causes: ['service_attitude'],
      departmentId: 'd-1',
      categoryId: 'c-root',
      uncategorised: false,
      weekday: null,
      hour: null,
      statuses: [],
    });
    expect(drillFilters(filtered)).toEqual(f);
  });

  it('the list asks the server for the same days, cut at midnight China time', () => {
    const q = filtersToQuery(landed(drillHref(filtered)));
    expect(q).toMatchObject({
      receivedFrom: '2026-10-01T00:00:00+08:00',
      receivedTo: '2026-11-01T00:00:00+08:00',
      channel: 'phone_in',
      severity: 'major',
      team: 'A组',
      product: '5G畅享套餐',
      customerType: 'emotional_venting',
      cause: 'service_attitude',
      departmentId: 'd-1',
      categoryId: 'c-root',
    });
    expect(q.scope).toBeUndefined();
  });

  it('a category bar narrows to that category; the uncategorised bar to complaints without one', () => {
    expect(landed(drillHref(filtered, { category: 'c-leaf' }))).toMatchObject({
      categoryId: 'c-leaf',
      uncategorised: false,
    });
    expect(landed(drillHref(DEFAULT, { category: null }))).toMatchObject({
      categoryId: null,
      uncategorised: true,
    });
  });

  it('a trend point opens its own days', () => {
    expect(landed(drillHref(DEFAULT, { range: { from: '2026-11-09', to: '2026-11-15' } }))).toMatchObject({
      from: '2026-11-09',
      to: '2026-11-15',
    });
  });

  it('a heatmap cell: that hour of that weekday in the period (hour 0 and Monday included)', () => {
    expect(landed(drillHref(DEFAULT, { weekday: 1, hour: 0 }))).toMatchObject({
      weekday: 1,
      hour: 0,
      from: '2026-11-01',
      to: '2026-11-23',
    });
  });

  it("an agent's figures were their team's: the drill-down names it, unless a team was chosen", () => {
    expect(landed(drillHref(DEFAULT, {}, { team: 'B组' })).team).toBe('B组');
    expect(landed(drillHref(filtered, {}, { team: 'B组' })).team).toBe('A组');
    expect(landed(drillHref(DEFAULT, {}, { team: null })).team).toBeNull();
  });
});
