/**
 * For search engines and sharing (issue #15.11): robots.txt names the
 * sitemap index; the sitemaps list every page once (not the 404 page nor a noindex one), at
 * most 50,000 URLs per file; pasted links preview with our own picture.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { expect, test } from './fixtures.ts';

const ORIGIN = 'https://rules.chaoyang.example.gov.cn';
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);

test.skip(({ isMobile }) => isMobile, 'files, not layout: one viewport is enough');

test('robots.txt points to the sitemap index, which lists sitemaps of every page', async ({ request }) => {
  const robots = await request.get('/robots.txt');
  expect(robots.headers()['content-type']).toBe('text/plain; charset=utf-8');
  expect(await robots.text()).toContain(`Sitemap: ${ORIGIN}/sitemap-index.xml`);

  const index = await request.get('/sitemap-index.xml');
  expect(index.headers()['content-type']).toBe('application/xml; charset=utf-8');
  const files = locs(await index.text());
  expect(files.length).toBeGreaterThan(0);
  const urls: string[] = [];
  for (const file of files) {
    expect(file.startsWith(`${ORIGIN}/`)).toBe(true);
    const list = locs(await (await request.get(file.slice(ORIGIN.length))).text());
    expect(list.length).toBeLessThanOrEqual(50_000);
    // Sitemaps hold URLs escaped (Chinese slugs percent-encoded); compare them as paths are written.
    urls.push(...list.map((u) => decodeURI(u)));
  }
  // Every built page, once; never the 404 page, nor a page search engines are told to leave out (the forwarding dated URLs).
  const pages = readdirSync('dist', { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('index.html') && !readFileSync(join('dist', f), 'utf8').includes('<meta name="robots" content="noindex">'))
    .map((f) => `${ORIGIN}/${relative('.', join(f, '..')).split(sep).join('/')}/`.replace(/\/\.\/$|\/\/$/, '/'));
  expect(new Set(urls).size).toBe(urls.length);
  expect([...urls].sort()).toEqual([...pages].sort());
  expect(urls.some((u) => u.includes('404'))).toBe(false);
});

test('a pasted link previews with the site’s picture, served from the site itself', async ({ page, request }) => {
  await page.goto('/regulations/chaoyang-government-work-rules/articles/43/');
  const image = (await page.locator('meta[property="og:image"]').getAttribute('content'))!;
  expect(image).toBe(`${ORIGIN}/og-image.png`);
  const png = await request.get(image.slice(ORIGIN.length));
  expect(png.headers()['content-type']).toBe('image/png');
  const body = await png.body();
  // PNG header: width and height of the IHDR chunk, the size link previews use.
  expect([body.readUInt32BE(16), body.readUInt32BE(20)]).toEqual([1200, 630]);
});
