import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, login, MC_PIN, openScreen, shoot, SHOTS, test } from './fixtures';

test('[ED1] the director edits an item title in /edit and /stage shows it; undo puts it back', async ({ baton, browser }) => {
  await baton.command({ type: 'start' });
  await baton.command({ type: 'goto', itemId: 'ke-hoach-2024' });
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const stage = await openScreen(context, `${baton.url}/stage`);
  const planTitle = 'Kế hoạch thực hiện Nghị quyết của Chính phủ, Tỉnh ủy, Hội đồng nhân dân tỉnh về phát triển kinh tế - xã hội năm 2024';
  await expect(stage.getByTestId('item-title')).toHaveText(planTitle);

  const edit = await openScreen(context, `${baton.url}/edit`);
  await login(edit, MC_PIN);
  await edit.locator('[data-item-id="ke-hoach-2024"]').click();
  await edit.locator('#f-title').fill('Kế hoạch phát triển kinh tế - xã hội năm 2024 của tỉnh Bắc Giang');
  await edit.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(stage.getByTestId('item-title')).toHaveText('Kế hoạch phát triển kinh tế - xã hội năm 2024 của tỉnh Bắc Giang');

  // A bad value is explained next to its field, in Vietnamese, and nothing is sent.
  await edit.locator('#f-duration').fill('0');
  await edit.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(edit.locator('#f-duration-err')).toHaveText('thời lượng phải là một số giây dương');
  await shoot(edit, 'edit-field-error');
  await edit.locator('#f-duration').fill('20:00');

  await edit.getByRole('button', { name: /Hoàn tác/ }).click();
  await expect(stage.getByTestId('item-title')).toHaveText(planTitle);
  expect((await baton.state()).revision).toBeGreaterThanOrEqual(3);
  await context.close();
});

test('[ED2] reorder by keyboard (Alt+↓), the agenda order follows; the run sheet prints on A4', async ({ baton, browser }) => {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const edit = await openScreen(context, `${baton.url}/edit`);
  await login(edit, MC_PIN);
  const film = edit.locator('[data-item-id="phim-bao-cao"]');
  await film.focus();
  await edit.keyboard.press('Alt+ArrowDown');
  await expect(edit.locator('.edit-row').nth(3)).toHaveAttribute('data-item-id', 'phim-bao-cao');
  await expect(edit.locator('[data-item-id="phim-bao-cao"]')).toBeFocused();
  const state = (await (await fetch(`${baton.url}/api/v1/state`)).json()) as { programme: { items: { id: string }[] } };
  expect(state.programme.items[3]!.id).toBe('phim-bao-cao');
  await edit.locator('[data-item-id="khen-thuong"]').click();
  await shoot(edit, 'edit-awards-item');

  const sheet = await openScreen(context, `${baton.url}/edit?sheet=1`);
  await login(sheet, MC_PIN);
  await expect(sheet.locator('.run-sheet')).toContainText('KỊCH BẢN ĐIỀU HÀNH');
  await expect(sheet.locator('.rs-segment')).toHaveCount(8);
  await sheet.emulateMedia({ media: 'print' });
  await sheet.evaluate(() => document.fonts.ready.then(() => undefined));
  mkdirSync(SHOTS, { recursive: true });
  const pdf = await sheet.pdf({ path: join(SHOTS, 'run-sheet.pdf'), format: 'A4', printBackground: true, preferCSSPageSize: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await sheet.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
  await sheet.screenshot({ path: join(SHOTS, 'run-sheet-print.png'), fullPage: true });
  await context.close();
});
