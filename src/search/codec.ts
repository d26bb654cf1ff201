/**
 * The search index's alphabet. Shared by the build (src/search/build-index.ts)
 * and the browser (src/search/engine.ts), so both sides agree byte for byte.
 *
 * Pagefind segments Chinese into words at build time (ICU4X) and matches query
 * words by prefix, so a term that starts inside one of its words (出差 in
 * 区长出差 segmented 区|长出|差) can never be found. We therefore do not search
 * Pagefind's own words at all: every indexed page's text is re-encoded as one
 * ASCII "word" per letter or digit — the bigram it starts (encodeText) — and
 * that stream is all Pagefind indexes. A query is then a set of bigram
 * lookups, and the word locations Pagefind returns give exact,
 * segmentation-free substring matching (bigrams at consecutive locations) —
 * see engine.ts.
 *
 * Character codes (prefix-free, so a prefix search for one character's code
 * finds exactly the tokens starting with that character):
 *   x[a-z]{3}         CJK U+4E00 + 0…17575
 *   y[a-z]{3}         CJK U+4E00 + 17576…35151
 *   z[a-c][a-z]{4}    any other code point
 * After the codes, `w` marks whitespace and `q` + a code punctuation (kept for
 * display; a prefix search for the bigram or the character still matches).
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

/** Characters that take a position: letters and digits. Anything else is what a query splits at (query.ts), so it never needs one. */
export const POSITIONAL = /[\p{L}\p{N}]/u;
const MARK = 'q';

/**
 * Encode text as the index's token stream (space-separated): one token per
 * letter or digit, in order. Token i is the bigram of characters i and i + 1
 * (the last character alone), then what follows character i in the text —
 * whitespace (`w`, one for a run) and punctuation (`q` + its code). So
 * Pagefind's postings are per bigram (short, even for common characters),
 * punctuation inside a term does not break it (`“三公”经费` holds 三公经费),
 * and a prefix search for one character's code still finds every position of
 * it. Punctuation before the first letter is a token of its own.
 */
export function encodeText(text: string): string {
  const units: { ch: string; marks: string }[] = [];
  let lead = '';
  for (const ch of text) {
    const after = /\s/u.test(ch) ? WHITESPACE_MARK : POSITIONAL.test(ch) ? undefined : MARK + charCode(ch);
    if (after === undefined) units.push({ ch, marks: '' });
    else if (units.length) units[units.length - 1]!.marks += after === WHITESPACE_MARK && units[units.length - 1]!.marks.endsWith(WHITESPACE_MARK) ? '' : after;
    else if (after !== WHITESPACE_MARK) lead += after;
  }
  const tokens = units.map((u, i) => charCode(u.ch) + (units[i + 1] ? charCode(units[i + 1]!.ch) : '') + u.marks);
  return (lead ? [lead, ...tokens] : tokens).join(' ');
}

/** The code of a bigram: what a query looks up for two adjacent characters. */
export function bigramCode(a: string, b: string): string {
  return charCode(a) + charCode(b);
}

/** Number of positions encodeText gives to the text's letters and digits (the lead token aside). */
export function tokenCount(text: string): number {
  let n = 0;
  for (const ch of text) if (POSITIONAL.test(ch)) n++;
  return n;
}

/** One character's code at `at`: [character, code length], or undefined. */
function readCode(token: string, at: number): [string, number] | undefined {
  const head = token[at];
  if (head === 'x' || head === 'y') {
    if (token.length < at + 4) return undefined;
    return [String.fromCodePoint(CJK_BASE + unbase26(token.slice(at + 1, at + 4)) + (head === 'y' ? BLOCK : 0)), 4];
  }
  if (head === 'z') {
    if (token.length < at + 6) return undefined;
    const cp = unbase26(token.slice(at + 1, at + 6));
    return cp > 0x10ffff ? undefined : [String.fromCodePoint(cp), 6];
  }
  return undefined;
}

/** Decode one token: its own character (not the next one of its bigram) and what follows it. */
function decodeToken(token: string): string {
  if (!/^[a-z]+$/.test(token)) return '';
  let out = '';
  let at = 0;
  const first = readCode(token, 0);
  if (first) {
    out = first[0];
    at = first[1];
    const second = readCode(token, at);
    if (second) at += second[1];
  }
  while (at < token.length) {
    if (token[at] === WHITESPACE_MARK) {
      out += ' ';
      at++;
    } else if (token[at] === MARK) {
      const mark = readCode(token, at + 1);
      if (!mark) break;
      out += mark[0];
      at += 1 + mark[1];
    } else {
      break;
    }
  }
  return out;
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
    text += decodeToken(token);
  }
  return { text: text.trimEnd(), offsets };
}
