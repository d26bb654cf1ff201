/** Split decoded text into lines that remember where they are in the source. */

export interface Line {
  /** 1-based line number. */
  number: number;
  /** Offset of the line's first character in the decoded text. */
  offset: number;
  /** The line without its line ending. */
  raw: string;
  /** Index in `raw` of the first non-whitespace character (raw.length when blank). */
  indent: number;
  /** `raw` without outer whitespace. Empty for blank lines. */
  content: string;
}

// U+3000 (ideographic space) and NBSP are layout in published texts, like ASCII spaces.
const OUTER_SPACE = /^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0\ufeff]+$/g;

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const ending = /\r\n|\r|\n/g;
  let start = 0;
  let number = 1;
  for (;;) {
    const match = ending.exec(text);
    const end = match ? match.index : text.length;
    const raw = text.slice(start, end);
    const content = raw.replace(OUTER_SPACE, '');
    const indent = content ? raw.indexOf(content[0]!) : raw.length;
    lines.push({ number, offset: start, raw, indent, content });
    if (!match) break;
    start = match.index + match[0].length;
    number++;
  }
  return lines;
}

/** Remove layout whitespace inside a heading: `总    则` → `总则`. */
export function squeeze(text: string): string {
  return text.replace(/[\s\u3000\u00a0]+/g, '');
}
