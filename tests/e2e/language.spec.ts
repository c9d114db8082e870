import { expect, login, MC_PIN, test } from './fixtures';

const fontLoaded = (text: string) => document.fonts.ready.then(() => document.fonts.check(`800 48px "Be Vietnam Pro"`, text) && document.fonts.check(`400 24px "Be Vietnam Pro"`, text));

test('[V5] Vietnamese by default: diacritics render in the bundled Be Vietnam Pro font', async ({ baton, page }) => {
  await baton.command({ type: 'start' });
  await page.goto(`${baton.url}/stage`);
  await expect(page.getByTestId('conference-title')).toContainText('Hội nghị tổng kết công tác thi đua, khen thưởng năm 2023');
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  const sample = 'Hội nghị tổng kết — Đồng chí Ủy ban nhân dân tỉnh Bắc Giang: ắ ằ ẳ ẵ ặ ế ề ể ễ ệ ố ồ ổ ỗ ộ ớ ờ ở ỡ ợ ứ ừ ử ữ ự ỳ ỷ ỹ ỵ';
  expect(await page.evaluate(fontLoaded, sample)).toBe(true);
  // The font really in use for the title is Be Vietnam Pro, served by our own server (no CDN).
  const family = await page.getByTestId('conference-title').evaluate((el) => getComputedStyle(el).fontFamily);
  expect(family).toContain('Be Vietnam Pro');
  const fontUrls = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /\.woff2?$/.test(n)));
  expect(fontUrls.some((u) => u.includes('vietnamese'))).toBe(true);
  expect(fontUrls.every((u) => u.startsWith(baton.url))).toBe(true);

  await baton.command({ type: 'goto', itemId: 'tuyen-bo-ly-do' });
  await page.goto(`${baton.url}/mc`);
  await login(page, MC_PIN);
  await expect(page.getByTestId('go')).toContainText('GO (Chuyển mục)');
  await expect(page.getByText('Lời dẫn', { exact: true })).toBeVisible();
  await expect(page.getByTestId('drift')).toContainText(/so với kế hoạch|Đúng kế hoạch/);
});

test('[V5] English with ?lang=en', async ({ baton, page }) => {
  await baton.command({ type: 'start' });
  await baton.command({ type: 'goto', itemId: 'tuyen-bo-ly-do' });
  await page.goto(`${baton.url}/mc?lang=en`);
  await expect(page.getByText('Enter PIN')).toBeVisible();
  await login(page, MC_PIN);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('go')).toContainText('GO');
  await expect(page.getByText('MC script', { exact: true })).toBeVisible();
  await expect(page.getByTestId('pause')).toContainText('Pause');
  await expect(page.getByTestId('drift')).toContainText(/behind plan|ahead of plan|On time/);
  // Titles from the programme stay as the programme writes them.
  await expect(page.getByTestId('item-title')).toHaveText('Tuyên bố lý do, giới thiệu đại biểu');

  await page.goto(`${baton.url}/agenda?lang=en`);
  await expect(page.locator('.ag-chip-now')).toHaveText('Now');
  await baton.command({ type: 'goto', itemId: 'giai-lao' });
  await page.goto(`${baton.url}/stage?lang=en`);
  await expect(page.getByTestId('stage-wait')).toContainText('Resumes at');
});
