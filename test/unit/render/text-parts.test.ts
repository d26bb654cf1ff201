/**
 * Long texts in parts (src/render/text-parts.ts): trees built by the real
 * parser from generated text, split at a small limit so the rule shows.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRegulation } from '../../../src/parse/index.ts';
import { mapHolds, partMap } from '../../../src/render/part-map.ts';
import { permalinksOf } from '../../../src/render/permalink-register.ts';
import { clauseHref, PART_LIMIT, partOf, textParts, type Piece } from '../../../src/render/text-parts.ts';
import { toChineseNumeral } from '../../../src/parse/numerals.ts';
import type { Regulation } from '../../../src/tree/types.ts';

const parse = (text: string): Regulation => parseRegulation(Buffer.from(text), { path: 'gen.txt', slug: 'gen' }).tree!;
const ARTICLE_WORDS = '本规定所称事项，由主管部门依照职责办理，并应当及时公开办理结果。'.repeat(3);

/** `chapters[i]` articles in chapter i + 1, numbered on through the text. */
function statute(chapters: number[], parts?: number[]): string {
  const lines = ['生成的规定', ''];
  let n = 0;
  let chapter = 0;
  const chapterLines = (count: number) => {
    chapter++;
    lines.push(`第${toChineseNumeral(chapter)}章　第${chapter}章的标题`);
    for (let i = 0; i < count; i++) lines.push(`第${toChineseNumeral(++n)}条　${ARTICLE_WORDS}`);
  };
  if (!parts) chapters.forEach(chapterLines);
  else {
    let c = 0;
    parts.forEach((k, p) => {
      lines.push(`第${toChineseNumeral(p + 1)}编　第${p + 1}编的标题`);
      for (let i = 0; i < k; i++) chapterLines(chapters[c++]!);
    });
  }
  return lines.join('\n') + '\n';
}

const articleSize = () => {
  const t = parse(statute([2]));
  const a = (t.children.find((c) => c.type === 'chapter') as { children: { position: { start: { offset: number }; end: { offset: number } } }[] }).children[0]!;
  return a.position.end.offset - a.position.start.offset;
};

/** The article ids a part shows, in order. */
const articlesOf = (nodes: readonly Piece[]): string[] => {
  const out: string[] = [];
  const walk = (n: Piece) => (n.type === 'article' ? out.push(n.id) : 'children' in n && (n.children as Piece[]).forEach(walk));
  nodes.forEach(walk);
  return out;
};

describe('textParts', () => {
  it('leaves a text within the limit whole: one part, the tree’s own children', () => {
    const tree = parse(statute([3, 3]));
    const parts = textParts(tree);
    expect(parts).toHaveLength(1);
    expect(parts[0]!.nodes).toBe(tree.children);
    // Every text of content/ is far within the limit.
    const seed = parseRegulation(readFileSync('content/regulations/chaoyang-government-work-rules.txt'), { path: 'seed.txt', slug: 'seed' }).tree!;
    expect(textParts(seed)).toHaveLength(1);
  });

  it('splits between chapters when chapters fit, packing small ones together, front matter with the first', () => {
    const tree = parse(statute([4, 4, 4, 4]));
    const limit = articleSize() * 9;
    const parts = textParts(tree, limit);
    expect(parts.map((p) => p.nodes.filter((n) => n.type === 'chapter').map((n) => n.id))).toEqual([
      ['ch-1', 'ch-2'],
      ['ch-3', 'ch-4'],
    ]);
    expect(parts[0]!.nodes[0]!.type).toBe('header');
    expect(parts[1]!.ids[0]).toBe('ch-3');
    // Every article is in exactly one part, in order.
    expect(parts.flatMap((p) => articlesOf(p.nodes))).toEqual(Array.from({ length: 16 }, (_, i) => `art-${i + 1}`));
  });

  it('splits at 编 when 编 fit, and inside a 编 only when it does not, never sharing its pieces with the next 编', () => {
    const tree = parse(statute([2, 2, 6, 6, 2], [2, 2, 1]));
    const limit = articleSize() * 10;
    const parts = textParts(tree, limit);
    const top = parts.map((p) => p.nodes.filter((n) => n.type === 'part').map((n) => `${n.id}${'continued' in n ? '+' : ''}`));
    // 编一 (4 articles) and 编二 (12) cannot share; 编二 splits between its chapters; 编三 has a part of its own.
    expect(top).toEqual([['part-1'], ['part-2'], ['part-2+'], ['part-3']]);
    expect(parts.map((p) => p.ids.filter((id) => id.startsWith('ch-')))).toEqual([['ch-1', 'ch-2'], ['ch-3'], ['ch-4'], ['ch-5']]);
    expect(partOf(parts, 'part-2')).toBe(2);
    expect(partOf(parts, 'ch-4')).toBe(3);
  });

  it('splits a text without divisions between articles; a fragment of a 款 goes with its article', () => {
    const lines = ['无章节的规定', '', ...Array.from({ length: 30 }, (_, i) => `第${toChineseNumeral(i + 1)}条　${ARTICLE_WORDS}\n第二款的文字。`)];
    const tree = parse(lines.join('\n') + '\n');
    const parts = textParts(tree, articleSize() * 12);
    for (const p of parts) expect(p.nodes.reduce((n, c) => n + c.position.end.offset - c.position.start.offset, 0)).toBeLessThanOrEqual(articleSize() * 12 + 100);
    // The fewest parts the limit allows, of even sizes (packing to the limit alone would leave 12, 12, 6).
    const counts = parts.map((p) => articlesOf(p.nodes).length);
    expect(counts).toHaveLength(3);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    const last = parts.at(-1)!;
    expect(partOf(parts, 'art-30-p2')).toBe(last.number);
    expect(clauseHref('gen', parts, 'art-30-p2', 1)).toBe(`/regulations/gen/page/${last.number}/#art-30-p2`);
    expect(clauseHref('gen', parts, 'art-1', 1)).toBe('#art-1');
    // The compact map the page script reads says the same.
    const map = partMap(parts);
    expect(map[0]).toMatch(/^header art-1~\d+$/);
    for (const id of ['art-1', 'art-15-p2', 'art-30', 'header']) expect(map.findIndex((m) => mapHolds(m, id)) + 1).toBe(partOf(parts, id));
    expect(map.some((m) => mapHolds(m, 'art-31'))).toBe(false);
  });

  it('derives the limit from the page budget with a margin', () => {
    expect(PART_LIMIT).toBe(59_076);
  });

  it('registers each later part as a permalink promising the clause it opens with', () => {
    const tree = parse(statute(Array.from({ length: 40 }, () => 20)));
    const parts = textParts(tree);
    expect(parts.length).toBeGreaterThan(1);
    const links = permalinksOf(tree, '/regulations/gen/');
    const page2 = links.findIndex((l) => l.url === '/regulations/gen/page/2/');
    expect(page2).toBeGreaterThan(0);
    expect(links[page2]!.id).toBe(parts[1]!.ids[0]);
    expect(links[page2 + 1]!.url).toBe(`/regulations/gen/#${parts[1]!.ids[0]}`);
  });
});
