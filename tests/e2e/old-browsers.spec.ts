/**
 * Old devices (rule L2): a browser that runs no ES modules gets the legacy bundle and follows the
 * show. Debian's Chromium stands in for it: the HTML it is served has its module scripts removed
 * and the `nomodule` marks taken off (what Safari 10.1-less, Chrome < 61 or an old smart TV does is
 * run exactly those classic scripts), and any request for a modern chunk is refused — so if the
 * screen renders, it rendered from the legacy files alone.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, login, MC_PIN, programmeToday, shoot, test } from './fixtures';

const isLegacyFile = (path: string) => /-legacy-[\w-]+\.js$/.test(path);

/**
 * What Chrome 69 / Safari 12 lack, taken away before any script runs (rule L3): Intl's
 * timeZoneName 'longOffset', AbortSignal.timeout, Wake Lock, structuredClone, Array#at,
 * Object.hasOwn, String#replaceAll. The legacy build must polyfill or work around each.
 */
function makeOld(): void {
  const w = window as unknown as Record<string, unknown>;
  delete (Array.prototype as unknown as Record<string, unknown>).at;
  delete (String.prototype as unknown as Record<string, unknown>).replaceAll;
  delete (Object as unknown as Record<string, unknown>).hasOwn;
  delete (AbortSignal as unknown as Record<string, unknown>).timeout;
  delete (Navigator.prototype as unknown as Record<string, unknown>).wakeLock;
  delete w.structuredClone;
  const Real = Intl.DateTimeFormat;
  const Old = function (locales?: string | string[], options?: Intl.DateTimeFormatOptions) {
    if (options && (options.timeZoneName as string | undefined) === 'longOffset') throw new RangeError('timeZoneName longOffset is not supported');
    return new Real(locales, options);
  };
  Object.defineProperty(Old, 'prototype', { value: Real.prototype });
  (Old as unknown as { supportedLocalesOf: unknown }).supportedLocalesOf = Real.supportedLocalesOf;
  (Intl as unknown as Record<string, unknown>).DateTimeFormat = Old;
}

/** A context whose pages are served the legacy build only; returns the scripts they fetched. */
async function legacyContext(context: BrowserContext): Promise<{ scripts: Set<string>; refused: string[] }> {
  const scripts = new Set<string>();
  const refused: string[] = [];
  await context.addInitScript(makeOld);
  await context.route('**/*', async (route) => {
    const req = route.request();
    const path = new URL(req.url()).pathname;
    if (req.resourceType() === 'document') {
      const res = await route.fetch();
      const html = (await res.text())
        .replace(/<script type="module"[^>]*>[\s\S]*?<\/script>/g, '')
        .replace(/<link rel="modulepreload"[^>]*>/g, '')
        .replace(/<script nomodule/g, '<script');
      return route.fulfill({ response: res, body: html, headers: { ...res.headers(), 'content-length': String(Buffer.byteLength(html)) } });
    }
    if (path.endsWith('.js') || path.endsWith('.mjs')) {
      if (!isLegacyFile(path)) {
        refused.push(path);
        return route.abort('blockedbyclient');
      }
      scripts.add(path);
    }
    return route.continue();
  });
  return { scripts, refused };
}

test('[L2][L3] without ES modules or new APIs, /speaker and /agenda run the legacy bundle, show the right times and follow a GO from the MC', async ({ baton, browser }) => {
  test.setTimeout(120_000);
  await baton.command({ type: 'replaceProgramme', programme: programmeToday() });
  const modern = await browser.newContext({ viewport: { width: 1600, height: 900 } });
  const old = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const oldNet = await legacyContext(old);
  const phoneNet = await legacyContext(phone);
  try {
    const mc = await modern.newPage();
    await mc.goto(`${baton.url}/mc`);
    await login(mc, MC_PIN);
    const speaker = await old.newPage();
    await speaker.goto(`${baton.url}/speaker`);
    const agenda = await phone.newPage();
    await agenda.goto(`${baton.url}/agenda`);

    // The programme is there, from the legacy files (no modern chunk got through).
    await expect(agenda.locator('.ag-item')).toHaveCount(programmeToday().items.length, { timeout: 20_000 });
    await expect(agenda.locator('.ag-item').first()).toContainText('Đón tiếp đại biểu');
    await expect(speaker.locator('#root > *').first()).toBeVisible({ timeout: 20_000 });
    for (const page of [speaker, agenda]) {
      // The page runs under SystemJS (the legacy loader), never as modules, without the new APIs.
      expect(await page.evaluate(() => typeof (window as unknown as { System?: unknown }).System)).toBe('object');
      expect(await page.evaluate(() => 'wakeLock' in navigator || 'timeout' in AbortSignal)).toBe(false);
    }
    // Times read as on a current browser (not "NaN:NaN"): the same agenda, opened the modern way.
    const modernAgenda = await modern.newPage();
    await modernAgenda.goto(`${baton.url}/agenda`);
    await expect(modernAgenda.locator('.ag-item')).toHaveCount(programmeToday().items.length);
    const times = (page: Page) => page.locator('.ag-time').allTextContents();
    const modernTimes = await times(modernAgenda);
    expect(modernTimes.join(' ')).toMatch(/^\d\d:\d\d/);
    expect(await times(agenda)).toEqual(modernTimes);
    await expect(agenda.locator('.ag-meta')).toHaveText(await modernAgenda.locator('.ag-meta').textContent() ?? 'missing');
    expect(oldNet.scripts.size).toBeGreaterThan(0);
    expect(phoneNet.scripts.size).toBeGreaterThan(0);

    // GO from the MC (a modern page): both old pages follow.
    await mc.bringToFront();
    await mc.keyboard.press('Space'); // start
    await expect(mc.getByTestId('item-title')).toHaveText('Đón tiếp đại biểu');
    await expect(speaker.getByTestId('item-title')).toHaveText('Đón tiếp đại biểu', { timeout: 10_000 });
    await expect(agenda.locator('.ag-item[data-status="now"] .ag-title')).toHaveText('Đón tiếp đại biểu', { timeout: 10_000 });
    await mc.waitForTimeout(1100); // past the double-GO guard
    await mc.keyboard.press('Space'); // GO
    const title = 'Tuyên bố lý do, giới thiệu đại biểu';
    await expect(mc.getByTestId('item-title')).toHaveText(title);
    await expect(speaker.getByTestId('item-title')).toHaveText(title, { timeout: 10_000 });
    await expect(agenda.locator('.ag-item[data-status="now"] .ag-title')).toHaveText(title, { timeout: 10_000 });
    await expect(agenda.locator('.ag-item[data-status="done"]')).toHaveCount(1);
    // The countdown counts on the old page (the legacy build's timers run).
    await expect(speaker.getByTestId('countdown')).toHaveText(/^\d+:\d\d$/);
    const first = await speaker.getByTestId('countdown').textContent();
    await expect.poll(() => speaker.getByTestId('countdown').textContent(), { timeout: 10_000 }).not.toBe(first);

    // Nothing on the old pages even asked for a modern chunk.
    expect(oldNet.refused.concat(phoneNet.refused)).toEqual([]);
    await shoot(speaker, 'legacy-speaker');
    await shoot(agenda, 'legacy-agenda');
  } finally {
    await Promise.all([modern.close(), old.close(), phone.close()]);
  }
});

test('[L2] legacy bundle size per display screen, beside the modern one (gzip, written for the README)', async ({ baton, browser }) => {
  test.setTimeout(180_000);
  const sizes: Record<string, { modernGzipKB: number; legacyGzipKB: number; legacyFiles: number }> = {};
  const gz = (paths: Iterable<string>) =>
    Math.round(([...paths].reduce((sum, p) => sum + gzipSync(readFileSync(join('dist/client', p)), { level: 9 }).length, 0) / 1024) * 10) / 10;
  for (const route of ['/speaker', '/stage', '/broadcast', '/agenda']) {
    const old = await browser.newContext();
    const net = await legacyContext(old);
    const page = await old.newPage();
    await page.goto(`${baton.url}${route}`);
    await page.locator('#root > *').first().waitFor({ state: 'attached', timeout: 20_000 });
    // Not 'networkidle': the legacy page's Socket.IO stays on long-polling for a while.
    await page.waitForTimeout(3000);
    await old.close();

    const modern = await browser.newContext();
    const modernScripts = new Set<string>();
    const mpage = await modern.newPage();
    mpage.on('request', (req) => {
      const path = new URL(req.url()).pathname;
      if (path.endsWith('.js')) modernScripts.add(path);
    });
    await mpage.goto(`${baton.url}${route}`);
    await mpage.locator('#root > *').first().waitFor({ state: 'attached' });
    await mpage.waitForTimeout(3000);
    await modern.close();

    // A modern browser never fetches a legacy file, and the legacy page nothing else.
    expect([...modernScripts].filter(isLegacyFile), `${route}: modern page fetched legacy files`).toEqual([]);
    expect([...net.scripts].every(isLegacyFile)).toBe(true);
    expect([...net.scripts].some((p) => p.includes('polyfills-legacy')), `${route}: polyfills loaded`).toBe(true);
    sizes[route] = { modernGzipKB: gz(modernScripts), legacyGzipKB: gz(net.scripts), legacyFiles: net.scripts.size };
  }
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/bundle-sizes-legacy.json', JSON.stringify(sizes, null, 2));
  console.log(sizes);
});
