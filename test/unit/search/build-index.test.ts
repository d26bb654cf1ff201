import { describe, expect, it } from 'vitest';
import { answerKinds, resultKind } from '../../../src/search/build-index.ts';
import { decodeEntities, searchPage } from '../../../src/search/html-pages.ts';
import { articleNumber } from '../../../src/search/query.ts';
import { scoreQueries } from '../../../scripts/search-metrics.ts';

describe('what the build indexes', () => {
  it('indexes a page as the kind it declares; no kind, not indexed; an unknown kind fails', () => {
    expect(resultKind({ url: '/regulations/r/articles/43/', meta: { kind: 'clause' } })).toBe('clause');
    expect(resultKind({ url: '/helpers/approvals/a/b/', meta: { kind: 'path' } })).toBe('path');
    expect(resultKind({ url: '/topics/meetings/', meta: { title: '会议' } })).toBeUndefined();
    expect(() => resultKind({ url: '/x/', meta: { kind: 'topic' } })).toThrow(/\/x\/ 声明的结果类型“topic”未知/);
  });

  it('reads the marked region: its text without ignored parts, its meta and filters, and its id as the fragment', () => {
    const html =
      '<html><head><script>var x = "<div data-pagefind-body>";</script></head><body><nav>目录</nav>' +
      '<section class="notice" id="notice" data-pagefind-body><span data-pagefind-meta="kind:clause"></span>' +
      '<span data-pagefind-meta="citation:第八条 · 第二章 监察范围: 管辖 · 监察法"></span><span data-pagefind-filter="regulation:监察法"></span>' +
      '<span data-pagefind-filter="kind:法律"></span><h2>第八条</h2><p>国家&amp;监察<em>委员会</em>，对&lt;本级&gt;人大</p>' +
      '<div data-pagefind-ignore><p>复制 <span>引用</span></p><br></div><p>负责。&#x4E00;&nbsp;x</p></section><footer>页脚</footer></body></html>';
    expect(searchPage(html, '/regulations/j/')).toEqual({
      url: '/regulations/j/#notice',
      text: '第八条 国家&监察委员会，对<本级>人大 负责。一\u00a0x'.replace(/\s+/g, ' '),
      meta: { kind: 'clause', citation: '第八条 · 第二章 监察范围: 管辖 · 监察法' },
      filters: { regulation: ['监察法'], kind: ['法律'] },
    });
    expect(searchPage('<p>none</p>', '/x/')).toBeUndefined();
    expect(searchPage('<div data-pagefind-body><p>a</p></div>', '/x/')).toMatchObject({ url: '/x/', text: 'a' });
    expect(decodeEntities('&amp;lt; &#39; &bogus; &#0;')).toBe("&lt; ' &bogus; &#0;");
  });

  it('notes which clauses state a time limit or a quantity', () => {
    expect(answerKinds('于会前3个工作日报送区政府办公室')).toBe('tn');
    expect(answerKinds('区长办公会议一般每周召开1次')).toBe('tn');
    expect(answerKinds('由区长召集和主持')).toBe('');
    expect(answerKinds('设立三个工作组')).toBe('n');
    // A date is not a time limit.
    expect(answerKinds('2023年4月6日')).toBe('n');
  });
});

describe('article numbers', () => {
  it('recognises a request for one article', () => {
    expect(articleNumber('第四十三条')).toBe(43);
    expect(articleNumber('第43条')).toBe(43);
    expect(articleNumber(' 第 ４３ 条 ')).toBe(43);
    expect(articleNumber('43条')).toBe(43);
    expect(articleNumber('第四十三条第二款')).toBeUndefined();
    expect(articleNumber('条例')).toBeUndefined();
  });
});

describe('metrics', () => {
  it('computes recall@10, precision@5, reciprocal rank, hit@3 and absent hits', () => {
    const { summary } = scoreQueries(
      { lexical: [{ q: 'a', expected: [1, 2], primary: 2 }], natural: [{ q: 'b', primary: 3 }], absent: ['c'] },
      new Map([
        ['a', [1, null, 2]],
        ['b', [5, 6, 7, 3]],
        ['c', []],
      ]),
    );
    expect(summary.lexical).toMatchObject({ recall10: 1, precision5: 2 / 3, mrr: 1 / 3, top1: 0 });
    expect(summary.natural).toMatchObject({ hit3: 0, mrr: 1 / 4 });
    expect(summary.absent.withResults).toBe(0);
  });
});

describe('buildSearchIndex', () => {
  const page = (body: string) =>
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title></head><body><main>${body}</main></body></html>`;

  it('indexes pages by their declared kind, reads back in the engine, and fails when there is nothing to search', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, readFileSync, readdirSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { buildSearchIndex } = await import('../../../src/search/build-index.ts');
    const { SearchEngine } = await import('../../../src/search/engine.ts');
    const site = mkdtempSync(join(tmpdir(), 'search-index-'));
    const realFetch = globalThis.fetch;
    try {
      mkdirSync(join(site, 'about'), { recursive: true });
      writeFileSync(join(site, 'about', 'index.html'), page('<p>关于本站</p>'));
      await expect(buildSearchIndex(site)).rejects.toThrow(/没有任何条文页面/);
      const meta = (kind: string) => `<span data-pagefind-meta="kind:${kind}"></span>`;
      const article = (n: number, text: string) => {
        mkdirSync(join(site, `regulations/r/articles/${n}`), { recursive: true });
        writeFileSync(
          join(site, `regulations/r/articles/${n}/index.html`),
          page(`<div data-pagefind-body>${meta('clause')}<span data-pagefind-meta="citation:第${n}条 · 规则"></span><span data-pagefind-filter="regulation:规则"></span><span data-pagefind-filter="kind:规范性文件"></span><p>${text}</p></div>`),
        );
      };
      article(1, '一、会前3个工作日报送。');
      article(2, '二、区长主持会议。');
      mkdirSync(join(site, 'helpers/x'), { recursive: true });
      writeFileSync(join(site, 'helpers/x/index.html'), page('<div data-pagefind-body><p>助手</p></div>'));
      mkdirSync(join(site, 'helpers/approvals/a/b'), { recursive: true });
      writeFileSync(join(site, 'helpers/approvals/a/b/index.html'), page(`<div data-pagefind-body>${meta('path')}<p>区长审批</p></div>`));
      mkdirSync(join(site, 'search'), { recursive: true });
      writeFileSync(join(site, 'search/index.html'), page('<form id="search-form" action="/search/"></form>'));
      const report = await buildSearchIndex(site);
      expect(report).toMatchObject({ indexed: { clause: 2, path: 1 }, skipped: ['/helpers/x/'] });
      const entry = JSON.parse(readFileSync(join(site, 'search-index', 'entry.json'), 'utf8')) as { hash: string };
      expect(readFileSync(join(site, 'search/index.html'), 'utf8')).toContain(`data-index="${entry.hash}"`);
      expect(readdirSync(join(site, 'search-index', 't'))).toHaveLength(2);

      // The engine reads it back over fetch, as the search page does.
      globalThis.fetch = (async (url: string) => {
        try {
          return new Response(readFileSync(join(site, decodeURI(String(url)))));
        } catch {
          return new Response('', { status: 404 });
        }
      }) as typeof fetch;
      const engine = await SearchEngine.open('/search-index/');
      const o = await engine.search('工作日');
      expect(o.ranking.mode).toBe('exact');
      const links = await engine.links(o.ranking.results);
      expect(links.map((l) => [l.href, l.citation])).toEqual([['/regulations/r/articles/1/?hl=%E5%B7%A5%E4%BD%9C%E6%97%A5', '第1条 · 规则']]);
      expect((await engine.excerpt(o.ranking.results[0]!)).filter((p) => p.mark).map((p) => p.text).join('')).toContain('工作日');
      expect(engine.facets.values('kind', o.ranking.results[0]!.page)).toEqual(['规范性文件']);
      expect((await engine.search('第2条')).ranking.results.map((m) => m.page)).toEqual(['1']);
      expect((await engine.search('疫苗')).ranking.results).toEqual([]);
      expect((await engine.paths((await engine.search('区长审批')).query)).map((p) => p.url)).toEqual(['/helpers/approvals/a/b/']);
    } finally {
      globalThis.fetch = realFetch;
      rmSync(site, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('reading the built pages again', () => {
  it('reuses what it read from a file unchanged since, and reads a changed one', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, rmSync, utimesSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { readSearchPages } = await import('../../../src/search/html-pages.ts');
    const site = mkdtempSync(join(tmpdir(), 'search-read-'));
    const cache = join(site, '..', `${site.split('/').pop()}-cache.json`);
    try {
      mkdirSync(join(site, 'a'), { recursive: true });
      writeFileSync(join(site, 'a/index.html'), '<div data-pagefind-body><p>甲</p></div>');
      writeFileSync(join(site, 'b.html'), '<p>none</p>');
      expect(await readSearchPages(site, { cacheFile: cache })).toMatchObject({ read: 2, reused: 0, pages: [{ url: '/a/', text: '甲' }] });
      expect(await readSearchPages(site, { cacheFile: cache })).toMatchObject({ read: 0, reused: 2, pages: [{ url: '/a/', text: '甲' }] });
      writeFileSync(join(site, 'a/index.html'), '<div data-pagefind-body><p>乙</p></div>');
      utimesSync(join(site, 'a/index.html'), new Date(), new Date(Date.now() + 5000));
      expect(await readSearchPages(site, { cacheFile: cache })).toMatchObject({ read: 1, reused: 1, pages: [{ url: '/a/', text: '乙' }] });
    } finally {
      rmSync(site, { recursive: true, force: true });
      rmSync(cache, { force: true });
    }
  });

  it('takes the pages rendered this build from the renderer, checks a few against the files, and skips the files it is told to', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { readSearchPages } = await import('../../../src/search/html-pages.ts');
    const { collectRenderedPages, pageRendered, takeRenderedPages } = await import('../../../src/search/rendered-pages.ts');
    const site = mkdtempSync(join(tmpdir(), 'search-rendered-'));
    try {
      const pages = Array.from({ length: 12 }, (_, i) => `<div data-pagefind-body><p>第${i}页</p></div>`);
      pages.forEach((html, i) => {
        mkdirSync(join(site, '法规', String(i)), { recursive: true });
        writeFileSync(join(site, '法规', String(i), 'index.html'), html);
      });
      mkdirSync(join(site, 'forward'));
      writeFileSync(join(site, 'forward/index.html'), '<div data-pagefind-body><p>转到</p></div>');
      pageRendered('/法规/0/', pages[0]!); // not collecting yet: dropped
      expect(takeRenderedPages().size).toBe(0);
      collectRenderedPages();
      // The request's pathname is percent-encoded; the page's key is the file's URL all the same.
      pages.forEach((html, i) => {
        pageRendered(encodeURI(`/法规/${i}/`), html);
      });
      const rendered = takeRenderedPages();
      expect([...rendered.keys()]).toContain(encodeURI('/法规/11/'));
      const result = await readSearchPages(site, { rendered, skip: new Set([join(site, 'forward/index.html')]) });
      // Eight are read again as a check; the other four are not read at all, and the skipped file is not a page.
      expect(result).toMatchObject({ read: 8, reused: 4 });
      expect(result.pages.map((p) => p.text).sort()).toEqual(pages.map((_, i) => `第${i}页`).sort());
      // What was taken must be what was written: a page changed after rendering fails the index.
      collectRenderedPages();
      pageRendered(encodeURI('/法规/0/'), '<div data-pagefind-body><p>别的</p></div>');
      await expect(readSearchPages(site, { rendered: takeRenderedPages() })).rejects.toThrow(/渲染时取得的可搜索内容与写出的文件不一致/);
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });
});
