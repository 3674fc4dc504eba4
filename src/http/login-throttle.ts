// Slows down password guessing: after too many failed logins for one login name from one
// address, further attempts are refused for a while. In memory, per server process.

export interface ThrottleOptions {
  maxFailures: number;
  windowMs: number;
  /** Bound on tracked keys, so a flood of made-up logins cannot exhaust memory. */
  maxKeys: number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = { maxFailures: 10, windowMs: 15 * 60_000, maxKeys: 10_000 };

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly opts: ThrottleOptions = DEFAULT_THROTTLE) {}

  private recent(key: string, now: number): number[] {
    const since = now - this.opts.windowMs;
    const kept = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (kept.length) this.failures.set(key, kept);
    else this.failures.delete(key);
    return kept;
  }

  /** Seconds to wait before the next attempt, or 0 when an attempt is allowed now. */
  retryAfter(key: string, now: number): number {
    const recent = this.recent(key, now);
    if (recent.length < this.opts.maxFailures) return 0;
    const oldest = recent[recent.length - this.opts.maxFailures] ?? now;
    return Math.max(1, Math.ceil((oldest + this.opts.windowMs - now) / 1000));
  }

  fail(key: string, now: number): void {
    const recent = this.recent(key, now);
    recent.push(now);
    this.failures.delete(key);
    this.failures.set(key, recent);
    if (this.failures.size > this.opts.maxKeys) {
      const oldestKey = this.failures.keys().next().value;
      if (oldestKey !== undefined) this.failures.delete(oldestKey);
    }
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }
}
