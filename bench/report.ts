// Printing the benchmark's figures: per-phase reports and the Markdown summary table.
import { readFileSync } from 'node:fs';
import type { CpuShares } from './cpu.ts';
import type { PhaseResult } from './load.ts';
import { type LatencySummary, latencyLine, ms } from './stats.ts';
import { TARGET_LABELS, type TargetName } from './targets.ts';

/** Another process using more than this (in % of one core) makes a phase's figures suspect. */
export const NOISY_OTHER_PCT = 15;

export const MB = 1024 * 1024;
export const out = (line = '') => process.stdout.write(`${line}\n`);
export const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export interface PhaseFigures {
  result: PhaseResult;
  latency: LatencySummary;
  cpu: CpuShares;
  peakRss: number;
}

export interface TargetResult {
  name: TargetName;
  /** Why the phases did not run, when they did not. */
  stalled?: string;
  a?: PhaseFigures;
  b?: PhaseFigures;
  errors: number;
  peakRssMb: number;
  created: number;
}

function cpuLine(c: CpuShares): string {
  const pg = c.postgres === null ? '' : `, PostgreSQL ${fmt(c.postgres)}`;
  return `CPU in % of one core: server ${fmt(c.server)}, load generator ${fmt(c.loadGenerator)}${pg}, other processes ${fmt(c.other)} (machine ${fmt(c.machineBusy)} % busy)`;
}

/** CPU milliseconds spent per created complaint: what bounds throughput on a small machine. */
function cpuPerComplaint(f: PhaseFigures): {
  server: number;
  postgres: number | null;
  loadGenerator: number;
} {
  const perSecond = f.result.created / (f.result.elapsedMs / 1000);
  const each = (pct: number) => (perSecond > 0 ? (pct / 100 / perSecond) * 1000 : Number.NaN);
  return {
    server: each(f.cpu.server),
    postgres: f.cpu.postgres === null ? null : each(f.cpu.postgres),
    loadGenerator: each(f.cpu.loadGenerator),
  };
}

function perComplaint(f: PhaseFigures): string {
  const c = cpuPerComplaint(f);
  const pg = c.postgres === null ? '' : `, PostgreSQL ${c.postgres.toFixed(2)} ms`;
  return `server ${c.server.toFixed(2)} ms${pg}, load generator ${c.loadGenerator.toFixed(2)} ms`;
}

export function phaseReport(title: string, f: PhaseFigures, extra = ''): void {
  const r = f.result;
  out(`  ${title}`);
  out(
    `    ${fmt(r.created)} created in ${(r.elapsedMs / 1000).toFixed(1)} s = ${fmt(r.created / (r.elapsedMs / 1000), 1)} complaints/s${extra}`,
  );
  out(`    latency ${latencyLine(f.latency)} (mean ${ms(f.latency.mean)} ms)`);
  out(`    errors ${r.errors.describe()}`);
  out(`    ${cpuLine(f.cpu)}`);
  out(`    CPU per complaint: ${perComplaint(f)}`);
  out(`    peak RSS ${fmt(f.peakRss / MB, 1)} MB`);
  if (f.cpu.other > NOISY_OTHER_PCT)
    out(`    WARNING: other processes were busy during this phase; the figures understate the server`);
}

// ---- summary -------------------------------------------------------------------------------

export function summaryTable(
  results: TargetResult[],
  settings: { concurrency: number; rate: number },
): string {
  const lat = (s: LatencySummary) => `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.p99)} / ${ms(s.max)}`;
  const phase = (f: PhaseFigures | undefined, show: (f: PhaseFigures) => string) => (f ? show(f) : 'stalled');
  const cpu = (c: CpuShares) =>
    [c.server, c.loadGenerator, c.postgres, c.other].map((v) => (v === null ? '–' : fmt(v))).join(' / ');
  const rows: Array<[string, (r: TargetResult) => string, string]> = [
    [
      `Throughput, ${settings.concurrency} clients (complaints/s)`,
      (r) => phase(r.a, (f) => fmt(f.result.created / (f.result.elapsedMs / 1000))),
      '≥ 1,000',
    ],
    ['Phase A latency p50 / p95 / p99 / max (ms)', (r) => phase(r.a, (f) => lat(f.latency)), ''],
    [
      `Phase B latency at ${settings.rate} req/s p50 / p95 / p99 / max (ms)`,
      (r) => phase(r.b, (f) => lat(f.latency)),
      'p99 < 50',
    ],
    ['Errors (non-201, failed or not sent)', (r) => fmt(r.errors), '0'],
    ['Peak server RSS (MB)', (r) => fmt(r.peakRssMb), '< 250'],
    ['Complaints created (201 responses)', (r) => fmt(r.created), ''],
    [
      'CPU in phase A, % of one core: server / load gen. / PostgreSQL / other',
      (r) => phase(r.a, (f) => cpu(f.cpu)),
      '',
    ],
    [
      'CPU ms per complaint in phase A: server / PostgreSQL',
      (r) =>
        phase(r.a, (f) => {
          const c = cpuPerComplaint(f);
          return `${c.server.toFixed(2)} / ${c.postgres === null ? '–' : c.postgres.toFixed(2)}`;
        }),
      '',
    ],
  ];
  const head = ['', ...results.map((r) => TARGET_LABELS[r.name]), 'Goal (PostgreSQL)'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`];
  for (const [label, value, goal] of rows)
    lines.push(`| ${label} | ${results.map(value).join(' | ')} | ${goal} |`);
  return lines.join('\n');
}

export function cpuModel(): string {
  try {
    return /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
