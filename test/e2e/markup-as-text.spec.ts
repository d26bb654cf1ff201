/**
 * Text that looks like markup in a regulation renders as text: no script
 * runs, no element is created, template syntax is not evaluated.
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { SECOND_PORT } from './ports.ts';
import { buildWith, SEED_FILES, serve, stop } from './site-build.ts';

const FIXTURE = 'test/fixtures/site-markup/markup-rules.txt';
const PORT = SECOND_PORT;
let server: ChildProcess | undefined;

test.describe('markup in a regulation text', () => {
  test.skip(({ isMobile }) => isMobile, 'one viewport is enough: this checks escaping, not layout');
  // This site is served on its own port; the fixtures' same-origin guard follows baseURL.
  test.use({ baseURL: `http://127.0.0.1:${PORT}` });

  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a hook needs from this pattern; it needs none
  test.beforeAll(({}, testInfo) => {
    // The skip above does not stop this hook in the phone project's worker: two builds and servers at once collided on the port.
    if (testInfo.project.use.isMobile) return;
    test.setTimeout(300_000);
    const build = buildWith([...SEED_FILES, FIXTURE]);
    expect(build.status, build.output).toBe(0);
    return serve(build.outDir, PORT).then((s) => {
      server = s.server;
    });
  });

  test.afterAll(() => {
    if (server) stop(server);
  });

  for (const path of ['/regulations/markup-rules/', '/regulations/markup-rules/articles/2/']) {
    test(`renders as text on ${path}`, async ({ page }) => {
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(path);
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a reader sees
      const text = await page.locator('main').innerText();
      // Article 2 holds these; the full text also holds article 1's <script>.
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal text `${x}` must show as typed
      for (const literal of ['"><img src=x onerror=alert(1)>', '{{x}}', '${x}', '<b>粗体</b>', '<!-- 注释 -->', '&lt;实体&gt; &amp;', '</article></main>']) {
        expect(text).toContain(literal);
      }
      if (path.endsWith('markup-rules/')) expect(text).toContain("<script>alert('xss')</script>");
      expect(await page.locator('main img[src="x"], main b, main script:not([src])').count()).toBe(0);
      expect(dialogs).toEqual([]);
    });
  }

  test('the .txt download is the source, byte for byte', async ({ request }) => {
    const body = await (await request.get('/regulations/markup-rules.txt')).body();
    expect(Buffer.compare(body, readFileSync(FIXTURE))).toBe(0);
  });
});
