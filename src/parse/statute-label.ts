/**
 * The 第X条 label a line starts with, read by char code. It is the pattern
 * `^(第\s*(NUMERAL)\s*条(?:之([CN_NUMERAL]+|[0-9]+))?)(?![之的、，》和或至到及第])\s*`
 * (the lookahead: not `第三十一条的决定》…` or `第五条第二款…`, references at a line start)
 * with its backtracking made explicit; every line of a text is asked, and a
 * regex match object per line was a hot spot.
 */
import { CN_DIGITS, codeTable, isSpaceCode, NUMERAL_CODE } from './char-codes.ts';
import { numeralIn } from './numerals.ts';
import type { ArticleLabel } from './patterns.ts';

const CN_CODE = codeTable(CN_DIGITS);
const ASCII_DIGIT = codeTable('0123456789');
const NOT_AFTER = codeTable('之的、，》和或至到及第');
const DI = 0x7b2c; // 第
const TIAO = 0x6761; // 条
const ZHI = 0x4e4b; // 之

export function matchStatuteArticle(content: string): ArticleLabel | undefined {
  if (content.charCodeAt(0) !== DI) return undefined;
  let i = 1;
  while (isSpaceCode(content.charCodeAt(i))) i++;
  const from = i;
  while (NUMERAL_CODE[content.charCodeAt(i)] === 1) i++;
  const to = i;
  if (to === from) return undefined;
  while (isSpaceCode(content.charCodeAt(i))) i++;
  if (content.charCodeAt(i) !== TIAO) return undefined;
  i++;
  let end = i; // the label's end
  let sub: number | undefined;
  if (content.charCodeAt(i) === ZHI) {
    // 之 and a numeral of one kind: the longest run the lookahead allows, as the regex backtracks to it.
    const digits = CN_CODE[content.charCodeAt(i + 1)] === 1 ? CN_CODE : ASCII_DIGIT;
    let k = i + 1;
    while (digits[content.charCodeAt(k)] === 1) k++;
    while (k > i + 1 && NOT_AFTER[content.charCodeAt(k)] === 1) k--;
    // Without its numeral the 之 itself fails the lookahead: no label.
    if (k === i + 1) return undefined;
    sub = numeralIn(content, i + 1, k);
    if (sub === undefined) return undefined;
    end = k;
  } else if (NOT_AFTER[content.charCodeAt(i)] === 1) {
    return undefined;
  }
  const number = numeralIn(content, from, to);
  if (number === undefined) return undefined;
  let restIndex = end;
  while (isSpaceCode(content.charCodeAt(restIndex))) restIndex++;
  const label = content.slice(0, end);
  const rest = content.slice(restIndex);
  // Two literals rather than a spread: this runs on every 第… line, and a spread is slow.
  return sub === undefined ? { label, number, rest, restIndex } : { label, number, sub, rest, restIndex };
}
