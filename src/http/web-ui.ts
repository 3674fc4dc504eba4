// Serves the built workbench (dist/web) at `/`: hashed assets cached for a year, index.html never
// cached, and any non-API path answered with index.html so the UI's own routes survive a reload.
import { existsSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from './server.ts';

export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../dist/web', import.meta.url));

/** Antd writes its styles at run time (style tags), hence 'unsafe-inline' for styles only. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

const MISSING_BUILD = `<!doctype html><meta charset="utf-8"><title>Tousu</title>
<p>界面尚未构建：请运行 <code>npm run build</code>（<code>npm start</code> 会自动构建）。</p>
<p>The web UI has not been built: run <code>npm run build</code> (<code>npm start</code> builds it for you).</p>
<p>API: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a></p>`;

function securityHeaders(reply: FastifyReply): void {
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'same-origin');
  reply.header('x-frame-options', 'DENY');
}

function wantsPage(req: FastifyRequest): boolean {
  const path = req.url.split('?')[0] ?? '';
  return (req.method === 'GET' || req.method === 'HEAD') && !path.startsWith('/api/') && !path.includes('.');
}

/** Registers the UI; returns the handler for unknown paths (pages get index.html, the rest a JSON 404). */
export async function registerWebUi(
  app: App,
  dir: string,
): Promise<(req: FastifyRequest, reply: FastifyReply) => boolean> {
  const indexFile = join(dir, 'index.html');
  const built = existsSync(indexFile);
  app.addHook('onSend', async (_req, reply, payload) => {
    securityHeaders(reply);
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('text/html')) reply.header('content-security-policy', CSP);
    return payload;
  });
  if (built) {
    await app.register(fastifyStatic, {
      root: dir,
      prefix: '/',
      wildcard: false,
      index: false,
      // scripts/ensure-web-build.mjs writes .br and .gz beside each asset.
      preCompressed: true,
      setHeaders: (reply, path) => {
        reply.header(
          'cache-control',
          path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  // Read once: index.html is small and changes only with a new build (and a restart).
  const page = built ? readFileSync(indexFile, 'utf8') : MISSING_BUILD;
  return (req, reply) => {
    if (!wantsPage(req)) return false;
    void reply
      .code(built ? 200 : 503)
      .header('cache-control', 'no-cache')
      .type('text/html; charset=utf-8')
      .send(page);
    return true;
  };
}
