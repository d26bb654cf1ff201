/** Chinese numerals as printed in regulations: 一 … 九千九百九十九, plus 〇/零/两 and Arabic digits. */

const DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Character class source for a Chinese or Arabic (half- or full-width) number. */
export const NUMERAL = '[〇零一二两三四五六七八九十百千0-9０-９]+';

/** Parse `四十三`, `一百零一`, `一百一十`, `十二`, `43`, `４３`; undefined if malformed. */
export function parseNumeral(text: string): number | undefined {
  const ascii = toHalfWidthDigits(text);
  if (/^[0-9]+$/.test(ascii)) return Number(ascii);
  let total = 0;
  let digit: number | undefined;
  let lastUnit = Infinity;
  let sawZero = false;
  for (const ch of text) {
    if (ch in DIGITS) {
      if (digit !== undefined) return undefined; // two digits in a row: 二三
      digit = DIGITS[ch]!;
      if (digit === 0) {
        sawZero = true;
        digit = undefined;
      }
    } else if (ch in UNITS) {
      const unit = UNITS[ch]!;
      if (unit >= lastUnit) return undefined; // 十百, 十十
      // A bare 十 means 一十 (十二 = 12), but only at the start.
      total += (digit ?? (total === 0 && !sawZero ? 1 : NaN)) * unit;
      if (Number.isNaN(total)) return undefined;
      lastUnit = unit;
      digit = undefined;
      sawZero = false;
    } else {
      return undefined;
    }
  }
  if (digit !== undefined) {
    // 一百一 is not how regulations print 110; a trailing digit is the ones place.
    if (lastUnit !== Infinity && lastUnit > 10 && !sawZero) return undefined;
    total += digit;
  }
  return total === 0 && text !== '〇' && text !== '零' ? undefined : total;
}

const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 43 → 四十三, 101 → 一百零一, 110 → 一百一十, 10 → 十, 1001 → 一千零一. For 1–9999. */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999) throw new RangeError(`不支持的编号：${n}`);
  const digits = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  const units = ['千', '百', '十', ''];
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += '零';
    zero = false;
    // 十二, not 一十二, when 十 leads the number.
    out += (d === 1 && i === 2 && out === '' ? '' : CN[d]!) + units[i]!;
  });
  return out;
}

export function toHalfWidthDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}
