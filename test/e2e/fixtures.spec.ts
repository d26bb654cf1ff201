/**
 * Self-test of fixtures.ts: a guard that never fires looks exactly like a
 * clean site, so prove each one catches what it is meant to catch.
 */
import { expect, expectNoAxeViolations, test } from './fixtures.ts';

// Served only inside this test (page.route beats the guard's context.route).
const BAD_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>自检</title>
<meta http-equiv="content-security-policy" content="default-src 'self'; img-src 'self' https:">
</head><body><main>
<script>document.title = 'inline script ran';</script>
<img src="https://foreign.example/pixel.png" alt="">
<img src="/__selftest/no-alt.png">
<script src="/__selftest/app.js"></script>
</main></body></html>`;

test('guards catch CSP violations, console errors and foreign requests; axe catches a missing alt', async ({
  page,
  pageProblems,
}) => {
  await page.route('**/__selftest/**', (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path.endsWith('/app.js')) return route.fulfill({ contentType: 'text/javascript', body: "console.error('boom');" });
    if (path.endsWith('.png')) return route.fulfill({ contentType: 'image/png', body: Buffer.alloc(0) });
    return route.fulfill({ contentType: 'text/html; charset=utf-8', body: BAD_PAGE });
  });
  await page.goto('/__selftest/');
  await page.waitForLoadState('networkidle');

  const seen = pageProblems.join('\n');
  expect(seen).toMatch(/CSP violation: script-src-elem blocked inline/);
  expect(seen).toMatch(/console error: boom/);
  expect(seen).toMatch(/foreign request: GET https:\/\/foreign\.example\/pixel\.png/);
  await expect(page).not.toHaveTitle('inline script ran');

  await expect(expectNoAxeViolations(page)).rejects.toThrow(/image-alt[\s\S]*no-alt\.png/);

  // Everything above was provoked on purpose.
  pageProblems.length = 0;
});
