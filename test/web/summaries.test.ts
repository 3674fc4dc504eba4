// The workbench's periodic summaries, pure: menu by role, the period of a picked day, and figures
// as the summary document shows them.
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../src/domain/vocabulary.ts';
import { canMakeSummaries, canReadSummaries } from '../../src/policies/summaries.ts';
import {
  barWidths,
  change,
  count,
  growth,
  hours,
  makesSummaries,
  meetsTarget,
  percent,
  periodStartOf,
  seesSummaries,
  summaryXlsxUrl,
  zonedDateTime,
} from '../../web/src/lib/summaries.ts';

describe('menu by role', () => {
  it('the menu entry for those who always read them; making follows the server', () => {
    for (const role of ROLES) {
      const actor = { id: 'u', role, team: '一组', name: 'x' };
      expect(seesSummaries(role), role).toBe(canReadSummaries(actor, true));
      expect(makesSummaries(role), role).toBe(canMakeSummaries(actor));
    }
    expect(ROLES.filter(seesSummaries)).toEqual(['supervisor', 'analyst', 'admin']);
  });
});

describe('the period of a picked day', () => {
  it.each([
    ['day', '2026-11-19', '2026-11-19'],
    ['week', '2026-11-19', '2026-11-16'],
    ['week', '2026-11-16', '2026-11-16'],
    ['week', '2026-11-22', '2026-11-16'],
    ['week', '2027-01-01', '2026-12-28'],
    ['month', '2026-02-28', '2026-02-01'],
  ] as const)('%s of %s starts %s', (kind, day, start) => {
    expect(periodStartOf(kind, day)).toBe(start);
  });
});

describe('figures', () => {
  it('times in the summary’s time zone', () => {
    expect(zonedDateTime('2026-11-30T16:00:05Z', 'Asia/Shanghai')).toBe('2026-12-01 00:00');
    expect(zonedDateTime('2026-11-30T16:00:05Z', 'UTC')).toBe('2026-11-30 16:00');
    expect(zonedDateTime('nonsense', 'UTC')).toBe('');
  });

  it('percentages, growth, changes, counts, hours', () => {
    expect(percent(0.4375)).toBe('43.8%');
    expect(percent(null)).toBe('—');
    expect(growth(0.125)).toBe('+12.5%');
    expect(growth(-0.04)).toBe('-4.0%');
    expect(growth(0)).toBe('0.0%');
    expect(growth(null)).toBe('—');
    expect(change(3)).toBe('+3');
    expect(change(-2)).toBe('-2');
    expect(change(0)).toBe('0');
    expect(count(12345)).toBe('12,345');
    expect(hours(12.345)).toBe('12.3');
    expect(hours(null)).toBe('—');
  });

  it('bars relative to the largest, a sliver for a small one, none for zero', () => {
    expect(barWidths([10, 5, 0, 0.01])).toEqual([100, 50, 0, 1]);
    expect(barWidths([0, 0])).toEqual([0, 0]);
    expect(barWidths([])).toEqual([]);
  });

  it('targets: higher is better except escalation, repeat and reopen rates', () => {
    expect(meetsTarget('frontlineResolution', 0.85, 0.8)).toBe(true);
    expect(meetsTarget('frontlineResolution', 0.75, 0.8)).toBe(false);
    expect(meetsTarget('escalationRate', 0.08, 0.1)).toBe(true);
    expect(meetsTarget('reopenRate', 0.2, 0.05)).toBe(false);
    expect(meetsTarget('repeatRate', null, 0.05)).toBeNull();
    expect(meetsTarget('repeatRate', 0.01, undefined)).toBeNull();
  });

  it('the download address', () => {
    expect(summaryXlsxUrl('abc')).toBe('/api/v1/summaries/abc?format=xlsx');
  });
});
