/**
 * Serving the built client: hashed files under /assets with a year's cache, index.html never
 * cached (so a rebuilt client reaches every screen on reload), and every screen route answered
 * with index.html (the client routes on its own).
 *
 * Text files are sent as the precompressed copy the build wrote beside them (`.br`, `.gz`;
 * scripts/precompress.ts) that the request's Accept-Encoding prefers — brotli, then gzip, then the
 * file as it is — with `Vary: Accept-Encoding`; every file has an ETag, and a request that already
 * holds it (If-None-Match) gets `304 Not Modified` (W1, W2).
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

export const SCREEN_ROUTES = ['/', '/mc', '/edit', '/av', '/speaker', '/stage', '/broadcast', '/agenda', '/report', '/ready'] as const;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

const isScreenRoute = (path: string) =>
  SCREEN_ROUTES.some((r) => path === r || (r !== '/' && (path === `${r}/` || path.startsWith(`${r}/`))));

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Baton</title>
<p>The screens are not built yet. Run <code>npm start</code> (it builds them) or <code>npm run build</code>.</p>`;

/** Serve a GET/HEAD from the client directory; false when the path is not ours (caller 404s). */
export function serveClient(clientDir: string | undefined, req: IncomingMessage, res: ServerResponse, path: string): boolean {
  const root = clientDir ? resolve(clientDir) : undefined;
  const index = root && join(root, 'index.html');
  if (isScreenRoute(path) || path === '/index.html') {
    if (!index || !existsSync(index)) {
      res.writeHead(503, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : NOT_BUILT);
      return true;
    }
    sendFile(req, res, index, 'no-cache');
    return true;
  }
  if (!root) return false;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return false;
  }
  if (decoded.includes('\0')) return false;
  // Hidden files of the build (the Vite manifest in .vite/, the build stamp) are not the site's.
  if (decoded.split('/').some((segment) => segment.startsWith('.'))) return false;
  const file = normalize(join(root, decoded));
  if (!file.startsWith(root + sep)) return false;
  if (!existsSync(file) || !statSync(file).isFile()) return false;
  const cache = path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
  sendFile(req, res, file, cache);
  return true;
}

/** The encodings we keep copies of, best first, with the suffix of the copy (W1). */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/**
 * The q-value the request's Accept-Encoding gives `coding` (RFC 9110 §12.5.3): its own entry,
 * else `*`, else 0 — and 1 for identity unless it (or `*`) is refused with q=0.
 */
export function acceptQ(header: string | undefined, coding: string): number {
  let own: number | undefined;
  let star: number | undefined;
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    let q = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p);
      if (m) q = Math.min(1, Math.max(0, Number(m[1]) || 0));
    }
    if (name === coding || (coding === 'gzip' && name === 'x-gzip')) own = q;
    else if (name === '*') star = q;
  }
  return own ?? star ?? (coding === 'identity' ? 1 : 0);
}

/** The precompressed copy to send for `file`: brotli, else gzip, else the file itself. */
function pickVariant(file: string, acceptEncoding: string | undefined): { path: string; encoding?: string; hasVariants: boolean } {
  let chosen: { path: string; encoding?: string } | undefined;
  let hasVariants = false;
  for (const e of ENCODINGS) {
    const copy = file + e.suffix;
    if (!existsSync(copy)) continue;
    hasVariants = true;
    if (!chosen && acceptQ(acceptEncoding, e.name) > 0) chosen = { path: copy, encoding: e.name };
  }
  return { ...(chosen ?? { path: file }), hasVariants };
}

/** Does an If-None-Match header list `etag` (weak comparison, or `*`)? */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag.replace(/^W\//, '') === bare;
  });
}

function sendFile(req: IncomingMessage, res: ServerResponse, file: string, cacheControl: string): void {
  const stat = statSync(file);
  const variant = pickVariant(file, req.headers['accept-encoding']);
  const sent = variant.path === file ? stat : statSync(variant.path);
  // One tag per representation: the file's size and time, and the coding it is sent in.
  const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}${variant.encoding ? `-${variant.encoding}` : ''}"`;
  const headers: Record<string, string | number> = {
    'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'cache-control': cacheControl,
    'last-modified': stat.mtime.toUTCString(),
    etag,
    'x-content-type-options': 'nosniff',
  };
  if (variant.hasVariants) headers['vary'] = 'Accept-Encoding';
  if (matches(req.headers['if-none-match'], etag)) {
    res.writeHead(304, headers);
    return void res.end();
  }
  if (variant.encoding) headers['content-encoding'] = variant.encoding;
  headers['content-length'] = sent.size;
  res.writeHead(200, headers);
  if (req.method === 'HEAD') return void res.end();
  const body = cached(variant.path, sent);
  if (body) return void res.end(body);
  createReadStream(variant.path).on('error', () => res.destroy()).pipe(res);
}

/**
 * Small files the phones all ask for at doors open, kept in memory (keyed by path, checked against
 * the size and time of the stat already taken): a hit is one write instead of open/read/close on
 * the thread pool for each of a few thousand requests. Files over 512 KB are streamed.
 */
const CACHE_FILE_MAX = 512 * 1024;
const CACHE_TOTAL_MAX = 32 * 1024 * 1024;
const cache = new Map<string, { size: number; mtimeMs: number; body: Buffer }>();
let cacheBytes = 0;
function cached(path: string, stat: { size: number; mtimeMs: number }): Buffer | undefined {
  if (stat.size > CACHE_FILE_MAX) return undefined;
  const hit = cache.get(path);
  if (hit && hit.size === stat.size && hit.mtimeMs === stat.mtimeMs) return hit.body;
  let body: Buffer;
  try {
    body = readFileSync(path);
  } catch {
    return undefined;
  }
  if (body.length !== stat.size) return undefined; // changed under us: stream it this time
  if (hit) cacheBytes -= hit.body.length;
  if (cacheBytes + body.length > CACHE_TOTAL_MAX) {
    cache.clear();
    cacheBytes = 0;
  }
  cache.set(path, { size: stat.size, mtimeMs: stat.mtimeMs, body });
  cacheBytes += body.length;
  return body;
}
