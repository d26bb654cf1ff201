/**
 * 项 and 目 inside an article's paragraphs. An item list interrupted by a
 * paragraph and then resumed (`（二）…` / a paragraph / `（三）…`) keeps the
 * paragraph in the item before it: the numbering shows the list goes on.
 * Numbering that skips is read in item-gaps.ts.
 */
import type { Article, Item, Paragraph, Subitem } from '../tree/types.ts';
import { numeral } from './headings.ts';
import { fillItemGap, itemNode, lastItem, splitTrailing } from './item-gaps.ts';
import type { Line } from './lines.ts';
import { matchItem, matchSubitem } from './patterns.ts';
import type { Problems } from './problems.ts';
import { point, span, textNode } from './text-node.ts';

export interface ListState {
  paragraph: Paragraph | undefined;
  item: Item | undefined;
  subitem: Subitem | undefined;
  /** First line using each bracket style, for the mixed-brackets warning. */
  brackets: Partial<Record<'full' | 'ascii', number>>;
  mixedWarned: boolean;
}


/**
 * The paragraph an item numbered `n` resumes: when the current paragraph has no
 * items yet, the latest paragraph of the article with items ends at n − 1 and only
 * plain paragraphs lie between. Those paragraphs move into that last item.
 */
function resume(article: Article, n: number): Paragraph | undefined {
  const paragraphs = article.children;
  for (let k = paragraphs.length - 2; k >= 0; k--) {
    const p = paragraphs[k]!;
    const last = lastItem(p);
    if (!last) {
      if (p.row) return undefined;
      continue;
    }
    if (last.number !== n - 1) return undefined;
    for (const moved of paragraphs.splice(k + 1)) last.children.push(...(moved.children as typeof last.children));
    return p;
  }
  return undefined;
}

export function addItem(list: ListState, article: Article, line: Line, openParagraph: (line: Line, from: number) => Paragraph, problems: Problems): void {
  const m = matchItem(line.content)!;
  let paragraph = list.paragraph ?? openParagraph(line, 0);
  let expected = (lastItem(paragraph)?.number ?? 0) + 1;
  if (m.number !== expected && expected === 1 && m.number > 1) {
    const resumed = resume(article, m.number);
    if (resumed) {
      paragraph = resumed;
      expected = m.number;
    }
  }
  if (m.number !== expected) {
    const filled = fillItemGap(article, paragraph, m, expected, line, problems);
    if (filled) {
      paragraph = filled;
      expected = m.number;
    }
  }
  list.paragraph = paragraph;
  if (m.number !== expected) {
    const open = m.brackets === 'full' ? '（' : '(';
    const close = m.brackets === 'full' ? '）' : ')';
    problems.error('item-sequence', `项编号不连续：应为“${open}${numeral(expected)}${close}”，实为“${m.label}”`, line.number, line.indent + 1);
  }
  list.brackets[m.brackets] ??= line.number;
  const other = list.brackets[m.brackets === 'full' ? 'ascii' : 'full'];
  if (other !== undefined && !list.mixedWarned) {
    list.mixedWarned = true;
    problems.warn('mixed-brackets', `项的括号全角半角混用：此处为“${m.label}”，第 ${other} 行用另一种括号`, line.number, line.indent + 1);
  }
  // The item's text ends where the item does: one end point for both.
  const position = span(line, 0, line.content.length);
  const text = m.rest ? [textNode(line, m.restIndex, undefined, { start: point(line, line.indent + m.restIndex), end: position.end })] : [];
  const item = itemNode(m.number, m.label, `${paragraph.id}-i${m.number}`, text, position);
  paragraph.children.push(item);
  splitTrailing(paragraph, m, line, problems);
  list.item = lastItem(paragraph);
  list.subitem = undefined;
}

export function addSubitem(list: ListState, line: Line, problems: Problems): void {
  const m = matchSubitem(line.content)!;
  const owner = list.item!;
  const expected = owner.children.filter((c) => c.type === 'subitem').length + 1;
  if (m.number !== expected) {
    problems.error('subitem-sequence', `目编号不连续：应为“${expected}${m.label.slice(-1)}”，实为“${m.label}”`, line.number, line.indent + 1);
  }
  const subitem: Subitem = {
    type: 'subitem',
    number: m.number,
    label: m.label,
    id: `${owner.id}-s${m.number}`,
    children: [textNode(line, m.restIndex)],
    position: span(line, 0, line.content.length),
  };
  list.subitem = subitem;
  owner.children.push(subitem);
}
