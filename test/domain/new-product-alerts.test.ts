// The first complaint about a new product, tariff or campaign (src/domain/new-product-alerts.ts).
import { describe, expect, it } from 'vitest';
import { decideFirstComplaint, NEW_PRODUCT_WINDOW_DAYS } from '../../src/domain/new-product-alerts.ts';

const product = (over: Partial<Parameters<typeof decideFirstComplaint>[0]> = {}) => ({
  active: true,
  launchedOn: '2026-03-01',
  firstComplaintId: null,
  ...over,
});

describe('decideFirstComplaint', () => {
  it('the first complaint within 90 days of the launch is recorded and alerts', () => {
    expect(NEW_PRODUCT_WINDOW_DAYS).toBe(90);
    expect(decideFirstComplaint(product(), '2026-03-01')).toEqual({
      record: true,
      alert: true,
      daysSinceLaunch: 0,
    });
    expect(decideFirstComplaint(product(), '2026-05-30')).toEqual({
      record: true,
      alert: true,
      daysSinceLaunch: 90,
    });
  });

  it('later than 90 days: recorded, no alert', () => {
    expect(decideFirstComplaint(product(), '2026-05-31')).toEqual({
      record: true,
      alert: false,
      daysSinceLaunch: 91,
    });
  });

  it('before the launch (an announced campaign) alerts too', () => {
    expect(decideFirstComplaint(product({ launchedOn: '2026-04-01' }), '2026-03-25')).toEqual({
      record: true,
      alert: true,
      daysSinceLaunch: -7,
    });
  });

  it('without a launch date: recorded, not known to be new', () => {
    expect(decideFirstComplaint(product({ launchedOn: null }), '2026-03-25')).toEqual({
      record: true,
      alert: false,
      daysSinceLaunch: null,
    });
  });

  it('never twice, and nothing for a retired product', () => {
    expect(decideFirstComplaint(product({ firstComplaintId: 'c1' }), '2026-03-02')).toEqual({
      record: false,
      reason: 'already_recorded',
    });
    expect(decideFirstComplaint(product({ active: false }), '2026-03-02')).toEqual({
      record: false,
      reason: 'inactive',
    });
  });

  it('counts whole days across month ends and leap days', () => {
    const d = decideFirstComplaint(product({ launchedOn: '2028-02-28' }), '2028-03-01');
    expect(d).toMatchObject({ daysSinceLaunch: 2 });
    const window = decideFirstComplaint(product(), '2026-05-30', 30);
    expect(window).toMatchObject({ alert: false });
  });
});
