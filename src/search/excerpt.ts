/**
 * A result's excerpt (pure, unit-tested on strings): the sentence that holds
 * most of the matches, with the matches marked, widened to whole words.
 */
import { words } from './segment.ts';

/** A piece of an excerpt: plain text, or a highlighted match. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

const EXCERPT_LENGTH = 90;
const EXCERPT_LEAD = 16;

/** Where a sentence or clause of a list ends. */
const SENTENCE_END = /[。！？；\n]/u;

/**
 * A window of the text starting at the sentence that holds the most of the
 * matches (the sentence that answers), with the matches marked, each widened
 * to the words it touches (never 召**开1次**: 召开1次).
 */
export function excerpt(text: string, ranges: [number, number][], length = EXCERPT_LENGTH): ExcerptPart[] {
  const matched = mergeRanges(ranges);
  const sorted = mergeRanges(matched.map((r) => toWords(text, r)));
  // Sentences: [start, end) split after each sentence end.
  const sentences: [number, number][] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (SENTENCE_END.test(text[i]!)) {
      sentences.push([from, i + 1]);
      from = i + 1;
    }
  }
  if (from < text.length) sentences.push([from, text.length]);
  // The sentence matching the most different characters of the query (a
  // sentence repeating one term is not the answer), then the most matched text.
  let start = 0;
  let best = [-1, -1];
  for (const [a, b] of sentences) {
    const chars = new Set<string>();
    let covered = 0;
    for (const [x, y] of matched) {
      const [from, to] = [Math.max(x, a), Math.min(y, b)];
      if (to <= from) continue;
      covered += to - from;
      for (const ch of text.slice(from, to)) chars.add(ch);
    }
    if (chars.size > best[0]! || (chars.size === best[0] && covered > best[1]!)) {
      best = [chars.size, covered];
      start = a;
    }
  }
  // A long sentence whose first match lies beyond the window: start shortly before that match.
  const firstIn = sorted.find(([a]) => a >= start);
  if (firstIn && firstIn[1] > start + length) start = Math.max(start, firstIn[0] - EXCERPT_LEAD);
  while (start < text.length && /\s/u.test(text[start]!)) start++;
  // Never cut a match in two.
  for (const [a, b] of sorted) if (a < start && start < b) start = a;
  const end = Math.min(text.length, start + length);
  const parts: ExcerptPart[] = [];
  if (start > 0) parts.push({ text: '…', mark: false });
  let at = start;
  for (const [a, b] of sorted) {
    const x = Math.max(a, at);
    const y = Math.min(b, end);
    if (y <= x) continue;
    if (x > at) parts.push({ text: text.slice(at, x), mark: false });
    parts.push({ text: text.slice(x, y), mark: true });
    at = y;
  }
  if (end > at) parts.push({ text: text.slice(at, end), mark: false });
  if (end < text.length) parts.push({ text: '…', mark: false });
  return parts;
}

/** Widen a range to the words (Intl.Segmenter) it starts and ends in, up to 4 characters each. */
function toWords(text: string, [a, b]: [number, number]): [number, number] {
  const from = Math.max(0, a - 4);
  const window = text.slice(from, Math.min(text.length, b + 4));
  let start = a;
  let end = b;
  let at = from;
  for (const w of words(window)) {
    const wEnd = at + w.length;
    const isWord = /[\p{L}\p{N}]/u.test(w) && w.length <= 4;
    if (isWord && at < a && wEnd > a) start = at;
    if (isWord && at < b && wEnd > b) end = wEnd;
    at = wEnd;
  }
  return [start, end];
}

function mergeRanges(ranges: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [a, b] of [...ranges].sort((x, y) => x[0] - y[0])) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}
