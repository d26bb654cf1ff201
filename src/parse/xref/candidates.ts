/**
 * Which text nodes a scanner needs to read. A scanner's matches hold a cue they
 * cannot do without: 《 (citations), 简称 (abbreviations), 第 and a numeral or
 * 本条/前条/本款/前款/本章/本节 (references), a numeral before a unit or 次 (time
 * limits). One look at each character of a node finds every cue it holds, for
 * all four scanners at once (a regex run per scanner over the whole source was
 * four passes and one call per hit); most nodes hold none and are never read.
 */

/** The cues, as bits of `cuesOf`'s answer. */
export const CITATION_CUE = 1;
export const ABBREVIATION_CUE = 2;
export const REFERENCE_CUE = 4;
export const TIME_CUE = 8;

// Two-character cues by the pair they are: a pair is a cue of kind k when its first character
// can start k and its second can end k. References are three pairs (第 + numeral, 本/前 + 条/款,
// 本 + 章/节), kept apart so that 前章 (not a cue) is no pair of the three.
const ABBREVIATION = 1 << 1;
const REFERENCE_NUMBERED = 1 << 2;
const REFERENCE_CLAUSE = 1 << 3;
const REFERENCE_DIVISION = 1 << 4;
const TIME = 1 << 5;
const REFERENCE = REFERENCE_NUMBERED | REFERENCE_CLAUSE | REFERENCE_DIVISION;
const NUMERALS = '〇零一二两三四五六七八九十百千0123456789０１２３４５６７８９';

const FIRST = new Uint8Array(0x10000);
const SECOND = new Uint8Array(0x10000);
const pair = (kind: number, first: string, second: string) => {
  for (const c of first) FIRST[c.charCodeAt(0)]! |= kind;
  for (const c of second) SECOND[c.charCodeAt(0)]! |= kind;
};
pair(ABBREVIATION, '简', '称');
pair(REFERENCE_NUMBERED, '第', NUMERALS);
pair(REFERENCE_CLAUSE, '本前', '条款');
pair(REFERENCE_DIVISION, '本', '章节');
pair(TIME, NUMERALS, '个工小分天周日月年次');
const OPEN_BOOK = 0x300a; // 《

// Whether a character is in any cue, one bit each (8 KB, where the two tables are 64 KB each): most
// characters are in none, and this look keeps the loop out of the big tables.
const IN_CUE = new Int32Array(0x800);
for (let c = 0; c < 0x10000; c++) if (FIRST[c] || SECOND[c] || c === OPEN_BOOK) IN_CUE[c >> 5]! |= 1 << (c & 31);

/** The cues `text[from, to)` holds, as a set of the *_CUE bits. */
export function cuesOf(text: string, from = 0, to = text.length): number {
  let found = 0;
  let pairs = 0;
  let before = 0; // the kinds the previous character can start
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if ((IN_CUE[c >> 5]! & (1 << (c & 31))) === 0) {
      before = 0;
      continue;
    }
    pairs |= before & SECOND[c]!;
    before = FIRST[c]!;
    if (c === OPEN_BOOK) found |= CITATION_CUE;
  }
  return found | cueBits(pairs);
}

function cueBits(pairs: number): number {
  return (pairs & ABBREVIATION ? ABBREVIATION_CUE : 0) | (pairs & REFERENCE ? REFERENCE_CUE : 0) | (pairs & TIME ? TIME_CUE : 0);
}
