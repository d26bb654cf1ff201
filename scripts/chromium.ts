/**
 * The one browser every check uses: Debian's Chromium, never a downloaded build
 * (the CI network reaches only the npm registry and Debian's packages).
 * Shared by playwright.config.ts, scripts/check-browser.ts and scripts/bench.ts
 * so the flags cannot drift apart.
 */

/** Override with CHROMIUM_PATH only for local experiments; CI uses the default. */
export const CHROMIUM_PATH: string = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * We run as root (hence --no-sandbox) on a closed network: turn off everything
 * that would phone home, so no test or Lighthouse score depends on a timeout.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const CHROMIUM_INSTALL_HINT = 'apt-get update && apt-get install -y chromium';
