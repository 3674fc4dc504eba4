// The complaint list's filters: URL ⇄ filters ⇄ API query, with day bounds at midnight in China.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CAUSES,
  CHANNELS,
  COMPLAINT_STATUSES,
  CUSTOMER_TYPES,
  SEVERITIES,
} from '../../src/domain/vocabulary.ts';
import {
  DEFAULT_FILTERS,
  filtersFromSearch,
  filtersToQuery,
  filtersToSearch,
  isFiltered,
  type ListFilters,
  nextDay,
  SCOPES,
  SORTS,
  scopeQuery,
  statusQuery,
} from '../../web/src/lib/list-filters.ts';

const f = (over: Partial<ListFilters> = {}): ListFilters => ({ ...DEFAULT_FILTERS, ...over });
const fromUrl = (search: string, scope?: ListFilters['scope']) =>
  filtersFromSearch(new URLSearchParams(search), scope);

describe('filtersFromSearch', () => {
  it('an empty URL gives the defaults, with "mine" as the default scope', () => {
    expect(fromUrl('')).toEqual(DEFAULT_FILTERS);
    expect(DEFAULT_FILTERS.scope).toBe('mine');
  });

  it.each<[string, 'mine' | 'team' | 'all' | undefined, string]>([
    ['', 'team', 'team'],
    ['', 'all', 'all'],
    ['scope=all', 'team', 'all'],
    ['scope=team', undefined, 'team'],
    ['scope=everyone', 'team', 'team'],
    ['scope=', undefined, 'mine'],
    ['scope=MINE', 'all', 'all'],
  ])('%j with default scope %s → %s', (search, scope, expected) => {
    expect(fromUrl(search, scope).scope).toBe(expected);
  });

  it.each<[string, Partial<ListFilters>]>([
    ['status=new,closed', { statuses: ['new', 'closed'] }],
    ['status=new,bogus,,NEW,in_progress', { statuses: ['new', 'in_progress'] }],
    ['status=', { statuses: [] }],
    ['severity=crisis,critical,major', { severities: ['crisis', 'major'] }],
    ['severity=%20major', { severities: [] }],
    ['category=cat-42', { categoryId: 'cat-42' }],
    ['category=', { categoryId: null }],
    ['from=2026-03-01&to=2026-03-31', { from: '2026-03-01', to: '2026-03-31' }],
    ['from=2026-3-1', { from: null }],
    ['from=20260301', { from: null }],
    ['to=2026-03-01T00:00:00%2B08:00', { to: null }],
    ['to=yesterday', { to: null }],
    ['to=2026-13-01', { to: null }],
    ['to=2026-00-10', { to: null }],
    ['to=2026-01-32', { to: null }],
    ['from=2026-02-30&to=2026-02-30', { from: null, to: null }],
    ['from=2028-02-29&to=2027-02-29', { from: '2028-02-29', to: null }],
    ['from=%202026-03-01', { from: null }],
    ['q=%E5%AE%BD%E5%B8%A6', { text: '宽带' }],
    ['phone=138%200013%208000', { phone: '138 0013 8000' }],
    ['sort=updated_desc', { sort: 'updated_desc' }],
    ['sort=received_asc', { sort: 'received_asc' }],
    ['sort=updated_asc', { sort: 'received_desc' }],
    ['sort=random', { sort: 'received_desc' }],
  ])('%s', (search, expected) => {
    expect(fromUrl(search)).toEqual(f(expected));
  });
});

describe('filtersToSearch', () => {
  it('the defaults keep only the scope', () => {
    expect(filtersToSearch(DEFAULT_FILTERS).toString()).toBe('scope=mine');
  });

  it('writes every filter, trimmed, and the sort only when not the default', () => {
    const p = filtersToSearch(
      f({
        scope: 'team',
        statuses: ['new', 'accepted'],
        severities: ['crisis'],
        categoryId: 'c1',
        from: '2026-01-01',
        to: '2026-01-31',
        text: '  断网  ',
        phone: ' 13800138000 ',
        sort: 'updated_desc',
      }),
    );
    expect(Object.fromEntries(p)).toEqual({
      scope: 'team',
      status: 'new,accepted',
      severity: 'crisis',
      category: 'c1',
      from: '2026-01-01',
      to: '2026-01-31',
      q: '断网',
      phone: '13800138000',
      sort: 'updated_desc',
    });
  });

  it('leaves out blank text and phone', () => {
    expect(filtersToSearch(f({ text: '   ', phone: '\t' })).toString()).toBe('scope=mine');
  });

  it('round-trips any valid filters through the URL', () => {
    const day = fc
      .date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2099-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    const text = fc.string().map((s) => s.trim());
    const nonBlank = text.filter((s) => s !== '');
    const filters = fc.record({
      scope: fc.constantFrom(...SCOPES),
      statuses: fc.uniqueArray(fc.constantFrom(...COMPLAINT_STATUSES)),
      severities: fc.uniqueArray(fc.constantFrom(...SEVERITIES)),
      categoryId: fc.option(fc.string({ minLength: 1 }), { nil: null }),
      from: fc.option(day, { nil: null }),
      to: fc.option(day, { nil: null }),
      text,
      phone: text,
      sort: fc.constantFrom(...SORTS),
      channels: fc.uniqueArray(fc.constantFrom(...CHANNELS)),
      team: fc.option(nonBlank, { nil: null }),
      product: fc.option(nonBlank, { nil: null }),
      customerTypes: fc.uniqueArray(fc.constantFrom(...CUSTOMER_TYPES)),
      causes: fc.uniqueArray(fc.constantFrom(...CAUSES)),
      departmentId: fc.option(fc.string({ minLength: 1 }), { nil: null }),
      uncategorised: fc.boolean(),
      weekday: fc.option(fc.integer({ min: 1, max: 7 }), { nil: null }),
      hour: fc.option(fc.integer({ min: 0, max: 23 }), { nil: null }),
    });
    fc.assert(
      fc.property(filters, (x) => {
        const back = filtersFromSearch(new URLSearchParams(filtersToSearch(x).toString()), 'all');
        expect(back).toEqual(x);
      }),
    );
  });
});

describe('nextDay', () => {
  it.each([
    ['2026-03-01', '2026-03-02'],
    ['2026-01-31', '2026-02-01'],
    ['2026-02-28', '2026-03-01'],
    ['2028-02-28', '2028-02-29'],
    ['2028-02-29', '2028-03-01'],
    ['2100-02-28', '2100-03-01'],
    ['2000-02-28', '2000-02-29'],
    ['2026-04-30', '2026-05-01'],
    ['2026-12-31', '2027-01-01'],
    ['1999-12-31', '2000-01-01'],
  ])('%s → %s', (day, next) => {
    expect(nextDay(day)).toBe(next);
  });
});

describe('filtersToQuery', () => {
  it('the defaults', () => {
    expect(filtersToQuery(DEFAULT_FILTERS)).toStrictEqual({
      scope: 'mine',
      severity: undefined,
      categoryId: undefined,
      receivedFrom: undefined,
      receivedTo: undefined,
      text: undefined,
      phone: undefined,
      sort: 'received',
      order: 'desc',
    });
  });

  it.each<[ListFilters['scope'], string | undefined]>([
    ['mine', 'mine'],
    ['team', 'team'],
    ['all', undefined],
  ])('scope %s → %s', (scope, expected) => {
    expect(filtersToQuery(f({ scope })).scope).toBe(expected);
  });

  it.each<[ListFilters['scope'], Record<string, string>]>([
    ['owned_elsewhere', { mine: 'owned_elsewhere' }],
    ['tier_queue', { scope: 'tier_queue' }],
    ['all', {}],
    ['team', { scope: 'team' }],
  ])('the view %s as API parameters', (scope, expected) => {
    expect(scopeQuery(scope)).toStrictEqual(expected);
    const q = filtersToQuery(f({ scope }));
    expect({ scope: q.scope, mine: q.mine }).toStrictEqual({ scope: expected.scope, mine: expected.mine });
  });

  it('the new views survive the URL', () => {
    for (const scope of ['owned_elsewhere', 'tier_queue'] as const) {
      expect(fromUrl(filtersToSearch(f({ scope })).toString()).scope).toBe(scope);
    }
  });

  it.each<[ListFilters['sort'], string, string]>([
    ['received_desc', 'received', 'desc'],
    ['received_asc', 'received', 'asc'],
    ['updated_desc', 'updated', 'desc'],
  ])('sort %s → %s %s', (sort, by, order) => {
    expect(filtersToQuery(f({ sort }))).toMatchObject({ sort: by, order });
  });

  it.each([
    ['2026-03-01', '2026-03-01', '2026-03-01T00:00:00+08:00', '2026-03-02T00:00:00+08:00'],
    ['2026-01-01', '2026-01-31', '2026-01-01T00:00:00+08:00', '2026-02-01T00:00:00+08:00'],
    ['2026-02-01', '2026-02-28', '2026-02-01T00:00:00+08:00', '2026-03-01T00:00:00+08:00'],
    ['2028-02-01', '2028-02-28', '2028-02-01T00:00:00+08:00', '2028-02-29T00:00:00+08:00'],
    ['2028-02-29', '2028-02-29', '2028-02-29T00:00:00+08:00', '2028-03-01T00:00:00+08:00'],
    ['2026-12-01', '2026-12-31', '2026-12-01T00:00:00+08:00', '2027-01-01T00:00:00+08:00'],
  ])('from %s to %s (inclusive) → [%s, %s)', (from, to, receivedFrom, receivedTo) => {
    expect(filtersToQuery(f({ from, to }))).toMatchObject({ receivedFrom, receivedTo });
  });

  it('the bounds are midnight in China, i.e. 16:00 UTC the day before', () => {
    const q = filtersToQuery(f({ from: '2027-01-01', to: '2027-01-01' }));
    expect(new Date(q.receivedFrom ?? '').toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(new Date(q.receivedTo ?? '').toISOString()).toBe('2027-01-01T16:00:00.000Z');
  });

  it('one bound alone', () => {
    expect(filtersToQuery(f({ from: '2026-05-04' }))).toMatchObject({
      receivedFrom: '2026-05-04T00:00:00+08:00',
      receivedTo: undefined,
    });
    expect(filtersToQuery(f({ to: '2026-05-04' }))).toMatchObject({
      receivedFrom: undefined,
      receivedTo: '2026-05-05T00:00:00+08:00',
    });
  });

  it('another offset can be given', () => {
    expect(filtersToQuery(f({ from: '2026-05-04', to: '2026-05-04' }), '+00:00')).toMatchObject({
      receivedFrom: '2026-05-04T00:00:00+00:00',
      receivedTo: '2026-05-05T00:00:00+00:00',
    });
  });

  it('joins severities, trims text and phone, passes the category; statuses travel apart', () => {
    const x = f({
      statuses: ['new', 'resolved'],
      severities: ['major', 'crisis'],
      categoryId: 'c9',
      text: ' 多扣费 ',
      phone: ' 010-62345678 ',
    });
    expect(filtersToQuery(x)).toMatchObject({
      severity: 'major,crisis',
      categoryId: 'c9',
      text: '多扣费',
      phone: '010-62345678',
    });
    expect(filtersToQuery(x)).not.toHaveProperty('status');
    expect(statusQuery(x)).toEqual({ status: 'new,resolved' });
    expect(statusQuery(DEFAULT_FILTERS)).toEqual({ status: undefined });
  });

  it('blank text and phone are not sent', () => {
    expect(filtersToQuery(f({ text: '  ', phone: ' ' }))).toMatchObject({
      text: undefined,
      phone: undefined,
    });
  });
});

describe('isFiltered', () => {
  it.each<[string, Partial<ListFilters>, boolean]>([
    ['defaults', {}, false],
    ['another scope', { scope: 'all' }, false],
    ['another sort', { sort: 'updated_desc' }, false],
    ['blank text and phone', { text: '  ', phone: '\t' }, false],
    ['a status', { statuses: ['new'] }, true],
    ['a severity', { severities: ['crisis'] }, true],
    ['a category', { categoryId: 'c1' }, true],
    ['a start day', { from: '2026-01-01' }, true],
    ['an end day', { to: '2026-01-01' }, true],
    ['text', { text: '宽带' }, true],
    ['a phone', { phone: '138' }, true],
  ])('%s → %s', (_, over, expected) => {
    expect(isFiltered(f(over))).toBe(expected);
  });
});
