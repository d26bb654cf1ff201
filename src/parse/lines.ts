/** Split decoded text into lines that remember where they are in the source. */
import type { ArticleLabel } from './patterns.ts';

export interface Line {
  /** 1-based line number. */
  number: number;
  /** Offset of the line's first character in the decoded text. */
  offset: number;
  /** The line without its line ending. */
  raw: string;
  /** Index in `raw` of the first non-layout character (raw.length when blank). */
  indent: number;
  /** `raw` without outer layout (whitespace and invisible characters). Empty for blank lines. */
  content: string;
  /** Index in `raw` of an invisible character right before `content` (U+200B before a label), if any. */
  hiddenAt?: number;
  /** The line holds a control character or U+FFFD (checked in characters.ts). */
  suspect?: true;
  /** The line holds a TAB (without one it is no table row: the body need not ask). */
  tab?: true;
  /** Its 第X条 label once read (structure.ts statuteLabelOf), `false` for none; undefined until asked. */
  statuteLabel?: ArticleLabel | false;
}

/**
 * Invisible format characters (zero-width space/joiners, word joiner, soft hyphen, BOM):
 * not printed, so at a line's edges they are layout, like spaces.
 */
export const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]/g;

function isSpace(code: number): boolean {
  // ASCII whitespace, NBSP, U+3000 and the other Unicode spaces JS `\s` knows.
  return (
    code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x3000 || code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f
  );
}

function isInvisible(code: number): boolean {
  return code === 0xad || code === 0x180e || (code >= 0x200b && code <= 0x200f) || (code >= 0x2060 && code <= 0x2064) || code === 0xfeff;
}

function isLayout(code: number): boolean {
  return isSpace(code) || isInvisible(code);
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let number = 1;
  const n = text.length;
  for (;;) {
    // Scan to the next CR or LF by hand: one pass, no regex state per line.
    let end = start;
    let suspect = false;
    let tab = false;
    while (end < n) {
      const c = text.charCodeAt(end);
      if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0xfffd) {
        if (c === 0x0a || c === 0x0d) break;
        if (c === 0x09) tab = true;
        else suspect = true;
      }
      end++;
    }
    const line = makeLine(text, number, start, end);
    if (suspect) line.suspect = true;
    if (tab) line.tab = true;
    lines.push(line);
    if (end >= n) break;
    start = text.charCodeAt(end) === 0x0d && text.charCodeAt(end + 1) === 0x0a ? end + 2 : end + 1;
    number++;
  }
  return lines;
}

function makeLine(text: string, number: number, start: number, end: number): Line {
  // Linear trim (a regex `\s+$` is quadratic on a long run of spaces).
  let a = start;
  while (a < end && isLayout(text.charCodeAt(a))) a++;
  let b = end;
  while (b > a && isLayout(text.charCodeAt(b - 1))) b--;
  const raw = text.slice(start, end);
  // statuteLabel present from the start: one object shape for every line.
  const line: Line = { number, offset: start, raw, indent: a - start, content: text.slice(a, b), statuteLabel: undefined };
  if (a > start && a < end && isInvisible(text.charCodeAt(a - 1))) line.hiddenAt = a - 1 - start;
  return line;
}

/** Remove layout whitespace inside a heading: `总    则` → `总则`. */
export function squeeze(text: string): string {
  return text.replace(/[\s\u3000\u00a0]+/g, '');
}
