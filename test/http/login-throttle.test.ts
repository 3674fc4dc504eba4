import { describe, expect, it } from 'vitest';
import { LoginThrottle } from '../../src/http/login-throttle.ts';

const opts = { maxFailures: 3, windowMs: 60_000, maxKeys: 100 };

describe('LoginThrottle', () => {
  it('allows attempts until the limit of failures inside the window', () => {
    const t = new LoginThrottle(opts);
    for (let i = 0; i < 3; i++) {
      expect(t.retryAfter('ip|li', 1000 + i)).toBe(0);
      t.fail('ip|li', 1000 + i);
    }
    expect(t.retryAfter('ip|li', 2000)).toBe(59);
    expect(t.retryAfter('ip|wang', 2000)).toBe(0);
  });

  it('forgets failures once they leave the window', () => {
    const t = new LoginThrottle(opts);
    for (let i = 0; i < 3; i++) t.fail('k', 0);
    expect(t.retryAfter('k', 59_999)).toBe(1);
    expect(t.retryAfter('k', 60_000)).toBe(0);
  });

  it('a success clears the record', () => {
    const t = new LoginThrottle(opts);
    t.fail('k', 0);
    t.fail('k', 0);
    t.succeed('k');
    t.fail('k', 1);
    expect(t.retryAfter('k', 2)).toBe(0);
  });

  it('tracks a bounded number of keys, dropping the least recently failed', () => {
    const t = new LoginThrottle({ ...opts, maxKeys: 2 });
    for (const k of ['a', 'b', 'c']) for (let i = 0; i < 3; i++) t.fail(k, 10);
    expect(t.retryAfter('a', 20)).toBe(0);
    expect(t.retryAfter('b', 20)).toBeGreaterThan(0);
    expect(t.retryAfter('c', 20)).toBeGreaterThan(0);
  });
});
