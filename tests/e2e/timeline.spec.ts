import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { defaultProgramme } from '@shared/default-programme';
import { expect, login, MC_PIN, openScreen, programmeToday, shoot, SHOTS, test } from './fixtures';
import { readPdf } from './pdf';

const barOf = (page: Page, itemId: string) => page.locator(`[data-testid="tl-bar"][data-item="${itemId}"]`);
/** Where a bar's projected rectangle starts: in the drawing's units, and the instant it stands for. */
const projectedX = async (page: Page, itemId: string) => Number(await barOf(page, itemId).getByTestId('tl-projected').getAttribute('x'));
const projectedAt = async (page: Page, itemId: string) => Number(await barOf(page, itemId).getAttribute('data-projected-start'));
const MIN = 60_000;

test('[TL3] the MC console and the report draw the day as bars, and both move with GO and with added time', async ({ baton, browser }) => {
  await baton.command({ type: 'replaceProgramme', programme: programmeToday(-2) });
  await baton.command({ type: 'start' });
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
  const mc = await openScreen(context, `${baton.url}/mc`);
  await login(mc, MC_PIN);
  const report = await openScreen(context, `${baton.url}/report`);
  for (const page of [mc, report]) {
    await expect(barOf(page, 'don-tiep')).toHaveAttribute('data-status', 'now');
    await expect(page.getByTestId('tl-bar')).toHaveCount(10);
    await expect(page.getByTestId('tl-now')).toHaveCount(1);
  }
  const before = { mc: await projectedAt(mc, 'ket-thuc'), report: await projectedAt(report, 'ket-thuc') };
  const beforeX = await projectedX(mc, 'ket-thuc');
  await shoot(mc, 'mc-timeline-start');

  // GO 28 minutes before the reception's planned end: the session starts early, every later bar moves left.
  await mc.bringToFront();
  await mc.getByTestId('go').click();
  for (const page of [mc, report]) {
    await expect(barOf(page, 'tuyen-bo-ly-do')).toHaveAttribute('data-status', 'now');
    await expect(barOf(page, 'don-tiep')).toHaveAttribute('data-status', 'done');
    await expect(barOf(page, 'don-tiep').getByTestId('tl-actual')).toHaveCount(1);
    await expect(barOf(page, 'tuyen-bo-ly-do').getByTestId('tl-actual')).toHaveCount(1);
  }
  for (const [name, page] of [['mc', mc], ['report', report]] as const) {
    await expect.poll(async () => (before[name] - (await projectedAt(page, 'ket-thuc'))) / MIN, { message: `${name}: the last bar moves ~28 min earlier` }).toBeGreaterThan(25);
  }
  expect(await projectedX(mc, 'ket-thuc')).toBeLessThan(beforeX - 20); // drawn further left, too

  // Five minutes more for the opening: its bar turns to the overrun colour, the later bars move right by 5 minutes.
  const afterGo = { mc: await projectedAt(mc, 'ket-thuc'), report: await projectedAt(report, 'ket-thuc') };
  await mc.getByTestId('plus-minute').click();
  await mc.waitForTimeout(300);
  for (let i = 0; i < 4; i++) {
    await expect(mc.getByTestId('plus-minute')).toBeEnabled();
    await mc.getByTestId('plus-minute').click();
  }
  for (const [name, page] of [['mc', mc], ['report', report]] as const) {
    await expect(barOf(page, 'tuyen-bo-ly-do')).toHaveAttribute('data-level', 'over');
    await expect(barOf(page, 'tuyen-bo-ly-do').getByTestId('tl-actual')).toHaveCSS('fill', 'rgb(255, 59, 48)');
    // Five minutes, plus the seconds the clicks took while the opening kept running on the projection's "now".
    await expect.poll(async () => ((await projectedAt(page, 'ket-thuc')) - afterGo[name]) / MIN, { message: `${name}: +5 min moves the last bar` }).toBeGreaterThanOrEqual(5);
  }
  await expect(mc.getByTestId('tl-end-words')).toContainText('Dự kiến kết thúc');
  await shoot(mc, 'mc-timeline');
  await report.bringToFront();
  await shoot(report, 'report-timeline');
  await context.close();
});

test('[TL2] the bar on now takes the countdown\'s colours: amber at warning, red at danger and over', async ({ baton, browser }) => {
  const first = defaultProgramme().items[0]!;
  await baton.command({ type: 'upsertItem', item: { ...first, durationSec: 12, warningSec: 8, dangerSec: 4 } });
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
  const mc = await openScreen(context, `${baton.url}/mc`);
  await login(mc, MC_PIN);
  await baton.command({ type: 'start' });
  const bar = barOf(mc, 'don-tiep');
  const fill = bar.getByTestId('tl-actual');
  await expect(bar).toHaveAttribute('data-level', 'normal');
  await expect(fill).toHaveCSS('fill', 'rgb(59, 130, 246)');
  await expect(bar).toHaveAttribute('data-level', 'warning', { timeout: 10_000 });
  await expect(fill).toHaveCSS('fill', 'rgb(255, 176, 32)');
  // The countdown says the same.
  await expect(mc.locator('.mc-countdown')).toHaveClass(/level-warning/);
  await expect(bar).toHaveAttribute('data-level', 'danger', { timeout: 10_000 });
  await expect(fill).toHaveCSS('fill', 'rgb(255, 59, 48)');
  await expect(bar).toHaveAttribute('data-level', 'over', { timeout: 10_000 });
  await expect(fill).toHaveCSS('fill', 'rgb(255, 59, 48)');
  await expect(mc.locator('.mc-countdown')).toHaveClass(/level-over/);
  await context.close();
});

test('[TL5] the report prints its timeline on the A4 page', async ({ baton, browser }) => {
  await baton.command({ type: 'replaceProgramme', programme: programmeToday(-2) });
  await baton.command({ type: 'start' });
  await baton.command({ type: 'goto', itemId: 'phim-bao-cao' });
  await baton.command({ type: 'addTime', seconds: 120 });
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await openScreen(context, `${baton.url}/report`);
  await expect(barOf(page, 'phim-bao-cao')).toHaveAttribute('data-status', 'now');
  await expect(barOf(page, 'tuyen-bo-ly-do')).toHaveAttribute('data-status', 'skipped');
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  mkdirSync(SHOTS, { recursive: true });
  const pdfPath = join(SHOTS, 'report-timeline.pdf');
  await page.pdf({ path: pdfPath, format: 'A4', printBackground: true, preferCSSPageSize: true });
  const text = readPdf(pdfPath).text.replace(/\s+/g, ' ');
  expect(text).toContain('Dòng thời gian');
  expect(text).toContain('Kế hoạch');
  expect(text).toContain('Dự kiến kết thúc');
  // The first page as an image, to look at.
  execFileSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', pdfPath, join(SHOTS, 'report-timeline-a4')]);
  await context.close();
});
