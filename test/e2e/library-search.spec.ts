/**
 * Search over the sample library (test/library/texts: 57 real texts), served
 * by the `library` project (playwright.config.ts): a title, a phrase, a
 * citation and a filter each land on the right clause, with the words
 * highlighted there.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const BASE = '';

async function search(page: Page, q: string, params = ''): Promise<void> {
  await page.goto(`${BASE}/search/?q=${encodeURIComponent(q)}${params}`);
  await expect(page.locator('#search-results')).toHaveAttribute('data-query', q);
  await expect(page.locator('#search-results')).not.toHaveAttribute('aria-busy', 'true');
}

const first = (page: Page) => page.locator('#search-results a').first();
const path = (href: string | null) => decodeURI((href ?? '').replace(/[?#].*$/, ''));

test('a short title lists that regulation first', async ({ page }) => {
  await search(page, '监察法');
  expect(path(await first(page).getAttribute('href'))).toBe('/regulations/监察法/');
  await expect(first(page).locator('.citation')).toContainText('监察法');
  await first(page).click();
  await expect(page).toHaveURL(/\/regulations\/%E7%9B%91%E5%AF%9F%E6%B3%95\/$/);
});

test('a phrase from an article finds it first, highlighted in the excerpt and on the page', async ({ page }) => {
  const phrase = '国务院全体会议的';
  await search(page, phrase);
  expect(path(await first(page).getAttribute('href'))).toBe('/regulations/国务院组织法/articles/8/');
  await expect(first(page).locator('.citation')).toContainText('国务院组织法');
  await expect(first(page).locator('.excerpt mark').first()).toHaveText(phrase);
  await first(page).click();
  await expect(page.locator('mark.search-hl').first()).toHaveText(phrase);
  await expect(page.locator('mark.search-hl').first()).toBeInViewport();
});

test('a pasted citation with 《title》 and 款 opens that paragraph', async ({ page }) => {
  await search(page, '《中华人民共和国慈善法》第二十六条第二款');
  const href = await first(page).getAttribute('href');
  expect(path(href)).toBe('/regulations/慈善法/articles/26/');
  expect(href).toMatch(/#art-26-p2$/);
  await first(page).click();
  await expect(page.locator('#art-26-p2')).toBeInViewport();
  // Arabic numerals and no title marks: the same article.
  await search(page, '慈善法第26条');
  expect(path(await first(page).getAttribute('href'))).toBe('/regulations/慈善法/articles/26/');
});

test('the regulation filter, with counts, narrows a term to one regulation, and the clause opens highlighted', async ({ page }) => {
  await search(page, '国务院');
  // Results from many regulations: no chapter filter merging their "第一章 总则".
  await expect(page.locator('select[data-filter="chapter"] option')).toHaveCount(1);
  const select = page.locator('select[data-filter="regulation"]');
  const option = select.locator('option', { hasText: '国务院组织法' }).first();
  await expect(option).toHaveText(/（\d+）$/);
  const count = Number(/（(\d+)）$/.exec((await option.textContent()) ?? '')![1]);
  await select.selectOption({ label: (await option.textContent())! });
  await expect(page.locator('#search-results a')).toHaveCount(Math.min(count, 10));
  for (const href of await page.locator('#search-results a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
    expect(path(href)).toMatch(/^\/regulations\/国务院组织法\//);
  }
  await first(page).click();
  await expect(page.locator('mark.search-hl').first()).toHaveText('国务院');
});

test('an absent word finds nothing', async ({ page }) => {
  await search(page, '色十位务');
  await expect(page.locator('#search-results a')).toHaveCount(0);
  await expect(page.locator('#search-status')).toContainText('没有找到');
});

test('older versions stay out of the results until the status filter asks; kind and status filters show counts', async ({ page }) => {
  // 监察法 has a current version and a superseded one (2018-03-20, 已修改).
  await search(page, '监察委员会');
  const hrefs = () => page.locator('#search-results a').evaluateAll((as) => as.map((a) => decodeURI(a.getAttribute('href') ?? '')));
  expect((await hrefs()).some((h) => h.includes('/2018-03-20/'))).toBe(false);
  await expect(page.locator('#search-status')).toContainText('出自已修改的旧版本');
  const status = page.locator('select[data-filter="status"]');
  const older = status.locator('option', { hasText: '已修改' });
  await expect(older).toHaveText(/^已修改（\d+）$/);
  const count = Number(/（(\d+)）$/.exec((await older.textContent()) ?? '')![1]);
  await status.selectOption({ label: (await older.textContent())! });
  await expect(page).toHaveURL(/[?&]status=amended(&|$)/);
  await expect(page.locator('#search-results a')).toHaveCount(Math.min(count, 10));
  for (const h of await hrefs()) expect(h).toMatch(/^\/regulations\/[^?]+\/\d{4}-\d{2}-\d{2}\//);
  // A phrase only an older version has: that version is the answer, said to be one.
  await search(page, '可以代表国务院进行');
  expect(path(await first(page).getAttribute('href'))).toBe('/regulations/国务院组织法/1982-12-10/articles/6/');
  await expect(page.locator('#search-status')).toContainText('出自已修改的旧版本');
  await search(page, '监察委员会', '&status=amended');
  // Kind: every result listed is of that kind (法律: the 宪法 itself is a kind of its own).
  await status.selectOption('');
  await expect(page).not.toHaveURL(/status=/);
  const kind = page.locator('select[data-filter="kind"]');
  const law = kind.locator('option', { hasText: /^法律（/ });
  await expect(law).toHaveText(/^法律（\d+）$/);
  const laws = Number(/（(\d+)）$/.exec((await law.textContent()) ?? '')![1]);
  await kind.selectOption({ label: (await law.textContent())! });
  await expect(page.locator('#search-results a')).toHaveCount(Math.min(laws, 10));
  await expect(page.locator('#search-status')).toContainText(`筛选后显示其中 ${laws} 条`);
  // The filters are in the URL: a shared link shows the same.
  await page.goto(page.url());
  await expect(page.locator('#search-results')).toHaveAttribute('data-query', '监察委员会');
  await expect(page.locator('select[data-filter="kind"]')).toHaveValue('法律');
});
