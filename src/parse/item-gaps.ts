/**
 * An item list whose printed numbering skips (`（一）` … `（三）`). Two defects
 * of the collection are published faithfully, with a warning: items printed
 * on the line of the item (or lead-in) before (`（一）…；  （二）…`), which are
 * split there into items of their printed labels; and lines that lost their
 * item label, exactly as many as the numbers missing, which stay text of the
 * item or lead-in before them. Every printed item keeps its printed number
 * and id; anything else stays an `item-sequence` error.
 */
import type { Article, Item, Paragraph, Text } from '../tree/types.ts';
import { numeral } from './headings.ts';
import type { Line } from './lines.ts';
import { matchItem, matchSubitem, type ItemLabel } from './patterns.ts';
import type { Problems } from './problems.ts';

/** The paragraph's last item (a loop: findLast made a closure per call, and this is asked per item line). */
export function lastItem(p: Paragraph): Item | undefined {
  const children = p.children;
  for (let k = children.length - 1; k >= 0; k--) {
    const c = children[k]!;
    if (c.type === 'item') return c;
  }
  return undefined;
}

const bracketed = (brackets: ItemLabel['brackets'], n: number) => (brackets === 'full' ? `（${numeral(n)}）` : `(${numeral(n)})`);

/** A paragraph that is one plain line of text, not a lead-in: what a line that lost its item label becomes. */
function plainLine(p: Paragraph): boolean {
  const only = p.children.length === 1 ? p.children[0]! : undefined;
  return !p.row && only?.type === 'text' && !matchItem(only.value) && !matchSubitem(only.value) && !leadIn(p);
}

/** `…有下列行为之一的：` */
function leadIn(p: Paragraph): boolean {
  const last = p.children.at(-1);
  return last?.type === 'text' && /[：:]$/.test(last.value);
}

/**
 * The paragraph item `m` goes into, when the lines since the last item (or the
 * lead-in) account for the numbers missing before it; `undefined` when they do not.
 */
export function fillItemGap(article: Article, paragraph: Paragraph, m: ItemLabel, expected: number, line: Line, problems: Problems): Paragraph | undefined {
  if (m.number <= expected) return undefined;
  const inline = splitInline(paragraph, m.brackets, expected, m.number);
  if (inline) {
    const labels = inline.map((i) => i.label).join('”“');
    problems.warn('item-inline', `“${labels}”印在上一行之中：按印出的编号分为各项`, line.number, line.indent + 1);
    return paragraph;
  }
  // The current paragraph is the last of the plain lines: walk back to the item or lead-in before them.
  const paragraphs = article.children;
  let k = paragraphs.length - 1;
  while (k >= 0 && !lastItem(paragraphs[k]!) && plainLine(paragraphs[k]!)) k--;
  const owner = k >= 0 ? paragraphs[k]! : undefined;
  if (!owner || owner.row || k === paragraphs.length - 1) return undefined;
  const before = lastItem(owner)?.number ?? 0;
  const lost = paragraphs.length - 1 - k;
  if (m.number - before - 1 !== lost) return undefined;
  // Without items yet, the owner must be a lead-in (`…下列行为：`), not any paragraph.
  if (!before && !leadIn(owner)) return undefined;
  const moved = paragraphs.splice(k + 1).flatMap((p) => p.children as Text[]);
  if (before) lastItem(owner)!.children.push(...moved);
  else owner.children.push(...moved);
  const missing = Array.from({ length: lost }, (_, n) => bracketed(m.brackets, before + 1 + n)).join('”“');
  problems.warn(
    'item-label-lost',
    `“${m.label}”之前的 ${lost} 行像是丢了“${missing}”的项：这些行作为${before ? '上一项' : '引导语'}的文字发布，“${m.label}”保留印出的编号`,
    line.number,
    line.indent + 1,
  );
  return owner;
}

/**
 * After item `m`: the items printed on its own line after it (`（四）…；  （五）…`),
 * split off at their printed labels when each follows a `；`/`。` and a space.
 */
export function splitTrailing(paragraph: Paragraph, m: ItemLabel, line: Line, problems: Problems): void {
  const inline = splitInline(paragraph, m.brackets, m.number + 1, undefined);
  if (inline) problems.warn('item-inline', `“${inline.map((i) => i.label).join('”“')}”与“${m.label}”印在同一行：按印出的编号分为各项`, line.number, line.indent + 1);
}

const AFTER_SENTENCE_AND_SPACE = /[；;。][\s\u3000]+$/;
const AFTER_SPACE_OR_SENTENCE = /[\s\u3000；;。]$/;

/**
 * Cut the last text of the paragraph (or of its last item) at the labels `from`
 * … `until − 1`, each printed after a space or a `；`/`。`; with no `until`, at as many labels
 * from `from` on as follow a `；`/`。` and a space. Returns the new items, already
 * in the paragraph, or undefined when the labels are not there.
 */
function splitInline(paragraph: Paragraph, brackets: ItemLabel['brackets'], from: number, until: number | undefined): Item[] | undefined {
  const holder = lastItem(paragraph) ?? paragraph;
  const text = holder.children.at(-1);
  if (text?.type !== 'text') return undefined;
  const cuts: { at: number; label: string; number: number }[] = [];
  // Asked for by the numbering, a label after a space or a sentence's end will do; unasked, it takes both.
  const before = until === undefined ? AFTER_SENTENCE_AND_SPACE : AFTER_SPACE_OR_SENTENCE;
  for (let n = from, at = 0; until === undefined || n < until; n++) {
    const label = bracketed(brackets, n);
    const next = text.value.indexOf(label, at);
    if (next <= 0 || !before.test(text.value.slice(Math.max(0, next - 8), next))) {
      if (until !== undefined) return undefined;
      break;
    }
    cuts.push({ at: next, label, number: n });
    at = next + label.length;
  }
  if (!cuts.length) return undefined;
  const kept = slice(text, 0, cuts[0]!.at);
  holder.children[holder.children.length - 1] = kept;
  // The item before now ends where the next label starts (a paragraph holds the new items, so keeps its span).
  if (holder.type === 'item') {
    holder.position = { start: holder.position.start, end: kept.position.end };
    // Its heading was read off the whole line: read it again off what the item keeps.
    delete holder.heading;
    if (holder.children.length === 1) Object.assign(holder, itemHeading(kept.value));
  }
  const items = cuts.map((c, n): Item => {
    const end = cuts[n + 1]?.at ?? text.value.length;
    const rest = slice(text, c.at + c.label.length, end);
    const start = slice(text, c.at, end);
    return itemNode(c.number, c.label, `${paragraph.id}-i${c.number}`, rest.value ? [rest] : [], start.position);
  });
  paragraph.children.push(...items);
  return items;
}

/** `text.value[from, to)` with outer whitespace trimmed, as a text node positioned where it is printed (one line). */
function slice(text: Text, from: number, to: number): Text {
  const raw = text.value.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  const value = raw.trim();
  const at = (k: number) => ({ line: text.position.start.line, column: text.position.start.column + k, offset: text.position.start.offset + k });
  return { type: 'text', value, position: { start: at(from + lead), end: at(from + lead + value.length) } };
}

/** `坚持和加强党的全面领导。牢记…` → heading `坚持和加强党的全面领导`. */
export function itemHeading(text: string): { heading?: string } {
  const heading = headingOf(text);
  return heading === undefined ? {} : { heading };
}

/** `^([^。；：]{1,60})[。；：]` as a sticky test: the heading ends at `lastIndex`, no match object per item. */
const ITEM_HEADING = /[^。；：]{1,60}(?=[。；：])/y;

/** The text before the first 。；： when that comes after 1 to 60 characters. */
function headingOf(text: string): string | undefined {
  ITEM_HEADING.lastIndex = 0;
  return ITEM_HEADING.test(text) ? text.slice(0, ITEM_HEADING.lastIndex) : undefined;
}

/** An item, its heading read off its first text (two literals rather than a spread: one item per item line). */
export function itemNode(number: number, label: string, id: string, children: Item['children'], position: Item['position']): Item {
  const first = children[0];
  const heading = first?.type === 'text' ? headingOf(first.value) : undefined;
  return heading === undefined
    ? { type: 'item', number, label, id, children, position }
    : { type: 'item', number, label, id, heading, children, position };
}
