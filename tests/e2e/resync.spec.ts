/**
 * [S18] A screen that misses a state message (a dropped frame on the venue Wi-Fi) notices the
 * revision gap, asks for a snapshot, shows nothing of the message after the gap meanwhile, and
 * ends equal to the server. The frames are the real server's; the test sits in the middle of the
 * page's WebSocket (Playwright's routeWebSocket), drops one and holds the snapshot's reply.
 */
import { expect, openScreen, test } from './fixtures';

const OPENING = 'Tuyên bố lý do, giới thiệu đại biểu';
const DISCUSSION = 'Hội nghị thảo luận';

test('[S18] a dropped revision makes the stage ask for a snapshot, hold still until it comes, then follow the server', async ({ baton, browser }) => {
  await baton.command({ type: 'start' });
  await baton.command({ type: 'goto', itemId: 'tuyen-bo-ly-do' }); // revision 2
  const context = await browser.newContext();
  const page = await context.newPage();

  const delivered: number[] = []; // show:state revisions passed on to the page
  let dropRevision: number | null = null;
  let dropped = 0;
  const resyncIds: string[] = []; // ack ids of the page's show:resync requests
  let heldReply: (() => void) | null = null;
  let upgraded = false;
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      const text = String(message);
      if (text === '5') upgraded = true;
      const resync = /^42(\d+)\["show:resync"/.exec(text);
      if (resync) resyncIds.push(resync[1]!);
      server.send(message);
    });
    server.onMessage((message) => {
      const text = String(message);
      if (text.startsWith('42["show:state"')) {
        const revision = (JSON.parse(text.slice(2)) as [string, { revision: number }])[1].revision;
        if (revision === dropRevision) return void dropped++;
        delivered.push(revision);
      }
      const reply = /^43(\d+)\[/.exec(text);
      if (reply && resyncIds.includes(reply[1]!) && resyncIds.length === 1) {
        heldReply = () => ws.send(message); // the first snapshot waits until the test lets it go
        return;
      }
      ws.send(message);
    });
  });
  await page.goto(`${baton.url}/stage`);
  const title = page.getByTestId('item-title');
  await expect(title).toHaveText(OPENING);
  await expect.poll(() => upgraded).toBe(true); // from here on every message is a WebSocket frame

  dropRevision = 3;
  await baton.command({ type: 'goto', itemId: 'ke-hoach-2024' }); // revision 3: lost on the way
  await baton.command({ type: 'goto', itemId: 'thao-luan' }); // revision 4: arrives after a gap
  await expect.poll(() => delivered).toContain(4);
  expect(dropped).toBe(1);
  await expect.poll(() => resyncIds.length).toBe(1);

  // While the snapshot is on its way, the screen shows what it last knew in order (revision 2).
  await page.waitForTimeout(700);
  await expect(title).toHaveText(OPENING);

  expect(heldReply).not.toBeNull();
  heldReply!();
  await expect(title).toHaveText(DISCUSSION);

  // Back in step: the next change applies as a plain message, with no further snapshot request.
  dropRevision = null;
  await baton.command({ type: 'next' }); // revision 5: the discussion's second contribution
  await expect.poll(() => delivered).toContain(5);
  const server = await baton.state();
  expect(server).toMatchObject({ revision: 5, live: { currentItemId: 'thao-luan', segmentIndex: 1 } });
  await expect(page.getByTestId('segment-title')).toHaveText('Tham luận 2');
  await page.waitForTimeout(300);
  expect(resyncIds).toHaveLength(1);

  // A fresh stage that never lost anything shows the same.
  const fresh = await openScreen(context, `${baton.url}/stage`);
  await expect(fresh.getByTestId('item-title')).toHaveText(DISCUSSION);
  const shown = (p: typeof page) =>
    Promise.all(['conference-title', 'item-title', 'segment-title', 'presenter'].map((id) => p.getByTestId(id).innerText()));
  expect(await shown(page)).toEqual(await shown(fresh));
  await page.screenshot({ path: 'test-results/screens/stage-after-resync.png' });
  await context.close();
});
