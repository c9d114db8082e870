import { defaultProgramme } from '@shared/default-programme';
import { expect, openScreen, shoot, test } from './fixtures';

test('[V3] speaker: the countdown turns amber at warning, red at danger, and counts overtime up with "+"', async ({ baton, page }) => {
  const first = defaultProgramme().items[0]!;
  // A 10-second item: warning at 6 s left, danger at 3 s left, over after 10 s.
  await baton.command({
    type: 'upsertItem',
    item: { ...first, title: 'Phát biểu của đồng chí Lê Thị Mẫu', presenter: { name: 'Đ/c Lê Thị Mẫu', title: 'Phó Chủ tịch Ủy ban nhân dân tỉnh' }, durationSec: 10, warningSec: 6, dangerSec: 3 },
  });
  await page.goto(`${baton.url}/speaker`);
  await baton.command({ type: 'start' });
  const countdown = page.getByTestId('countdown');
  await expect(countdown).toHaveAttribute('data-level', 'normal');
  await expect(countdown).toHaveCSS('color', 'rgb(255, 255, 255)');

  await expect(countdown).toHaveAttribute('data-level', 'warning', { timeout: 6000 });
  await expect(countdown).toHaveCSS('color', 'rgb(255, 176, 32)');
  await shoot(page, 'speaker-warning');

  await expect(countdown).toHaveAttribute('data-level', 'danger', { timeout: 5000 });
  await expect(countdown).toHaveCSS('color', 'rgb(255, 59, 48)');
  await shoot(page, 'speaker-danger');

  await expect(countdown).toHaveAttribute('data-level', 'over', { timeout: 5000 });
  await expect(countdown).toHaveText(/^\+0:0[0-9]$/);
  await expect(countdown).toHaveText(/^\+0:0[1-9]$/, { timeout: 2500 });
  await baton.command({ type: 'message', text: 'Đề nghị đồng chí kết thúc phần trình bày' });
  await expect(page.getByTestId('speaker-message')).toHaveText('Đề nghị đồng chí kết thúc phần trình bày');
  await page.evaluate(() => document.getAnimations().forEach((a) => a.pause())); // a steady frame of the flashing "+"
  await shoot(page, 'speaker-over-message');

  await baton.command({ type: 'blackout', on: true });
  await expect(page.getByTestId('blackout')).toBeVisible();
  await expect(page.getByTestId('countdown')).toHaveCount(0);
  await baton.command({ type: 'blackout', on: false });
  await expect(countdown).toBeVisible();
});

test('[V3] speaker: an item that asks for it shows the time of day, not a countdown', async ({ baton, page }) => {
  await baton.command({ type: 'start' });
  await baton.command({ type: 'goto', itemId: 'phat-bieu-chi-dao' });
  await page.goto(`${baton.url}/speaker`);
  await expect(page.getByTestId('time-of-day')).toHaveText(/^\d\d:\d\d$/);
  await expect(page.getByTestId('countdown')).toHaveCount(0);
  // Whatever the device's own zone, the time is the event's (Asia/Ho_Chi_Minh, UTC+7).
  const expected = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date());
  await expect(page.getByTestId('time-of-day')).toHaveText(expected);
  await shoot(page, 'speaker-time-of-day');
});
