/**
 * [RB2] [RB4] [RB5] The readiness board in the browser: a tick on one /ready page shows on another
 * and as the count on /mc, and survives a server restart; the device roster shows a /speaker page
 * that opens and marks it stale when it closes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startServer } from '../../server/app';
import { AV_PIN, expect, login, MC_PIN, openScreen, shoot, test } from './fixtures';

const check = (page: Page, id: string) => page.locator(`[data-testid="ready-check"][data-check="${id}"]`);

test('[RB2] [RB4] a tick on one readiness page shows on the other and on /mc, and is still there after a server restart', async ({ browser }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'baton-e2e-ready-'));
  const opts = { host: '127.0.0.1', dataDir, mcPin: MC_PIN, avPin: AV_PIN, clientDir: 'dist/client' };
  let server = await startServer({ ...opts, port: 0 });
  const port = server.port;
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  try {
    const a = await openScreen(context, `${server.url}/ready`);
    await login(a, MC_PIN);
    const b = await openScreen(context, `${server.url}/ready`);
    await login(b, MC_PIN);
    const mc = await openScreen(context, `${server.url}/mc`);
    await login(mc, MC_PIN);
    await expect(mc.getByTestId('ready-count')).toHaveText('Sẵn sàng 0/7');
    await expect(a.getByTestId('ready-check')).toHaveCount(7);

    // No name yet: the tick is not sent, the page asks for one.
    await a.bringToFront();
    await a.evaluate(() => localStorage.removeItem('baton.ready.by'));
    await check(a, 'phim').getByRole('button').click();
    await expect(a.getByRole('alert')).toContainText('họ tên');
    await expect(check(b, 'phim')).toHaveAttribute('data-done', 'false');

    await a.getByTestId('ready-by').fill('Nguyễn Văn Mẫu');
    await check(a, 'phim').getByRole('button').click();
    await expect(check(b, 'phim')).toHaveAttribute('data-done', 'true');
    await expect(check(b, 'phim').getByTestId('ready-who')).toContainText('Nguyễn Văn Mẫu');
    await expect(mc.getByTestId('ready-count')).toHaveText('Sẵn sàng 1/7');

    await b.bringToFront();
    await b.getByTestId('ready-by').fill('Trần Thị Mẫu');
    await check(b, 'dien').getByRole('button').click();
    await check(b, 'man-hinh').getByRole('button').click();
    await check(b, 'man-hinh').getByRole('button').click(); // and unticked again
    await expect(check(a, 'dien')).toHaveAttribute('data-done', 'true');
    await expect(check(a, 'man-hinh')).toHaveAttribute('data-done', 'false');
    await expect(check(a, 'man-hinh').getByTestId('ready-who')).toContainText('Bỏ đánh dấu: Trần Thị Mẫu');
    await expect(mc.getByTestId('ready-count')).toHaveText('Sẵn sàng 2/7');
    await shoot(a, 'ready-board');
    await mc.bringToFront();
    await shoot(mc, 'mc-ready-count');

    await server.close();
    server = await startServer({ ...opts, port });
    const c = await openScreen(context, `${server.url}/ready`);
    await login(c, MC_PIN);
    await expect(check(c, 'phim')).toHaveAttribute('data-done', 'true');
    await expect(check(c, 'dien').getByTestId('ready-who')).toContainText('Trần Thị Mẫu');
    await expect(mc.getByTestId('ready-count')).toHaveText('Sẵn sàng 2/7', { timeout: 15_000 });
    await expect(mc.getByTestId('connection')).toHaveAttribute('data-status', 'online', { timeout: 15_000 });
    // After the restart a tick still travels.
    await c.bringToFront();
    await c.getByTestId('ready-by').fill('Lê Văn Mẫu');
    await check(c, 'giay-moi').getByRole('button').click();
    await expect(mc.getByTestId('ready-count')).toHaveText('Sẵn sàng 3/7');
    // Once the show starts the count leaves the header.
    await mc.bringToFront();
    await mc.getByTestId('go').click();
    await expect(mc.getByTestId('ready-count')).toHaveCount(0);
  } finally {
    await context.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('[RB5] the device roster shows a /speaker page that opens, and marks it stale when it closes', async ({ baton, browser }) => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const ready = await openScreen(context, `${baton.url}/ready`);
  await login(ready, MC_PIN);
  const rows = ready.getByTestId('roster-row');
  await expect(rows.filter({ has: ready.locator('code', { hasText: '/ready' }) })).toHaveCount(1, { timeout: 10_000 });
  await expect(ready.locator('[data-testid="roster-row"][data-page="/speaker"]')).toHaveCount(0);

  const speaker = await openScreen(context, `${baton.url}/speaker`);
  await expect(speaker.getByTestId('connection')).toHaveAttribute('data-status', 'online');
  const row = ready.locator('[data-testid="roster-row"][data-page="/speaker"]');
  await expect(row).toHaveCount(1, { timeout: 10_000 });
  await expect(row).toHaveAttribute('data-connected', 'true');
  await expect(row).toHaveAttribute('data-label', 'speaker');
  await expect(row).toContainText(/[+−]\d+ ms/); // its measured clock offset
  await ready.bringToFront();
  await ready.getByTestId('roster').scrollIntoViewIfNeeded();
  await shoot(ready, 'ready-roster');

  await speaker.close();
  await expect(row).toHaveAttribute('data-connected', 'false', { timeout: 10_000 });
  await expect(row).toContainText('đã đóng');
  await expect(row).toContainText(/giây trước|vừa xong/);
  await shoot(ready, 'ready-roster-stale');
  await context.close();
});
