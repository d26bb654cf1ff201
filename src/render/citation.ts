/**
 * How a clause is cited in words, and the line the "copy citation" action
 * produces. Conventions and sources: docs/citation.md.
 *
 * Outline-numbered rules (`四十三、`) are cited by the printed number as
 * articles (第四十三条): the numbers run on across chapters exactly like 条,
 * and citing the printed number lets a reader find the clause on paper.
 */
import { articleWords, idInWords, itemWords, paragraphWords, subitemWords } from '../tree/clause-words.ts';
import { visit } from '../tree/walk.ts';
import type { Article, Regulation } from '../tree/types.ts';

/** Where a clause sits, by number: everything needed to cite it. */
export interface ClausePath {
  article: { number: number; sub?: number };
  /** 款; absent when citing the whole article. */
  paragraph?: number;
  /** How many 款 the article has: a lone 款 is not cited by number (第三条第五项). */
  paragraphCount: number;
  /** 项 */
  item?: number;
  /** 目 */
  subitem?: number;
}

/** 第四十三条, 第十二条之一 — whatever the printed numbering style. */
export function articleInWords(number: number, sub?: number): string {
  return articleWords(number, sub);
}

/** 第十二条第二款第三项第1目: 条款项 in Chinese numerals, 目 in Arabic as 《立法法》 prints them (src/tree/clause-words.ts). */
export function clauseInWords(path: ClausePath): string {
  let out = articleWords(path.article.number, path.article.sub);
  if (path.paragraph !== undefined && path.paragraphCount > 1) out += paragraphWords(path.paragraph);
  if (path.item !== undefined) out += itemWords(path.item);
  if (path.subitem !== undefined) out += subitemWords(path.subitem);
  return out;
}

export { anchorLabel, citationLine, clauseOfAnchorLabel, formalCitation } from './citation-line.ts';

/**
 * Every article, paragraph, item and subitem of a tree with its citation in
 * words, by id. One walk per tree; pages look clauses up here.
 */
export function clauseCitations(tree: Regulation): Map<string, string> {
  const out = new Map<string, string>();
  visit(tree, (node, ancestors) => {
    if (node.type !== 'article' && node.type !== 'paragraph' && node.type !== 'item' && node.type !== 'subitem') return;
    const article = node.type === 'article' ? node : ancestors.findLast((a): a is Article => a.type === 'article');
    if (!article) {
      // Paragraphs of a preamble or an appendix are not 款 of any article: 段, in the words
      // every other page gives the id (附件1第二段, whatever the printed label: 附件一).
      if (node.type === 'paragraph') out.set(node.id, idInWords(node.id));
      return;
    }
    const path: ClausePath = {
      article: { number: article.number, ...(article.sub ? { sub: article.sub } : {}) },
      paragraphCount: article.children.length,
    };
    for (const n of [...ancestors, node]) {
      if (n.type === 'paragraph') path.paragraph = n.number;
      else if (n.type === 'item') path.item = n.number;
      else if (n.type === 'subitem') path.subitem = n.number;
    }
    out.set(node.id, clauseInWords(path));
  });
  return out;
}
