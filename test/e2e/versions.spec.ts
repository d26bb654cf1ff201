/**
 * Versions and links between regulations, on the committed sample library
 * (test/library/texts): open a work, switch version, compare, follow a
 * citation of another regulation to its clause and come back through 被引用.
 * It runs in the `library` project (playwright.config.ts), which serves that
 * library: `npx playwright test versions --project=library`.
 */
// fixtures.ts: console errors and CSP violations (the forwarding page's inline script) fail the test.
import { expect, expectNoAxeViolations, test } from './fixtures.ts';

const base = '';

test.beforeEach(async ({ request }) => {
  // The library project serves the sample library; anything else is a misconfigured run.
  expect((await request.get('/regulations/监察法/versions.json')).ok()).toBe(true);
});

test('open a work, switch version, and compare the two', async ({ page }) => {
  await page.goto(`${base}/regulations/监察法/`);
  const bar = page.getByRole('navigation', { name: '版本' });
  await expect(bar.getByRole('listitem')).toHaveCount(2);
  await expect(bar.locator('[aria-current="page"]')).toHaveText('2024年12月25日');
  await expect(bar.locator('.status-badge')).toHaveText(['已修改', '现行有效']);
  await expect(page.locator('[data-version-banner]')).toHaveCount(0);

  await bar.getByRole('link', { name: '2018年3月20日' }).click();
  await expect(page).toHaveURL(/\/regulations\/%E7%9B%91%E5%AF%9F%E6%B3%95\/2018-03-20\/$/);
  const banner = page.locator('[data-version-banner]');
  await expect(banner).toContainText('不是现行版本');

  // At 第四十三条 of 2018 the banner leads to its words' place in 2024: 第四十七条.
  await page.goto(`${base}/regulations/监察法/2018-03-20/#art-43`);
  await expect(banner.getByRole('link')).toHaveAttribute('href', /\/regulations\/%E7%9B%91%E5%AF%9F%E6%B3%95\/#art-47$|\/regulations\/监察法\/#art-47$/);

  await page.getByRole('link', { name: '与上一版本对照' }).click();
  await expect(page).toHaveURL(/\/compare\/2018-03-20\/2024-12-25\/$/);
  const summary = page.locator('[data-compare-summary]');
  await expect(summary.locator('[data-count="changed"] strong')).toHaveText('23');
  await expect(summary.locator('[data-count="renumbered"] strong')).toHaveText('34');
  await expect(summary.locator('[data-count="same"] strong')).toHaveText('12');
  const moved = page.locator('#art-47');
  await expect(moved.getByRole('heading')).toContainText('原第四十三条 → 第四十七条');
  const changed = page.locator('#art-12');
  await expect(changed.locator('ins').first()).toBeVisible();
  await expect(changed.locator('ins', { hasText: '中国人民政治协商会议委员会机关' })).toHaveCount(1);
  // Unchanged articles are counted, not listed.
  await expect(page.locator('.compare-list > li')).toHaveCount(66);
  await expectNoAxeViolations(page);
});

test('an article shows its history; an old number says where the article is now', async ({ page }) => {
  await page.goto(`${base}/regulations/监察法/articles/47/`);
  const history = page.locator('[data-article-history]');
  await expect(history).toContainText('本条于 2024 年修改（原第四十三条）');
  await history.getByRole('link', { name: '查看对照' }).click();
  await expect(page).toHaveURL(/\/compare\/2018-03-20\/2024-12-25\/#art-47$/);

  await page.goto(`${base}/regulations/监察法/2018-03-20/articles/43/`);
  await expect(page.locator('[data-now]')).toContainText('本条在现行版本中为第四十七条');
  await expectNoAxeViolations(page);
  await page.locator('[data-version-banner]').getByRole('link').click();
  await expect(page).toHaveURL(/\/regulations\/%E7%9B%91%E5%AF%9F%E6%B3%95\/articles\/47\/$/);
});

test('the dated URL of the current version forwards to the bare URL, keeping the clause', async ({ page }) => {
  await page.goto(`${base}/regulations/监察法/2024-12-25/#art-3`);
  await expect(page).toHaveURL(/\/regulations\/%E7%9B%91%E5%AF%9F%E6%B3%95\/#art-3$/);
  await page.goto(`${base}/regulations/监察法/2024-12-25/articles/47/`);
  await expect(page).toHaveURL(/\/regulations\/%E7%9B%91%E5%AF%9F%E6%B3%95\/articles\/47\/$/);
});

test('a citation of another regulation leads to its clause, and 被引用 leads back', async ({ page }) => {
  await page.goto(`${base}/regulations/国务院组织法/1982-12-10/articles/3/`);
  const link = page.locator('[data-source-text] a.xref-citation', { hasText: '第八十九条' });
  await expect(link).toHaveAttribute('href', '/regulations/宪法/#art-89');
  await link.click();
  await expect(page).toHaveURL(/\/regulations\/%E5%AE%AA%E6%B3%95\/#art-89$/);
  await expect(page.locator('#art-89')).toBeInViewport();

  await page.goto(`${base}/regulations/宪法/articles/89/`);
  const citedBy = page.locator('[data-cited-by]');
  await expect(citedBy.getByRole('heading')).toHaveText('被引用（1）');
  await citedBy.getByRole('link', { name: /国务院组织法.*第三条$/ }).click();
  await expect(page).toHaveURL(/\/regulations\/%E5%9B%BD%E5%8A%A1%E9%99%A2%E7%BB%84%E7%BB%87%E6%B3%95\/1982-12-10\/articles\/3\/#art-3-p1$/);
});

test('a work’s versions as JSON, and the change feed', async ({ request }) => {
  const versions = await (await request.get(`${base}/regulations/监察法/versions.json`)).json();
  expect(versions.versions.map((v: { version: string; status: string }) => `${v.version} ${v.status}`)).toEqual(['2018-03-20 amended', '2024-12-25 inForce']);
  const tree = await (await request.get(`${base}${versions.versions[0].json}`)).json();
  expect(tree.type).toBe('regulation');
  const feed = await (await request.get(`${base}/feeds/versions.xml`)).text();
  expect(feed).toContain('/regulations/%E7%9B%91%E5%AF%9F%E6%B3%95/compare/2018-03-20/2024-12-25/');
});

test('an amending decision links each statement to the article of the version it amended, which shows it under 被引用', async ({ page }) => {
  const decision = '最高人民法院关于修改最高人民法院关于破产企业国有划拨土地使用权应否列入破产财产等问题的批复等二十九件商事类司法解释的决定';
  const amended = '最高人民法院关于适用公司法若干问题的规定-三';
  await page.goto(`${base}/regulations/${decision}/`);
  // 六、修改《…公司法…规定（三）》 1.将第二条修改为：— 第二条 of that interpretation, not of the decision.
  const link = page.locator(`[data-source-text] a.xref-citation[href="/regulations/${amended}/#art-2"]`);
  await expect(link).toHaveCount(1);
  await expect(link).toHaveText('第二条');
  await expect(link).toHaveAttribute('title', /规定（三）》第二条（本决定修改前的版本）$/);
  await link.click();
  await expect(page).toHaveURL(/#art-2$/);
  await expect(page.locator('#art-2')).toBeInViewport();

  await page.goto(`${base}/regulations/${amended}/articles/2/`);
  const citedBy = page.locator('[data-cited-by]');
  await expect(citedBy.getByRole('link', { name: /二十九件商事类司法解释的决定/ })).toHaveCount(1);
  await expectNoAxeViolations(page);
});
