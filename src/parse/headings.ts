/**
 * Headings of the body: 编, 分编, 章, 节 and the `一、…` group headings of
 * judicial interpretations, with their numbering checks and the title line a
 * heading may wrap onto.
 */
import type { Group } from '../tree/types.ts';
import { squeeze, type Line } from './lines.ts';
import { toChineseNumeral } from './numerals.ts';
import { isTableRow, isTocHeading, matchAppendix, matchHeading, matchItem, matchOutlineArticle, matchStatuteArticle, matchSubitem } from './patterns.ts';


/** Chinese numeral where one exists, digits beyond (第10001条). */
export function numeral(n: number): string {
  return n >= 1 && n <= 9999 ? toChineseNumeral(n) : String(n);
}

/**
 * A heading whose title wraps onto the next line (`第二章 听取和审议人民政府、人民法院和`
 * / `人民检察院的专项工作报告`): the next line is short, has no sentence punctuation and
 * no label, and a heading or an article follows it. Returns that line's index.
 */
export function titleContinuation(lines: Line[], i: number, isArticle: (content: string) => boolean): number | undefined {
  const j = nextContent(lines, i);
  if (j === undefined) return undefined;
  const c = lines[j]!.content;
  if (c.length > 40 || /[。；：:？！]/.test(c) || isTableRow(c)) return undefined;
  if (isTocHeading(c) || matchHeading(c) || isArticle(c) || matchOutlineArticle(c) || matchItem(c) || matchSubitem(c) || matchAppendix(c)) return undefined;
  const k = nextContent(lines, j);
  if (k === undefined) return undefined;
  const after = lines[k]!.content;
  if (!matchHeading(after) && !isArticle(after)) return undefined;
  // A chapter whose first printed section is 第二节: the line is its 第一节 that lost its label.
  const h = matchHeading(lines[i]!.content);
  if (h && h.kind !== 'section') {
    for (let m = k; m < lines.length; m++) {
      const next = lines[m]!.content && matchHeading(lines[m]!.content);
      if (!next) continue;
      if (next.kind === 'section' && next.number !== 1) return undefined;
      if (next.kind !== 'section' || next.number === 1) break;
    }
  }
  return j;
}

export function nextContent(lines: Line[], i: number): number | undefined {
  for (let j = i + 1; j < lines.length; j++) if (lines[j]!.content) return j;
  return undefined;
}

/**
 * `一、关于…` grouping 第X条 articles (statute numbering only): a short line, not a
 * sentence, directly followed by an article.
 */
export function matchGroupHeading(lines: Line[], i: number): { number: number; label: string; rest: string; restIndex: number } | undefined {
  const c = lines[i]!.content;
  const m = matchOutlineArticle(c);
  if (!m || m.rest.length > 40 || /[。；，,]$/.test(m.rest) || !m.rest) return undefined;
  const j = nextContent(lines, i);
  return j !== undefined && matchStatuteArticle(lines[j]!.content) ? m : undefined;
}

export function groupNode(line: Line, g: { number: number; label: string; rest: string; restIndex: number }, position: Group['position']): Group {
  return {
    type: 'group',
    number: g.number,
    label: g.label,
    id: `grp-${g.number}`,
    title: squeeze(g.rest),
    titlePrinted: g.rest,
    children: [],
    position,
  };
}
