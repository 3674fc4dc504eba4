// /health warns the operator when deadlines will soon reach a year without an official holiday
// schedule (chinese-days holds 2026, not 2027): such deadlines count weekends only, marked provisional.
import { describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/test-server.ts';

async function healthAt(iso: string) {
  const s = await startTestServer({ clock: () => new Date(iso) });
  try {
    const r = await s.anonymous.get('/health');
    expect(r.status).toBe(200);
    return r.body;
  } finally {
    await s.close();
  }
}

describe('health warnings', () => {
  it('none while the next 60 days lie in years with official data', async () => {
    const body = await healthAt('2026-06-01T10:00:00+08:00');
    expect(body.warnings).toEqual([]);
  });

  it('names the missing year once deadlines can reach it', async () => {
    const body = await healthAt('2026-11-22T10:00:00+08:00');
    expect(body.status).toBe('ok');
    expect(body.warnings).toHaveLength(1);
    expect(body.warnings[0]).toMatchObject({
      code: 'CALENDAR_YEAR_MISSING',
      details: { years: [2027], horizonDays: 60 },
    });
    expect(body.warnings[0].message).toContain('provisional');
  });
});
