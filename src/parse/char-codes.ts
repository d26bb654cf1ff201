/**
 * Character classes of the label patterns by char code: every matcher runs on
 * every line, and a table look rules out most lines (or reads a whole label)
 * without a regex, a match object or a Set lookup.
 */

export const CN_DIGITS = '〇零一二两三四五六七八九十百千';
export const ARABIC = '0123456789０１２３４５６７８９';

/** A table of `chars` by char code: `table[code] === 1` for each. */
export function codeTable(chars: string): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const c of chars) table[c.charCodeAt(0)] = 1;
  return table;
}

/** A test of a content's first character against the characters a pattern can start with. */
export function firstCharIn(chars: string): (content: string) => boolean {
  const table = codeTable(chars);
  return (content) => table[content.charCodeAt(0)] === 1;
}

/**
 * The char code at `k`, 0 past the end: a scanner's reads stay below the length (a read past
 * the end is NaN, and deoptimised the scanner once a round). A function, not a closure per call.
 */
export function codeAt(text: string, k: number): number {
  return k < text.length ? text.charCodeAt(k) : 0;
}

/** NUMERAL's characters (numerals.ts): Chinese numerals and Arabic digits, half- and full-width. */
export const NUMERAL_CODE = codeTable(CN_DIGITS + ARABIC);

/** The patterns' SPACE (`[\s\u3000\u00a0]`) by char code: JS `\s`, which holds U+3000 and NBSP. */
export function isSpaceCode(c: number): boolean {
  return (
    c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x3000 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0xfeff
  );
}
