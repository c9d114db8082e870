import { AV_PIN, expect, login, MC_PIN, openScreen, programmeToday, shoot, test } from './fixtures';

test('[V1] MC presses GO on the keyboard; speaker, stage, AV and broadcast show the new item within a second', async ({ baton, browser }) => {
  await baton.command({ type: 'replaceProgramme', programme: programmeToday() });
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const mc = await openScreen(context, `${baton.url}/mc`);
  await login(mc, MC_PIN);
  const av = await openScreen(context, `${baton.url}/av`);
  await login(av, AV_PIN);
  const speaker = await openScreen(context, `${baton.url}/speaker`);
  const stage = await openScreen(context, `${baton.url}/stage`);
  const broadcast = await openScreen(context, `${baton.url}/broadcast`);

  // Before the start: the stage counts down to the session's start time.
  await expect(stage.getByTestId('stage-wait')).toContainText('Hội nghị bắt đầu lúc');
  await shoot(stage, 'stage-before-start');

  await mc.bringToFront();
  await mc.keyboard.press('Space'); // start
  await expect(mc.getByTestId('item-title')).toHaveText('Đón tiếp đại biểu');
  await mc.waitForTimeout(1100); // past the double-GO guard

  const title = 'Tuyên bố lý do, giới thiệu đại biểu';
  const pressedAt = Date.now();
  await mc.keyboard.press('Space'); // GO
  const within = { timeout: 1000 };
  await Promise.all([
    expect(mc.getByTestId('item-title')).toHaveText(title, within),
    expect(speaker.getByTestId('item-title')).toHaveText(title, within),
    expect(stage.getByTestId('item-title')).toHaveText(title, within),
    expect(av.locator('.av-now')).toContainText(title, within),
    expect(broadcast.getByTestId('strap')).toContainText(title, within),
  ]);
  expect(Date.now() - pressedAt).toBeLessThan(1000);

  // The stage and broadcast write the presenter in full: "Văn phòng Ủy ban nhân dân tỉnh", not "VP UBND tỉnh".
  await expect(stage.getByTestId('presenter')).toHaveText('Văn phòng Ủy ban nhân dân tỉnh');
  await expect(broadcast.getByTestId('lower-third')).toContainText('Văn phòng Ủy ban nhân dân tỉnh');

  await shoot(mc, 'mc-running');
  await shoot(speaker, 'speaker-normal');
  await shoot(stage, 'stage-item');
  await shoot(broadcast, 'broadcast-lower-third-strap', { omitBackground: true });
  await context.close();
});
