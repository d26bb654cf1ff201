/**
 * The article labels a line can start with, read by char code: 第X条 (statute
 * numbering) and 一、 (outline numbering). The 第X条 reader is the pattern
 * `^(第\s*(NUMERAL)\s*条(?:之([CN_NUMERAL]+|[0-9]+))?)(?![之的、，》和或至到及第])\s*`
 * (the lookahead: not `第三十一条的决定》…` or `第五条第二款…`, references at a line start)
 * with its backtracking made explicit. Every line of a text is asked, several
 * times: a regex match object per ask was a hot spot, and the `is…` tests,
 * for callers that only ask, build nothing.
 */
import { CN_DIGITS, codeAt, codeTable, isSpaceCode, NUMERAL_CODE } from './char-codes.ts';
import { numeralIn } from './numerals.ts';
import type { ArticleLabel } from './patterns.ts';

const CN_CODE = codeTable(CN_DIGITS);
const ASCII_DIGIT = codeTable('0123456789');
const NOT_AFTER = codeTable('之的、，》和或至到及第');
const DI = 0x7b2c; // 第
const TIAO = 0x6761; // 条
const ZHI = 0x4e4b; // 之

/** What the last `scan` read: the label's end, its numbers. */
const scanned = { end: 0, number: 0, sub: undefined as number | undefined };

/** The index where the label's rest begins, -1 for no label; the label itself in `scanned`. */
function scan(content: string): number {
  if (content.charCodeAt(0) !== DI) return -1;
  let i = 1;
  while (isSpaceCode(codeAt(content, i))) i++;
  const from = i;
  while (NUMERAL_CODE[codeAt(content, i)] === 1) i++;
  const to = i;
  if (to === from) return -1;
  while (isSpaceCode(codeAt(content, i))) i++;
  if (codeAt(content, i) !== TIAO) return -1;
  i++;
  let end = i;
  let sub: number | undefined;
  if (codeAt(content, i) === ZHI) {
    // 之 and a numeral of one kind: the longest run the lookahead allows, as the regex backtracks to it.
    const digits = CN_CODE[codeAt(content, i + 1)] === 1 ? CN_CODE : ASCII_DIGIT;
    let k = i + 1;
    while (digits[codeAt(content, k)] === 1) k++;
    while (k > i + 1 && NOT_AFTER[codeAt(content, k)] === 1) k--;
    // Without its numeral the 之 itself fails the lookahead: no label.
    if (k === i + 1) return -1;
    sub = numeralIn(content, i + 1, k);
    if (sub === undefined) return -1;
    end = k;
  } else if (NOT_AFTER[codeAt(content, i)] === 1) {
    return -1;
  }
  const number = numeralIn(content, from, to);
  if (number === undefined) return -1;
  let restIndex = end;
  while (isSpaceCode(codeAt(content, restIndex))) restIndex++;
  scanned.end = end;
  scanned.number = number;
  scanned.sub = sub;
  return restIndex;
}

/** Does the line start with a 第X条 label? (No label object: most callers only ask.) */
export function isStatuteArticle(content: string): boolean {
  return scan(content) >= 0;
}

export function matchStatuteArticle(content: string): ArticleLabel | undefined {
  const restIndex = scan(content);
  if (restIndex < 0) return undefined;
  const { end, number, sub } = scanned;
  const label = content.slice(0, end);
  const rest = content.slice(restIndex);
  // Two literals rather than a spread: this runs on every 第… line, and a spread is slow.
  return sub === undefined ? { label, number, rest, restIndex } : { label, number, sub, rest, restIndex };
}

const DUN = 0x3001; // 、

/** The index where an `一、` label's rest begins, -1 for none; its number in `scanned`. */
function scanOutline(content: string): number {
  const n = content.length;
  let i = 0;
  while (i < n && CN_CODE[content.charCodeAt(i)] === 1) i++;
  if (i === 0 || i >= n || content.charCodeAt(i) !== DUN) return -1;
  const number = numeralIn(content, 0, i);
  if (number === undefined) return -1;
  let restIndex = i + 1;
  while (restIndex < n && isSpaceCode(content.charCodeAt(restIndex))) restIndex++;
  scanned.end = i + 1;
  scanned.number = number;
  return restIndex;
}

/** Does the line start with an `一、` label? */
export function isOutlineArticle(content: string): boolean {
  return scanOutline(content) >= 0;
}

/** `^([〇零一二两三四五六七八九十百千]+)、\s*`, its numeral well formed. */
export function matchOutlineArticle(content: string): ArticleLabel | undefined {
  const restIndex = scanOutline(content);
  if (restIndex < 0) return undefined;
  return { label: content.slice(0, scanned.end), number: scanned.number, rest: content.slice(restIndex), restIndex };
}
