/**
 * Runs in the browserless "dist" project, after Playwright's webServer has
 * built dist/ (so it can't be a vitest unit test: those run before the build).
 * Plain '@playwright/test' on purpose: the fixtures in fixtures.ts open a page.
 */
import { expect, test } from '@playwright/test';
import { checkDistLinks, formatBrokenLinks } from '../../scripts/check-links.ts';
import astroConfig from '../../astro.config.mjs';

test('every internal href/src and #fragment in dist/ resolves', () => {
  // Absolute links to our canonical origin (e.g. <link rel=canonical>) are internal too.
  const siteOrigins = astroConfig.site ? [astroConfig.site] : [];
  const broken = checkDistLinks('dist', { siteOrigins });
  expect(broken, formatBrokenLinks(broken)).toEqual([]);
});
