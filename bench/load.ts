// The load generator: closed-loop clients (throughput) and an open-loop schedule (latency at a
// fixed rate). Requests go through Node's built-in fetch, whose global undici agent keeps
// connections alive. Every loop is bounded both in time and in count.
import { complaintBody } from './data.ts';
import { ErrorTally } from './stats.ts';

const REQUEST_TIMEOUT_MS = 10_000;

export interface Target {
  baseUrl: string;
  token: string;
  /** False once the server process has exited: the loops stop instead of spinning on refusals. */
  alive: () => boolean;
}

export interface PhaseResult {
  /** Latencies in ms of the 201 responses. */
  latencies: number[];
  created: number;
  errors: ErrorTally;
  elapsedMs: number;
  /** Open loop only: requests not sent because too many were in flight. */
  dropped: number;
  /** Open loop only: the latest any request left compared with its schedule, in ms. */
  maxSendLagMs: number;
}

function errorKind(err: unknown): string {
  if (err instanceof Error) {
    if (err.name === 'TimeoutError' || err.name === 'AbortError') return 'timeout';
    const cause = (err as Error & { cause?: { code?: string } }).cause;
    return cause?.code ?? err.name;
  }
  return 'error';
}

/** One POST /api/v1/complaints; resolves to true when it answered 201. */
async function createOne(
  target: Target,
  errors: ErrorTally,
  firstFailure: { text?: string },
): Promise<boolean> {
  try {
    const res = await fetch(`${target.baseUrl}/api/v1/complaints`, {
      method: 'POST',
      headers: { authorization: `Bearer ${target.token}`, 'content-type': 'application/json' },
      body: complaintBody(),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await res.text();
    if (res.status === 201) return true;
    errors.add(String(res.status));
    firstFailure.text ??= `HTTP ${res.status}: ${text.slice(0, 300)}`;
    return false;
  } catch (err) {
    errors.add(errorKind(err));
    firstFailure.text ??= err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    return false;
  }
}

export interface ClosedLoopOptions {
  concurrency: number;
  /** Stops at this many seconds … */
  seconds: number;
  /** … or after this many requests in all, whichever comes first. */
  maxRequests: number;
  /** Give up at the first timeout (the warm-up: a server that hangs is not worth 10 s a request). */
  stopOnTimeout?: boolean;
}

/** N clients, each sending its next request as soon as the previous one answered. */
export async function closedLoop(
  target: Target,
  opts: ClosedLoopOptions,
  firstFailure: { text?: string },
): Promise<PhaseResult> {
  const errors = new ErrorTally();
  const latencies: number[] = [];
  let issued = 0;
  const started = performance.now();
  const deadline = started + opts.seconds * 1000;
  const gaveUp = () =>
    !target.alive() || (opts.stopOnTimeout === true && (errors.byKind.get('timeout') ?? 0) > 0);
  const client = async () => {
    while (issued < opts.maxRequests && performance.now() < deadline && !gaveUp()) {
      issued++;
      const t0 = performance.now();
      if (await createOne(target, errors, firstFailure)) latencies.push(performance.now() - t0);
      // A failing server answers fast: pause briefly rather than spin the CPU on errors.
      else await new Promise((r) => setTimeout(r, 5));
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, client));
  return {
    latencies,
    created: latencies.length,
    errors,
    elapsedMs: performance.now() - started,
    dropped: 0,
    maxSendLagMs: 0,
  };
}

export interface OpenLoopOptions {
  rate: number;
  seconds: number;
  /** Above this many requests in flight, scheduled requests are dropped (and counted). */
  maxInFlight: number;
}

/**
 * Request i is due at start + i/rate, whatever happened to the earlier ones (open loop). Latency is
 * measured from the due time, so a late send counts against the server, not hidden by it.
 */
export async function openLoop(
  target: Target,
  opts: OpenLoopOptions,
  firstFailure: { text?: string },
): Promise<PhaseResult> {
  const errors = new ErrorTally();
  const latencies: number[] = [];
  const total = Math.max(1, Math.round(opts.rate * opts.seconds));
  const interval = 1000 / opts.rate;
  const started = performance.now();
  const inFlight = new Set<Promise<void>>();
  let dropped = 0;
  let maxSendLagMs = 0;

  const fire = (due: number) => {
    const p = createOne(target, errors, firstFailure).then((ok) => {
      if (ok) latencies.push(performance.now() - due);
      inFlight.delete(p);
    });
    inFlight.add(p);
  };

  await new Promise<void>((resolve) => {
    let next = 0;
    const tick = () => {
      const now = performance.now();
      if (!target.alive()) {
        resolve();
        return;
      }
      while (next < total && started + next * interval <= now) {
        const due = started + next * interval;
        next++;
        maxSendLagMs = Math.max(maxSendLagMs, now - due);
        if (inFlight.size >= opts.maxInFlight) dropped++;
        else fire(due);
      }
      if (next < total) setTimeout(tick, Math.max(0, started + next * interval - performance.now()));
      else resolve();
    };
    tick();
  });
  // Let the last requests finish; each is bounded by its own timeout.
  await Promise.all([...inFlight]);
  return {
    latencies,
    created: latencies.length,
    errors,
    elapsedMs: performance.now() - started,
    dropped,
    maxSendLagMs,
  };
}
