/**
 * A long text's contents are reachable anywhere and say where the reader is
 * (issue #15.10): on a phone the 目录 bar stays at the top of the screen, opens
 * the contents with the current chapter marked, and folds away once a
 * chapter is chosen; beside the text on a desktop, the current chapter is marked.
 */
import { expect, expectNoAxeViolations, test } from './fixtures.ts';

const FULL = '/regulations/chaoyang-government-work-rules/';

async function chapterOf(page: import('@playwright/test').Page, id: string): Promise<string> {
  return page.evaluate((id) => document.getElementById(id)!.closest('section.division')!.id, id);
}

test('deep in the text the contents are one tap away, mark the chapter being read, and fold after a choice', async ({ page, isMobile }) => {
  test.skip(!isMobile, 'the phone layout');
  await page.goto(FULL);
  await page.locator('#art-60').scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 10);
  const bar = page.locator('.toc summary');
  await expect(bar).toBeInViewport();
  expect((await bar.boundingBox())!.y).toBeLessThanOrEqual(1);
  await bar.click();
  const current = page.locator('.toc a:target-current');
  await expect(current).toHaveCount(1);
  await expect(current).toHaveAttribute('href', `#${await chapterOf(page, 'art-60')}`);
  await expectNoAxeViolations(page);

  await page.locator('.toc a[href="#ch-2"]').click();
  await expect(page).toHaveURL(/#ch-2$/);
  await expect(page.locator('.toc details')).not.toHaveAttribute('open');
  // The chapter heading lands below the bar, not under it.
  const heading = (await page.locator('#ch-2 > .division-title').boundingBox())!;
  expect(heading.y).toBeGreaterThanOrEqual((await bar.boundingBox())!.y + (await bar.boundingBox())!.height - 1);
});

test('beside the text on a desktop, the chapter being read is marked', async ({ page, isMobile }) => {
  test.skip(isMobile, 'the desktop layout');
  await page.goto(FULL);
  await expect(page.locator('.toc details')).toHaveAttribute('open');
  const current = page.locator('.toc a:target-current');
  // Chapter 9 fills the screen around article 40: it is the one marked.
  await page.evaluate(() => document.getElementById('art-40')!.scrollIntoView({ block: 'start' }));
  await expect(current).toHaveAttribute('href', `#${await chapterOf(page, 'art-40')}`);
  await expect(current).toHaveCSS('text-decoration-line', 'underline');
  // Elsewhere too the mark follows the reading: a chapter on the screen.
  await page.evaluate(() => document.getElementById('art-12')!.scrollIntoView({ block: 'start' }));
  await expect(current).not.toHaveAttribute('href', `#${await chapterOf(page, 'art-40')}`);
  const href = (await current.getAttribute('href'))!;
  await expect(page.locator(href)).toBeInViewport();
});
