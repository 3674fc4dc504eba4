// Builds the web UI (vite build → dist/web) when it is missing or older than its sources.
// Run before `npm start` and by the browser tests, so nobody serves a stale workbench.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
// The UI bundles pure rules from src/domain (vocabulary, the promise wording check, deadlines).
const SOURCES = ['web', 'vite.config.ts', 'src/domain', 'package-lock.json'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function webBuildIsFresh() {
  const index = join(root, 'dist/web/index.html');
  if (!existsSync(index)) return false;
  const built = statSync(index).mtimeMs;
  return SOURCES.every((s) => newestMtime(join(root, s)) <= built);
}

/** Brotli and gzip copies beside each asset: the server sends them to browsers that accept them. */
function precompress(dir) {
  for (const entry of readdirSync(dir, { recursive: true })) {
    const file = join(dir, String(entry));
    if (!/\.(js|css|html|svg|json)$/.test(file)) continue;
    const data = readFileSync(file);
    if (data.length < 1024) continue;
    writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
    writeFileSync(
      `${file}.br`,
      brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    );
  }
}

export function ensureWebBuild({ quiet = false } = {}) {
  if (webBuildIsFresh()) return false;
  if (!quiet) process.stdout.write('Building the web UI (vite build)…\n');
  const r = spawnSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', quiet ? 'warn' : 'info'],
    {
      cwd: root,
      stdio: 'inherit',
      // Always a production build, even when called from the tests (vitest sets NODE_ENV=test).
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  if (r.status !== 0) throw new Error(`vite build failed with exit code ${r.status}`);
  precompress(join(root, 'dist/web'));
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  ensureWebBuild();
}
