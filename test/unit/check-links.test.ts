// Unit tests of the dist/ link checker itself, on a tiny fake dist/.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDistLinks, formatBrokenLinks, parseSrcset } from '../../scripts/check-links.ts';

let dist: string;

function put(path: string, content: string): void {
  const file = join(dist, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
}

beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), 'check-links-'));
  put('index.html', `<!doctype html><html lang="zh-CN"><body>
    <a href="/regs/a/">ok dir</a>
    <a href="/regs/a">ok no slash</a>
    <a href="regs/a/index.html#art-1">ok explicit + fragment</a>
    <a href="/regs/a/#%E7%AC%AC%E4%B8%80%E6%9D%A1">ok encoded CJK id</a>
    <a href="#top">ok top</a><a href="#">ok empty</a><a href="#here">ok same page</a>
    <h2 id="here">x</h2>
    <a href="https://rules.example.gov.cn/regs/a/">ok canonical origin</a>
    <a href="https://elsewhere.example/x">external: not checked</a>
    <a href="mailto:x@example.gov.cn">mailto</a>
    <img src="/img/a.png" srcset="/img/a.png 1x, /img/missing@2x.png 2x" alt="">
    <script type="module" src="/_astro/app.js"></script>
    <a href="/regs/b/">BROKEN file</a>
    <a href="/regs/a/#art-9">BROKEN fragment</a>
    <a href="#nowhere">BROKEN same-page fragment</a>
    <a href="https://rules.example.gov.cn/gone/">BROKEN canonical</a>
    <template><a href="/in-template/">BROKEN in template</a></template>
  </body></html>`);
  put('regs/a/index.html', `<!doctype html><html><body>
    <article id="art-1"></article><p id="第一条"></p>
    <a href="../../">ok up</a><a href="./#art-1">ok rel</a><a href="../a/#art-2">BROKEN rel fragment</a>
  </body></html>`);
  put('img/a.png', 'png');
  put('_astro/app.js', '');
});

afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('checkDistLinks', () => {
  it('finds exactly the broken links', () => {
    const broken = checkDistLinks(dist, { siteOrigins: ['https://rules.example.gov.cn'] });
    expect(broken.map((b) => `${b.page} ${b.url}`).sort()).toEqual(
      [
        'index.html /img/missing@2x.png',
        'index.html /regs/b/',
        'index.html /regs/a/#art-9',
        'index.html #nowhere',
        'index.html https://rules.example.gov.cn/gone/',
        'index.html /in-template/',
        'regs/a/index.html ../a/#art-2',
      ].sort(),
    );
  });

  it('reports readably, page → href', () => {
    const text = formatBrokenLinks(checkDistLinks(dist));
    expect(text).toContain('regs/a/index.html\n    → ../a/#art-2');
    expect(text).toContain('no element with id="art-2" on this page');
    expect(formatBrokenLinks([])).toBe('');
  });
});

describe('parseSrcset', () => {
  it('splits candidates and keeps commas inside URLs', () => {
    expect(parseSrcset('a.png 1x, b.png 2x')).toEqual(['a.png', 'b.png']);
    // As the HTML spec parses it: a URL ending in "," has no descriptor.
    expect(parseSrcset('a.png, b.png 2x')).toEqual(['a.png', 'b.png']);
    expect(parseSrcset('data:image/png;base64,AAA 1x, c.png 480w')).toEqual(['data:image/png;base64,AAA', 'c.png']);
  });
});
