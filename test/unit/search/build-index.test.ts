import { describe, expect, it } from 'vitest';
import { answerKinds, bodyId, cleanText, resultKind } from '../../../src/search/build-index.ts';
import { articleNumber } from '../../../src/search/query.ts';
import { scoreQueries } from '../../../scripts/search-metrics.ts';

describe('what the build indexes', () => {
  it('indexes a page as the kind it declares; no kind, not indexed; an unknown kind fails', () => {
    expect(resultKind({ url: '/regulations/r/articles/43/', meta: { kind: 'clause' } })).toBe('clause');
    expect(resultKind({ url: '/helpers/approvals/a/b/', meta: { kind: 'path' } })).toBe('path');
    expect(resultKind({ url: '/topics/meetings/', meta: { title: '会议' } })).toBeUndefined();
    expect(() => resultKind({ url: '/x/', meta: { kind: 'topic' } })).toThrow(/\/x\/ 声明的结果类型“topic”未知/);
  });

  it('reads the id of the indexed element, to link to it', () => {
    expect(bodyId('<div><section class="notice" id="notice" data-pagefind-body><p>…</p></section>')).toBe('notice');
    expect(bodyId('<div class="doc" data-pagefind-body data-source-text><p id="x">…</p></div>')).toBeUndefined();
    expect(bodyId('<p>none</p>')).toBeUndefined();
  });

  it('cleans Pagefind text: no zero-width spaces, no ". " it adds between blocks', () => {
    expect(cleanText('北京市\u200b朝阳区\u200b的\u200b通知. 朝政发〔2023〕5号. 各\u200b街道')).toBe('北京市朝阳区的通知 朝政发〔2023〕5号 各街道');
    expect(cleanText('see p. 5')).toBe('see p. 5');
    expect(cleanText('以区政府名义召开全区性会议. \n')).toBe('以区政府名义召开全区性会议');
    expect(cleanText('version 1.')).toBe('version 1.');
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

describe('buildSearchIndex (runs Pagefind)', () => {
  const page = (body: string) =>
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title></head><body><main>${body}</main></body></html>`;

  it('indexes pages by their declared kind and writes the pages file; fails when there is nothing to search', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, readdirSync, readFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { buildSearchIndex } = await import('../../../src/search/build-index.ts');
    const site = mkdtempSync(join(tmpdir(), 'search-index-'));
    try {
      mkdirSync(join(site, 'about'), { recursive: true });
      writeFileSync(join(site, 'about', 'index.html'), page('<p>关于本站</p>'));
      await expect(buildSearchIndex(site)).rejects.toThrow(/没有任何条文页面/);
      const meta = (kind: string) => `<span data-pagefind-meta="kind:${kind}"></span>`;

      mkdirSync(join(site, 'regulations/r/articles/1'), { recursive: true });
      writeFileSync(
        join(site, 'regulations/r/articles/1/index.html'),
        page(`<div data-pagefind-body>${meta('clause')}<span data-pagefind-meta="citation:第一条 · 规则"></span><span data-pagefind-filter="regulation:规则"></span><p>一、会前3个工作日报送。</p></div>`),
      );
      mkdirSync(join(site, 'helpers/x'), { recursive: true });
      writeFileSync(join(site, 'helpers/x/index.html'), page('<div data-pagefind-body><p>助手</p></div>'));
      mkdirSync(join(site, 'helpers/approvals/a/b'), { recursive: true });
      writeFileSync(join(site, 'helpers/approvals/a/b/index.html'), page(`<div data-pagefind-body>${meta('path')}<p>区长审批</p></div>`));
      const report = await buildSearchIndex(site);
      expect(report).toEqual({ indexed: { clause: 1, path: 1 }, skipped: ['/helpers/x/'] });
      const files = readdirSync(join(site, 'pagefind'));
      expect(files).toEqual(expect.arrayContaining(['pagefind-entry.json', 'wasm.unknown.pagefind']));
      const { gunzipSync } = await import('node:zlib');
      const read = (pattern: RegExp) => {
        const name = files.find((f) => pattern.test(f));
        expect(name, String(pattern)).toBeDefined();
        return JSON.parse(gunzipSync(readFileSync(join(site, 'pagefind', name!))).subarray(12).toString('utf8')) as unknown;
      };
      // Clauses in Pagefind's index and our pages file; the path in the paths file only.
      // The page table and directory, read back as the search page does, against Pagefind's own meta.
      const { metaPages } = await import('../../../src/search/pagefind-meta.ts');
      const { unpackPages } = await import('../../../src/search/page-table.ts');
      const metaName = files.find((f) => f.endsWith('.pf_meta'))!;
      const metaList = metaPages(gunzipSync(readFileSync(join(site, 'pagefind', metaName))).subarray(12));
      expect(metaList.map((m) => m.words)).toEqual([10]);
      const pagesData = unpackPages(metaList, read(/^regs\.zh-cn_[0-9a-f]+\.pf_regs$/) as never, read(/^pages\.zh-cn_[0-9a-f]+\.pf_pages$/) as never);
      expect(Object.values(pagesData)).toEqual([['/regulations/r/articles/1/', '第一条 · 规则', 10, { regulation: ['规则'] }, 'tn']]);
      expect(Object.keys(pagesData)).toEqual([metaList[0]!.id]);
      expect(read(/^paths\.zh-cn_[0-9a-f]+\.pf_paths$/)).toEqual([['/helpers/approvals/a/b/', '/helpers/approvals/a/b/', '区长审批', {}]]);
      expect(readdirSync(join(site, 'pagefind', 'fragment'))).toHaveLength(1);
      expect(files).not.toContain('pagefind-ui.js');
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  }, 60_000);
});
