/**
 * Bytes on the wire for a first load of each display screen (W4): a fresh browser context loads
 * the screen, waits until it shows the programme and the network is quiet, waits 2 s more (chunks
 * and fonts fetched late count too), and sums what Chromium really received for every HTTP
 * response (CDP `Network.loadingFinished` encodedDataLength: headers + the body as sent, so
 * compressed where the server compressed). The socket's WebSocket frames are not HTTP responses
 * and are not counted; the Socket.IO handshake over HTTP, if any, is.
 *
 * It also checks that the list of files the doors-open bench fetches for /agenda
 * (bench/agenda-files.ts, computed from dist/) is exactly what Chromium fetched (W5).
 * The figures go to test-results/wire-budget.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { agendaFiles } from '../../bench/agenda-files';
import { expect, shoot, test } from './fixtures';

const BUDGET_KB: Record<string, number> = { '/agenda': 150, '/speaker': 200, '/stage': 200, '/broadcast': 200 };

interface Loaded {
  path: string;
  bytes: number;
  encoding: string;
}

test('[W4] [W5] a first load of each display screen fits its byte budget on the wire', async ({ baton, browser }) => {
  test.setTimeout(180_000);
  const report: Record<string, { kb: number; budgetKB: number; requests: number; files: Loaded[] }> = {};
  const fetched: Record<string, string[]> = {};
  // The show is running, so every screen draws the current item (its title, presenter, timer).
  await baton.command({ type: 'start' });
  for (const route of Object.keys(BUDGET_KB)) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const responses = new Map<string, { path: string; encoding: string }>();
    const loaded: Loaded[] = [];
    cdp.on('Network.responseReceived', (e) => {
      const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
      // plugin-legacy's inline checks for module support are data: URLs: nothing on the wire.
      if (e.response.url.startsWith('data:')) return;
      const url = new URL(e.response.url);
      responses.set(e.requestId, { path: url.pathname + (url.pathname.startsWith('/socket.io') ? '' : url.search), encoding: headers['content-encoding'] ?? 'identity' });
    });
    cdp.on('Network.loadingFinished', (e) => {
      const r = responses.get(e.requestId);
      if (r) loaded.push({ ...r, bytes: e.encodedDataLength });
    });
    await page.goto(`${baton.url}${route}`);
    // The programme is on screen: its title or the current item's (the agenda lists them all).
    await expect(page.locator('body')).toContainText(/Hội nghị|Đón tiếp đại biểu/, { timeout: 20_000 });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(2000);
    await page.waitForLoadState('networkidle');
    if (route === '/agenda' || route === '/speaker') await shoot(page, `wire-budget${route.replace('/', '-')}`);
    const bytes = loaded.reduce((s, f) => s + f.bytes, 0);
    report[route] = { kb: Math.round((bytes / 1024) * 10) / 10, budgetKB: BUDGET_KB[route]!, requests: loaded.length, files: loaded.sort((a, b) => b.bytes - a.bytes) };
    // The socket is opened by the bench's phones on their own; the favicon is a 404 (there is none).
    fetched[route] = loaded.map((f) => f.path).filter((p) => !p.startsWith('/socket.io') && p !== '/favicon.ico');
    await context.close();
  }
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/wire-budget.json', JSON.stringify(report, null, 2));
  for (const [route, r] of Object.entries(report)) {
    console.log(`${route}: ${r.kb} KB in ${r.requests} requests (budget ${r.budgetKB} KB)`);
    for (const f of r.files) console.log(`  ${(f.bytes / 1024).toFixed(1).padStart(7)} KB  ${f.encoding.padEnd(8)} ${f.path}`);
  }
  // W5: the bench's phones fetch what a browser fetches for /agenda, no more, no less.
  expect([...agendaFiles('dist/client')].sort(), 'bench/agenda-files.ts against what Chromium fetched').toEqual([...new Set(fetched['/agenda'])].sort());
  for (const [route, r] of Object.entries(report)) expect(r.kb, `${route} on the wire (KB)`).toBeLessThanOrEqual(r.budgetKB);
});
