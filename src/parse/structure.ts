/**
 * Rules of the body that need no parser state: which numbering a line's label
 * belongs to, where the body starts, how labels are printed, and the small
 * look-arounds the body builder asks about.
 */
import type { Chapter, Part } from '../tree/types.ts';
import { numeral } from './headings.ts';
import type { ListState } from './items.ts';
import type { Line } from './lines.ts';
import {
  isOutlineArticle,
  isStatuteArticle,
  isTableRow,
  isTocHeading,
  matchHeading,
  matchItem,
  matchOutlineArticle,
  matchStatuteArticle,
  matchSubitem,
  type ArticleLabel,
} from './patterns.ts';

export type Numbering = 'outline' | 'statute';

export function matchArticle(numbering: Numbering, content: string): ArticleLabel | undefined {
  return numbering === 'statute' ? matchStatuteArticle(content) : matchOutlineArticle(content);
}

/** Does the line start with an article label of the numbering? (Nothing built: most callers only ask.) */
export function isArticleLine(numbering: Numbering, content: string): boolean {
  return numbering === 'statute' ? isStatuteArticle(content) : isOutlineArticle(content);
}

/** The line's 第X条 label, read once: the numbering count and the body both ask of every line. */
export function statuteLabelOf(line: Line): ArticleLabel | undefined {
  if (line.statuteLabel === undefined) line.statuteLabel = matchStatuteArticle(line.content) ?? false;
  return line.statuteLabel || undefined;
}

/** matchArticle of a line, its 第X条 label read once. */
export function articleOf(numbering: Numbering, line: Line): ArticleLabel | undefined {
  return numbering === 'statute' ? statuteLabelOf(line) : matchOutlineArticle(line.content);
}

/** Is this line where the body starts (a 目录, a heading, an article, or a group heading over one)? */
export function startsBody(numbering: Numbering, content: string, next = '', previous = ''): boolean {
  if (isTableRow(content, isTableRow(previous))) return false;
  if (isTocHeading(content) || matchHeading(content) || isArticleLine(numbering, content)) return true;
  if (numbering !== 'statute' || !isStatuteArticle(next)) return false;
  const m = matchOutlineArticle(content);
  return !!m && !!m.rest && m.rest.length <= 40 && !/[。；，,]$/.test(m.rest);
}

/** `ch-3` → `part-1-ch-3` (and its sections), once the chapters turn out to be numbered per part. */
export function prefixChapters(part: Part): void {
  for (const c of part.children) {
    if (c.type !== 'chapter' && c.type !== 'subpart') continue;
    for (const ch of c.type === 'chapter' ? [c] : c.children.filter((x): x is Chapter => x.type === 'chapter')) {
      const id = `${part.id}-${ch.id}`;
      for (const sec of ch.children) if (sec.type === 'section') sec.id = sec.id.replace(ch.id, id);
      ch.id = id;
    }
  }
}

/**
 * `1．` under an item starts its subitems, `2．` continues them; `22.将第四十五条修改为：`
 * after a quoted item list (修改决定) is the decision's own numbering, a paragraph.
 */
export function startsOrContinuesSubitems(list: ListState, content: string): boolean {
  const m = matchSubitem(content);
  if (!m) return false;
  const count = list.item!.children.filter((c) => c.type === 'subitem').length;
  return count > 0 || m.number === 1;
}

/** The line before is a title (short, no sentence punctuation): a second document starts here. */
export function titleBefore(lines: Line[], i: number): boolean {
  let j = i - 1;
  while (j >= 0 && !lines[j]!.content) j--;
  const c = j >= 0 ? lines[j]!.content : '';
  return !!c && c.length <= 40 && !/[。；，：:]/.test(c) && !matchItem(c);
}

export function articleLabel(numbering: Numbering, number: number, sub = 0): string {
  const n = numeral(number);
  if (numbering === 'outline') return `${n}、`;
  return sub ? `第${n}条之${numeral(sub)}` : `第${n}条`;
}
