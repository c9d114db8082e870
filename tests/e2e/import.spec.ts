/**
 * [I7][I8][I9] The /edit import dialogs in Chromium with the real example files: the run sheet as
 * CSV and as XLSX replaces the whole programme after a clean preview and a confirmation; a sheet
 * with a bad row names it and sends nothing; an honourees list lands in its award groups.
 * The expected programme is written out here (the example files are the seeded conference).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, login, MC_PIN, openScreen, shoot, test, type Baton } from './fixtures';
import { watchFrames } from './frames';

const IDS = ['don-tiep', 'tuyen-bo-ly-do', 'phim-bao-cao', 'ke-hoach-2024', 'thao-luan', 'phat-bieu-chi-dao', 'giai-lao', 'khen-thuong', 'phat-dong', 'ket-thuc'];
const MINUTES = [30, 10, 15, 20, 45, 20, 15, 35, 10, 5];
const SEGMENTS = [0, 0, 0, 0, 5, 0, 0, 3, 0, 0];

type Programme = { items: { id: string; title: string; durationSec: number; segments: { id: string; honourees: { name: string }[] }[] }[] };
const programme = async (baton: Baton) => ((await (await fetch(`${baton.url}/api/v1/state`)).json()) as { programme: Programme }).programme;
const shape = (p: Programme) => p.items.map((i) => [i.id, i.durationSec / 60, i.segments.length]);
const EXPECTED = IDS.map((id, n) => [id, MINUTES[n], SEGMENTS[n]]);

/** Make the server's programme differ from the example, so an import has something to change. */
async function scramble(baton: Baton): Promise<void> {
  await baton.command({ type: 'removeItem', itemId: 'giai-lao' });
  await baton.command({ type: 'moveItem', itemId: 'ket-thuc', toIndex: 0 });
  expect(shape(await programme(baton))).not.toEqual(EXPECTED);
}

async function importProgramme(edit: Page, file: string, shot: string): Promise<void> {
  await edit.getByTestId('import-file').setInputFiles(file);
  const dialog = edit.getByRole('dialog', { name: 'Nhập chương trình (CSV/XLSX/JSON)' });
  await expect(dialog.locator('.ok-line')).toHaveText('10 nội dung hợp lệ, sẵn sàng nhập');
  await expect(dialog.locator('.preview-table tr')).toHaveCount(10);
  await expect(dialog.locator('.preview-table tr').nth(4)).toContainText('Tham luận 1 · Tham luận 2');
  await shoot(edit, shot);
  await dialog.getByRole('button', { name: 'Thay toàn bộ chương trình' }).click();
  await expect(edit.getByTestId('confirm')).toContainText('10 nội dung');
  await edit.getByTestId('confirm').getByRole('button', { name: 'Đồng ý' }).click();
  await expect(dialog).toHaveCount(0);
}

test('[I9][I7][I5] the example run sheet imports through the dialog, as CSV and as XLSX; a bad row is named and nothing is sent', async ({ baton, browser }) => {
  test.setTimeout(120_000); // two imports, a refused one, and an XLSX reader chunk to load
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const agenda = await openScreen(context, `${baton.url}/agenda`);
  const edit = await context.newPage();
  const frames = watchFrames(edit);
  await edit.goto(`${baton.url}/edit`);
  await login(edit, MC_PIN);
  await expect.poll(frames.upgraded).toBe(true);

  for (const [file, shot] of [['docs/examples/chuong-trinh.csv', 'edit-import-csv'], ['docs/examples/chuong-trinh.xlsx', 'edit-import-xlsx']] as const) {
    await scramble(baton);
    await expect(agenda.locator('.ag-item')).toHaveCount(9);
    await importProgramme(edit, file, shot);
    await expect.poll(async () => shape(await programme(baton)), { message: file }).toEqual(EXPECTED);
    await expect(agenda.locator('.ag-item')).toHaveCount(10); // the open agenda follows the import
    await expect(agenda.locator('.ag-item .ag-title').first()).toHaveText('Đón tiếp đại biểu');
  }
  expect(frames.commands().filter((c) => c === 'replaceProgramme')).toHaveLength(2);

  // A sheet with a bad duration: the row is named, the replace button stays off, nothing is sent.
  const dir = mkdtempSync(join(tmpdir(), 'baton-import-'));
  const bad = join(dir, 'sai.csv');
  writeFileSync(bad, '\uFEFFSTT;Nội dung;Thời lượng (phút)\n1;Khai mạc;10\n2;Phát biểu;mười lăm\n');
  const before = (await baton.state()).revision;
  await edit.getByTestId('import-file').setInputFiles(bad);
  const dialog = edit.getByRole('dialog', { name: 'Nhập chương trình (CSV/XLSX/JSON)' });
  await expect(dialog.locator('.issue-list li').first()).toHaveText('dòng 3: Thời lượng "mười lăm" không đúng dạng: viết 15 (phút), 15:00 hoặc 1:05:00');
  for (const line of await dialog.locator('.issue-list li').allTextContents()) expect(line).toMatch(/^dòng 3: /); // the good row is not blamed
  await expect(dialog.getByRole('button', { name: 'Thay toàn bộ chương trình' })).toBeDisabled();
  await shoot(edit, 'edit-import-error');
  await dialog.getByRole('button', { name: 'Đóng' }).click();
  expect((await baton.state()).revision).toBe(before);
  expect(frames.commands().filter((c) => c === 'replaceProgramme')).toHaveLength(2);
  rmSync(dir, { recursive: true, force: true });
  await context.close();
});

test('[I8] the example honourees list goes into its award groups by the group column', async ({ baton, browser }) => {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const edit = await openScreen(context, `${baton.url}/edit`);
  await login(edit, MC_PIN);
  await edit.locator('[data-item-id="khen-thuong"]').click();
  const box = edit.locator('.honourees-import');
  await box.getByLabel('Lượt trao thưởng').selectOption('*');
  await box.locator('input[type="file"]').setInputFiles('docs/examples/khen-thuong.csv');
  await expect(box.locator('.ok-line')).toContainText('4 người/đơn vị hợp lệ');
  await shoot(edit, 'edit-import-honourees');
  await box.getByRole('button', { name: 'Lưu', exact: true }).click();
  const names = async () => (await programme(baton)).items.find((i) => i.id === 'khen-thuong')!.segments.map((s) => s.honourees.map((h) => h.name));
  await expect.poll(names).toEqual([['Sở Nội vụ'], ['Ông Nguyễn Văn Ví Dụ', 'Bà Trần Thị Mẫu'], ['Hợp tác xã Mẫu']]);
  await context.close();
});
