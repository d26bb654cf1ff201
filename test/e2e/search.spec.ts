/**
 * The search page's behaviour (not its timings: scripts/bench-search.ts),
 * on desktop (smoke.spec.ts checks the page on the phone too), under the real CSP, with the shared guards (no console
 * errors, no foreign requests). Contract: results are the <a> elements of
 * #search-results in rank order; related suggestions only in [data-related];
 * #search-results gets data-query="<query>" (and loses aria-busy) when the
 * results for that query are on screen.
 */
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';

const SLUG = 'chaoyang-government-work-rules';
/** The seed's title: the value of the regulation filter that chooses it (content/ holds other regulations too). */
const TITLE = '北京市朝阳区人民政府工作规则';
const article = (n: number) => new RegExp(`^/regulations/${SLUG}/articles/${n}/\\?hl=`);

async function resultsFor(page: Page, q: string): Promise<void> {
  await expect(page.locator('#search-results')).toHaveAttribute('data-query', q);
  await expect(page.locator('#search-results')).not.toHaveAttribute('aria-busy', 'true');
}

/** The search page for `q`, with filters in the URL as a shared search has them (`{ regulation: TITLE }`). */
async function open(page: Page, q: string, filters: Record<string, string> = {}): Promise<void> {
  await page.goto(`/search/?${new URLSearchParams({ q, ...filters })}`);
  await resultsFor(page, q);
}

/** Approval paths are listed just after the clauses: wait until they are in place for this query. */
async function pathsFor(page: Page, q: string): Promise<void> {
  await expect(page.locator('#search-paths')).toHaveAttribute('data-query', q);
}

const results = (page: Page) => page.locator('#search-results a');

test.describe('search', () => {
  test('quotes inside a term do not block it: 三公经费 finds “三公”经费, highlighted whole', async ({ page }) => {
    await open(page, '三公经费');
    await expect(results(page).first()).toHaveAttribute('href', article(34));
    await expect(results(page).first().locator('.excerpt mark').first()).toHaveText('三公”经费');
    await results(page).first().click();
    await expect(page.locator('mark.search-hl').first()).toContainText('经费');
  });

  test('traditional characters and a one-character typo get a "did you mean", never a match', async ({ page }) => {
    for (const [q, meant] of [['區長', '区长'], ['区长办工会议', '区长办公会议']] as const) {
      await open(page, q);
      // No clause holds it whole: nothing, or clauses with some of its words, said so.
      await expect(page.locator('#search-status')).toHaveText(/没有找到|没有条文包含完整的/);
      await expect(page.locator('#search-suggest')).toHaveAttribute('data-query', q);
      await expect(page.locator('#search-suggest a')).toHaveText(meant);
      await page.locator('#search-suggest a').click();
      await resultsFor(page, meant);
      await expect(results(page).first()).toBeVisible();
    }
  });

  test('a pasted citation opens that clause', async ({ page }) => {
    // Bare clause words mean a clause of the chosen regulation; the title names it itself.
    for (const [q, filters] of [
      ['第四十三条第二款', { regulation: TITLE }],
      [`《${TITLE}》第四十三条第二款`, {}],
      ['第43条第2款', { regulation: TITLE }],
    ] as const) {
      await open(page, q, filters);
      await expect(results(page).first(), q).toHaveAttribute('href', new RegExp(`^/regulations/${SLUG}/articles/43/#art-43-p2$`));
    }
  });

  test('golden queries land on the right clause first', async ({ page }) => {
    const golden: [string, number][] = [
      ['重大行政决策', 17], // a term
      ['党派', 19], // inside a word the index-time segmenter split differently (各党|派团|体)
      ['三个工作日', 43], // printed 3个工作日
      ['区长出差谁主持工作', 4], // a question
      ['行政规范性文件能不能设定行政处罚', 15],
      ['出国访问收到的礼品怎么处理', 56], // 接收的礼品 … 统一管理
    ];
    for (const [q, n] of golden) {
      await open(page, q);
      await expect(results(page).first(), q).toHaveAttribute('href', article(n));
    }
  });

  test('each result is one clause: citation, excerpt with the words marked, link carrying the query', async ({ page }) => {
    await open(page, '会议纪要');
    await expect(results(page)).toHaveCount(1);
    const first = results(page).first();
    await expect(first.locator('.citation')).toHaveText('第四十五条 · 第九章 会议制度 · 北京市朝阳区人民政府工作规则');
    await expect(first.locator('.excerpt mark').first()).toHaveText('会议纪要');
    await expect(page.locator('#search-status')).toHaveText('找到 1 条包含“会议纪要”的条文');
  });

  test('approval paths are found too, listed apart from the clauses, and open the path', async ({ page }) => {
    await open(page, '出国访问');
    await pathsFor(page, '出国访问');
    const paths = page.locator('#search-paths a');
    await expect(page.locator('#search-paths')).toBeVisible();
    const hrefs = await paths.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(0);
    await expect(page.getByRole('heading', { name: `审批路径（${hrefs.length}）` })).toBeVisible();
    for (const href of hrefs) expect(href).toMatch(/^\/helpers\/approvals\/overseas-visit\/[a-z-]+\/$/);
    // The clause list holds clauses only.
    for (const href of await results(page).evaluateAll((as) => as.map((a) => a.getAttribute('href')))) expect(href).toMatch(/^\/regulations\//);
    await expect(paths.first().locator('.citation')).toHaveText(/^审批路径 · .+ · .+$/);
    // Titles only, so the first clause stays on the first screen.
    await expect(results(page).first()).toBeInViewport();

    const citation = (await paths.first().locator('.citation').textContent())!;
    await paths.first().click();
    await expect(page).toHaveURL(hrefs[0]!);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(citation.split(' · ').slice(1).join('：'));
  });

  test('opening a result highlights the words on the clause page', async ({ page }) => {
    await open(page, '三个工作日');
    await results(page).first().click();
    await expect(page).toHaveURL(/\/articles\/43\/\?hl=/);
    const marks = page.locator('[data-pagefind-body] mark.search-hl');
    await expect(marks).toHaveText(['3个工作日']);
    await expect(marks.first()).toBeInViewport();
  });

  test('the notice is a result of its own and opens on the regulation page', async ({ page }) => {
    await open(page, '遵照执行');
    await expect(results(page).first()).toHaveAttribute('href', `/regulations/${SLUG}/?hl=${encodeURIComponent('遵照执行')}#notice`);
    await results(page).first().click();
    await expect(page.locator('#notice mark.search-hl')).toHaveText(['遵照执行']);
  });

  test('第四十三条 within the seed finds that article first', async ({ page }) => {
    await open(page, '第四十三条', { regulation: TITLE });
    await expect(results(page).first()).toHaveAttribute('href', `/regulations/${SLUG}/articles/43/`);
    await expect(results(page).first().locator('.excerpt')).toContainText('四十三、');
  });

  test('the URL follows the query, and back returns to the previous search', async ({ page }) => {
    await page.goto('/search/');
    const box = page.getByLabel('关键词或问题');
    await box.fill('请假');
    await resultsFor(page, '请假');
    await expect(page).toHaveURL(/\/search\/\?q=%E8%AF%B7%E5%81%87$/); // replaceState while typing
    await box.press('Enter');
    await box.fill('出差');
    await box.press('Enter'); // pushState
    await resultsFor(page, '出差');
    await expect(page).toHaveURL(/\?q=%E5%87%BA%E5%B7%AE$/);
    await page.goBack();
    await expect(page).toHaveURL(/\?q=%E8%AF%B7%E5%81%87$/);
    await expect(box).toHaveValue('请假');
    await resultsFor(page, '请假');
    await expect(results(page).first()).toHaveAttribute('href', article(69));
  });

  test('the header search box on any page leads here', async ({ page }) => {
    await page.goto('/');
    await page.keyboard.press('/');
    await expect(page.locator('#site-search')).toBeFocused();
    await page.keyboard.type('督促检查');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/search\/\?q=/);
    await resultsFor(page, '督促检查');
    await expect(results(page).first()).toHaveAttribute('href', article(57));
  });

  test('a word found nowhere says so and lists no results', async ({ page }) => {
    await open(page, '疫苗');
    await expect(page.locator('#search-status')).toHaveText('没有找到包含“疫苗”的条文');
    await expect(results(page)).toHaveCount(0);
    await expect(page.locator('[data-related]')).toBeHidden();
    await pathsFor(page, '疫苗');
    await expect(page.locator('#search-paths')).toBeHidden();

    // Partial matches are only ever offered apart, as related clauses.
    await open(page, '养老保险');
    await expect(page.locator('#search-status')).toHaveText('没有找到包含“养老保险”的条文');
    await expect(results(page)).toHaveCount(0);
    await expect(page.locator('[data-related]')).toBeVisible();
    await expect(page.locator('[data-related] a').first()).toHaveAttribute('href', article(11));
  });

  test('filters by chapter, with the count', async ({ page }) => {
    await open(page, '会议');
    const status = page.locator('#search-status');
    const total = Number(/找到 (\d+) 条/.exec((await status.textContent()) ?? '')?.[1]);
    expect(total).toBeGreaterThan(10);
    // Chapters mean something within one regulation: the filter is offered once one is chosen.
    const regulation = page.getByLabel('法规', { exact: true });
    await regulation.selectOption((await regulation.locator('option', { hasText: TITLE }).getAttribute('value'))!);
    await expect(status).toContainText('筛选后显示其中');
    const inSeed = Number(/筛选后显示其中 (\d+) 条/.exec((await status.textContent()) ?? '')?.[1]);
    const chapter = page.getByLabel('章', { exact: true });
    const value = await chapter.locator('option', { hasText: '第九章 会议制度' }).getAttribute('value');
    await chapter.selectOption(value!);
    await resultsFor(page, '会议');
    await expect(page).toHaveURL(/chapter=/);
    await expect(status).toContainText(`找到 ${total} 条`);
    const filtered = Number(/筛选后显示其中 (\d+) 条/.exec((await status.textContent()) ?? '')?.[1]);
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(inSeed);
    await expect(results(page)).toHaveCount(Math.min(filtered, 10));
    for (const citation of await results(page).locator('.citation').allTextContents()) expect(citation).toContain('第九章 会议制度');

    // The filter is part of the shared URL.
    await page.reload();
    await resultsFor(page, '会议');
    await expect(regulation).toHaveValue(TITLE);
    await expect(chapter).toHaveValue(value!);
    await expect(status).toContainText(`筛选后显示其中 ${filtered} 条`);
  });

  test('keyboard: ↓ from the box enters the results, ↑/↓ move, Tab works', async ({ page }) => {
    await open(page, '区政府全体会议');
    await pathsFor(page, '区政府全体会议');
    // Approval paths (listed first) and clauses, in reading order.
    const links = page.locator('#search-paths a, #search-results a');
    const pathCount = await page.locator('#search-paths a').count();
    expect(pathCount).toBeGreaterThan(0);
    const box = page.getByLabel('关键词或问题');
    await box.focus();
    await page.keyboard.press('ArrowDown');
    await expect(links.nth(0)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(links.nth(1)).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(links.nth(0)).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(links.nth(1)).toBeFocused();
    // From the last path, ↓ goes on to the first clause.
    await links.nth(pathCount - 1).focus();
    await page.keyboard.press('ArrowDown');
    await expect(results(page).nth(0)).toBeFocused();
    await page.keyboard.press('Home');
    await expect(links.nth(0)).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(box).toBeFocused();
  });

  test('is labelled and announces the count politely', async ({ page }) => {
    await open(page, '请假');
    await expect(page.getByRole('search', { name: '搜索条文' })).toBeVisible();
    const status = page.locator('#search-status');
    await expect(status).toHaveAttribute('role', 'status');
    await expect(status).toHaveAttribute('aria-live', 'polite');
    await expect(status).toHaveText(/找到 2 条/);
  });

  // axe on a busy 2-core machine takes a while: one state per test, with time to spare.
  test('has no accessibility violations: empty page', async ({ page }) => {
    test.slow();
    await page.goto('/search/');
    await expectNoAxeViolations(page);
  });

  test('has no accessibility violations: results with excerpts and filters', async ({ page }) => {
    test.slow();
    await open(page, '区长出差谁主持工作');
    await pathsFor(page, '区长出差谁主持工作');
    await expect(page.locator('#search-paths a').first()).toBeVisible();
    await expect(results(page).first().locator('.excerpt mark').first()).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('has no accessibility violations: no results, related clauses', async ({ page }) => {
    test.slow();
    await open(page, '养老保险');
    await expect(page.locator('[data-related] .excerpt mark').first()).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
