import { AV_PIN, expect, login, MC_PIN, openScreen, programmeToday, shoot, test } from './fixtures';

test('[V2] AV round trip: the MC calls standby, AV sees it and answers READY, the MC sees READY; then the film rolls', async ({ baton, browser }) => {
  await baton.command({ type: 'replaceProgramme', programme: programmeToday() });
  await baton.command({ type: 'start' });
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const mc = await openScreen(context, `${baton.url}/mc`);
  await login(mc, MC_PIN);
  const av = await openScreen(context, `${baton.url}/av`);
  await login(av, AV_PIN);

  await mc.getByTestId('standby').click();
  await expect(av.getByTestId('av-big-status')).toHaveText('CHUẨN BỊ', { timeout: 1000 });
  await expect(av.getByTestId('preroll')).toHaveText(/^[01]:\d\d$/);
  await expect(mc.getByTestId('av-status')).toHaveAttribute('data-status', 'standby');
  await shoot(av, 'av-standby');

  await av.getByTestId('ready').click();
  await expect(mc.getByTestId('av-status')).toHaveAttribute('data-status', 'ready', { timeout: 1000 });
  await expect(mc.getByTestId('av-status')).toContainText('SẴN SÀNG');
  await shoot(mc, 'mc-av-ready');

  // GO twice (start → opening → film), then AV rolls the film and sees its own clock.
  await baton.command({ type: 'goto', itemId: 'phim-bao-cao' });
  await expect(av.getByTestId('rolled')).toBeVisible();
  await av.getByTestId('rolled').click();
  await expect(av.getByTestId('film-elapsed')).toBeVisible({ timeout: 1000 });
  await expect(av.getByTestId('av-main').getByTestId('countdown')).toHaveText(/^1[45]:\d\d$/);
  await expect(mc.getByTestId('av-status')).toHaveAttribute('data-status', 'rolled');
  await shoot(av, 'av-film-rolling');

  // The TV operator takes and clears the lower third by hand.
  const broadcast = await openScreen(context, `${baton.url}/broadcast`);
  await expect(broadcast.getByTestId('lower-third')).toContainText('Đài Phát thanh và Truyền hình tỉnh');
  await av.getByTestId('lt-hide').click();
  await expect(broadcast.getByTestId('lower-third')).toHaveCount(0, { timeout: 1000 });
  await av.getByTestId('lt-auto').click();
  await expect(broadcast.getByTestId('lower-third')).toBeVisible({ timeout: 1000 });
  await context.close();
});
