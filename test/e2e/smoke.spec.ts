/**
 * Every page type (test/e2e/pages.ts) on both viewports (projects phone and
 * desktop): it loads, declares Chinese, stays on our origin with no console
 * errors or CSP violations (fixtures.ts), and is axe-clean for WCAG 2.1 AA.
 */
import { SITE_PAGES } from './pages.ts';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';

for (const sitePage of SITE_PAGES) {
  test(`${sitePage.name} (${sitePage.path}) loads cleanly and is accessible`, async ({ page }) => {
    // axe over the full text of a regulation takes seconds on a busy 2-core machine.
    test.slow();
    const response = await page.goto(sitePage.path);
    expect(response?.status(), `HTTP status of ${sitePage.path}`).toBe(200);
    // 'load' alone can miss late module scripts and lazy fetches.
    await page.waitForLoadState('networkidle');

    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page).toHaveTitle(/\S/);

    // The CSP must actually be delivered, or "no violations" proves nothing.
    const csp = await page.locator('meta[http-equiv="content-security-policy" i]').getAttribute('content');
    expect(csp, 'CSP <meta> present').toContain("script-src 'self'");

    await expectNoAxeViolations(page);
  });
}
