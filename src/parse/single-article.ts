/**
 * A text of a single article: a 批复 or 决定 whose whole body is unnumbered
 * paragraphs after the header. The front matter took them as a preamble; they
 * become one article `art-1` with an empty label (nothing is printed for it).
 */
import type { Article, TopLevel } from '../tree/types.ts';
import type { Problems } from './problems.ts';

export function singleArticle(children: TopLevel[], problems: Problems): boolean {
  const at = children.findIndex((c) => c.type === 'preamble');
  const preamble = children[at];
  if (!preamble || preamble.type !== 'preamble' || !children.some((c) => c.type === 'header')) return false;
  const article: Article = {
    type: 'article',
    number: 1,
    label: '',
    id: 'art-1',
    children: preamble.children.map((p, k) => ({ ...p, id: `art-1-p${k + 1}` })),
    position: preamble.position,
  };
  children[at] = article;
  const first = preamble.position.start;
  problems.warn('single-article', '正文没有条文编号：全文作为一条（art-1）发布', first.line, first.column);
  return true;
}
