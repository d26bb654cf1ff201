/**
 * Headings of the body: 编, 分编, 章, 节 and the `一、…` group headings of
 * judicial interpretations, with their numbering checks and the title line a
 * heading may wrap onto.
 */
import type { Group } from '../tree/types.ts';
import { squeeze, type Line } from './lines.ts';
import { toChineseNumeral } from './numerals.ts';
import {
  isOutlineArticle,
  isStatuteArticle,
  isTableRow,
  isTocHeading,
  matchAppendix,
  matchHeading,
  matchItem,
  matchOutlineArticle,
  matchSubitem,
} from './patterns.ts';


/** Chinese numeral where one exists, digits beyond (第10001条). */
export function numeral(n: number): string {
  if (!(n >= 1 && n <= 9999)) return String(n);
  // Asked per item for the label that would come next: the small numbers are kept.
  if (n > 200) return toChineseNumeral(n);
  return (SMALL[n] ??= toChineseNumeral(n));
}
const SMALL: string[] = [];

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
  if (isTocHeading(c) || matchHeading(c) || isArticle(c) || isOutlineArticle(c) || matchItem(c) || matchSubitem(c) || matchAppendix(c)) return undefined;
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

/** A group label's text: short, not a sentence. */
const headingLike = (rest: string) => !!rest && rest.length <= 40 && !/[。；，,：:]$/.test(rest);

export interface GroupLabel {
  number: number;
  label: string;
  rest: string;
  restIndex: number;
  /** 1 for `一、`, 2 for `（一）` under it. */
  level: 1 | 2;
}

/**
 * `一、关于…` grouping 第X条 articles (statute numbering only), and `（一）动产质押`
 * under it: a short line, not a sentence, directly followed by an article (or,
 * for `一、`, by a `（一）` group and then an article).
 */
export function matchGroupHeading(lines: Line[], i: number, inGroup: boolean): GroupLabel | undefined {
  const c = lines[i]!.content;
  const j = nextContent(lines, i);
  const next = j === undefined ? '' : lines[j]!.content;
  const outline = matchOutlineArticle(c);
  if (outline && headingLike(outline.rest)) {
    if (isStatuteArticle(next) || (j !== undefined && matchGroupHeading(lines, j, true)?.level === 2)) return { ...outline, level: 1 };
    return undefined;
  }
  const item = inGroup ? matchItem(c) : undefined;
  if (item && headingLike(item.rest) && isStatuteArticle(next)) return { number: item.number, label: item.label, rest: item.rest, restIndex: item.restIndex, level: 2 };
  return undefined;
}

export function groupNode(g: GroupLabel, parent: Group | undefined, position: Group['position']): Group {
  return {
    type: 'group',
    number: g.number,
    label: g.label,
    id: parent ? `${parent.id}-${g.number}` : `grp-${g.number}`,
    title: squeeze(g.rest),
    titlePrinted: g.rest,
    children: [],
    position,
  };
}
