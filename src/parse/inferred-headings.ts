/**
 * Headings that lost their `第X章`/`第X节` (about 80 local regulations of the
 * collection): a bare short line among the articles where the printed
 * numbering skips. Decided before the body is built, from the whole text:
 * only when the bare lines exactly fill a gap of the printed numbering is each
 * one the heading of the missing number (`inferred: true`, no printed label);
 * anything else stays an error (docs/tree.md, "Structure").
 */
import { titleContinuation } from './headings.ts';
import type { Line } from './lines.ts';
import { isTableRow, isTocHeading, matchAppendix, matchHeading, matchItem, matchSubitem, type Heading } from './patterns.ts';

export interface InferredHeading extends Heading {
  kind: 'chapter' | 'section';
  inferred: true;
}

/** A short line with no punctuation or digit: a heading that lost its label, or nothing at all. */
export function isBareLine(content: string): boolean {
  return content.length <= 20 && !/[\p{P}\d]/u.test(content);
}

interface Mark {
  i: number;
  kind: 'article' | 'part' | 'subpart' | 'chapter' | 'section' | 'bare';
  number: number;
}

/**
 * Line index → the heading it is. `isArticle` tells the text's article labels;
 * `from` is where the body proper starts (after a headless 目录).
 */
export function inferHeadings(lines: Line[], from: number, isArticle: (content: string) => boolean): Map<number, InferredHeading> {
  const found = new Map<number, InferredHeading>();
  // Most texts number their headings without a gap: then there is nothing to fill (and no full scan to pay for).
  // Texts with 编 are not read: their chapters may restart per 编 (no such defect seen).
  if (!numberingSkips(lines, from)) return found;
  const marks = scan(lines, from, isArticle);
  const infer = (bare: Mark[], kind: 'chapter' | 'section', first: number) =>
    bare.forEach((b, k) => {
      const content = lines[b.i]!.content;
      found.set(b.i, { kind, number: first + k, label: '', rest: content, restIndex: 0, inferred: true });
    });

  // Chapters: the bare lines between two printed chapter headings, when no printed 第N节 (N > 1) follows one of them.
  let previous = -1; // index in marks of the last printed chapter
  let previousNumber = 0;
  marks.forEach((c, k) => {
    if (c.kind !== 'chapter') return;
    const missing = c.number - previousNumber - 1;
    const between = missing > 0 ? marks.slice(previous + 1, k) : [];
    const bare = between.filter((m) => m.kind === 'bare');
    if (bare.length) {
      // Before the first chapter, articles before the first bare line mean 第一章 itself was never printed.
      const lost = previousNumber === 0 && between.some((m) => m.kind === 'article' && m.i < bare[0]!.i) ? 1 : 0;
      if (bare.length === missing - lost && !sectionAfterBare(between)) infer(bare, 'chapter', previousNumber + 1 + lost);
    }
    previous = k;
    previousNumber = c.number;
  });

  // Sections: within each chapter (printed or inferred), the bare lines filling a gap of its printed sections.
  let last = 0; // section number so far in the current chapter
  let lastAt = -1; // index in marks of the chapter heading or last section
  let inChapter = false;
  marks.forEach((m, k) => {
    if (m.kind === 'chapter' || found.get(m.i)?.kind === 'chapter') {
      inChapter = true;
      last = 0;
      lastAt = k;
      return;
    }
    if (m.kind !== 'section' || !inChapter) return;
    const missing = m.number - last - 1;
    const between = missing > 0 ? marks.slice(lastAt + 1, k) : [];
    const bare = between.filter((b) => b.kind === 'bare');
    if (bare.length) {
      // As for chapters: articles before the first bare line of a chapter mean its 第一节 was never printed.
      const lost = last === 0 && between.some((b) => b.kind === 'article' && b.i < bare[0]!.i) ? 1 : 0;
      if (bare.length === missing - lost) infer(bare, 'section', last + 1 + lost);
    }
    last = m.number;
    lastAt = k;
  });
  return found;
}

/** Do the printed chapter or section numbers skip anywhere (a first chapter or section after 1 included), in a text without 编? */
function numberingSkips(lines: Line[], from: number): boolean {
  let chapter = 0;
  let section = 0;
  let skips = false;
  for (let i = from; i < lines.length; i++) {
    const c = lines[i]!.content;
    if (c.charCodeAt(0) !== 0x7b2c) continue; // 第: every heading starts with it
    const h = matchHeading(c);
    if (h?.kind === 'part' || h?.kind === 'subpart') return false;
    if (skips) continue;
    if (h?.kind === 'chapter') {
      skips = h.number !== chapter + 1;
      chapter = h.number;
      section = 0;
    } else if (h?.kind === 'section') {
      skips = h.number !== section + 1;
      section = h.number;
    }
  }
  return skips;
}

/** A printed 第N节 (N > 1) right after a bare line: that line may be a section that lost its label, not a chapter. */
function sectionAfterBare(between: Mark[]): boolean {
  let lastKind: Mark['kind'] | undefined;
  for (const m of between) {
    if (m.kind === 'section' && lastKind === 'bare' && m.number !== 1) return true;
    if (m.kind === 'section' || m.kind === 'bare') lastKind = m.kind;
  }
  return false;
}

/** The body's labels and bare candidate lines, in order, up to the first appendix after an article. */
function scan(lines: Line[], from: number, isArticle: (content: string) => boolean): Mark[] {
  const marks: Mark[] = [];
  let previous = -1;
  let previousRow = false;
  let seenArticle = false;
  for (let i = from; i < lines.length; i++) {
    const c = lines[i]!.content;
    if (!c) continue;
    const row = isTableRow(c, previousRow);
    previousRow = row;
    const h = row ? undefined : matchHeading(c);
    if (h) marks.push({ i, kind: h.kind, number: h.number });
    else if (!row && isArticle(c)) {
      marks.push({ i, kind: 'article', number: 0 });
      seenArticle = true;
    }
    else if (!row && seenArticle && matchAppendix(c)) break;
    else if (!row && candidate(lines, i, previous, isArticle)) marks.push({ i, kind: 'bare', number: 0 });
    previous = i;
  }
  return marks;
}

/**
 * A bare line that could be a heading: no label of any kind, the line before
 * it ends a sentence or is a heading whose title it does not continue, and
 * an article or a heading comes right after it.
 */
function candidate(lines: Line[], i: number, previous: number, isArticle: (content: string) => boolean): boolean {
  const c = lines[i]!.content;
  if (!isBareLine(c) || isTocHeading(c) || matchItem(c) || matchSubitem(c) || previous < 0) return false;
  const before = lines[previous]!.content;
  if (matchHeading(before)) {
    if (titleContinuation(lines, previous, isArticle) === i) return false;
  } else if (!/[。；！？]$/.test(before)) {
    return false;
  }
  let j = i + 1;
  while (j < lines.length && !lines[j]!.content) j++;
  const next = j < lines.length ? lines[j]!.content : '';
  return isArticle(next) || !!matchHeading(next);
}
