/**
 * A long real text in parts (src/render/text-parts.ts; docs/urls.md "Long
 * texts in parts"): 《人民检察院刑事诉讼规则》 (684 articles, 105,436
 * characters) in the sample library. Every part within the page budget, every
 * clause on exactly one part, old permalinks sent on to the part holding them,
 * the 目录 leading there without JavaScript, axe clean.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PAGE_BUDGET } from '../../src/integration/page-budget.ts';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';
import { LIBRARY_DIST } from './ports.ts';

const SLUG = '人民检察院刑事诉讼规则';
const BASE = `/regulations/${SLUG}/`;
const file = (path: string) => join(LIBRARY_DIST, decodeURIComponent(path), 'index.html');
const partPaths = (): string[] => {
  const out = [BASE];
  while (existsSync(file(`${BASE}page/${out.length + 1}/`))) out.push(`${BASE}page/${out.length + 1}/`);
  return out;
};

test.describe('a long text in parts (sample library)', () => {
  test.skip(({ isMobile }) => isMobile, 'one build, one viewport');

  test('is split into parts, each within the page budget, each article on exactly one', () => {
    const paths = partPaths();
    expect(paths.length).toBeGreaterThanOrEqual(2);
    const seen: string[] = [];
    for (const path of paths) {
      const html = readFileSync(file(path));
      expect(gzipSync(html).length, path).toBeLessThan(PAGE_BUDGET);
      seen.push(...[...html.toString('utf8').matchAll(/class="article" id="(art-[\d-]+)"/g)].map((m) => m[1]!));
    }
    expect(seen).toHaveLength(684);
    expect(new Set(seen).size).toBe(684);
    // The downloads stay whole.
    expect(readFileSync(join(LIBRARY_DIST, 'regulations', `${SLUG}.txt`)).length).toBe(310_946);
  });

  test('a permalink of a clause on a later part lands on it there, fragment kept, focused', async ({ page }) => {
    await page.goto(`${BASE}#art-600-p1`);
    await expect(page).toHaveURL(/\/page\/\d+\/#art-600-p1$/);
    await expect(page.locator('#art-600-p1')).toBeFocused();
    await expect(page.locator('#art-600-p1')).toHaveClass(/is-target/);
    // Back from there to the first part's clause: the script sends it back.
    const back = page.url().replace(/#.*$/, '#art-1');
    await page.goto(back);
    await expect(page).toHaveURL(new RegExp(`/regulations/${encodeURIComponent(SLUG)}/#art-1$`));
    await expect(page.locator('#art-1')).toBeFocused();
  });

  test('without JavaScript the 目录 leads to the part holding a chapter; part links and rel=prev/next', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(BASE);
    const last = page.locator('.toc a').last();
    const href = (await last.getAttribute('href'))!;
    expect(href).toMatch(/\/page\/\d+\/#/);
    await page.goto(href);
    await expect(page.locator(`[id="${href.split('#')[1]}"]`)).toHaveCount(1);
    await expect(page.locator('link[rel="prev"]')).toHaveCount(1);
    await expect(page.locator('.part-nav a[aria-current="page"]')).toHaveCount(1);
    // Every part says what it is and links back to the regulation page.
    await expect(page.locator('h1')).toContainText('部分');
    await expect(page.locator('.crumbs a').last()).toHaveAttribute('href', BASE);
    await context.close();
  });

  test('every part is axe clean', async ({ page }) => {
    // axe over 684 articles' markup takes seconds a page on a loaded machine.
    test.setTimeout(180_000);
    for (const path of partPaths()) {
      await page.goto(path);
      await expectNoAxeViolations(page);
    }
  });
});
