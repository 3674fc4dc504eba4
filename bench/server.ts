// The server under test: `node bin/tousu.mjs serve` as a child process on 127.0.0.1, and a
// sampler of its resident memory (VmRSS) from /proc.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A port nobody listens on right now (the kernel picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

// Settings the benchmark chooses itself; everything else (DB_POOL_SIZE, NODE_OPTIONS…) passes through.
const OWN_SETTINGS = [
  'DATABASE_URL',
  'DATA_DIR',
  'PORT',
  'HOST',
  'LOG_LEVEL',
  'TOUSU_ADMIN_LOGIN',
  'TOUSU_ADMIN_PASSWORD',
];

function inheritedEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of OWN_SETTINGS) delete env[name];
  return env;
}

export interface ServerOptions {
  port: number;
  env: Record<string, string>;
  /** Extra node flags for the server, e.g. --cpu-prof (BENCH_NODE_ARGS). */
  nodeArgs: string[];
}

export class ServerProcess {
  readonly baseUrl: string;
  private readonly child: ChildProcess;
  private readonly output: string[] = [];
  private exited: Promise<number | null>;
  private exitCode: number | null | undefined;
  private signal: string | null = null;

  constructor(opts: ServerOptions) {
    this.baseUrl = `http://127.0.0.1:${opts.port}`;
    this.child = spawn(process.execPath, [...opts.nodeArgs, 'bin/tousu.mjs', 'serve'], {
      cwd: ROOT,
      env: { ...inheritedEnv(), ...opts.env, PORT: String(opts.port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim() === '') continue;
        this.output.push(line);
        if (this.output.length > 40) this.output.shift();
      }
    };
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.exitCode = code;
        this.signal = signal;
        resolve(code);
      });
    });
  }

  get pid(): number {
    if (this.child.pid === undefined) throw new Error('server process did not start');
    return this.child.pid;
  }

  get running(): boolean {
    return this.exitCode === undefined;
  }

  /** How the process ended, when it has. */
  get exitStatus(): string | null {
    if (this.exitCode === undefined) return null;
    return this.exitCode === null ? `killed by ${this.signal}` : `exit code ${this.exitCode}`;
  }

  /** The last lines the server printed, for error reports. */
  tail(): string {
    return this.output.map((l) => `    | ${l}`).join('\n');
  }

  /** Polls GET /api/v1/health until it answers 200 (bounded by timeoutMs). */
  async waitHealthy(timeoutMs: number): Promise<number> {
    const started = performance.now();
    const deadline = started + timeoutMs;
    while (performance.now() < deadline) {
      if (!this.running) throw new Error(`server ended (${this.exitStatus})\n${this.tail()}`);
      try {
        const res = await fetch(`${this.baseUrl}/api/v1/health`, { signal: AbortSignal.timeout(2000) });
        await res.arrayBuffer();
        if (res.status === 200) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`server not healthy after ${timeoutMs} ms\n${this.tail()}`);
  }

  /** SIGTERM, then SIGKILL if it has not exited within timeoutMs. */
  async stop(timeoutMs = 10_000): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGTERM');
    const timer = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), timeoutMs).unref());
    if ((await Promise.race([this.exited, timer])) === 'timeout') {
      process.stdout.write(`  server did not exit within ${timeoutMs} ms of SIGTERM; sending SIGKILL\n`);
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }

  /** Resident set size in bytes (VmRSS), or null when the process is gone. */
  rssBytes(): number | null {
    try {
      const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${this.pid}/status`, 'utf8'));
      return m?.[1] ? Number(m[1]) * 1024 : null;
    } catch {
      return null;
    }
  }
}

/** Samples the server's RSS every intervalMs and keeps the peak, overall and since the last mark. */
export class RssSampler {
  peak = 0;
  phasePeak = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly server: ServerProcess,
    intervalMs = 100,
  ) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  sample(): number {
    const rss = this.server.rssBytes() ?? 0;
    if (rss > this.peak) this.peak = rss;
    if (rss > this.phasePeak) this.phasePeak = rss;
    return rss;
  }

  /** Starts a new phase; returns the peak of the phase that ended. */
  mark(): number {
    const p = Math.max(this.phasePeak, this.sample());
    this.phasePeak = 0;
    return p;
  }

  stop(): void {
    clearInterval(this.timer);
    this.sample();
  }
}
