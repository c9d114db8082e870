import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, login, MC_PIN, openScreen, shoot, SHOTS, test } from './fixtures';
import { watchFrames } from './frames';
import { isA4, readPdf } from './pdf';

test('[ED1] the director edits an item title in /edit and /stage shows it; undo puts it back', async ({ baton, browser }) => {
  await baton.command({ type: 'start' });
  await baton.command({ type: 'goto', itemId: 'ke-hoach-2024' });
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const stage = await openScreen(context, `${baton.url}/stage`);
  const planTitle = 'Kế hoạch thực hiện Nghị quyết của Chính phủ, Tỉnh ủy, Hội đồng nhân dân tỉnh về phát triển kinh tế - xã hội năm 2024';
  await expect(stage.getByTestId('item-title')).toHaveText(planTitle);

  // Every frame the editor sends over its socket, to see what it does (and does not) send.
  const edit = await context.newPage();
  const frames = watchFrames(edit);
  await edit.goto(`${baton.url}/edit`);
  await login(edit, MC_PIN);
  await expect.poll(frames.upgraded).toBe(true);
  await edit.locator('[data-item-id="ke-hoach-2024"]').click();
  await edit.locator('#f-title').fill('Kế hoạch phát triển kinh tế - xã hội năm 2024 của tỉnh Bắc Giang');
  await edit.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(stage.getByTestId('item-title')).toHaveText('Kế hoạch phát triển kinh tế - xã hội năm 2024 của tỉnh Bắc Giang');

  // A bad value is explained next to its field, in Vietnamese, and nothing is sent: no command
  // leaves the page (so it is the editor's check, not the server's refusal) and nothing changes.
  expect(frames.commands()).toEqual(['upsertItem']); // the title edit above, over this page's socket
  const revision = (await baton.state()).revision;
  await edit.locator('#f-duration').fill('0');
  await edit.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(edit.locator('#f-duration-err')).toHaveText('thời lượng phải là một số giây dương');
  await shoot(edit, 'edit-field-error');
  await edit.waitForTimeout(500); // time for a command to leave the page, were one sent
  expect(frames.commands()).toEqual(['upsertItem']);
  expect((await baton.state()).revision).toBe(revision);
  await edit.locator('#f-duration').fill('20:00');

  await edit.getByRole('button', { name: /Hoàn tác/ }).click();
  await expect(stage.getByTestId('item-title')).toHaveText(planTitle);
  expect((await baton.state()).revision).toBeGreaterThanOrEqual(3);
  await context.close();
});

test('[ED2] reorder by keyboard (Alt+↓), the agenda order follows; the run sheet prints on A4', async ({ baton, browser }) => {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  // The agenda is open before the reorder: it must follow on its own.
  const agenda = await openScreen(context, `${baton.url}/agenda`);
  const agendaTitles = () => agenda.locator('.ag-item .ag-title').allTextContents();
  await expect(agenda.locator('.ag-item')).toHaveCount(10);
  const before = await agendaTitles();
  const edit = await openScreen(context, `${baton.url}/edit`);
  await login(edit, MC_PIN);
  const film = edit.locator('[data-item-id="phim-bao-cao"]');
  await film.focus();
  await edit.keyboard.press('Alt+ArrowDown');
  await expect(edit.locator('.edit-row').nth(3)).toHaveAttribute('data-item-id', 'phim-bao-cao');
  await expect(edit.locator('[data-item-id="phim-bao-cao"]')).toBeFocused();
  const state = (await (await fetch(`${baton.url}/api/v1/state`)).json()) as { programme: { items: { id: string }[] } };
  expect(state.programme.items[3]!.id).toBe('phim-bao-cao');
  // The agenda shows the same titles with the film moved one down, past the 2024 plan.
  const after = [...before];
  [after[2], after[3]] = [before[3]!, before[2]!];
  await expect.poll(agendaTitles).toEqual(after);
  expect(after[3]).toMatch(/^Báo cáo tổng kết công tác thi đua/);
  await shoot(agenda, 'agenda-after-reorder');
  await edit.locator('[data-item-id="khen-thuong"]').click();
  await shoot(edit, 'edit-awards-item');

  const sheet = await openScreen(context, `${baton.url}/edit?sheet=1`);
  await login(sheet, MC_PIN);
  await expect(sheet.locator('.run-sheet')).toContainText('KỊCH BẢN ĐIỀU HÀNH');
  await expect(sheet.locator('.rs-segment')).toHaveCount(8);
  await sheet.emulateMedia({ media: 'print' });
  await sheet.evaluate(() => document.fonts.ready.then(() => undefined));
  mkdirSync(SHOTS, { recursive: true });
  const pdfPath = join(SHOTS, 'run-sheet.pdf');
  await sheet.pdf({ path: pdfPath, format: 'A4', printBackground: true, preferCSSPageSize: true });
  // Every page is A4 portrait and the text is the run sheet, in the reordered order.
  const printed = readPdf(pdfPath);
  expect(printed.pages).toBeGreaterThanOrEqual(1);
  expect(printed.sizes).toHaveLength(printed.pages);
  for (const size of printed.sizes) expect(isA4(size), `page ${size.width} × ${size.height} pt`).toBe(true);
  const text = printed.text.replace(/\s+/g, ' ');
  expect(text).toContain('KỊCH BẢN ĐIỀU HÀNH');
  // Rows by number, planned times (worked out by hand: the plan's 20 min now precede the film's
  // 15) and the start of the title, which stays on the row's first line when cells wrap.
  for (const row of ['1 07:00–07:30 Đón tiếp đại biểu', '3 07:40–08:00 Kế hoạch thực hiện', '4 08:00–08:15 Báo cáo tổng kết', '5.1 08:15–08:23 Tham luận 1', '10 10:20–10:25 Kết thúc Hội nghị']) {
    expect(text).toContain(row);
  }
  await sheet.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
  await sheet.screenshot({ path: join(SHOTS, 'run-sheet-print.png'), fullPage: true });
  await context.close();
});
