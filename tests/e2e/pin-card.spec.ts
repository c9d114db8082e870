import { expect, openScreen, shoot, test } from './fixtures';

/**
 * The PIN card on the control screens: its input and button lie inside the card at a laptop, a
 * full-HD and a phone width. Measured from the element boxes (a screenshot of each is kept too).
 */
const ROUTES = ['/mc', '/edit', '/av'] as const;
const VIEWPORTS = [
  { width: 1600, height: 900 },
  { width: 1920, height: 1080 },
  { width: 390, height: 844 },
] as const;

for (const viewport of VIEWPORTS) {
  test(`[L1] the PIN card on /mc, /edit and /av holds its input and button at ${viewport.width}×${viewport.height}`, async ({ baton, browser }) => {
    const context = await browser.newContext({ viewport });
    try {
      const pages = await Promise.all(ROUTES.map((route) => openScreen(context, `${baton.url}${route}`)));
      for (const [i, page] of pages.entries()) {
        const route = ROUTES[i]!;
        const card = page.locator('form.pin-form');
        await expect(card.locator('input#pin')).toBeVisible();
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        const box = (await card.boundingBox())!;
        // The card itself is on the screen, not wider than the viewport.
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(viewport.width + 0.5);
        for (const part of [card.locator('input#pin'), card.locator('button[type="submit"]'), card.locator('h1')]) {
          const b = (await part.boundingBox())!;
          const where = `${route} ${await part.evaluate((el) => el.tagName)}`;
          expect(b.x, `${where} starts inside the card`).toBeGreaterThanOrEqual(box.x - 0.5);
          expect(b.x + b.width, `${where} ends inside the card`).toBeLessThanOrEqual(box.x + box.width + 0.5);
          expect(b.y + b.height, `${where} ends above the card's bottom`).toBeLessThanOrEqual(box.y + box.height + 0.5);
        }
        // Nothing inside the form is wider than the form's own content box.
        const overflow = await card.evaluate((el) => el.scrollWidth - el.clientWidth);
        expect(overflow, `${route} form scrolls sideways`).toBeLessThanOrEqual(0);
        await shoot(page, `pin-card${route.replace('/', '-')}-${viewport.width}`);
      }
    } finally {
      await context.close();
    }
  });
}
