/**
 * Shared Playwright fixtures. Every e2e spec imports `test`/`expect` from here
 * (not from '@playwright/test') so that, on every page it opens:
 *  - any console error, uncaught exception or CSP violation fails the test;
 *  - any request to another origin is blocked and fails the test (the site is
 *    self-contained: no CDN, font service, analytics).
 * Plus `expectNoAxeViolations(page)` for WCAG 2.1 A/AA checks.
 */
import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export { expect };

export interface GuardOptions {
  /**
   * Console errors matching one of these are tolerated, for tests that provoke
   * one on purpose (e.g. the 404 page logs "Failed to load resource: 404").
   * Set per file/describe: `test.use({ allowedConsoleErrors: [/404/] })`.
   */
  allowedConsoleErrors: RegExp[];
}

interface CspViolation {
  violatedDirective: string;
  blockedURI: string;
  sourceFile: string;
  lineNumber: number;
}

interface Guards {
  /**
   * Auto fixture: problems seen during the test; the test fails afterwards if
   * any remain. Exposed so the fixtures' own self-test can inspect and clear it.
   */
  pageProblems: string[];
}

// Runs in the page before any of its scripts. Chromium also logs most
// violations to the console, but not all (e.g. report-only or some eval
// cases), so listen to the event itself and hand it to Node via a binding.
const CSP_LISTENER = `
  document.addEventListener('securitypolicyviolation', (e) => {
    const report = globalThis.__reportCspViolation;
    if (typeof report === 'function') {
      report({
        violatedDirective: e.violatedDirective,
        blockedURI: e.blockedURI,
        sourceFile: e.sourceFile,
        lineNumber: e.lineNumber,
      });
    }
  });
`;

export const test = base.extend<GuardOptions & Guards>({
  allowedConsoleErrors: [[], { option: true }],

  pageProblems: [
    async ({ page, context, baseURL, allowedConsoleErrors }, use) => {
      if (!baseURL) throw new Error('fixtures: baseURL is not set in playwright.config.ts');
      const siteOrigin = new URL(baseURL).origin;
      const problems: string[] = [];

      page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        const text = msg.text();
        if (allowedConsoleErrors.some((re) => re.test(text))) return;
        const loc = msg.location();
        problems.push(`console error: ${text}${loc.url ? `  (at ${loc.url}:${loc.lineNumber})` : ''}`);
      });
      page.on('pageerror', (err) => {
        problems.push(`uncaught exception: ${err.message}`);
      });

      await page.exposeFunction('__reportCspViolation', (v: CspViolation) => {
        problems.push(
          `CSP violation: ${v.violatedDirective} blocked ${v.blockedURI || '(inline)'}` +
            (v.sourceFile ? `  (at ${v.sourceFile}:${v.lineNumber})` : ''),
        );
      });
      await page.addInitScript(CSP_LISTENER);

      // Context-wide so popups and workers are covered too. Abort rather than
      // let it through: a foreign request must never leave a test machine.
      await context.route('**/*', async (route) => {
        const url = route.request().url();
        if (isOwnOrInline(url, siteOrigin)) {
          await route.fallback();
        } else {
          problems.push(`foreign request: ${route.request().method()} ${url}`);
          await route.abort('blockedbyclient');
        }
      });

      await use(problems);

      expect(problems, `Problems on ${page.url()}:\n  ${problems.join('\n  ')}`).toEqual([]);
    },
    { auto: true },
  ],
});

function isOwnOrInline(url: string, siteOrigin: string): boolean {
  const u = new URL(url);
  // data:/blob: never hit the network; about:blank is the initial page.
  if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:') return true;
  return u.origin === siteOrigin;
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Fails with a readable list of WCAG 2.1 A/AA violations on the current page:
 * rule, impact, what it means, and each offending element with axe's fix hint.
 * `exclude` takes CSS selectors to leave out (use sparingly, say why).
 */
export async function expectNoAxeViolations(page: Page, options: { exclude?: string[] } = {}): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const { violations } = await builder.analyze();

  const report = violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => {
          const target = n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))).join(' ');
          const summary = (n.failureSummary ?? '').replace(/\n/g, '\n        ');
          return `    - ${target}\n      ${n.html.slice(0, 200)}\n        ${summary}`;
        })
        .join('\n');
      return `  [${v.impact ?? 'n/a'}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${nodes}`;
    })
    .join('\n\n');

  expect(violations.length, `axe found ${violations.length} violation(s) on ${page.url()}:\n\n${report}\n`).toBe(0);
}
