/** Split decoded text into lines that remember where they are in the source. */
import type { ArticleLabel } from './patterns.ts';

export interface Line {
  /** 1-based line number. */
  number: number;
  /** Offset of the line's first character in the decoded text. */
  offset: number;
  /** Offset in the decoded text where the line ends (before its line ending): the raw line is `text.slice(offset, end)`. */
  end: number;
  /** Index in the raw line of the first non-layout character (its length when blank). */
  indent: number;
  /** `raw` without outer layout (whitespace and invisible characters). Empty for blank lines. */
  content: string;
  /** Index in the raw line of an invisible character right before `content` (U+200B before a label), if any. */
  hiddenAt?: number | undefined;
  /** The line holds a control character or U+FFFD (checked in characters.ts). */
  suspect?: true | undefined;
  /** The line holds a TAB (without one it is no table row: the body need not ask). */
  tab?: true | undefined;
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

/** A character characters.ts reports: a control other than TAB and line ends, C1, or U+FFFD. */
const SUSPECT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/;

export function splitLines(text: string): Line[] {
  // Line ends, TABs and suspect characters are found by native searches (indexOf, one regex test
  // over the whole text), not a char-code loop: a text without CR, TAB or control characters
  // (almost all of them) never looks at its characters one by one.
  // The next LF and CR at or after `start` (n: none left), each searched for again only once passed,
  // so a text of CR line ends alone does not rescan to its end for an LF per line.
  const n = text.length;
  const next = (c: string, from: number) => {
    const at = text.indexOf(c, from);
    return at < 0 ? n : at;
  };
  let lf = next('\n', 0);
  let cr = next('\r', 0);
  const tabs = text.includes('\t');
  const suspects = SUSPECT.test(text);
  const lines: Line[] = [];
  let start = 0;
  let number = 1;
  for (;;) {
    if (lf < start) lf = next('\n', start);
    if (cr < start) cr = next('\r', start);
    const end = Math.min(lf, cr);
    const line = makeLine(text, number, start, end);
    // Only a text holding one at all looks for it line by line (cutting out the raw line then).
    if (suspects && SUSPECT.test(text.slice(start, end))) line.suspect = true;
    if (tabs && text.slice(start, end).includes('\t')) line.tab = true;
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
  const hiddenAt = a > start && a < end && isInvisible(text.charCodeAt(a - 1)) ? a - 1 - start : undefined;
  // Every field present from the start: one object shape for every line (every matcher reads lines).
  return { number, offset: start, end, indent: a - start, content: text.slice(a, b), hiddenAt, suspect: undefined, tab: undefined, statuteLabel: undefined };
}

/** Remove layout whitespace inside a heading: `总    则` → `总则`. */
export function squeeze(text: string): string {
  return text.replace(/[\s\u3000\u00a0]+/g, '');
}
