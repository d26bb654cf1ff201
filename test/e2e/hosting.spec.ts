/**
 * What a reader gets from the server (scripts/serve.ts, the headers of
 * docs/hosting.md): our own Chinese 404 page, URLs without their trailing
 * slash reaching the page, index pages one level up, the .txt download
 * readable when opened directly, and the security and cache headers.
 */
import { expect, expectNoAxeViolations, test } from './fixtures.ts';

const SLUG = 'chaoyang-government-work-rules';
const TITLE = '北京市朝阳区人民政府工作规则';

test.describe('not found', () => {
  // Chromium logs the 404 response of the page itself as a console error.
  test.use({ allowedConsoleErrors: [/status of 404/] });

  test('a bad URL gets the site’s Chinese 404 page, with search and the way home', async ({ page }) => {
    const response = await page.goto('/regulations/no-such-rules/articles/999/');
    expect(response?.status()).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('页面不存在');
    await expect(page.getByRole('link', { name: '返回首页' })).toHaveAttribute('href', '/');
    // No horizontal scrolling on a phone (Astro's own page was 981 px wide).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width);
    await expectNoAxeViolations(page);
    const search = page.getByRole('search', { name: '搜索条文' });
    await search.getByRole('searchbox').fill('会议纪要');
    await search.getByRole('button', { name: '搜索' }).click();
    await expect(page).toHaveURL(/\/search\/\?q=%E4%BC%9A%E8%AE%AE%E7%BA%AA%E8%A6%81$/);
    await expect(page.locator('#search-results a').first()).toBeVisible();
  });
});

test.describe('trailing slash', () => {
  for (const [path, heading] of [['/search', '搜索条文'], ['/glossary', undefined], [`/regulations/${SLUG}`, TITLE], ['/helpers/deadlines', undefined]] as const) {
    test(`${path} reaches ${path}/`, async ({ page }) => {
      const response = await page.goto(`${path}?x=1`);
      expect(response?.status()).toBe(200);
      expect(new URL(page.url()).pathname).toBe(`${path}/`);
      expect(new URL(page.url()).search).toBe('?x=1');
      if (heading) await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('页面不存在');
    });
  }

  test('/regulations/ lists the regulations and /helpers/ the helpers', async ({ page }) => {
    await page.goto('/regulations/');
    await page.getByRole('link', { name: TITLE }).click();
    await expect(page).toHaveURL(`/regulations/${SLUG}/`);
    await page.goto('/helpers/');
    const main = page.locator('main');
    await expect(main.getByRole('link', { name: '期限计算' })).toHaveAttribute('href', '/helpers/deadlines/');
    await expect(main.getByRole('link', { name: '审批路径' })).toHaveAttribute('href', '/helpers/approvals/');
    await expectNoAxeViolations(page);
  });
});

test.describe('headers', () => {
  test('the .txt download opened directly reads as UTF-8, not mojibake', async ({ page }) => {
    const response = await page.goto(`/regulations/${SLUG}.txt`);
    expect(response?.headers()['content-type']).toBe('text/plain; charset=utf-8');
    await expect(page.locator('body')).toContainText(TITLE);
  });

  test('pages say nosniff, a referrer policy and that no one may frame them', async ({ request }) => {
    for (const path of ['/', `/regulations/${SLUG}/`, `/regulations/${SLUG}.json`]) {
      const headers = (await request.get(path)).headers();
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
      expect(headers['content-security-policy'], path).toBe("frame-ancestors 'none'");
      expect(headers['cache-control'], path).toBe('no-cache');
    }
    expect((await request.get(`/regulations/${SLUG}.json`)).headers()['content-type']).toBe('application/json; charset=utf-8');
  });

  test('no page allows WebAssembly: search runs without it', async ({ page }) => {
    const policy = () => page.locator('meta[http-equiv="content-security-policy" i]').getAttribute('content');
    await page.goto('/search/?q=%E8%AF%B7%E5%81%87');
    await expect(page.locator('#search-results a').first()).toBeVisible();
    expect(await policy()).not.toContain('wasm');
    for (const path of ['/', `/regulations/${SLUG}/`, `/regulations/${SLUG}/articles/43/`, '/helpers/deadlines/']) {
      await page.goto(path);
      expect(await policy(), path).not.toContain('wasm');
    }
  });

  test('hashed assets are cached for a year', async ({ page }) => {
    const css: string[] = [];
    page.on('response', (r) => {
      if (new URL(r.url()).pathname.startsWith('/_astro/')) css.push(r.headers()['cache-control'] ?? '');
    });
    await page.goto('/');
    expect(css.length).toBeGreaterThan(0);
    for (const c of css) expect(c).toBe('public, max-age=31536000, immutable');
  });
});
