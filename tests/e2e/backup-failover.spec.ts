/**
 * [B23] [B24] The backup laptop, seen from the screens: two real servers as the operator runs them
 * (child processes on two loopback ports, the second with FOLLOW=), the primary SIGKILLed by its
 * PID, the backup promoted from its own MC console, and the hall's screens on the new primary
 * without a reload.
 */
import type { Page } from '@playwright/test';
import type { NodeStatus } from '@shared/protocol';
import { type ChildServer, MC_PIN, spawnServer, tempDataDir } from '../faults/child-server';
import { expect, login, programmeToday, shoot, test } from './fixtures';

test.describe.configure({ timeout: 150_000 });

const seconds = (text: string | null) => {
  const [m, s] = (text ?? '').split(':').map(Number);
  return (m ?? NaN) * 60 + (s ?? NaN);
};

async function nodeOf(url: string): Promise<NodeStatus | undefined> {
  const body = (await (await fetch(`${url}/api/v1/info`)).json()) as { node?: NodeStatus };
  return body.node;
}

async function command(url: string, cmd: object): Promise<number> {
  const res = await fetch(`${url}/api/v1/commands`, {
    method: 'POST',
    headers: { authorization: `Bearer ${MC_PIN}`, 'content-type': 'application/json' },
    body: JSON.stringify(cmd),
  });
  return res.status;
}

/** A primary and a backup following it, both answering, the backup attached. */
async function pair(): Promise<{ primary: ChildServer; backup: ChildServer; stop(): Promise<void> }> {
  const dirs = [tempDataDir('b10-primary'), tempDataDir('b10-backup')];
  // Generous start-up time: eight engineers share two cores, and tsx compiles the server on start.
  const primary = await spawnServer({ dataDir: dirs[0]!.dir, readyTimeoutMs: 60_000 });
  const backup = await spawnServer({ dataDir: dirs[1]!.dir, env: { FOLLOW: primary.url }, readyTimeoutMs: 60_000 });
  await expect.poll(async () => (await nodeOf(primary.url))?.backupUrls.length ?? 0, { timeout: 15_000 }).toBeGreaterThan(0);
  await expect.poll(async () => (await nodeOf(backup.url))?.behind, { timeout: 15_000 }).toBe(0);
  return {
    primary,
    backup,
    async stop() {
      await Promise.all([primary.kill(), backup.kill()]);
      for (const d of dirs) d.remove();
    },
  };
}

/** Counts real navigations (the first load included) and plants a marker a reload would wipe. */
async function watchNavigation(page: Page): Promise<() => Promise<{ navigations: number; marker: unknown }>> {
  let navigations = 0;
  page.on('framenavigated', (frame) => frame === page.mainFrame() && navigations++);
  await page.evaluate(() => ((window as unknown as { batonMarker: string }).batonMarker = 'no reload'));
  const before = navigations;
  return async () => ({ navigations: navigations - before, marker: await page.evaluate(() => (window as unknown as { batonMarker?: string }).batonMarker) });
}

test('[B23] speaker and stage follow the primary; it is SIGKILLed, the backup promoted: the next GO shows within 3 s, without a reload', async ({ browser }) => {
  const { primary, backup, stop } = await pair();
  const context = await browser.newContext();
  try {
    // The speaker learns the backup from the primary; the stage is told with ?servers=.
    const speaker = await context.newPage();
    const stage = await context.newPage();
    const mc = await context.newPage();
    await speaker.goto(`${primary.url}/speaker`);
    await stage.goto(`${primary.url}/stage?servers=${backup.url}`);
    await mc.goto(`${backup.url}/mc`);
    await login(mc, MC_PIN);
    // Today's programme, so the consoles (and docs/screens/mc-backup*.png) show a sane drift.
    expect(await command(primary.url, { type: 'replaceProgramme', programme: programmeToday() })).toBe(200);
    expect(await command(primary.url, { type: 'start' })).toBe(200);
    expect(await command(primary.url, { type: 'goto', itemId: 'ke-hoach-2024' })).toBe(200);
    const countdown = speaker.getByTestId('countdown');
    await expect(countdown).toHaveText(/^(20:00|19:[0-5]\d)$/);
    await expect(stage.getByTestId('item-title')).toContainText('Kế hoạch thực hiện');
    const speakerNav = await watchNavigation(speaker);
    const stageNav = await watchNavigation(stage);

    // [B24] The backup's console says, large, what it is, whom it follows, how far behind, that it reaches the primary.
    const banner = mc.getByTestId('node-backup');
    await expect(banner).toContainText('MÁY DỰ PHÒNG');
    await expect(mc.getByTestId('node-primary')).toHaveText(primary.url);
    await expect(mc.getByTestId('node-reach')).toContainText('Đang kết nối với máy chính');
    await expect(mc.getByTestId('node-behind')).toContainText('không chậm');
    await shoot(mc, 'mc-backup');

    process.kill(primary.pid, 'SIGKILL');
    await primary.exited;
    await expect(speaker.getByTestId('connection')).toHaveAttribute('data-status', /reconnecting|offline/, { timeout: 5000 });
    await expect(mc.getByTestId('node-reach')).toContainText('MẤT KẾT NỐI VỚI MÁY CHÍNH', { timeout: 5000 });
    await expect(mc.getByTestId('node-behind')).toContainText(/Lúc mất kết nối|Chưa rõ/);
    // A backup is not a primary: while nobody is promoted the screens stay put and keep counting.
    const before = seconds(await countdown.textContent());
    await speaker.waitForTimeout(2500);
    expect(before - seconds(await countdown.textContent())).toBeGreaterThanOrEqual(2);
    await expect(speaker.getByTestId('connection')).toHaveAttribute('data-status', /reconnecting|offline/);
    await expect(speaker.getByTestId('connection')).toContainText('Đang tìm máy chính');
    await shoot(speaker, 'speaker-failover');
    await shoot(mc, 'mc-backup-primary-lost');

    // Promote from the backup's console: a confirmation first; Cancel changes nothing.
    await mc.getByTestId('promote').click();
    await expect(mc.getByTestId('confirm')).toContainText('Chuyển máy dự phòng này thành máy chính?');
    await mc.getByTestId('confirm-cancel').click();
    expect((await nodeOf(backup.url))?.role).toBe('backup');
    await mc.getByTestId('promote').click();
    await mc.getByTestId('confirm-ok').click();
    const promotedAt = Date.now();
    await expect(banner).toHaveCount(0, { timeout: 3000 });
    expect((await nodeOf(backup.url))?.role).toBe('primary');

    await mc.getByTestId('go').click();
    const title = 'Hội nghị thảo luận';
    await Promise.all([
      expect(stage.getByTestId('item-title')).toContainText(title, { timeout: 3000 }),
      expect(countdown).toHaveText(/^(8:00|7:5\d)$/, { timeout: 3000 }),
    ]);
    const tookMs = Date.now() - promotedAt;
    console.log(`[B23] promotion → GO on speaker and stage: ${tookMs} ms`);
    expect(tookMs).toBeLessThanOrEqual(3000);
    for (const page of [speaker, stage]) {
      await expect(page.getByTestId('connection')).toHaveAttribute('data-status', 'online');
      await expect(page.getByTestId('connection')).toHaveAttribute('data-server', backup.url);
    }
    for (const nav of [await speakerNav(), await stageNav()]) expect(nav).toEqual({ navigations: 0, marker: 'no reload' });
  } finally {
    await context.close();
    await stop();
  }
});

test('[B24] every MC console of the primary says BACKUP LOST while its backup is gone, and marks an attached backup quietly', async ({ browser }) => {
  const { primary, backup, stop } = await pair();
  const context = await browser.newContext();
  try {
    expect(await command(primary.url, { type: 'replaceProgramme', programme: programmeToday() })).toBe(200);
    const consoles = [await context.newPage(), await context.newPage()];
    for (const mc of consoles) {
      await mc.goto(`${primary.url}/mc`);
      await login(mc, MC_PIN);
      await expect(mc.getByTestId('backup-attached')).toBeVisible();
      await expect(mc.getByTestId('backup-lost')).toHaveCount(0);
      await expect(mc.getByTestId('node-backup')).toHaveCount(0);
    }
    await backup.kill();
    for (const mc of consoles) await expect(mc.getByTestId('backup-lost')).toContainText('MẤT MÁY DỰ PHÒNG', { timeout: 5000 });
    await expect(consoles[0]!.getByTestId('backup-attached')).toHaveCount(0);
    // The primary goes on alone: a GO still works.
    await consoles[0]!.getByTestId('go').click();
    await expect(consoles[1]!.getByTestId('item-title')).toHaveText('Đón tiếp đại biểu');
    await shoot(consoles[1]!, 'mc-backup-lost');
  } finally {
    await context.close();
    await stop();
  }
});
