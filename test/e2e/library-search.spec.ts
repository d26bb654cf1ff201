/**
 * Search over the sample library (test/library/texts: 55 real texts), served
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
