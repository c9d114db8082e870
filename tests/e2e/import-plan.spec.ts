/**
 * Starting from the plan itself: the .docx and the PDF dropped on /edit, and the table pasted,
 * each show their guesses marked before anything is sent; one confirmation later /agenda follows.
 * Fixtures: tests/fixtures/plan (python-docx, Chromium's page.pdf), never written by Baton.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, login, MC_PIN, openScreen, shoot, test } from './fixtures';

const FIXTURES = 'tests/fixtures/plan';
const FIRST = 'Đón tiếp đại biểu';
const LAST = 'Kết thúc Hội nghị';
type State = { programme: { items: { title: string; kind: string; durationEstimated?: boolean; cues: { target: string }[]; segments: { honourees: unknown[] }[]; presenter?: { name: string; title?: string } }[] } };

async function applyAndCheck(edit: Page, agenda: Page, url: string) {
  await edit.getByTestId('import-apply').click();
  await edit.getByTestId('confirm').getByRole('button', { name: 'Đồng ý' }).click();
  await expect(agenda.locator('.ag-item')).toHaveCount(10);
  await expect(agenda.locator('.ag-title').first()).toHaveText(FIRST);
  await expect(agenda.locator('.ag-title').last()).toHaveText(LAST);
  await expect(agenda.locator('.ag-time').first()).toContainText('07:00');
  const state = (await (await fetch(`${url}/api/v1/state`)).json()) as State;
  const items = state.programme.items;
  expect(items.map((i) => i.kind)).toEqual(['reception', 'procedure', 'film', 'report', 'discussion', 'speech', 'break', 'awards', 'launch', 'closing']);
  expect(items[2]!.cues.map((c) => c.target)).toEqual(['av']);
  expect(items[7]!.segments).toEqual([expect.objectContaining({ honourees: [] })]);
  expect(items[3]!.presenter).toEqual({ name: 'Đ/c Lê Ô Pích', title: 'Phó Chủ tịch UBND tỉnh' });
  // The estimates stay marked in the editor until someone sets them.
  await expect(edit.locator('.edit-row .guess-badge')).toHaveCount(9);
}

async function expectGuessesMarked(edit: Page) {
  const preview = edit.getByTestId('plan-preview');
  // The readers (mammoth's Worker, pdf.js and its 1.2 MB worker) are fetched on first use; a busy machine is slow.
  await expect(preview).toBeVisible({ timeout: 30_000 });
  await expect(preview.locator('tbody tr')).toHaveCount(10);
  await expect(preview.locator('[data-testid="guess-kind"][data-guessed="true"]')).toHaveCount(10);
  await expect(preview.locator('[data-testid="guess-duration"][data-guessed="true"]')).toHaveCount(9);
  await expect(preview.locator('[data-testid="guess-person"][data-guessed="true"]')).toHaveCount(1);
  await expect(preview.locator('tbody tr').nth(2)).toContainText('cue AV');
}

test('[I10] the plan’s .docx on /edit: guesses marked, changed per row, applied; /agenda follows', async ({ baton, browser }) => {
  const context = await browser.newContext({ viewport: { width: 1500, height: 1000 } });
  const agenda = await openScreen(context, `${baton.url}/agenda`);
  const edit = await openScreen(context, `${baton.url}/edit`);
  await login(edit, MC_PIN);
  await edit.getByTestId('import-file').setInputFiles(`${FIXTURES}/plan.docx`);
  await expectGuessesMarked(edit);
  await edit.evaluate(() => document.fonts.ready.then(() => undefined));
  // The picture in docs/import.md (docs/screens/import-plan-preview.png) is a copy of this one.
  await shoot(edit, 'import-plan-preview');
  // A guess changed in the preview: the break is 20 minutes, no longer an estimate.
  await edit.getByLabel('Thời lượng 7', { exact: true }).fill('20');
  await expect(edit.locator('[data-row] [data-testid="guess-duration"][data-guessed="true"]')).toHaveCount(8);
  await edit.getByTestId('import-apply').click();
  await edit.getByTestId('confirm').getByRole('button', { name: 'Đồng ý' }).click();
  await expect(agenda.locator('.ag-item')).toHaveCount(10);
  await expect(agenda.locator('.ag-title').first()).toHaveText(FIRST);
  await expect(edit.locator('.edit-row .guess-badge')).toHaveCount(8);
  // The film's estimate stays marked in its form until the director sets the duration.
  await edit.locator('.edit-row').nth(2).click();
  await expect(edit.getByTestId('duration-estimated')).toBeVisible();
  await shoot(edit, 'import-plan-estimate-in-form');
  // (After the break was set to 20, the film's estimate is its default 15:00 exactly.)
  await expect(edit.locator('#f-duration')).toHaveValue('15:00');
  await edit.locator('#f-duration').fill('17:00');
  await expect(edit.getByTestId('duration-estimated')).toHaveCount(0);
  await edit.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(edit.locator('.edit-row .guess-badge')).toHaveCount(7);
  await context.close();
});

test('[I10] the plan’s PDF (printed by Chromium) on /edit gives the same programme', async ({ baton, browser }) => {
  const context = await browser.newContext({ viewport: { width: 1500, height: 1000 } });
  const agenda = await openScreen(context, `${baton.url}/agenda`);
  const edit = await openScreen(context, `${baton.url}/edit`);
  await login(edit, MC_PIN);
  await edit.getByTestId('import-file').setInputFiles(`${FIXTURES}/plan.pdf`);
  await expectGuessesMarked(edit);
  await applyAndCheck(edit, agenda, baton.url);
  await context.close();
});

test('[I16] the table pasted from Word into the import dialog gives the same programme', async ({ baton, browser }) => {
  const context = await browser.newContext({ viewport: { width: 1500, height: 1000 } });
  const agenda = await openScreen(context, `${baton.url}/agenda`);
  const edit = await openScreen(context, `${baton.url}/edit`);
  await login(edit, MC_PIN);
  await edit.getByRole('button', { name: 'Dán bảng' }).click();
  const plan = JSON.parse(readFileSync(`${FIXTURES}/plan-table.json`, 'utf8')) as { header: string[]; rows: string[][] };
  const esc = (s: string) => s.replace(/&/g, '&amp;');
  const html = `<meta charset="utf-8"><table border=1><tr>${plan.header.map((h) => `<td><p><b>${h}</b></p></td>`).join('')}</tr>${plan.rows
    .map((r, i) => `<tr>${r.map((t, c) => (c === 1 && i > 1 ? '' : `<td${c === 1 && i === 1 ? ' rowspan="9"' : ''}><p>${esc(t)}</p></td>`)).join('')}</tr>`)
    .join('')}</table>`;
  await edit.getByTestId('paste-zone').evaluate((el, data) => {
    const dt = new DataTransfer();
    dt.setData('text/html', data);
    dt.setData('text/plain', 'ignored when there is a table');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, html);
  await expectGuessesMarked(edit);
  await applyAndCheck(edit, agenda, baton.url);
  await context.close();
});

test('[I15] a Word 97 .doc, a scanned PDF and a zip bomb are refused with a reason; nothing changes', async ({ baton, browser }) => {
  const context = await browser.newContext({ viewport: { width: 1500, height: 1000 } });
  const edit = await openScreen(context, `${baton.url}/edit`);
  await login(edit, MC_PIN);
  const before = (await baton.state()).revision;
  const cases: [string, string][] = [
    ['word97.doc', 'đây là tệp Word 97–2003 (.doc): hãy mở bằng Word hoặc LibreOffice, lưu thành .docx rồi nhập tệp đó'],
    ['scan.pdf', 'tệp PDF chỉ có hình ảnh, không có chữ (bản scan): hãy nhập tệp .docx của kế hoạch, hoặc PDF lưu từ Word'],
    ['bomb.docx', 'tài liệu giải nén ra hơn 40 MB, vượt giới hạn 20 MB: hãy lưu riêng bảng chương trình vào một tài liệu mới rồi nhập'],
  ];
  for (const [file, message] of cases) {
    await edit.getByTestId('import-file').setInputFiles(`${FIXTURES}/${file}`);
    await expect(edit.getByTestId('import-issues')).toHaveText(message);
    await expect(edit.getByTestId('import-apply')).toHaveCount(0);
    await edit.getByRole('dialog').getByRole('button', { name: 'Đóng' }).click();
  }
  expect((await baton.state()).revision).toBe(before);
  await context.close();
});
