/**
 * The size budget: a display screen (speaker, stage, broadcast) loads at most 120 KB of gzipped
 * JavaScript. Measured from what Chromium really fetches for the route, gzipped here (level 9).
 * The figures are written to test-results/bundle-sizes.json for docs/screens.md.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from './fixtures';

const BUDGET_KB = 120;
const ROUTES = ['/speaker', '/stage', '/broadcast', '/agenda', '/', '/mc', '/av', '/edit', '/report'];
const DISPLAY = new Set(['/speaker', '/stage', '/broadcast']);

test('[V6] display screens load at most 120 KB of gzipped JavaScript', async ({ baton, browser }) => {
  test.setTimeout(240_000); // nine routes, each watched until its network is quiet twice
  const sizes: Record<string, { files: number; gzipKB: number; zod: boolean }> = {};
  for (const [n, route] of ROUTES.entries()) {
    const t0 = Date.now();
    const context = await browser.newContext();
    const page = await context.newPage();
    // Every script the page ever fetches, from the first request on: a chunk imported late (on a
    // timer, on the first state, when the show starts) counts as much as the entry.
    const scripts = new Set<string>();
    page.on('request', (req) => {
      const path = new URL(req.url()).pathname;
      if (path.endsWith('.js')) scripts.add(path);
    });
    await page.goto(`${baton.url}${route}`);
    await page.locator('#root > *').first().waitFor();
    await page.waitForLoadState('networkidle');
    // The show moves on while the screen is open (a GO on every other route, so the screens see
    // a running show as well as one before the start), then the page must go quiet again.
    if (n === 0) await baton.command({ type: 'start' });
    else await baton.command({ type: 'goto', itemId: n % 2 ? 'phim-bao-cao' : 'khen-thuong' });
    await page.waitForTimeout(1500);
    await page.waitForLoadState('networkidle');
    const seen = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.endsWith('.js')),
    );
    for (const path of seen) expect(scripts.has(path), `${route}: ${path} seen by the page but not requested`).toBe(true);
    const files = [...scripts].map((path) => readFileSync(join('dist/client', path)));
    const bytes = files.reduce((sum, file) => sum + gzipSync(file, { level: 9 }).length, 0);
    sizes[route] = { files: files.length, gzipKB: Math.round((bytes / 1024) * 10) / 10, zod: files.some((f) => f.includes('ZodError')) };
    await context.close();
    console.log(`${route}: ${Date.now() - t0} ms`);
  }
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/bundle-sizes.json', JSON.stringify(sizes, null, 2));
  console.log(sizes);
  // Display screens validate nothing: zod (~24 KB gzipped) must not ride along into them
  // (programme lookups live in the zod-free shared/lookup.ts for this reason).
  for (const route of DISPLAY) expect(sizes[route]!.zod, `${route} loads zod`).toBe(false);
  for (const route of DISPLAY) expect(sizes[route]!.gzipKB, `${route} gzipped JS`).toBeLessThanOrEqual(BUDGET_KB);
});
