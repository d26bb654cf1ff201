/**
 * Ports of the e2e servers, all from one variable so that two runs on one
 * host never collide: E2E_PORT for the site under test (playwright.config.ts),
 * E2E_PORT + 10 for a spec's second site (a fixture build). Plain data, no
 * Playwright import: the config imports it.
 */
export const E2E_PORT = Number(process.env['E2E_PORT'] ?? 4329);
export const SECOND_PORT = E2E_PORT + 10;
