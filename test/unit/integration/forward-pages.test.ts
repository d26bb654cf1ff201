import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileOf, forwardHtml, forwardPages, sitePolicy, writeForwardPages } from '../../../src/integration/forward-pages.ts';
import { parseRegulation } from '../../../src/parse/index.ts';

const tree = (() => {
  const { tree } = parseRegulation('甲法\n第一条 甲。\n第二条 乙。\n', { path: '甲法.txt' });
  if (!tree) throw new Error('甲法');
  return tree;
})();
const work = (slug: string, version: string | undefined, currentSlug = slug) => ({ slug, title: slug, current: { slug: currentSlug, version, tree } });
const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const csp = { directives: ["default-src 'self'", "object-src 'none'"], scriptDirective: { resources: ["'self'"] } } as const;
const site = { site: 'https://rules.example.gov.cn', policy: sitePolicy(csp as never), headScripts: ['document.documentElement.classList.add("js")'] };

describe('the dated URLs of current versions', () => {
  it('are one page for the work and one per article, for works whose current version is dated', () => {
    const pages = forwardPages({ works: [work('甲法', '2024-01-01'), work('乙法', undefined), work('丙法', '2020-01-01', '丙法/2020-01-01')] as never });
    expect(pages).toEqual([
      { url: '/regulations/甲法/2024-01-01/', target: '/regulations/甲法/', title: '甲法' },
      { url: '/regulations/甲法/2024-01-01/articles/1/', target: '/regulations/甲法/articles/1/', title: '第一条 - 甲法' },
      { url: '/regulations/甲法/2024-01-01/articles/2/', target: '/regulations/甲法/articles/2/', title: '第二条 - 甲法' },
    ]);
  });

  it('forward, noindex, canonical the bare URL, with a policy allowing exactly their own scripts', () => {
    const html = forwardHtml({ url: '/regulations/甲法/2024-01-01/', target: '/regulations/甲法/', title: '《甲法》<修订> & "注"' }, site);
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain('<link rel="canonical" href="https://rules.example.gov.cn/regulations/%E7%94%B2%E6%B3%95/">');
    expect(html).toContain('<title>《甲法》&lt;修订&gt; &amp; &quot;注&quot;</title>');
    expect(html).toContain('<a href="/regulations/甲法/" data-forward>《甲法》&lt;修订&gt; &amp; &quot;注&quot;</a>');
    const forward = '(function(){const target = "/regulations/甲法/";\nlocation.replace(target + location.hash);})();';
    expect(html).toContain(`<script>${forward}</script>`);
    const policy = /content-security-policy" content="([^"]*)"/.exec(html)?.[1];
    expect(policy).toBe(`default-src 'self'; object-src 'none'; script-src 'self' ${hash(forward)} ${hash(site.headScripts[0]!)}; style-src 'self';`);
  });

  it('escape a target that could end the script', () => {
    const html = forwardHtml({ url: '/x/', target: '/regulations/</script>/', title: 't' }, site);
    expect(html).toContain('const target = "/regulations/\\u003c/script>/";');
  });

  it('have no policy meta when the site has no policy', () => {
    expect(forwardHtml({ url: '/x/', target: '/y/', title: 't' }, { ...site, policy: sitePolicy(false) })).not.toContain('content-security-policy');
  });
});

describe('writing them', () => {
  let dir: string | undefined;
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('writes each page once, leaves an unchanged one in place and rewrites a changed one', () => {
    dir = mkdtempSync(join(tmpdir(), 'forwards-'));
    const pages = forwardPages({ works: [work('甲法', '2024-01-01')] as never });
    const first = writeForwardPages(dir, pages, site);
    expect(first.written).toBe(3);
    expect(first.files).toEqual(pages.map((p) => fileOf(dir!, p.url)));
    expect(readFileSync(first.files[1]!, 'utf8')).toBe(forwardHtml(pages[1]!, site));
    const mtime = statSync(first.files[0]!).mtimeMs;
    writeFileSync(first.files[2]!, 'stale');
    const again = writeForwardPages(dir, pages, site);
    expect(again.written).toBe(1);
    expect(statSync(first.files[0]!).mtimeMs).toBe(mtime);
    expect(readFileSync(first.files[2]!, 'utf8')).toBe(forwardHtml(pages[2]!, site));
  });

  it('with the last build’s record, rewrites only what is new, changed or gone from disk', () => {
    dir = mkdtempSync(join(tmpdir(), 'forwards-'));
    const site2 = join(dir, 'dist');
    const record = join(dir, 'cache/forwards.json');
    const pages = forwardPages({ works: [work('甲法', '2024-01-01')] as never });
    expect(writeForwardPages(site2, pages, site, record).written).toBe(3);
    expect(writeForwardPages(site2, pages, site, record).written).toBe(0);
    rmSync(fileOf(site2, pages[1]!.url));
    const retitled = pages.map((p, i) => (i === 2 ? { ...p, title: `${p.title}（修订）` } : p));
    expect(writeForwardPages(site2, retitled, site, record).written).toBe(2);
    expect(readFileSync(fileOf(site2, pages[1]!.url), 'utf8')).toBe(forwardHtml(pages[1]!, site));
    expect(readFileSync(fileOf(site2, pages[2]!.url), 'utf8')).toBe(forwardHtml(retitled[2]!, site));
    // Another policy or head script: every page is generated again.
    expect(writeForwardPages(site2, retitled, { ...site, headScripts: ['x()'] }, record).written).toBe(3);
  });
});
