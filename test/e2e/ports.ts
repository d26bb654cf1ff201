/**
 * Ports of the e2e servers, all from one variable so that two runs on one
 * host never collide: E2E_PORT for the site under test (playwright.config.ts),
 * E2E_PORT + 10 for a spec's second site (a fixture build). Plain data, no
 * Playwright import: the config imports it.
 */
export const E2E_PORT = Number(process.env['E2E_PORT'] ?? 4329);
export const SECOND_PORT = E2E_PORT + 10;
/** The sample library (test/library/texts) built as a site, served for the `library` project. */
export const LIBRARY_PORT = E2E_PORT + 20;
export const LIBRARY_DIST = 'dist-library';
/** The build date the library specs are written for (current versions, statuses). */
export const LIBRARY_BUILD_DATE = '2026-12-01';
