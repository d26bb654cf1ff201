import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.ts';
import { E2E_PORT, LIBRARY_BUILD_DATE, LIBRARY_DIST, LIBRARY_PORT } from './test/e2e/ports.ts';

/**
 * End-to-end tests against the *built* site, served by scripts/serve.ts with
 * the headers a static host must send (docs/hosting.md) — the same static
 * files we deploy, under the same CSP <meta>.
 *
 * E2E_REUSE_DIST=1  skip the build and serve the existing dist/.
 * E2E_PORT=NNNN     the port of that server (two runs at once on one host need
 *                   two ports; specs that start a server of their own pick a free one).
 */
const port = E2E_PORT;
const baseURL = `http://127.0.0.1:${port}`;
const reuseDist = process.env['E2E_REUSE_DIST'] === '1';

// `npm run build`, not bare `astro build`: whatever the build script adds
// after Astro (e.g. a Pagefind indexing step) must be in what we test.
const serve = `node scripts/serve.ts --host 127.0.0.1 --port ${port}`;
const command = reuseDist ? serve : `npm run build && ${serve}`;
// The sample library (55 real texts, test/library/texts, its reviewed exclusions.yaml) as a
// second site, for the specs of the library, versions and library search. Playwright starts
// the web servers one after the other, so the two builds never share the project's caches at once.
const libraryBaseURL = `http://127.0.0.1:${LIBRARY_PORT}`;
const libraryServe = `node scripts/serve.ts --host 127.0.0.1 --port ${LIBRARY_PORT} --dir ${LIBRARY_DIST}`;
const libraryCommand = reuseDist
  ? libraryServe
  : `PORTAL_CONTENT=test/library/texts BUILD_DATE=${LIBRARY_BUILD_DATE} npx astro build --outDir ${LIBRARY_DIST} && ${libraryServe}`;
const LIBRARY_SPECS = /(library|library-search|library-parts|versions)\.spec\.ts$/;

export default defineConfig({
  testDir: 'test/e2e',
  // 2 cores on CI: one browser per core, file by file.
  workers: 2,
  fullyParallel: false,
  forbidOnly: !!process.env['CI'],
  retries: 0,
  timeout: 30_000,
  reporter: [['list']],
  outputDir: 'test-results',

  use: {
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // bypassCSP stays false: tests must run under the real policy.
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS],
    },
  },

  projects: [
    {
      // Pure Node checks over dist/ (no browser); run once, not per viewport.
      name: 'dist',
      testMatch: /(links|build-failure)\.spec\.ts$/,
    },
    {
      name: 'phone',
      // Behaviour that does not depend on the viewport (search ranking, date
      // arithmetic, text fidelity, the guards) runs on desktop only; every page
      // type is still axe-checked on the phone by smoke.spec.ts.
      testIgnore: [/(links|build-failure|search|deadlines|fidelity|fixtures)\.spec\.ts$/, LIBRARY_SPECS],
      use: {
        browserName: 'chromium',
        viewport: { width: 360, height: 740 },
        isMobile: true,
        hasTouch: true,
        deviceScaleFactor: 2,
      },
    },
    {
      name: 'desktop',
      testIgnore: [/(links|build-failure)\.spec\.ts$/, LIBRARY_SPECS],
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 800 },
      },
    },
    {
      // The sample library's site (second web server), on a desktop viewport.
      name: 'library',
      testMatch: LIBRARY_SPECS,
      use: {
        baseURL: libraryBaseURL,
        browserName: 'chromium',
        viewport: { width: 1280, height: 800 },
      },
    },
  ],

  webServer: [
    {
      command,
      url: `${baseURL}/`,
      // A stale server on this port would serve an old dist/: refuse instead.
      reuseExistingServer: false,
      // Includes the build on a cold 2-core machine.
      timeout: 300_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: libraryCommand,
      url: `${libraryBaseURL}/`,
      reuseExistingServer: false,
      timeout: 420_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
