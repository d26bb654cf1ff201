/**
 * Calendar dates as headers print them: `2019年4月20日`, `２０１２年１２月３日`,
 * `二○○四年六月十六日` (○ U+25CB and Ｏ stand for 〇 in many printed texts).
 */
import { parseNumeral } from './numerals.ts';

const YEAR_DIGIT = '[0-9０-９〇零一二三四五六七八九○Ｏ]';
const SMALL = '[0-9０-９一二三四五六七八九十]{1,3}';

/** Regex source of one date, no groups. */
export const DATE_SOURCE = `${YEAR_DIGIT}{4}\\s*年\\s*${SMALL}\\s*月\\s*${SMALL}\\s*日`;

/** Each YEAR_DIGIT as a digit: Arabic as printed, 〇/零/○/Ｏ 0, 一…九 1…9. */
const YEAR_DIGIT_VALUE: Record<string, string> = {};
for (let d = 0; d <= 9; d++) {
  YEAR_DIGIT_VALUE[String(d)] = YEAR_DIGIT_VALUE[String.fromCharCode(0xff10 + d)] = String(d);
  if (d > 0) YEAR_DIGIT_VALUE['一二三四五六七八九'[d - 1]!] = String(d);
}
for (const c of '〇零○Ｏ') YEAR_DIGIT_VALUE[c] = '0';

const DATE_PARTS = new RegExp(`(${YEAR_DIGIT}{4})\\s*年\\s*(${SMALL})\\s*月\\s*(${SMALL})\\s*日`);

/** The first date in `text` as ISO `YYYY-MM-DD`; undefined if none or impossible (13月, 32日). */
export function readDate(text: string): string | undefined {
  const m = DATE_PARTS.exec(text);
  if (!m) return undefined;
  let year = '';
  for (const c of m[1]!) year += YEAR_DIGIT_VALUE[c];
  const month = parseNumeral(m[2]!);
  const day = parseNumeral(m[3]!);
  if (!month || !day || month > 12 || day > 31) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
