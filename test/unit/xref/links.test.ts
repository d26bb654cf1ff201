import { describe, expect, it } from 'vitest';
import { segmentText, type Segment } from '../../../src/render/links.ts';
import { xrefIndex } from '../../../src/render/xref-index.ts';
import { textsWithClause } from '../../../src/tree/walk.ts';
import type { Regulation } from '../../../src/tree/types.ts';
import type { CorpusLike } from '../../../src/render/xref-index.ts';
import { SEED_SLUG, seedCorpus, statuteCorpus } from './helpers.ts';

/** Linked segments of every text node, keyed by clause id. */
function links(corpus: CorpusLike, slug: string): Map<string, Segment[]> {
  const tree = corpus.regulations.find((r) => r.slug === slug)!.tree;
  const out = new Map<string, Segment[]>();
  for (const { text, clause } of textsWithClause(tree)) {
    const linked = segmentText(slug, text, corpus).filter((s) => s.href);
    if (linked.length) out.set(clause, [...(out.get(clause) ?? []), ...linked]);
  }
  return out;
}

function treeOf(corpus: CorpusLike, slug: string): Regulation {
  return corpus.regulations.find((r) => r.slug === slug)!.tree;
}

describe('segmentText on the seed', () => {
  const corpus = seedCorpus();
  const tree = treeOf(corpus, SEED_SLUG);
  const all = links(corpus, SEED_SLUG);

  it('joins back to exactly the text of every text node', () => {
    let count = 0;
    for (const { text } of textsWithClause(tree)) {
      const segments = segmentText(SEED_SLUG, text, corpus);
      expect(segments.map((s) => s.text).join('')).toBe(text.value);
      expect(segments.every((s) => s.text.length > 0)).toBe(true);
      count++;
    }
    expect(count).toBeGreaterThan(100);
  });

  it('links a use of 区政府 to its defining clause, with the full name as title', () => {
    const use = all.get('art-3-p1')!.find((s) => s.text === '区政府')!;
    expect(use).toMatchObject({ kind: 'abbreviation', href: `/regulations/${SEED_SLUG}/#art-2-p1` });
    expect(use.title).toContain('北京市朝阳区人民政府');
  });

  it('links the definition itself to the glossary entry', () => {
    const defs = all.get('art-2-p1')!.filter((s) => s.kind === 'abbreviation');
    expect(defs.map((s) => s.text)).toEqual(['区政府', '区委']);
    const glossary = xrefIndex(corpus).glossary();
    const anchor = glossary.find((t) => t.short === '区政府')!.definitions[0]!.anchor;
    expect(defs[0]!.href).toBe(`/glossary/#${anchor}`);
  });

  it('links each abbreviation at most once per clause', () => {
    for (const [clause, segments] of all) {
      const shorts = segments.filter((s) => s.kind === 'abbreviation').map((s) => s.text);
      expect(new Set(shorts).size, clause).toBe(shorts.length);
    }
  });

  it('does not link 区委 inside 政协北京市朝阳区委员会, nor uses before the definition', () => {
    const art19 = all.get('art-19-p1')!;
    expect(art19.filter((s) => s.text === '区委')).toHaveLength(1); // 向区委请示报告, not …区委员会
    expect(art19.find((s) => s.text === '区政协')!.href).toMatch(/^\/glossary\/#/);
    expect(all.get('notice')?.some((s) => s.kind === 'abbreviation')).toBeFalsy();
    expect(all.get('header')?.some((s) => s.kind === 'abbreviation')).toBeFalsy();
  });

  it('does not link the notice\'s citation of the regulation itself', () => {
    expect(all.get('notice')?.some((s) => s.kind === 'citation')).toBeFalsy();
  });

  it('links the repealed 2018 predecessor to the documents index, never to itself', () => {
    const [cite] = all.get('art-72-p1')!.filter((s) => s.kind === 'citation');
    expect(cite!.text).toBe('《北京市朝阳区人民政府工作规则》');
    expect(cite!.href).toMatch(/^\/documents\/#d-/);
    const entry = xrefIndex(corpus).documents().find((d) => d.title === '北京市朝阳区人民政府工作规则')!;
    const edition = entry.editions.find((e) => e.docNumber === '朝政发〔2018〕9号')!;
    expect(cite!.href).toBe(`/documents/#${edition.anchor}`);
    expect(edition.portalSlug).toBeUndefined();
    expect(edition.citedBy).toEqual([{ slug: SEED_SLUG, clause: 'art-72-p1', article: 'art-72' }]);
  });

  it('links documents the portal does not have to their index entry', () => {
    const cites = all.get('art-46-p1')!.filter((s) => s.kind === 'citation');
    expect(cites.map((s) => s.text)).toEqual(['《党政机关公文处理工作条例》', '《北京市党政机关公文处理办法》', '《朝阳区党政机关公文处理工作细则》', '《党政机关公文格式》']);
    const anchors = new Set(xrefIndex(corpus).documents().map((d) => `/documents/#${d.anchor}`));
    for (const c of cites) expect(anchors.has(c.href!)).toBe(true);
  });

  it('indexes every cited document once, grouped by title, self-citations left out', () => {
    const docs = xrefIndex(corpus).documents();
    expect(docs.map((d) => d.title)).toHaveLength(10);
    expect(new Set(docs.map((d) => d.anchor)).size).toBe(10);
  });
});

describe('segmentText on a statute-style fixture (第X条 internal references are links)', () => {
  const corpus = statuteCorpus();
  const slug = 'sample-statute-rules';
  const all = links(corpus, slug);
  const refs = (clause: string) => all.get(clause)?.filter((s) => s.kind === 'reference').map((s) => [s.text, s.href]) ?? [];
  const url = (id: string) => `/regulations/${slug}/#${id}`;

  it('links 第X条第X款, 第X条第X款第X项, 前款, 前款第X项, 本条, 本章', () => {
    expect(refs('art-3-p2')).toEqual([['前款第三项', url('art-3-p1-i3')]]);
    expect(refs('art-4-p1')).toEqual([['第三条第一款', url('art-3-p1')]]);
    expect(refs('art-4-p2')).toEqual([['本条', url('art-4')]]);
    expect(refs('art-5-p1')).toEqual([['本章', url('ch-2')]]);
    expect(refs('art-5-p2')).toEqual([['前款', url('art-5-p1')]]);
    expect(refs('art-5-1-p1')).toEqual([['第三条第一款第二项', url('art-3-p1-i2')]]);
    expect(refs('art-6-p1')).toEqual([
      ['第四条', url('art-4')],
      ['第五条', url('art-5')],
    ]);
  });

  it('gives a reference whose words differ a title naming the clause', () => {
    const prev = all.get('art-5-p2')!.find((s) => s.text === '前款')!;
    expect(prev.title).toBe('第五条第一款');
  });

  it('does not turn 《…法》第十条 into an internal link', () => {
    const item = all.get('art-3-p1-i3')!;
    expect(item.map((s) => s.kind)).toEqual(['citation']);
    expect(item[0]!.text).toBe('《中华人民共和国保守国家秘密法》');
    expect(item[0]!.href).toMatch(/^\/documents\/#/);
  });

  it('links a cited regulation the portal has to its page (by exact title)', () => {
    const cite = all.get('art-1-p1')!.find((s) => s.text === '《示例市行政机关会议规则》')!;
    expect(cite.href).toBe('/regulations/sample-meeting-rules/');
    const back = links(corpus, 'sample-meeting-rules').get('art-1-p1')!.find((s) => s.kind === 'citation')!;
    expect(back.href).toBe(`/regulations/${slug}/`);
  });

  it('matches by docNumber when the citation has one: the predecessor goes to /documents/, not to itself', () => {
    const cite = all.get('art-7-p1')!.find((s) => s.kind === 'citation')!;
    expect(cite.text).toBe('《示例市行政机关公文处理规定》');
    expect(cite.href).toMatch(/^\/documents\/#d-/);
    const entry = xrefIndex(corpus).documents().find((d) => d.title === '示例市行政机关公文处理规定')!;
    expect(entry.portalSlugs).toEqual([slug]);
    const editions = Object.fromEntries(entry.editions.map((e) => [e.docNumber ?? '', e.portalSlug ?? '']));
    expect(editions).toEqual({ '': slug, '示政发〔2019〕3号': '' });
  });

  it('resolves citations by docNumber to the portal regulation carrying it', () => {
    const index = xrefIndex(corpus);
    expect(index.resolveCitation(slug, '随便什么标题', '示政发〔2024〕1号', false)).toEqual({ kind: 'portal', slug: 'sample-meeting-rules' });
    expect(index.resolveCitation('sample-meeting-rules', '示例市行政机关会议规则', '示政发〔2024〕1号', false)).toEqual({ kind: 'self' });
    expect(index.resolveCitation(slug, '示例市行政机关会议规则', '示政发〔2099〕1号', false)).toEqual({ kind: 'external' });
  });

  it('keeps every fixture text node intact', () => {
    for (const { slug: s, tree } of corpus.regulations) {
      for (const { text } of textsWithClause(tree)) {
        expect(segmentText(s, text, corpus).map((x) => x.text).join('')).toBe(text.value);
      }
    }
  });
});
