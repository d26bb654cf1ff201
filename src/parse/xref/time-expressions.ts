/**
 * Time limits in the text: `会前3个工作日`, `提前7个工作日`, `5小时内`, `至少提前7天`, `不超过5分钟`, `每周召开1次`.
 *
 * Scanned number run by number run, each looked at once: a regex that starts a
 * number at every position of a long run of 一 is quadratic (one line of
 * 200,000 一 took minutes). Only runs followed by a unit or 次 can be limits, so
 * the scan goes from one such run's last digit to the next (CUE), and reads the
 * run back from there. What surrounds a run is matched with anchored, bounded patterns.
 */
import type { TimeExpression, TimeUnit } from '../../tree/types.ts';
import { parseNumeral } from '../numerals.ts';
import { spanOf, type ClauseText } from './clause-text.ts';

const NUMBER_CHARS = '0-9０-９一二三四五六七八九十两百千零〇';
/**
 * Which digits a char code is: 1 Arabic (half- or full-width), 2 Chinese, 0 none.
 * A maximal run of one kind is a number (the two never form one).
 */
const DIGIT_KIND = new Uint8Array(0x10000);
for (const c of '0123456789０１２３４５６７８９') DIGIT_KIND[c.charCodeAt(0)] = 1;
for (const c of '一二三四五六七八九十两百千零〇') DIGIT_KIND[c.charCodeAt(0)] = 2;
// Longest alternative first where one ends another (至少提前 / 提前): the match starts as early as it can.
const PREFIX = /(?:会前|至少提前|提前|不超过|不少于|不得超过|不得少于)$/;
const PREFIX_MAX = 4;
const UNIT_AFTER = /(个)?(工作日|小时|分钟|天|周|日|个月|月|年)(以内|内|前|后|以上)?/y;
// 每周召开1次: 每 and a period, at most six words, then the number (read backwards from the run).
const FREQUENCY_BEFORE = new RegExp(`每(周|月|季度|年)([^，。；${NUMBER_CHARS}]{0,6})$`);
const FREQUENCY_MAX = 9;
/**
 * A number's last digit and the character after it, one UNIT_AFTER can start with or 次:
 * the cue of every time expression (most numbers, 一 in 统一, are followed by neither).
 * Digits and these characters are disjoint, so cues never overlap.
 */
export const TIME_CUE = new RegExp(`[${NUMBER_CHARS}][个工小分天周日月年次]`, 'g');
const TIMES = '次'.charCodeAt(0);
const YEAR = '年'.charCodeAt(0);
const MONTH = '月'.charCodeAt(0);

const UNITS: Record<string, TimeUnit> = {
  工作日: 'workingDay', 小时: 'hour', 分钟: 'minute', 天: 'day', 日: 'day', 周: 'week', 个月: 'month', 月: 'month', 年: 'year',
};
const PERIOD: Record<string, TimeUnit> = { 周: 'week', 月: 'month', 季度: 'quarter', 年: 'year' };

export function findTimeExpressions(texts: readonly ClauseText[]): TimeExpression[] {
  const out: TimeExpression[] = [];
  for (const { text, clause } of texts) {
    const value = text.value;
    const push = (start: number, end: number, expression: Omit<TimeExpression, 'text' | 'clause' | 'span'>) =>
      out.push({ text: value.slice(start, end), clause, span: spanOf(text, start, end), ...expression });
    // Matches never overlap: each kind resumes after its previous match.
    let limitEnd = 0;
    let frequencyEnd = 0;
    // `test`, not matchAll (which clones the regex per call) or exec (a match object per cue): a cue is two characters.
    TIME_CUE.lastIndex = 0;
    while (TIME_CUE.test(value)) {
      const runEnd = TIME_CUE.lastIndex - 1;
      // Back over the run (runs are disjoint, so this stays linear).
      const kind = DIGIT_KIND[value.charCodeAt(runEnd - 1)];
      let runStart = runEnd - 1;
      while (runStart > 0 && DIGIT_KIND[value.charCodeAt(runStart - 1)] === kind) runStart--;
      const num = value.slice(runStart, runEnd);

      UNIT_AFTER.lastIndex = runEnd;
      const after = UNIT_AFTER.exec(value);
      if (after && runStart >= limitEnd) {
        const [tail, ge, unitText, suffix] = after;
        const prefix = PREFIX.exec(value.slice(Math.max(limitEnd, runStart - PREFIX_MAX), runStart))?.[0];
        const start = runStart - (prefix?.length ?? 0);
        const end = runEnd + tail.length;
        limitEnd = end;
        const limit = timeLimit(value, start, num, prefix, ge, unitText!, suffix);
        if (limit) push(start, end, limit);
      }

      if (value.charCodeAt(runEnd) === TIMES && runStart >= frequencyEnd) {
        const before = FREQUENCY_BEFORE.exec(value.slice(Math.max(frequencyEnd, runStart - FREQUENCY_MAX), runStart));
        const amount = before ? parseNumeral(num) : undefined;
        if (before && amount !== undefined && Number.isSafeInteger(amount)) {
          frequencyEnd = runEnd + 1;
          push(runStart - before[0].length, runEnd + 1, { amount, unit: PERIOD[before[1]!]!, kind: 'frequency' });
        }
      }
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** The limit a number with its unit states, or undefined for a date (4月6日, 2023年) or a malformed number. */
function timeLimit(
  value: string,
  start: number,
  num: string,
  prefix: string | undefined,
  ge: string | undefined,
  unitText: string,
  suffix: string | undefined,
): Omit<TimeExpression, 'text' | 'clause' | 'span'> | undefined {
  // 日/月/年 without a qualifier are calendar dates (4月6日, 2023年), not limits.
  if ((unitText === '日' || unitText === '月' || unitText === '年') && !prefix && !suffix && !ge) return undefined;
  // A year (four Arabic digits: a run is of one kind), or a number right after a digit, 年 or 月 (2023年4月): char codes, no regex.
  const before = value.charCodeAt(start - 1);
  if ((num.length === 4 && DIGIT_KIND[num.charCodeAt(0)] === 1) || DIGIT_KIND[before] === 1 || before === YEAR || before === MONTH) return undefined;
  const amount = parseNumeral(num);
  // 11…1 (hundreds of digits) parses as Infinity: no limit, and JSON would print it as null.
  if (amount === undefined || !Number.isSafeInteger(amount)) return undefined;
  const kind: TimeExpression['kind'] =
    prefix === '会前' || prefix?.includes('提前') ? 'before'
    : prefix?.includes('超过') ? 'limit'
    : prefix?.includes('少于') ? 'minimum'
    : suffix === '内' || suffix === '以内' ? 'within'
    : suffix === '后' ? 'after'
    : suffix === '前' ? 'before'
    : 'duration';
  return { amount, unit: UNITS[unitText]!, kind };
}
