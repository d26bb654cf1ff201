/** Chinese numerals as printed in regulations: 一 … 九千九百九十九, plus 〇/零/两 and Arabic digits. */

const DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Character class source for a Chinese or Arabic (half- or full-width) number. */
export const NUMERAL = '[〇零一二两三四五六七八九十百千0-9０-９]+';

/**
 * Parse `四十三`, `一百零一`, `一百一十`, `十二`, `43`, `４３`; undefined if
 * malformed. Chinese numerals must be in the canonical printed form (so a
 * misprint like 十零 or 一千一十 is caught, not silently read as a number).
 */
export function parseNumeral(text: string): number | undefined {
  // One character (一, 十, 7: most item and article numbers) by char code, no string hashing.
  if (text.length === 1) {
    const one = ONE[text.charCodeAt(0)]!;
    if (one !== NOT_NUMERAL) return one === MALFORMED ? undefined : one;
  }
  // A text repeats the same few hundred numerals; parsing each once keeps the parser fast.
  const known = memo.get(text);
  if (known !== undefined || memo.has(text)) return known; // one lookup for the usual, well-formed numeral
  const value = parseUncached(text);
  if (memo.size < 20000) memo.set(text, value);
  return value;
}

const memo = new Map<string, number | undefined>();

/** parseNumeral of `text[from, to)`: a one-character numeral (most labels) without cutting it out. */
export function numeralIn(text: string, from: number, to: number): number | undefined {
  if (to - from === 1) {
    const one = ONE[text.charCodeAt(from)]!;
    if (one !== NOT_NUMERAL) return one === MALFORMED ? undefined : one;
  }
  return parseNumeral(text.slice(from, to));
}


function parseUncached(text: string): number | undefined {
  const ascii = toHalfWidthDigits(text);
  if (/^[0-9]+$/.test(ascii)) return Number(ascii);
  const canonical = text.replace(/两/g, '二').replace(/〇/g, '零').replace(/^一十/, '十');
  let total = 0;
  let digit = 0;
  for (const ch of canonical) {
    if (ch in DIGITS) digit = DIGITS[ch]!;
    else if (ch in UNITS) {
      total += (digit || 1) * UNITS[ch]!;
      digit = 0;
    } else return undefined;
  }
  total += digit;
  if (total < 1 || total > 9999) return undefined;
  return belowTenThousand(total) === canonical ? total : undefined;
}

const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * 43 → 四十三, 101 → 一百零一, 110 → 一百一十, 10 → 十, 1001 → 一千零一,
 * 10000 → 一万, 10001 → 一万零一. Total: beyond 99,999,999, zero, negative or
 * fractional numbers (never printed labels) come back as Arabic digits, so no
 * caller can crash on a number a text happens to contain.
 */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99_999_999) return String(n);
  if (n <= 9999) return belowTenThousand(n);
  const high = Math.floor(n / 10000);
  const low = n % 10000;
  // 一万零五百, 十万 (not 一十万): 十 leads only when it is the number's first character.
  return belowTenThousand(high) + '万' + (low === 0 ? '' : (low < 1000 ? '零' : '') + belowTenThousand(low, false));
}

function belowTenThousand(n: number, leading = true): string {
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
    out += (d === 1 && i === 2 && out === '' && leading ? '' : CN[d]!) + units[i]!;
  });
  return out;
}

export function toHalfWidthDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

// Last: parseUncached needs the tables above.
/** Each numeral character alone, as parseUncached reads it (百 and 零 alone are malformed). */
const NOT_NUMERAL = -1;
const MALFORMED = -2;
const ONE = new Int16Array(0x10000).fill(NOT_NUMERAL);
for (const ch of '〇零一二两三四五六七八九十百千0123456789０１２３４５６７８９') ONE[ch.charCodeAt(0)] = parseUncached(ch) ?? MALFORMED;
