/**
 * The regulation pages as a reader uses them: opening a clause link, copying
 * a link or a citation, the keyboard alone, a 360 px phone, dark mode, large
 * text, print, and no JavaScript at all.
 */
import { expect, expectNoAxeViolations, test } from './fixtures.ts';

const SLUG = 'chaoyang-government-work-rules';
const REG = `/regulations/${SLUG}/`;
const ARTICLE = `${REG}articles/43/`;
const TITLE = '北京市朝阳区人民政府工作规则';

/** The absolute URL the site publishes for a path (from <link rel=canonical>, i.e. astro.config `site`). */
async function canonical(page: import('@playwright/test').Page): Promise<string> {
  return (await page.locator('link[rel="canonical"]').getAttribute('href'))!;
}

test.describe('a clause link', () => {
  test('scrolls to the clause, highlights it and moves focus to it', async ({ page }) => {
    await page.goto(`${REG}#art-43-p2`);
    const clause = page.locator('#art-43-p2');
    await expect(clause).toBeInViewport();
    await expect(clause).toBeFocused();
    await expect(clause).toHaveClass(/\bis-target\b/);
    // The highlight is CSS, visible as a background different from the page's.
    const bg = await clause.evaluate((el) => getComputedStyle(el).backgroundColor);
    const pageBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).not.toBe(pageBg);
  });

  test('follows in-page hash changes too', async ({ page }) => {
    await page.goto(REG);
    await page.evaluate(() => (location.hash = '#art-38-p1-i5'));
    await expect(page.locator('#art-38-p1-i5')).toBeFocused();
    await expect(page.locator('.is-target')).toHaveCount(1);
  });
});

test.describe('copying', () => {
  test.beforeEach(async ({ context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  });

  test('copy link puts the absolute clause URL on the clipboard', async ({ page }) => {
    await page.goto(REG);
    const base = await canonical(page);
    const para = page.locator('#art-43-p2');
    await para.hover();
    await para.locator(':scope > .text > a.anchor').click();
    await page.getByRole('button', { name: '复制链接' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${base}#art-43-p2`);
    await expect(page.getByRole('status')).toHaveText('已复制链接');
  });

  test('copy citation puts the formal citation and the URL on the clipboard', async ({ page }) => {
    await page.goto(REG);
    const base = await canonical(page);
    const para = page.locator('#art-43-p2');
    await para.hover();
    await para.locator(':scope > .text > a.anchor').click();
    await page.getByRole('button', { name: '复制引文' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`《${TITLE}》第四十三条第二款 ${base}#art-43-p2`);
  });

  test('an item is cited down to its 项, and the article page copies full-text URLs', async ({ page }) => {
    await page.goto(`/regulations/${SLUG}/articles/3/`);
    const item = page.locator('#art-3-p1-i5');
    await item.hover();
    await item.locator(':scope > .text > a.anchor').click();
    await page.getByRole('button', { name: '复制引文' }).click();
    const full = (await canonical(page)).replace(/articles\/3\/$/, '');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`《${TITLE}》第三条第五项 ${full}#art-3-p1-i5`);
  });

  test('Escape closes the menu and returns focus to the anchor', async ({ page }) => {
    await page.goto(REG);
    const anchor = page.locator('#art-43 > a.anchor');
    await page.locator('#art-43').hover();
    await anchor.click();
    await expect(page.getByRole('button', { name: '复制链接' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.locator('.clause-menu')).toBeHidden();
    await expect(anchor).toBeFocused();
    await expect(anchor).toHaveAttribute('aria-expanded', 'false');
  });
});

test.describe('keyboard only', () => {
  test('Tab reaches the skip link, then a clause anchor, and Enter copies its citation', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(REG);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: '跳到正文' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.locator('#main')).toBeFocused();

    // Tab on through the metadata and contents until the first clause anchor.
    let onAnchor = false;
    for (let i = 0; i < 60 && !onAnchor; i++) {
      await page.keyboard.press('Tab');
      onAnchor = await page.evaluate(() => document.activeElement?.matches('a.anchor') ?? false);
    }
    expect(onAnchor, 'a clause anchor is reachable by Tab').toBe(true);
    const anchor = page.locator('a.anchor:focus');
    await expect(anchor).toHaveCSS('opacity', '1');
    const label = await anchor.getAttribute('aria-label');
    // The menu cites the clause its label names, in full.
    const cite = `《${TITLE}》${label!.replace(/的链接$/, '')}`;
    const hash = await anchor.evaluate((a) => (a as HTMLAnchorElement).hash);
    expect(label).toMatch(/^第.+条.*的链接$/);

    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: '复制链接' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: '复制引文' })).toBeFocused();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${cite} ${await canonical(page)}${hash}`);
  });

  test('/ focuses the search box, but not while typing in it', async ({ page }) => {
    await page.goto(REG);
    await page.keyboard.press('/');
    const box = page.locator('#site-search');
    await expect(box).toBeFocused();
    await page.keyboard.type('会议/制度');
    await expect(box).toHaveValue('会议/制度');
  });

  test('the search box submits to /search/ as ?q=', async ({ page }) => {
    await page.goto('/');
    const form = page.locator('form[role="search"]');
    await expect(form).toHaveAttribute('action', '/search/');
    await expect(form).toHaveAttribute('method', 'get');
    await expect(page.getByLabel('搜索法规条文')).toHaveAttribute('name', 'q');
  });
});

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  for (const path of ['/', REG, ARTICLE]) {
    test(`${path} has no horizontal scroll`, async ({ page }) => {
      await page.goto(path);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    });
  }

  test('a clause’s # mark never wraps onto a line of its own', async ({ page }) => {
    await page.goto(REG);
    // Phone widths, in steps small enough that some clause ends exactly at a line end.
    for (let width = 300; width <= 480; width += 4) {
      await page.setViewportSize({ width, height: 740 });
      const alone = await page.evaluate(() => {
        const out: string[] = [];
        for (const a of document.querySelectorAll<HTMLAnchorElement>('.text > a.anchor')) {
          let node: Node | null = a.previousSibling;
          while (node && node.nodeType !== Node.TEXT_NODE) node = node.lastChild;
          if (!(node instanceof Text) || !node.data) continue;
          const last = document.createRange();
          last.setStart(node, node.data.length - 1);
          last.setEnd(node, node.data.length);
          const char = [...last.getClientRects()].at(-1)!;
          const mark = a.getClientRects()[0]!;
          if (Math.abs(char.top - mark.top) > 4) out.push(a.hash);
        }
        return out;
      });
      expect(alone, `${width} px`).toEqual([]);
    }
  });

    test('the contents start folded and open on demand', async ({ page }) => {
    await page.goto(REG);
    const toc = page.locator('.toc details');
    await expect(toc).not.toHaveAttribute('open');
    await page.getByText('目录', { exact: true }).click();
    await expect(page.locator('.toc').getByRole('link', { name: '第九章 会议制度' })).toBeVisible();
  });
});

test.describe('on a wide screen', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('the contents are open and stay beside the text', async ({ page }) => {
    await page.goto(`${REG}#art-60`);
    const link = page.locator('.toc').getByRole('link', { name: '第九章 会议制度' });
    await expect(link).toBeInViewport();
  });
});

test.describe('dark mode', () => {
  test.use({ colorScheme: 'dark' });
  // axe over the full text (thousands of text nodes for color-contrast) is slow on a busy 2-core runner.
  test.slow();

  for (const path of ['/', REG, ARTICLE, `${REG}#art-43-p2`]) {
    test(`${path} is axe-clean (contrast) in dark mode`, async ({ page }) => {
      await page.goto(path);
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(bg, 'dark background').not.toBe('rgb(252, 252, 250)');
      await expectNoAxeViolations(page);
    });
  }
});

test('a highlighted clause is axe-clean in light mode', async ({ page }) => {
  test.slow();
  await page.goto(`${REG}#art-38-p1-i5`);
  await expectNoAxeViolations(page);
});

test.describe('large text (适老化)', () => {
  test('the toggle enlarges the text and the choice survives a reload', async ({ page }) => {
    test.slow();
    await page.goto(REG);
    const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    const before = await size();
    const toggle = page.getByRole('button', { name: '大字' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(await size()).toBeGreaterThan(before);

    await page.goto(ARTICLE);
    // Set by the inline <head> script, before any module script or paint.
    await expect(page.locator('html')).toHaveAttribute('data-text-size', 'large');
    await expect(page.getByRole('button', { name: '大字' })).toHaveAttribute('aria-pressed', 'true');
    await expectNoAxeViolations(page);
  });
});

test.describe('print', () => {
  test('prints the text with its clause numbers and the page URL, without navigation', async ({ page }) => {
    await page.goto(REG);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header')).toBeHidden();
    await expect(page.locator('.toc')).toBeHidden();
    await expect(page.locator('.print-url')).toBeVisible();
    await expect(page.locator('.print-url')).toContainText(await canonical(page));
    await expect(page.locator('#art-43 .art-label')).toHaveText('四十三、');
    await expect(page.locator('#art-43 .art-label')).toBeVisible();
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the whole text reads, anchors are plain permalinks, targets are highlighted', async ({ page }) => {
    await page.goto(`${REG}#art-43-p2`);
    await expect(page.locator('#art-72')).toContainText('本规则自印发之日起施行');
    const anchor = page.locator('#art-43-p2 > .text > a.anchor');
    await expect(anchor).toHaveAttribute('href', '#art-43-p2');
    const bg = await page.locator('#art-43-p2').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(bg).not.toBe(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
    // The contents still open and close (a <details>).
    await page.locator('.toc summary').click();
    await expect(page.locator('.toc').getByRole('link', { name: '第十五章 附则' })).toBeVisible();
  });

  test('an article page reads and links to its neighbours and the full text', async ({ page }) => {
    await page.goto(ARTICLE);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('第四十三条');
    await expect(page.getByRole('link', { name: /上一条/ })).toHaveAttribute('href', `${REG}articles/42/`);
    await expect(page.getByRole('link', { name: /下一条/ })).toHaveAttribute('href', `${REG}articles/44/`);
    await expect(page.getByRole('link', { name: '在全文中查看' })).toHaveAttribute('href', `${REG}#art-43`);
  });
});

test.describe('structure', () => {
  test('the regulation page has landmarks and headings in order', async ({ page }) => {
    await page.goto(REG);
    await expect(page.getByRole('banner')).toHaveCount(1);
    await expect(page.getByRole('main')).toHaveCount(1);
    await expect(page.getByRole('contentinfo')).toHaveCount(1);
    const levels = await page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!, `heading ${i}`).toBeLessThanOrEqual(1);
    await expect(page.locator('h2.division-title')).toHaveCount(15);
    await expect(page.locator('h3.art-label')).toHaveCount(72);
  });

  test('article pages carry a share preview', async ({ page }) => {
    await page.goto(ARTICLE);
    const meta = (p: string) => page.locator(`meta[property="${p}"], meta[name="${p}"]`).first().getAttribute('content');
    expect(await meta('og:title')).toBe(`《${TITLE}》第四十三条`);
    expect(await meta('og:url')).toMatch(/^https:\/\/.+\/regulations\/chaoyang-government-work-rules\/articles\/43\/$/);
    expect((await meta('og:description'))!.length).toBeGreaterThan(20);
    expect(await meta('twitter:card')).toBe('summary');
  });

  test('the regulation page declares schema.org Legislation', async ({ page }) => {
    await page.goto(REG);
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(ld).toMatchObject({ '@type': 'Legislation', legislationIdentifier: '朝政发〔2023〕5号', inLanguage: 'zh-CN' });
  });

  test('the downloads are the source bytes and the tree', async ({ page, request }) => {
    await page.goto(REG);
    const txt = await request.get(`/regulations/${SLUG}.txt`);
    expect(txt.ok()).toBe(true);
    const { readFileSync } = await import('node:fs');
    expect(Buffer.compare(await txt.body(), readFileSync(`content/regulations/${SLUG}.txt`))).toBe(0);
    const json = await (await request.get(`/regulations/${SLUG}.json`)).json();
    expect(json.type).toBe('regulation');
    expect(json.slug).toBe(SLUG);
    // The metadata a reader filters by travels with the tree (docs/tree.md "Meta").
    expect(json.meta).toMatchObject({ kind: '规范性文件', docNumber: '朝政发〔2023〕5号', issued: '2023-04-06' });
    expect(json.meta.history.map((h: { date: string; event: string }) => `${h.date} ${h.event}`)).toEqual(['2023-04-06 公布', '2023-03-27 通过']);
  });
});

test.describe('Pagefind markup', () => {
  test('an article page indexes its text with citation, chapter and regulation', async ({ page }) => {
    await page.goto(ARTICLE);
    const body = page.locator('[data-pagefind-body]');
    await expect(body).toHaveCount(1);
    await expect(body.locator('#art-43')).toHaveCount(1);
    const metas = await body.locator('[data-pagefind-meta]').evaluateAll((els) => els.map((e) => e.getAttribute('data-pagefind-meta')));
    expect(metas).toEqual(
      expect.arrayContaining([`citation:第四十三条 · 第九章 会议制度 · ${TITLE}`, `regulation:${TITLE}`, 'article:43', `slug:${SLUG}`]),
    );
    const filters = await body.locator('[data-pagefind-filter]').evaluateAll((els) => els.map((e) => e.getAttribute('data-pagefind-filter')));
    expect(filters).toEqual(expect.arrayContaining([`regulation:${TITLE}`, 'chapter:第九章 会议制度']));
  });

  test('the full-text page indexes only its notice', async ({ page }) => {
    await page.goto(REG);
    const body = page.locator('[data-pagefind-body]');
    await expect(body).toHaveCount(1);
    await expect(body).toHaveId('notice');
    await expect(body.locator(`[data-pagefind-meta="citation:印发通知 · ${TITLE}"]`)).toHaveCount(1);
  });

  test('the portal is not indexed', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('[data-pagefind-body]')).toHaveCount(0);
  });
});
