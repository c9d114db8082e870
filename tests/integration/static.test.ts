import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
