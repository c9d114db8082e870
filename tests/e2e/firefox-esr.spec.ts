/**
 * Old devices (rule L4): Debian's Firefox ESR renders every display screen. Playwright cannot drive
 * the system Firefox (it needs its own patched build, which is never downloaded here), so Firefox
 * runs headless with `--screenshot`. That shot is taken at the page's load event, before the
 * screen's socket has brought the show; so Firefox opens a small wrapper page (served here, on
 * 127.0.0.1) whose only content is the screen in a full-window frame and an image that answers
 * after a few seconds — the load event, and the shot, wait for it. The PNGs are kept in
 * test-results/screens/firefox-*.png (looked at), and each is checked not to be blank by reading
 * its pixels in Chromium.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, programmeToday, SHOTS, test } from './fixtures';

const FIREFOX = '/usr/bin/firefox-esr';
const run = promisify(execFile);
const SCREENS = ['/speaker', '/stage', '/broadcast', '/agenda'] as const;

/** The wrapper: the screen in a frame the size of the window, and a late image holding `load` back. */
function wrapperServer(waitMs: number): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (u.pathname === '/late.gif') {
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'image/gif', 'cache-control': 'no-store' });
        res.end(Buffer.from('R0lGODlhAQABAAAAACwAAAAAAQABAAA=', 'base64'));
      }, waitMs);
      return;
    }
    const src = u.searchParams.get('src') ?? '';
    // A grey, not black, behind the frame: the broadcast overlay is transparent and shows it.
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html><body style="margin:0;background:#6b7280;overflow:hidden">
<iframe src="${src.replace(/"/g, '&quot;')}" style="border:0;position:fixed;top:0;left:0;width:100%;height:100%;background:transparent" allowtransparency="true"></iframe>
<img src="/late.gif" alt="" style="position:fixed;width:1px;height:1px;opacity:0"></body></html>`);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const addr = server.address();
    resolve({ url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`, server });
  }));
}

test('[L4] Firefox ESR (Debian) renders /speaker, /stage, /broadcast and /agenda: a screenshot of each, not blank', async ({ baton, browser }) => {
  test.skip(!existsSync(FIREFOX), 'firefox-esr is not installed (scripts/setup.mjs installs it with the test packages)');
  test.setTimeout(240_000);
  await baton.command({ type: 'replaceProgramme', programme: programmeToday() });
  await baton.command({ type: 'start' });
  // The 2024 plan: the longest title, a presenter in full, the lower third on the broadcast.
  await baton.command({ type: 'goto', itemId: 'ke-hoach-2024' });
  const wrapper = await wrapperServer(6000);
  mkdirSync(SHOTS, { recursive: true });
  const reader = await browser.newPage();
  try {
    const { stdout: version } = await run(FIREFOX, ['--version']);
    console.log(version.trim());
    for (const screen of SCREENS) {
      const file = resolve(SHOTS, `firefox${screen.replace('/', '-')}.png`);
      rmSync(file, { force: true });
      const profile = mkdtempSync(join(tmpdir(), 'baton-ff-'));
      try {
        const src = encodeURIComponent(`${baton.url}${screen}`);
        await run(FIREFOX, ['--headless', '--no-remote', '-profile', profile, '--screenshot', file, '--window-size=1920,1080', `${wrapper.url}/?src=${src}`], {
          timeout: 90_000,
          env: { ...process.env, MOZ_HEADLESS: '1' },
        });
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
      expect(existsSync(file), `${screen}: Firefox wrote no screenshot`).toBe(true);
      // Not blank: read the PNG's pixels in Chromium; the screen must have drawn text and shapes
      // (many colours, a good share of pixels away from the background's colour).
      const dataUrl = `data:image/png;base64,${readFileSync(file).toString('base64')}`;
      const stats = await reader.evaluate(async (url) => {
        const img = new Image();
        img.src = url;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.width;
        c.height = img.height;
        const g = c.getContext('2d')!;
        g.drawImage(img, 0, 0);
        const d = g.getImageData(0, 0, c.width, c.height).data;
        const counts = new Map<number, number>();
        for (let i = 0; i < d.length; i += 16) {
          const key = (d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!;
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
        const total = d.length / 16;
        const top = Math.max(...counts.values());
        return { width: img.width, height: img.height, colours: counts.size, offBackground: 1 - top / total };
      }, dataUrl);
      console.log(screen, stats);
      expect(stats.width).toBe(1920);
      expect(stats.colours, `${screen}: too few colours, the shot looks blank`).toBeGreaterThan(20);
      expect(stats.offBackground, `${screen}: almost every pixel is the background`).toBeGreaterThan(0.01);
    }
  } finally {
    await reader.close();
    await new Promise((resolve) => wrapper.server.close(resolve));
  }
});
