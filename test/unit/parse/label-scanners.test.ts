/**
 * The char-code readers of labels and lines against the patterns they stand
 * for: the 第X条 scanner agrees with its regex (backtracking included) on
 * strings built from the characters that matter, and line splitting keeps
 * every kind of line end.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitLines } from '../../../src/parse/lines.ts';
import { parseNumeral } from '../../../src/parse/numerals.ts';
import { matchStatuteArticle } from '../../../src/parse/article-labels.ts';

const SPACE = '[\\s\\u3000\\u00a0]';
const NUMERAL = '[〇零一二两三四五六七八九十百千0-9０-９]+';
const STATUTE_ARTICLE = new RegExp(`^(第${SPACE}*(${NUMERAL})${SPACE}*条(?:之([〇零一二两三四五六七八九十百千]+|[0-9]+))?)(?![之的、，》和或至到及第])${SPACE}*`);

/** The label as the regex reads it. */
function byRegex(content: string) {
  const m = STATUTE_ARTICLE.exec(content);
  if (!m) return undefined;
  const number = parseNumeral(m[2]!);
  const sub = m[3] === undefined ? undefined : parseNumeral(m[3]);
  if (number === undefined || (m[3] !== undefined && sub === undefined)) return undefined;
  const rest = content.slice(m[0].length);
  return sub === undefined ? { label: m[1]!, number, rest, restIndex: m[0].length } : { label: m[1]!, number, sub, rest, restIndex: m[0].length };
}

describe('the 第X条 scanner', () => {
  it('reads labels as printed', () => {
    expect(matchStatuteArticle('第十二条　公民')).toEqual({ label: '第十二条', number: 12, rest: '公民', restIndex: 5 });
    expect(matchStatuteArticle('第十二条之一 公民')).toEqual({ label: '第十二条之一', number: 12, sub: 1, rest: '公民', restIndex: 7 });
    expect(matchStatuteArticle('第 3 条')).toEqual({ label: '第 3 条', number: 3, rest: '', restIndex: 5 });
    expect(matchStatuteArticle('第五条第二款规定')).toBeUndefined();
    expect(matchStatuteArticle('第三十一条的决定》')).toBeUndefined();
    expect(matchStatuteArticle('第十零条')).toBeUndefined();
    // 之十二 before 的: the regex backtracks to 之十, and so does the scanner.
    expect(matchStatuteArticle('第五条之十二的')).toEqual(byRegex('第五条之十二的'));
  });

  it('agrees with the regex on strings of the characters that matter', () => {
    const chars = [...'第条之的第十一二三百零两0１9 \u3000\u00a0\t款、，》甲'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 12 }), (cs) => {
        const content = `第${cs.join('')}`;
        expect(matchStatuteArticle(content)).toEqual(byRegex(content));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('line splitting', () => {
  it('splits at LF, CRLF and CR alike, and flags TABs and control characters', () => {
    const text = '甲\r\n乙\r丙\n\n丁\t戊\n己\u0007';
    const lines = splitLines(text);
    expect(lines.map((l) => [l.number, l.offset, text.slice(l.offset, l.end)])).toEqual([
      [1, 0, '甲'],
      [2, 3, '乙'],
      [3, 5, '丙'],
      [4, 7, ''],
      [5, 8, '丁\t戊'],
      [6, 12, '己\u0007'],
    ]);
    expect(lines.map((l) => !!l.tab)).toEqual([false, false, false, false, true, false]);
    expect(lines.map((l) => !!l.suspect)).toEqual([false, false, false, false, false, true]);
    expect(splitLines('甲\n').map((l) => [l.offset, l.end])).toEqual([[0, 1], [2, 2]]);
  });
});
