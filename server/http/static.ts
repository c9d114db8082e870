/**
 * Serving the built client: hashed files under /assets with a year's cache, index.html never
 * cached (so a rebuilt client reaches every screen on reload), and every screen route answered
 * with index.html (the client routes on its own).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
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
  const file = normalize(join(root, decoded));
  if (!file.startsWith(root + sep)) return false;
  if (!existsSync(file) || !statSync(file).isFile()) return false;
  const cache = path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
  sendFile(req, res, file, cache);
  return true;
}

function sendFile(req: IncomingMessage, res: ServerResponse, file: string, cacheControl: string): void {
  const stat = statSync(file);
  res.writeHead(200, {
    'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': stat.size,
    'cache-control': cacheControl,
    'last-modified': stat.mtime.toUTCString(),
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file).on('error', () => res.destroy()).pipe(res);
}
