// Latency samples and their summary.

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles over latencies in milliseconds. */
export function summarise(samples: readonly number[]): LatencySummary {
  if (samples.length === 0)
    return { count: 0, p50: Number.NaN, p95: Number.NaN, p99: Number.NaN, max: Number.NaN, mean: Number.NaN };
  const sorted = Float64Array.from(samples).sort();
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    count: sorted.length,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    max: sorted[sorted.length - 1] as number,
    mean: sum / sorted.length,
  };
}

export function ms(v: number): string {
  if (Number.isNaN(v)) return '–';
  return v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0);
}

export function latencyLine(s: LatencySummary): string {
  return `p50 ${ms(s.p50)} ms, p95 ${ms(s.p95)} ms, p99 ${ms(s.p99)} ms, max ${ms(s.max)} ms`;
}

/** Counts of failures by kind ("500", "timeout", "ECONNRESET", …). */
export class ErrorTally {
  readonly byKind = new Map<string, number>();
  total = 0;

  add(kind: string): void {
    this.total++;
    this.byKind.set(kind, (this.byKind.get(kind) ?? 0) + 1);
  }

  merge(other: ErrorTally): void {
    for (const [k, n] of other.byKind) {
      this.total += n;
      this.byKind.set(k, (this.byKind.get(k) ?? 0) + n);
    }
  }

  describe(): string {
    if (this.total === 0) return '0';
    return `${this.total} (${[...this.byKind].map(([k, n]) => `${k}: ${n}`).join(', ')})`;
  }
}
