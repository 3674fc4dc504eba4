// The complaint list's drill-down filters (from the reports): URL ⇄ filters ⇄ API query, which are
// in force, and closing one.
import { describe, expect, it } from 'vitest';
import {
  activeDrill,
  DEFAULT_FILTERS,
  DRILL_KEYS,
  drillQuery,
  filtersFromSearch,
  filtersToQuery,
  filtersToSearch,
  isFiltered,
  type ListFilters,
  withoutDrill,
} from '../../web/src/lib/list-filters.ts';

const f = (over: Partial<ListFilters> = {}): ListFilters => ({ ...DEFAULT_FILTERS, ...over });
const fromUrl = (search: string) => filtersFromSearch(new URLSearchParams(search), 'all');

const ALL_SET = f({
  channels: ['phone_in', 'wechat'],
  team: 'A组',
  product: '5G畅享套餐',
  customerTypes: ['emotional_venting'],
  causes: ['service_attitude', 'communication'],
  departmentId: 'dep-1',
  uncategorised: true,
  weekday: 7,
  hour: 0,
});

describe('reading the URL', () => {
  it.each<[string, Partial<ListFilters>]>([
    ['channel=phone_in,wechat', { channels: ['phone_in', 'wechat'] }],
    ['channel=fax,email', { channels: ['email'] }],
    ['team=%20A%E7%BB%84%20', { team: 'A组' }],
    ['team=%20%20', { team: null }],
    ['product=5G%E7%95%85%E4%BA%AB', { product: '5G畅享' }],
    ['product=', { product: null }],
    ['customerType=malicious_claim,angry', { customerTypes: ['malicious_claim'] }],
    ['cause=product_technical,weather', { causes: ['product_technical'] }],
    ['department=dep-1', { departmentId: 'dep-1' }],
    ['uncategorised=true', { uncategorised: true }],
    ['uncategorised=1', { uncategorised: false }],
    ['weekday=1', { weekday: 1 }],
    ['weekday=7', { weekday: 7 }],
    ['weekday=0', { weekday: null }],
    ['weekday=8', { weekday: null }],
    ['weekday=01', { weekday: null }],
    ['hour=0', { hour: 0 }],
    ['hour=23', { hour: 23 }],
    ['hour=24', { hour: null }],
    ['hour=-1', { hour: null }],
    ['hour=9.5', { hour: null }],
    ['hour=nine', { hour: null }],
  ])('%s', (search, expected) => {
    expect(fromUrl(search)).toEqual(f({ scope: 'all', ...expected }));
  });
});

describe('writing the URL', () => {
  it('writes nothing for the defaults', () => {
    expect(filtersToSearch(f({ scope: 'all' })).toString()).toBe('scope=all');
  });

  it('writes each filter in force, and reads it back', () => {
    const p = filtersToSearch({ ...ALL_SET, scope: 'all' });
    expect(Object.fromEntries(p)).toEqual({
      scope: 'all',
      channel: 'phone_in,wechat',
      team: 'A组',
      product: '5G畅享套餐',
      customerType: 'emotional_venting',
      cause: 'service_attitude,communication',
      department: 'dep-1',
      uncategorised: 'true',
      weekday: '7',
      hour: '0',
    });
    expect(fromUrl(p.toString())).toEqual({ ...ALL_SET, scope: 'all' });
  });

  it('hour 0 and Monday are values, not absences', () => {
    expect(filtersToSearch(f({ hour: 0, weekday: 1 })).get('hour')).toBe('0');
    expect(filtersToSearch(f({ hour: 0, weekday: 1 })).get('weekday')).toBe('1');
  });
});

describe('the API query', () => {
  it('sends each filter in force under the server’s names', () => {
    expect(drillQuery(ALL_SET)).toEqual({
      channel: 'phone_in,wechat',
      team: 'A组',
      product: '5G畅享套餐',
      customerType: 'emotional_venting',
      cause: 'service_attitude,communication',
      departmentId: 'dep-1',
      uncategorised: 'true',
      weekday: '7',
      hour: '0',
    });
    expect(filtersToQuery(ALL_SET)).toMatchObject(drillQuery(ALL_SET));
  });

  it('sends nothing (no undefined keys) when none is in force', () => {
    expect(drillQuery(DEFAULT_FILTERS)).toStrictEqual({});
  });

  it('the days of a drill-down are cut at midnight China time', () => {
    const q = filtersToQuery(f({ from: '2026-11-01', to: '2026-11-30', channels: ['email'] }));
    expect(q.receivedFrom).toBe('2026-11-01T00:00:00+08:00');
    expect(q.receivedTo).toBe('2026-12-01T00:00:00+08:00');
    expect(q.channel).toBe('email');
  });
});

describe('the filters in force, as closable tags', () => {
  it('none by default', () => {
    expect(activeDrill(DEFAULT_FILTERS)).toEqual([]);
    expect(isFiltered(DEFAULT_FILTERS)).toBe(false);
  });

  it('all of them, in the tag order', () => {
    expect(activeDrill(ALL_SET)).toEqual([...DRILL_KEYS]);
  });

  it.each(DRILL_KEYS)('one drill-down filter makes the list filtered: %s', (key) => {
    const only = f({ [key]: ALL_SET[key] });
    expect(activeDrill(only)).toEqual([key]);
    expect(isFiltered(only)).toBe(true);
  });

  it('closing a tag removes that filter alone', () => {
    const left = withoutDrill(ALL_SET, 'hour');
    expect(left.hour).toBeNull();
    expect(activeDrill(left)).toEqual(DRILL_KEYS.filter((k) => k !== 'hour'));
    expect(withoutDrill(ALL_SET, 'channels').channels).toEqual([]);
    expect(withoutDrill(ALL_SET, 'uncategorised').uncategorised).toBe(false);
  });

  it('a blank team or product is not a filter', () => {
    expect(activeDrill(f({ team: '  ', product: '' }))).toEqual([]);
  });
});
