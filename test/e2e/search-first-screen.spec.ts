/**
 * The best clause is the answer: approval paths never push the first clause
 * below the first screen — on a 375×812 phone, in 大字 mode there, and on a
 * desktop in 大字 mode (issue #15.1). Desktop project only: each case sets
 * its own viewport.
 */
import { expect, test } from './fixtures.ts';

const SCREENS = [
  { name: 'phone 375×812', viewport: { width: 375, height: 812 }, mobile: true, large: false },
  { name: 'phone 375×812 大字', viewport: { width: 375, height: 812 }, mobile: true, large: true },
  { name: 'desktop 1280×900 大字', viewport: { width: 1280, height: 900 }, mobile: false, large: true },
];
// Queries with several matching approval paths (their words are in the paths' titles and steps).
const QUERIES = ['请假', '出国访问', '会议纪要', '区长出差谁主持工作'];

for (const screen of SCREENS) {
  test.describe(screen.name, () => {
    test.use({ viewport: screen.viewport, isMobile: screen.mobile, hasTouch: screen.mobile });

    for (const q of QUERIES) {
      test(`“${q}”: the first clause is on the first screen`, async ({ page }) => {
        if (screen.large) await page.addInitScript(() => localStorage.setItem('text-size', 'large'));
        await page.goto(`/search/?q=${encodeURIComponent(q)}`);
        await expect(page.locator('#search-paths')).toHaveAttribute('data-query', q);
        const first = page.locator('#search-results > li').first();
        await expect(first.locator('.excerpt')).not.toBeEmpty();
        const box = (await first.boundingBox())!;
        const y = box.y + (await page.evaluate(() => window.scrollY));
        expect(y, `y of the first clause for “${q}”`).toBeLessThan(screen.viewport.height);
        // Above the clauses, the paths leave the whole first result on the screen; else they follow the list.
        const pathsAbove = await page.evaluate(() => {
          const paths = document.getElementById('search-paths')!;
          const list = document.getElementById('search-results')!;
          return !paths.hidden && !!(paths.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING);
        });
        if (pathsAbove) expect(y + box.height).toBeLessThanOrEqual(screen.viewport.height);
      });
    }
  });
}

