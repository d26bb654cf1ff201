/**
 * Copy link / copy citation is findable and comfortable on touch (issue
 * #15.8): every anchor is at least 24×24 px (WCAG 2.2 target size) on a
 * phone, in both text sizes; on a desktop the article's own anchor shows in
 * the gutter without hovering; the article page says what the # does.
 */
import { expect, test } from './fixtures.ts';

const FULL = '/regulations/chaoyang-government-work-rules/';

test('every anchor is a target of at least 24×24 px on touch screens, in both text sizes', async ({ page, isMobile }) => {
  test.skip(!isMobile, 'touch targets: the phone project');
  for (const large of [false, true]) {
    if (large) await page.evaluate(() => localStorage.setItem('text-size', 'large'));
    await page.goto(FULL);
    const sizes = await page.locator('a.anchor').evaluateAll((as) => as.map((a) => a.getBoundingClientRect()).map((r) => [r.width, r.height]));
    expect(sizes.length).toBeGreaterThan(100);
    for (const [w, h] of sizes) {
      expect(w).toBeGreaterThanOrEqual(24);
      expect(h).toBeGreaterThanOrEqual(24);
    }
  }
});

test('on a desktop the article’s anchor shows without hovering; a 款’s appears on hover', async ({ page, isMobile }) => {
  test.skip(isMobile, 'hover: the desktop project');
  await page.goto(FULL);
  await page.mouse.move(0, 0);
  await expect(page.locator('#art-43 > a.anchor')).toHaveCSS('opacity', '1');
  const para = page.locator('#art-43-p2 > .text > a.anchor');
  await expect(para).toHaveCSS('opacity', '0');
  await page.locator('#art-43-p2 > .text').hover();
  await expect(para).toHaveCSS('opacity', '1');
});

test('the article page says what the # does, and the # opens copy link / copy citation', async ({ page }) => {
  await page.goto(`${FULL}articles/43/`);
  await expect(page.locator('.cite-hint')).toContainText('链接或引文');
  await page.locator('#art-43 > a.anchor').click();
  await expect(page.getByRole('button', { name: '复制引文' })).toBeVisible();
});
