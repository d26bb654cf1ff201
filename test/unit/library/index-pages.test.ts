import { describe, expect, it } from 'vitest';
import { parseRegulation } from '../../../src/parse/index.ts';
import { INDEX_PAGE_ROWS, xrefIndex } from '../../../src/render/xref-index.ts';

// One text citing 300 documents, each in an article of its own: far more than one page of /documents/.
const N = 300;
const source = ['引用测试规则', ...Array.from({ length: N }, (_, i) => `第${i + 1}条 执行《测试文件${String(i).padStart(3, '0')}号办法》的规定。`)].join('\n');

describe('/documents/ split into pages', () => {
  const { tree } = parseRegulation(Buffer.from(source), { path: 'cite.txt', slug: 'cite' });
  const index = xrefIndex({ regulations: [{ slug: 'cite', tree: tree! }] });

  it('holds every document once, in title order, no page over its rows', () => {
    const pages = index.documentPages();
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.flatMap((p) => p.items)).toEqual(index.documents());
    for (const p of pages) expect(p.items.reduce((n, d) => n + 2 + d.editions.reduce((m, e) => m + 1 + e.citedBy.length, 0), 0)).toBeLessThanOrEqual(INDEX_PAGE_ROWS);
  });

  it('links each citation in the text to the page that holds its entry', () => {
    const pageOf = new Map(index.documentPages().flatMap((p) => p.items.map((d) => [d.anchor, p.n] as const)));
    const hrefs = [...index.annotations('cite').values()].flat().filter((a) => a.kind === 'citation').map((a) => a.href);
    expect(hrefs).toHaveLength(N);
    for (const href of hrefs) {
      const [, page, anchor] = /^\/documents\/(?:page\/(\d+)\/)?#(.+)$/.exec(href)!;
      expect(Number(page ?? 1), href).toBe(pageOf.get(anchor!));
    }
    expect(hrefs.some((h) => h.includes('/page/'))).toBe(true);
  });
});
