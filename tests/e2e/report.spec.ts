import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, openScreen, programmeToday, shoot, SHOTS, test } from './fixtures';
import { isA4, readPdf } from './pdf';

test('[RP1] /report shows planned vs actual and the audit log of each run, and prints to A4 PDF', async ({ baton, browser }) => {
  // Today's programme, so the run starts on time: the picture in docs/screens/report-screen.png
  // comes from here (the seed's own date, 18/01/2024, read as a late start of years before R4).
  await baton.command({ type: 'replaceProgramme', programme: programmeToday() });
  // A rehearsal run, then a reset: the live run is a separate run.
  await baton.command({ type: 'start' });
  await baton.command({ type: 'goto', itemId: 'tuyen-bo-ly-do' });
  await baton.command({ type: 'reset' });
  await baton.command({ type: 'start' });
  await baton.command({ type: 'goto', itemId: 'thao-luan' });
  await baton.command({ type: 'addTime', seconds: 60 });
  await new Promise((r) => setTimeout(r, 1100)); // past the server's double-GO guard
  await baton.command({ type: 'next' });

  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await openScreen(context, `${baton.url}/report`);
  await expect(page.locator('.report-table').first()).toContainText('Tham luận 2');
  await expect(page.locator('.audit-table')).toContainText('addTime');
  await expect(page.locator('.audit-table')).toContainText('+60 s');
  await expect(page.getByLabel('Lượt chạy')).toHaveValue('run-2');
  await shoot(page, 'report-screen');

  await page.getByLabel('Lượt chạy').selectOption('run-1');
  await expect(page.locator('.report-sub')).toContainText('run-1');
  await expect(page.locator('.audit-table tbody tr')).toHaveCount(4); // today's programme loaded, start, goto, and the reset that closed it
  await expect(page.locator('.audit-table tbody tr').first()).toContainText('replaceProgramme');
  await expect(page.locator('.audit-table tbody tr').last()).toContainText('reset');
  await page.getByLabel('Lượt chạy').selectOption('run-2');
  await expect(page.locator('.audit-table')).toContainText('addTime');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Tải CSV báo cáo' }).click();
  const csv = await (await download).path();
  const text = (await import('node:fs')).readFileSync(csv!, 'utf8');
  expect(text.startsWith('\uFEFFSTT,Nội dung,Phần')).toBe(true);

  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  mkdirSync(SHOTS, { recursive: true });
  const pdfPath = join(SHOTS, 'report.pdf');
  await page.pdf({ path: pdfPath, format: 'A4', printBackground: true, preferCSSPageSize: true });
  // Every page A4 portrait (pdfinfo); the text is run 2's report and audit (pdftotext).
  const printed = readPdf(pdfPath);
  expect(printed.pages).toBeGreaterThanOrEqual(1);
  expect(printed.sizes).toHaveLength(printed.pages);
  for (const size of printed.sizes) expect(isA4(size), `page ${size.width} × ${size.height} pt`).toBe(true);
  const printedText = printed.text.replace(/\s+/g, ' ');
  expect(printedText).toContain('BÁO CÁO DIỄN BIẾN');
  expect(printedText).toContain('Lượt chạy run-2');
  for (const row of ['5.1 Tham luận 1', '5.2 Tham luận 2', '10 Kết thúc Hội nghị']) expect(printedText).toContain(row);
  // The audit of run 2 only: the programme is revision 1, run 1 took 2–4 (start, goto, reset), so run 2 starts at 5.
  expect(printedText).toContain('Nhật ký thao tác');
  for (const line of ['start 5', 'goto thao-luan 6', 'addTime +60 s 7', 'next 8']) expect(printedText).toContain(line);
  expect(printedText).not.toContain('reset');
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.screenshot({ path: join(SHOTS, 'report-print.png'), fullPage: true });
  await context.close();
});
