/**
 * The search index's alphabet. Shared by the build (src/search/build-index.ts)
 * and the browser (src/search/engine.ts), so both sides agree byte for byte.
 *
 * Pagefind segments Chinese into words at build time (ICU4X) and matches query
 * words by prefix, so a term that starts inside one of its words (出差 in
 * 区长出差 segmented 区|长出|差) can never be found. We therefore do not search
 * Pagefind's own words at all: every indexed page's text is re-encoded as one
 * ASCII "word" per character, in order, and that stream is all Pagefind
 * indexes. A query is then a set of per-character lookups, and the word
 * locations Pagefind returns give exact, segmentation-free substring matching
 * (characters at consecutive locations) — see engine.ts.
 *
 * Token grammar (prefix-free, so a prefix search for one character's code
 * finds exactly that character):
 *   x[a-z]{3}         CJK U+4E00 + 0…17575
 *   y[a-z]{3}         CJK U+4E00 + 17576…35151
 *   z[a-c][a-z]{4}    any other code point
 * A trailing `w` marks whitespace after the character (kept for display; a
 * prefix search for the character still matches it).
 *
 * The fragment Pagefind stores is this stream, so the browser decodes it back
 * to the page's text (decodeTokens) for excerpts: no text is stored twice.
 */

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const CJK_BASE = 0x4e00;
const BLOCK = 26 ** 3;
const WHITESPACE_MARK = 'w';

function base26(n: number, width: number): string {
  let out = '';
  for (let i = 0; i < width; i++) {
    out = LETTERS[n % 26]! + out;
    n = Math.floor(n / 26);
  }
  return out;
}

function unbase26(s: string): number {
  let n = 0;
  for (const c of s) n = n * 26 + (c.charCodeAt(0) - 97);
  return n;
}

/** The code of one character (one code point). */
export function charCode(ch: string): string {
  const cp = ch.codePointAt(0)!;
  const i = cp - CJK_BASE;
  if (i >= 0 && i < BLOCK) return 'x' + base26(i, 3);
  if (i >= BLOCK && i < 2 * BLOCK) return 'y' + base26(i - BLOCK, 3);
  return 'z' + base26(cp, 5);
}

/** Encode text as the index's token stream (space-separated). One token per non-whitespace character. */
export function encodeText(text: string): string {
  const tokens: string[] = [];
  for (const m of text.matchAll(/(\S)(\s*)/gu)) tokens.push(charCode(m[1]!) + (m[2] ? WHITESPACE_MARK : ''));
  return tokens.join(' ');
}

/** Number of tokens (positions) encodeText gives. */
export function tokenCount(text: string): number {
  return [...text.replace(/\s+/g, '')].length;
}

/** Decode one token; undefined for anything that is not a character token. */
function decodeToken(token: string): string | undefined {
  if (!/^[a-z]+$/.test(token)) return undefined;
  let ch: string;
  let len: number;
  if (token[0] === 'x' || token[0] === 'y') {
    len = 4;
    ch = String.fromCodePoint(CJK_BASE + unbase26(token.slice(1, 4)) + (token[0] === 'y' ? BLOCK : 0));
  } else if (token[0] === 'z' && token.length >= 6) {
    len = 6;
    const cp = unbase26(token.slice(1, 6));
    if (cp > 0x10ffff) return undefined;
    ch = String.fromCodePoint(cp);
  } else {
    return undefined;
  }
  return token.length > len && token[len] === WHITESPACE_MARK ? ch + ' ' : ch;
}

/**
 * Decode a fragment's content back to text. Returns the text and, for each
 * word location Pagefind reports, the text offset of that character:
 * location i is `text[offsets[i]]`.
 */
export function decodeTokens(content: string): { text: string; offsets: number[] } {
  let text = '';
  const offsets: number[] = [];
  // Pagefind's locations count the content's whitespace-separated words; it
  // also puts zero-width spaces between words in Chinese pages.
  for (const word of content.split(/\s+/)) {
    const token = word.replace(/\u200b/g, '');
    if (!token) continue;
    offsets.push(text.length);
    text += decodeToken(token) ?? '';
  }
  return { text: text.trimEnd(), offsets };
}
