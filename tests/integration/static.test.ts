import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { precompressDir } from '../../scripts/precompress';
import { boot, tempDir } from './helpers';

let server: Awaited<ReturnType<typeof boot>>;
let client: { path: string; remove(): void };

beforeEach(async () => {
  client = tempDir();
  mkdirSync(join(client.path, 'assets'));
  writeFileSync(join(client.path, 'index.html'), '<!doctype html><title>Baton</title><div id="root"></div>');
  writeFileSync(join(client.path, 'assets', 'main-abc123.js'), 'console.log("baton")');
  writeFileSync(join(client.path, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  server = await boot({ clientDir: client.path });
});
afterEach(async () => {
  await server.stop();
  client.remove();
});

/** A raw GET, so the path reaches the server exactly as written (fetch would normalise it). */
const rawGet = (port: number, path: string) =>
  new Promise<number>((resolve, reject) => {
    request({ host: '127.0.0.1', port, path }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    })
      .on('error', reject)
      .end();
  });

describe('serving the built client', () => {
  it('[S15] every screen route answers index.html, never cached', async () => {
    for (const route of ['/', '/mc', '/edit', '/av', '/speaker', '/stage', '/broadcast', '/agenda', '/report', '/ready', '/speaker/', '/report/run-1']) {
      const res = await fetch(`${server.url}${route}?lang=vi`);
      expect(res.status, route).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toContain('<div id="root">');
    }
  });

  it('[S15] hashed assets are cached for a year; other files are revalidated; unknown paths 404', async () => {
    const asset = await fetch(`${server.url}/assets/main-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const icon = await fetch(`${server.url}/favicon.svg`);
    expect(icon.headers.get('cache-control')).toBe('no-cache');
    expect((await fetch(`${server.url}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${server.url}/nowhere`)).status).toBe(404);
  });

  it('[S15] no path escapes the client directory', async () => {
    for (const path of ['/../package.json', '/assets/../../package.json', '/assets/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/etc/passwd', '/assets/%00.js']) {
      expect(await rawGet(server.port, path), path).toBe(404);
    }
  });
});

/** A raw request with chosen headers; the body as it came over the wire (not decoded). */
const raw = (port: number, path: string, headers: Record<string, string> = {}, method = 'GET') =>
  new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });

describe('compressed, cacheable static files', () => {
  // A build's worth of text: big enough that both copies are smaller than the file.
  const script = `export const rows = [${Array.from({ length: 400 }, (_, i) => `{ id: ${i}, title: "Tham luận ${i} — thi đua yêu nước" }`).join(', ')}];\n`;
  const page = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Baton</title></head><body><div id="root"></div>${'<!-- Đồng chí, Ủy ban nhân dân tỉnh -->'.repeat(20)}</body></html>`;
  let built: { path: string; remove(): void };
  let srv: Awaited<ReturnType<typeof boot>>;

  beforeEach(async () => {
    built = tempDir();
    mkdirSync(join(built.path, 'assets'));
    writeFileSync(join(built.path, 'index.html'), page);
    writeFileSync(join(built.path, 'assets', 'main-def456.js'), script);
    writeFileSync(join(built.path, 'assets', 'plain-0a1b2c.js'), script); // no copies beside it
    writeFileSync(join(built.path, 'assets', 'logo-123abc.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    await precompressDir(built.path);
    rmSync(join(built.path, 'assets', 'plain-0a1b2c.js.br'));
    rmSync(join(built.path, 'assets', 'plain-0a1b2c.js.gz'));
    srv = await boot({ clientDir: built.path });
  });
  afterEach(async () => {
    await srv.stop();
    built.remove();
  });

  it('[W1] the build writes a brotli and a gzip copy beside each text file, none beside a picture', () => {
    expect(existsSync(join(built.path, 'assets', 'main-def456.js.br'))).toBe(true);
    expect(existsSync(join(built.path, 'index.html.gz'))).toBe(true);
    expect(existsSync(join(built.path, 'assets', 'logo-123abc.png.br'))).toBe(false);
  });

  it('[W1] each encoding the browser asks for is sent, decodes to the same bytes, and says Vary', async () => {
    const cases: Array<[string, string | undefined, (b: Buffer) => Buffer]> = [
      ['br, gzip', 'br', (b) => brotliDecompressSync(b)],
      ['gzip, deflate, br;q=0', 'gzip', (b) => gunzipSync(b)],
      ['gzip;q=0.5, br;q=0.1', 'br', (b) => brotliDecompressSync(b)], // ours: best copy any q > 0 allows
      ['br;q=0, gzip;q=0', undefined, (b) => b],
      ['identity', undefined, (b) => b],
      ['', undefined, (b) => b],
      ['*', 'br', (b) => brotliDecompressSync(b)],
    ];
    for (const path of ['/assets/main-def456.js', '/agenda']) {
      const original = Buffer.from(path === '/agenda' ? page : script);
      for (const [accept, encoding, decode] of cases) {
        const res = await raw(srv.port, path, accept ? { 'accept-encoding': accept } : {});
        const what = `${path} with Accept-Encoding "${accept}"`;
        expect(res.status, what).toBe(200);
        expect(res.headers['content-encoding'], what).toBe(encoding);
        expect(res.headers['vary'], what).toBe('Accept-Encoding');
        expect(Number(res.headers['content-length']), what).toBe(res.body.length);
        expect(decode(res.body).equals(original), what).toBe(true);
        if (encoding) expect(res.body.length, what).toBeLessThan(original.length);
        expect(res.headers['x-content-type-options']).toBe('nosniff');
      }
    }
    const asset = await raw(srv.port, '/assets/main-def456.js', { 'accept-encoding': 'br' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-type']).toMatch(/javascript/);
  });

  it('[W1] a file without copies beside it is sent as it is', async () => {
    const res = await raw(srv.port, '/assets/plain-0a1b2c.js', { 'accept-encoding': 'br, gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.toString()).toBe(script);
    const png = await raw(srv.port, '/assets/logo-123abc.png', { 'accept-encoding': 'br, gzip' });
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.headers['content-type']).toBe('image/png');
  });

  it('[W1] HEAD answers the headers of what GET would send, with no body', async () => {
    for (const accept of ['br', 'gzip', 'identity']) {
      const get = await raw(srv.port, '/speaker', { 'accept-encoding': accept });
      const head = await raw(srv.port, '/speaker', { 'accept-encoding': accept }, 'HEAD');
      expect(head.status).toBe(200);
      expect(head.body.length).toBe(0);
      expect(head.headers['content-length']).toBe(get.headers['content-length']);
      expect(head.headers['content-encoding']).toBe(get.headers['content-encoding']);
      expect(head.headers['etag']).toBe(get.headers['etag']);
    }
  });

  it('[W2] index.html has an ETag per encoding; a phone that holds it gets 304 Not Modified', async () => {
    const first = await raw(srv.port, '/agenda', { 'accept-encoding': 'br, gzip' });
    const etag = String(first.headers['etag']);
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(first.headers['cache-control']).toBe('no-cache');
    const again = await raw(srv.port, '/agenda', { 'accept-encoding': 'br, gzip', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers['etag']).toBe(etag);
    expect(again.headers['vary']).toBe('Accept-Encoding');
    // Every screen route is the same page, so the same tag holds for all of them.
    expect((await raw(srv.port, '/speaker', { 'accept-encoding': 'br', 'if-none-match': `"x", ${etag}` })).status).toBe(304);
    // The gzip copy is another representation: its tag differs and the brotli one does not match it.
    const gz = await raw(srv.port, '/agenda', { 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect(gz.status).toBe(200);
    expect(gz.headers['etag']).not.toBe(etag);
    expect(gunzipSync(gz.body).toString()).toBe(page);
    // A rebuilt page is a new tag: the old one no longer matches.
    writeFileSync(join(built.path, 'index.html'), page.replace('Baton', 'Baton 2'));
    await precompressDir(built.path);
    const rebuilt = await raw(srv.port, '/agenda', { 'accept-encoding': 'br, gzip', 'if-none-match': etag });
    expect(rebuilt.status).toBe(200);
    expect(brotliDecompressSync(rebuilt.body).toString()).toContain('Baton 2');
  });

  it('[W1] [S15] a compressed copy opens no way out of the client directory, nor into the build\'s hidden files', async () => {
    mkdirSync(join(built.path, '.vite'));
    writeFileSync(join(built.path, '.vite', 'manifest.json'), '{}');
    writeFileSync(join(built.path, '.build-hash'), 'abc');
    for (const path of ['/.vite/manifest.json', '/.build-hash', '/%2evite/manifest.json']) {
      expect((await raw(srv.port, path)).status, path).toBe(404);
    }
    for (const path of ['/../etc/hostname', '/assets/..%2f..%2f..%2fetc%2fhostname', '/%2e%2e/%2e%2e/etc/passwd', '/assets/main-def456.js%00.br', '/assets/../../package.json']) {
      expect((await raw(srv.port, path, { 'accept-encoding': 'br, gzip' })).status, path).toBe(404);
    }
  });
});

describe('connections at doors open', () => {
  it('[W6] a kept-alive connection idle for longer than Node\'s default 5 s still answers the next request', async () => {
    const client = tempDir();
    writeFileSync(join(client.path, 'index.html'), '<!doctype html><title>Baton</title><div id="root"></div>');
    const srv = await boot({ clientDir: client.path });
    const { Agent } = await import('node:http');
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const ask = () =>
        new Promise<{ status: number; socket: unknown }>((resolve, reject) => {
          const req = request({ host: '127.0.0.1', port: srv.port, path: '/agenda', agent }, (res) => {
            res.resume();
            res.on('end', () => resolve({ status: res.statusCode ?? 0, socket: req.socket }));
          });
          req.on('error', reject);
          req.end();
        });
      const first = await ask();
      expect(first.status).toBe(200);
      await new Promise((r) => setTimeout(r, 6_500));
      const second = await ask();
      expect(second.status).toBe(200);
      expect(second.socket, 'the same connection served both').toBe(first.socket);
    } finally {
      agent.destroy();
      await srv.stop();
      client.remove();
    }
  });
});
