/**
 * A screenshot of every screen in the states that matter on the day, kept in test-results/screens
 * (look at them: distance legibility, level colours, long Vietnamese names).
 */
import { defaultProgramme } from '@shared/default-programme';
import { AV_PIN, expect, LONG_HONOUREES, login, MC_PIN, programmeToday, shoot, test } from './fixtures';

test('gallery: home, PIN gate, MC before the start and in English, AV idle', async ({ baton, page }) => {
  await baton.command({ type: 'replaceProgramme', programme: programmeToday(5) });
  await page.goto(`${baton.url}/`);
  await expect(page.getByTestId('link-mc')).toBeVisible();
  await expect(page.locator('.qr svg')).toHaveCount(9); // every screen, /ready included
  await shoot(page, 'home');
  await page.goto(`${baton.url}/mc`);
  await shoot(page, 'mc-pin-gate');
  await page.getByLabel('Nhập mã PIN').fill('0000');
  await page.getByLabel('Nhập mã PIN').press('Enter');
  await expect(page.getByRole('alert')).toHaveText('Mã PIN không đúng');
  await login(page, MC_PIN);
  await expect(page.getByTestId('go')).toContainText('Bắt đầu');
  // Before the start the MC sees the opening item, its script and when the conference starts.
  await expect(page.getByTestId('first-item-title')).toHaveText('Đón tiếp đại biểu');
  await expect(page.getByTestId('starts-at')).toContainText('Hội nghị bắt đầu lúc');
  await shoot(page, 'mc-before-start');
  await page.goto(`${baton.url}/mc?lang=en`);
  await expect(page.getByTestId('go')).toContainText('Start');
  await shoot(page, 'mc-before-start-en');
  await page.goto(`${baton.url}/av`);
  await login(page, AV_PIN);
  await shoot(page, 'av-idle');
});

test('gallery: awards with long names on stage and broadcast, the break, the agenda on a phone', async ({ baton, browser }) => {
  const programme = programmeToday();
  const awards = defaultProgramme().items.find((i) => i.id === 'khen-thuong')!;
  programme.items = programme.items.map((item) =>
    item.id === 'khen-thuong'
      ? {
          ...awards,
          segments: awards.segments.map((s, i) => ({
            ...s,
            presenter: i === 0 ? { name: 'Đ/c Trần Văn Mẫu', title: 'Lãnh đạo trao thưởng (tên mẫu)' } : s.presenter,
            honourees: LONG_HONOUREES.map((h) => ({ ...h, award: 'Cờ thi đua của Chính phủ' })),
          })),
        }
      : item,
  );
  await baton.command({ type: 'replaceProgramme', programme });
  await baton.command({ type: 'start' });
  await baton.command({ type: 'goto', itemId: 'ke-hoach-2024' });
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const stage = await context.newPage();
  const broadcast = await context.newPage();
  await stage.goto(`${baton.url}/stage`);
  await broadcast.goto(`${baton.url}/broadcast`);
  await expect(stage.getByTestId('presenter')).toContainText('Đồng chí Lê Ô Pích');
  await expect(stage.getByTestId('presenter')).toContainText('Phó Chủ tịch Ủy ban nhân dân tỉnh');
  await shoot(stage, 'stage-speech');
  await shoot(broadcast, 'broadcast-speech', { omitBackground: true });

  await baton.command({ type: 'goto', itemId: 'giai-lao' });
  await expect(stage.getByTestId('stage-wait')).toContainText('Tiếp tục lúc');
  await shoot(stage, 'stage-break');

  await baton.command({ type: 'goto', itemId: 'khen-thuong' });
  await expect(stage.getByTestId('award-group')).toHaveText('Đơn vị được tặng Cờ thi đua của Chính phủ năm 2022');
  await expect(stage.getByTestId('honourees')).toContainText('Ủy ban nhân dân huyện Lục Ngạn');
  await shoot(stage, 'stage-awards-page-1');
  await expect(broadcast.getByTestId('bc-honourees')).toContainText('Ủy ban nhân dân huyện Lục Ngạn');
  await expect(broadcast.getByTestId('lower-third')).toContainText('Đồng chí Trần Văn Mẫu');
  await shoot(broadcast, 'broadcast-awards', { omitBackground: true });
  // The list pages by itself (every 8 s, the same page on every screen).
  await expect(stage.getByTestId('honourees')).toContainText('Bà Lương Thị Mẫu', { timeout: 10_000 });
  await shoot(stage, 'stage-awards-page-2');

  // Broadcast URL options: each part can be hidden; nothing else is drawn.
  await broadcast.goto(`${baton.url}/broadcast?lower=0&strap=0`);
  await expect(broadcast.getByTestId('bc-honourees')).toBeVisible();
  await expect(broadcast.getByTestId('lower-third')).toHaveCount(0);
  await expect(broadcast.getByTestId('strap')).toHaveCount(0);
  await broadcast.goto(`${baton.url}/broadcast?honourees=0`);
  await expect(broadcast.getByTestId('strap')).toBeVisible();
  await expect(broadcast.getByTestId('bc-honourees')).toHaveCount(0);
  const bodyBackground = await broadcast.evaluate(() => [getComputedStyle(document.documentElement).backgroundColor, getComputedStyle(document.body).backgroundColor]);
  expect(bodyBackground).toEqual(['rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)']);

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const agenda = await phone.newPage();
  await agenda.goto(`${baton.url}/agenda`);
  await expect(agenda.locator('.ag-now')).toContainText('Công tác khen thưởng');
  await agenda.locator('.ag-now').scrollIntoViewIfNeeded();
  await shoot(agenda, 'agenda-phone');
  await phone.close();
  await context.close();
});
