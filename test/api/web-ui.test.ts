// The server's side of the workbench: the built UI at /, the UI's own routes answered with
// index.html, assets cached and compressed, security headers, and the API untouched by all this.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const INDEX =
  '<!doctype html><html><body><div id="root"></div><script src="/assets/app-abc123.js"></script></body></html>';
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(4000))});`;

describe('serving the built web UI', () => {
  let s: TestServer;
  let origin: string;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tousu-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), INDEX);
    writeFileSync(join(dir, 'assets/app-abc123.js'), SCRIPT);
    writeFileSync(join(dir, 'assets/app-abc123.js.gz'), gzipSync(SCRIPT));
    s = await startTestServer({ webDir: dir });
    origin = s.baseUrl.replace(/\/api\/v1$/, '');
  });
  afterAll(async () => {
    await s?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers / and the UI routes with index.html, uncached, with a strict CSP and no session needed', async () => {
    for (const path of ['/', '/intake', '/complaints/TS202611220001', '/customers/x?y=1']) {
      const res = await fetch(`${origin}${path}`);
      expect(res.status, path).toBe(200);
      expect(await res.text()).toBe(INDEX);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('serves hashed assets cached for a year, compressed when the browser accepts it', async () => {
    const plain = await fetch(`${origin}/assets/app-abc123.js`, {
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.status).toBe(200);
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await plain.text()).toBe(SCRIPT);
    const gz = await fetch(`${origin}/assets/app-abc123.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(await gz.text()).toBe(SCRIPT); // fetch inflates it
  });

  it('answers a missing asset and unknown API paths with 404, and keeps the API closed without a session', async () => {
    expect((await fetch(`${origin}/assets/missing.js`)).status).toBe(404);
    const api = await fetch(`${origin}/api/v1/complaints`);
    expect(api.status).toBe(401);
    expect(await api.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    const post = await fetch(`${origin}/intake`, { method: 'POST' });
    expect(post.status).toBe(404);
  });
});

describe('without a built UI', () => {
  it('says how to build it instead of a blank page', async () => {
    const s = await startTestServer({ webDir: join(tmpdir(), 'tousu-no-such-build') });
    try {
      const res = await fetch(s.baseUrl.replace(/\/api\/v1$/, '/'));
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('npm run build');
      expect((await s.anonymous.get('/health')).status).toBe(200);
    } finally {
      await s.close();
    }
  });
});
