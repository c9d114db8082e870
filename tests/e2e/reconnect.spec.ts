/**
 * [V7] The Wi-Fi drops or the server restarts: every screen keeps counting from the last state it
 * had, says it is reconnecting, and comes back to the live show on its own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../server/app';
import { AV_PIN, MC_PIN, expect, shoot, test } from './fixtures';

const seconds = (text: string | null) => {
  const [m, s] = (text ?? '').split(':').map(Number);
  return (m ?? NaN) * 60 + (s ?? NaN);
};

test('[V7] screens keep counting while the server is down and follow it again after a restart', async ({ browser }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'baton-e2e-reconnect-'));
  const opts = { host: '127.0.0.1', dataDir, mcPin: MC_PIN, avPin: AV_PIN, clientDir: 'dist/client' };
  let server = await startServer({ ...opts, port: 0 });
  const port = server.port;
  const send = async (cmd: object) => {
    const res = await fetch(`${server.url}/api/v1/commands`, { method: 'POST', headers: { authorization: `Bearer ${MC_PIN}`, 'content-type': 'application/json' }, body: JSON.stringify(cmd) });
    expect(res.status).toBe(200);
  };
  const context = await browser.newContext();
  try {
    const speaker = await context.newPage();
    const stage = await context.newPage();
    await speaker.goto(`${server.url}/speaker`);
    await stage.goto(`${server.url}/stage`);
    await send({ type: 'start' });
    await send({ type: 'goto', itemId: 'ke-hoach-2024' });
    const countdown = speaker.getByTestId('countdown');
    await expect(countdown).toHaveText(/^(20:00|19:5\d)$/);
    await expect(speaker.getByTestId('connection')).toHaveAttribute('data-status', 'online');

    await server.close();
    await expect(speaker.getByTestId('connection')).toHaveAttribute('data-status', /reconnecting|offline/, { timeout: 5000 });
    const before = seconds(await countdown.textContent());
    await speaker.waitForTimeout(2500);
    const after = seconds(await countdown.textContent());
    expect(before - after).toBeGreaterThanOrEqual(2); // still counting from the last state
    await shoot(speaker, 'speaker-reconnecting');

    server = await startServer({ ...opts, port });
    await expect(speaker.getByTestId('connection')).toHaveAttribute('data-status', 'online', { timeout: 15_000 });
    await expect(stage.getByTestId('connection')).toHaveAttribute('data-status', 'online', { timeout: 15_000 });
    await send({ type: 'next' });
    await expect(stage.getByText('Hội nghị thảo luận').first()).toBeVisible({ timeout: 2000 });
    await expect(countdown).toHaveText(/^(8:00|7:5\d)$/, { timeout: 2000 });
  } finally {
    await context.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
