import { expect, login, MC_PIN, openScreen, test } from './fixtures';
import { watchFrames } from './frames';

test('[V4] MC: a second GO within a second is ignored; keys never fire GO while typing; reset asks first', async ({ baton, browser }) => {
  await baton.command({ type: 'start' });
  const context = await browser.newContext();
  // Every command the console sends over its socket: the double-press guard must be the
  // console's own (one GO sent), not the server's stale refusal of a second one.
  const mc = await context.newPage();
  const frames = watchFrames(mc);
  await mc.goto(`${baton.url}/mc`);
  await login(mc, MC_PIN);
  const speaker = await openScreen(context, `${baton.url}/speaker`);
  await mc.bringToFront();
  await expect(mc.getByTestId('item-title')).toHaveText('Đón tiếp đại biểu');
  await expect.poll(frames.upgraded).toBe(true);

  // Double press: one GO only.
  await mc.keyboard.press('PageDown');
  await mc.keyboard.press('PageDown');
  await expect(mc.getByTestId('item-title')).toHaveText('Tuyên bố lý do, giới thiệu đại biểu');
  await mc.waitForTimeout(300);
  expect((await baton.state()).live.currentItemId).toBe('tuyen-bo-ly-do');
  expect(frames.commands()).toEqual(['next']);

  // Typing a message: Space and → belong to the text.
  await mc.waitForTimeout(1000);
  const input = mc.getByTestId('msg-input');
  await input.click();
  await input.pressSequentially('Xin mời đồng chí ');
  await input.press('ArrowRight');
  await input.press('Space');
  await input.press('PageDown');
  await expect(input).toHaveValue('Xin mời đồng chí  ');
  expect((await baton.state()).live.currentItemId).toBe('tuyen-bo-ly-do');
  expect(frames.commands()).toEqual(['next']); // typing sent nothing
  await input.fill('Còn 2 phút, xin đồng chí chú ý thời gian');
  await input.press('Enter');
  await expect(speaker.getByTestId('speaker-message')).toHaveText('Còn 2 phút, xin đồng chí chú ý thời gian', { timeout: 1000 });

  // One tap for a standard message.
  await mc.getByTestId('msg-one-minute').click();
  await expect(speaker.getByTestId('speaker-message')).toHaveText('Còn 1 phút', { timeout: 1000 });

  // Pause / resume and +1 min.
  await mc.getByTestId('pause').click();
  await expect(mc.getByTestId('resume')).toBeVisible();
  await mc.getByTestId('resume').click();
  await mc.getByTestId('plus-minute').click();
  await expect(mc.locator('.mc-countdown')).toHaveText(/^10:\d\d$/);

  // Reset while running asks first; cancel leaves the show where it is.
  await mc.getByTestId('reset').click();
  await expect(mc.getByTestId('confirm')).toBeVisible();
  await mc.keyboard.press('Space'); // focus starts on Cancel; nothing GOes behind the dialog
  await expect(mc.getByTestId('confirm')).toHaveCount(0);
  expect((await baton.state()).live).toMatchObject({ phase: 'running', currentItemId: 'tuyen-bo-ly-do' });
  await mc.getByTestId('reset').click();
  await mc.getByTestId('confirm-ok').click();
  await expect(mc.getByTestId('go')).toContainText('Bắt đầu');
  expect((await baton.state()).live.phase).toBe('ready');
  await context.close();
});
