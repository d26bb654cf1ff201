/**
 * Runs before `playwright test`: fail fast, with the fix, when the system
 * Chromium is missing — Playwright's own error would suggest
 * `npx playwright install`, which cannot work on our closed network.
 */
import { accessSync, constants } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { CHROMIUM_INSTALL_HINT, CHROMIUM_PATH } from './chromium.ts';

try {
  accessSync(CHROMIUM_PATH, constants.X_OK);
} catch {
  console.error(
    [
      `check-browser: no executable Chromium at ${CHROMIUM_PATH}.`,
      'The end-to-end tests drive the system Chromium (Debian package "chromium"), never a downloaded browser.',
      `Install it (as root):  ${CHROMIUM_INSTALL_HINT}`,
    ].join('\n'),
  );
  process.exit(1);
}

try {
  // Debian's wrapper script prints a harmless shell warning on stderr; keep only the version line.
  const version = execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  console.log(`check-browser: ${version.trim()} at ${CHROMIUM_PATH}`);
} catch (error) {
  console.error(`check-browser: ${CHROMIUM_PATH} exists but \`--version\` failed: ${String(error)}`);
  console.error(`Reinstall it:  ${CHROMIUM_INSTALL_HINT}`);
  process.exit(1);
}
