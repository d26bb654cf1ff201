/**
 * The library site over the committed sample library (57 real texts), built
 * once: the home page leads in, browsing by kind and by issuer, the listing
 * paged without JavaScript and filtered with it, axe, page budgets. The
 * expected sets come from the build's own /library.json (every work once),
 * so the checks hold whatever the sample holds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { decodeLibrary, type CompactLibrary, type ListedWork } from '../../src/library/compact.ts';
import { pagesOverBudget } from '../../src/integration/page-budget.ts';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';
import { LIBRARY_DIST } from './ports.ts';

// The `library` project serves the sample library built into LIBRARY_DIST (playwright.config.ts).
const outDir = LIBRARY_DIST;
let works: ListedWork[] = [];
let data: CompactLibrary;

/** Titles of every entry, following 下一页 to the last page. */
async function allPages(page: Page): Promise<string[]> {
  const titles: string[] = [];
  for (;;) {
    titles.push(...(await page.locator('[data-entries] li > a').allTextContents()));
    const next = page.locator('[data-pager] a[rel="next"]');
    if (!(await next.count())) return titles;
    await next.click();
  }
}

const sorted = (xs: string[]) => [...xs].sort();

test.describe('the library site (sample library)', () => {
  test.skip(({ isMobile }) => isMobile, 'one build, one viewport: layout on phones is covered by smoke.spec.ts');
  test.beforeAll(() => {
    data = JSON.parse(readFileSync(join(outDir, 'library.json'), 'utf8')) as CompactLibrary;
    works = decodeLibrary(data);
  });

  test('the home page leads into the library: counts, every kind, issuers, newest — not every text', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('.counts')).toContainText(`${works.length} 部法规`);
    const kindLinks = page.locator('.facet-links').first().locator('li a');
    expect(sorted(await kindLinks.allTextContents())).toEqual(sorted(data.kinds));
    await expect(page.getByRole('link', { name: '浏览、筛选全部法规' })).toHaveAttribute('href', '/regulations/');
    const listed = await page.locator('[data-entries] li').count();
    expect(listed).toBeGreaterThan(0);
    expect(listed).toBeLessThan(works.length);
    expect(gzipSync(readFileSync(join(outDir, 'index.html'))).length).toBeLessThanOrEqual(50 * 1024);
    await expectNoAxeViolations(page);
  });

  test('browse by kind: a kind page lists exactly that kind’s works, page by page; a text links back to it', async ({ page }) => {
    const biggest = data.kinds.map((k) => ({ k, n: works.filter((w) => w.kind === k).length })).sort((a, b) => b.n - a.n)[0]!;
    await page.goto('/');
    await page.locator('.facet-links').first().getByRole('link', { name: biggest.k, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(biggest.k);
    await expect(page.locator('.lede')).toContainText(`共 ${biggest.n} 部`);
    const titles = await allPages(page);
    expect(sorted(titles)).toEqual(sorted(works.filter((w) => w.kind === biggest.k).map((w) => w.title)));
    await expectNoAxeViolations(page);

    // A text's metadata card and its articles' breadcrumbs lead back to the kind.
    const first = page.locator('[data-entries] li > a').first();
    const title = (await first.textContent())!;
    await first.click();
    const textUrl = page.url();
    await page.goto(`${textUrl}articles/1/`);
    const crumbs = page.getByRole('navigation', { name: '所在位置' });
    await expect(crumbs.getByRole('link').nth(0)).toHaveText('全部法规');
    await expect(crumbs.getByRole('link').nth(1)).toHaveText(biggest.k);
    await expect(crumbs.getByRole('link').nth(2)).toHaveText(title);
    await page.goto(textUrl);
    await page.locator('.meta-card').getByRole('link', { name: biggest.k }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(biggest.k);
  });

  test('browse by issuer: every issuer with its count; an issuer page lists exactly its works', async ({ page }) => {
    await page.goto('/issuers/');
    const links = page.locator('main .facet-links li');
    expect(await links.count()).toBe(data.issuers.length);
    await expectNoAxeViolations(page);
    const issuer = data.issuers[0]!;
    await page.locator('main .facet-links').getByRole('link', { name: issuer, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(issuer);
    expect(sorted(await allPages(page))).toEqual(sorted(works.filter((w) => w.issuer === issuer).map((w) => w.title)));
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('the listing pages through every work once, newest first; the filter form stays hidden', async ({ page }) => {
      await page.goto('/regulations/');
      await expect(page.locator('form[data-library-filter]')).toBeHidden();
      await expect(page.locator('[data-entries] li')).toHaveCount(Math.min(20, works.length));
      const titles = await allPages(page);
      expect(page.url()).toMatch(/\/regulations\/page\/\d+\/$/);
      expect(titles).toEqual(works.map((w) => w.title));
      expect(new Set(titles).size).toBe(works.length);
      const dates = works.map((w) => w.date).filter(Boolean);
      expect(dates).toEqual([...dates].sort().reverse());
      await page.goto('/regulations/page/2/');
      await expect(page.locator('[data-entries]')).toHaveAttribute('start', '21');
    });
  });

  test('with JavaScript: title words, kind and sort filter the whole library; the filters live in the URL', async ({ page }) => {
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto('/regulations/');
    const form = page.locator('form[data-library-filter]');
    await expect(form).toBeVisible();
    expect(fetched, 'the index loads on demand, not with the page').not.toContain('/library.json');

    const word = '条例';
    const expected = works.filter((w) => w.title.includes(word));
    await page.getByLabel('标题关键词').fill(word);
    await expect(form.locator('[data-count]')).toHaveText(`找到 ${expected.length} 部`);
    await expect(page).toHaveURL(/\?q=%E6%9D%A1%E4%BE%8B$/);
    expect(fetched).toContain('/library.json');
    await expect(page.locator('[data-pager]')).toBeHidden();

    const kind = expected[0]!.kind;
    await page.getByLabel('类别', { exact: true }).selectOption(kind);
    await page.getByLabel('排序').selectOption('title');
    const both = expected.filter((w) => w.kind === kind).map((w) => w.title).sort(new Intl.Collator('zh-CN').compare);
    await expect(page.locator('[data-entries] li > a')).toHaveText(both.slice(0, 50));
    await expect(page).toHaveURL(new RegExp(`kind=${encodeURIComponent(kind)}.*sort=title`));
    await expectNoAxeViolations(page);

    // The URL alone brings the same list back (a shared or bookmarked search).
    await page.reload();
    await expect(page.getByLabel('标题关键词')).toHaveValue(word);
    await expect(page.locator('[data-entries] li > a')).toHaveText(both.slice(0, 50));

    await page.getByRole('button', { name: '清除' }).click();
    await expect(page).toHaveURL(/\/regulations\/$/);
    await expect(page.locator('[data-entries] li')).toHaveCount(Math.min(20, works.length));
    await expect(page.locator('[data-pager]')).toBeVisible();
  });

  test('with JavaScript: a reader finds any text in a few keystrokes; status, issuer and year narrow it', async ({ page }) => {
    // The least common pair of characters of a title picks it out.
    const target = works[Math.floor(works.length / 2)]!;
    const count = (s: string) => works.filter((w) => w.title.includes(s)).length;
    const pairs = [...target.title].slice(0, -1).map((c, i) => c + [...target.title][i + 1]!).filter((p) => !/[\s《》（）()]/.test(p));
    const pair = pairs.sort((a, b) => count(a) - count(b))[0]!;
    await page.goto('/regulations/');
    await page.getByLabel('标题关键词').pressSequentially(pair);
    await expect(page.locator('[data-entries] li > a', { hasText: target.title }).first()).toBeVisible();
    expect(await page.locator('[data-entries] li').count()).toBe(count(pair));

    const year = target.date.slice(0, 4) || data.works[0]![4].slice(0, 4);
    const issuer = target.issuer ?? data.issuers[0]!;
    await page.goto(`/regulations/?issuer=${encodeURIComponent(issuer)}&year=${year}&status=inForce`);
    const expected = works.filter((w) => w.issuer?.includes(issuer) && w.date.startsWith(year) && w.status === 'inForce');
    await expect(page.locator('form [data-count]')).toHaveText(expected.length ? `找到 ${expected.length} 部` : /没有符合条件/);
    expect(sorted(await page.locator('[data-entries] li > a').allTextContents())).toEqual(sorted(expected.map((w) => w.title)));
  });

  test('a heading that lost its 第X章 shows the inferred number as chrome, in the heading and the 目录; axe clean', async ({ page }) => {
    // 规划建设 is printed without 第二章 (docs/refused-texts.md): published as ch-2, inferred.
    await page.goto('/regulations/山东省台儿庄古城保护管理条例/');
    const heading = page.locator('#ch-2 > .division-title');
    await expect(heading).toHaveText('〔第二章〕（原文未印此编号） 规划建设');
    await expect(heading.locator('[data-chrome]')).toHaveText('〔第二章〕（原文未印此编号）');
    await expect(page.locator('nav.toc a[href$="#ch-2"]')).toHaveText('〔第二章〕 规划建设');
    await expectNoAxeViolations(page);
  });

  test('the reference pages and a kind index are axe clean', async ({ page }) => {
    test.setTimeout(90_000);
    for (const path of ['/kinds/', '/documents/', '/glossary/']) {
      await page.goto(path);
      await expectNoAxeViolations(page);
    }
  });

  test('the ways into the library are axe clean: home, the listing (its filters shown), an issuer page and a kind page', async ({ page }) => {
    test.setTimeout(90_000);
    for (const path of ['/', '/regulations/', '/issuers/']) {
      await page.goto(path);
      await expectNoAxeViolations(page);
    }
    // The first issuer and the first kind as the index pages link them.
    for (const index of ['/issuers/', '/kinds/']) {
      await page.goto(index);
      await page.locator(`main a[href^="${index}"]:not([href="${index}"])`).first().click();
      await expect(page.locator('[data-entries] li').first()).toBeVisible();
      await expectNoAxeViolations(page);
    }
  });

  test('no page is over its budget; the listing index is small', async () => {
    expect(await pagesOverBudget(outDir)).toEqual([]);
    expect(gzipSync(readFileSync(join(outDir, 'library.json'))).length).toBeLessThan(200 * 1024);
  });
});
