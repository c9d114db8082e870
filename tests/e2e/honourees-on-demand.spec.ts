import type { Page } from '@playwright/test';
import { expect, LONG_HONOUREES, MC_PIN, openScreen, programmeToday, shoot, test } from './fixtures';

/** Every honourees request a page makes (URL and when), watched from the browser's side. */
function watchHonourees(page: Page): { url: string; at: number }[] {
  const seen: { url: string; at: number }[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/v1/honourees/')) seen.push({ url: r.url(), at: Date.now() });
  });
  return seen;
}

test('[D4][D6] the stage fetches the honourees of the next award group ahead, shows them, follows an edit to that group; /agenda loads none', async ({ baton, browser }) => {
  const base = programmeToday();
  const programme = {
    ...base,
    items: base.items.map((item) =>
      item.id === 'khen-thuong' ? { ...item, segments: item.segments.map((s, k) => (k === 0 ? { ...s, honourees: LONG_HONOUREES } : s)) } : item,
    ),
  };
  await baton.command({ type: 'replaceProgramme', programme });
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const stage = await openScreen(context, `${baton.url}/stage`);
  const stageAsks = watchHonourees(stage);
  const agenda = await openScreen(context, `${baton.url}/agenda`);
  const agendaAsks = watchHonourees(agenda);
  await expect(stage.getByTestId('stage-wait')).toBeVisible();

  // The break before the awards: the awards item is next, so its lists are fetched now.
  await baton.command({ type: 'start' });
  await baton.command({ type: 'goto', itemId: 'giai-lao' });
  await expect.poll(() => stageAsks.length, { timeout: 5000 }).toBe(3); // the three award groups
  const prefetched = stageAsks.length;

  await baton.command({ type: 'goto', itemId: 'khen-thuong', segmentIndex: 0 });
  const list = stage.getByTestId('honourees');
  await expect(list).toContainText(LONG_HONOUREES[0]!.name, { timeout: 3000 });
  // Nothing new was asked for when the group became current: it was all there.
  expect(stageAsks.length).toBe(prefetched);
  await shoot(stage, 'stage-honourees-by-hash');

  // The MC corrects a name in the group on now (an upsert of the awards item, as /edit sends it).
  const state = await (await fetch(`${baton.url}/api/v1/state`)).json() as { programme: typeof programme };
  const awards = state.programme.items.find((i) => i.id === 'khen-thuong')!;
  const corrected = 'Ủy ban nhân dân huyện Lục Ngạn (đã sửa)';
  const edited = { ...awards, segments: awards.segments.map((s, k) => (k === 0 ? { ...s, honourees: [{ ...s.honourees[0]!, name: corrected }, ...s.honourees.slice(1)] } : s)) };
  await baton.command({ type: 'upsertItem', item: edited });
  await expect(list).toContainText(corrected, { timeout: 3000 });
  expect(stageAsks.length).toBe(prefetched + 1);

  // The delegates' phones: the agenda shows the programme and never asks for a list.
  await expect(agenda.locator('body')).toContainText('Công tác khen thưởng');
  await agenda.reload();
  await expect(agenda.locator('body')).toContainText('Công tác khen thưởng');
  expect(agendaAsks).toEqual([]);
  await context.close();
});

test('[D4] the editor shows and saves an award group\'s honourees it received by reference', async ({ baton, browser }) => {
  const base = programmeToday();
  await baton.command({
    type: 'replaceProgramme',
    programme: { ...base, items: base.items.map((item) => (item.id === 'khen-thuong' ? { ...item, segments: item.segments.map((s, k) => (k === 0 ? { ...s, honourees: LONG_HONOUREES } : s)) } : item)) },
  });
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const edit = await openScreen(context, `${baton.url}/edit`);
  await edit.getByLabel(/Nhập mã PIN|Enter PIN/).fill(MC_PIN);
  await edit.getByLabel(/Nhập mã PIN|Enter PIN/).press('Enter');
  await edit.getByText('Công tác khen thưởng').first().click();
  await expect(edit.getByText(`(${LONG_HONOUREES.length})`).first()).toBeVisible({ timeout: 5000 });
  // Save the item with a changed title: the honourees go back whole (none lost on the way).
  const title = edit.locator('[name="title"]').first();
  await title.fill('Công tác khen thưởng (sửa)');
  await edit.getByRole('button', { name: /^(Lưu|Save)$/ }).first().click();
  await expect.poll(async () => {
    const s = await (await fetch(`${baton.url}/api/v1/state`)).json() as { programme: { items: { id: string; title: string; segments: { honourees: unknown[] }[] }[] } };
    const item = s.programme.items.find((i) => i.id === 'khen-thuong')!;
    return `${item.title} ${item.segments[0]!.honourees.length}`;
  }, { timeout: 5000 }).toBe(`Công tác khen thưởng (sửa) ${LONG_HONOUREES.length}`);
  await context.close();
});
