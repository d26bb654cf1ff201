/**
 * What a line can start with. Each matcher looks at a line's content (outer
 * whitespace already trimmed) and returns the printed label and its number.
 */
import { ARABIC, CN_DIGITS, codeAt, codeTable, firstCharIn, isSpaceCode, NUMERAL_CODE } from './char-codes.ts';
import { NUMERAL, numeralIn, parseNumeral } from './numerals.ts';
import { isOutlineArticle, isStatuteArticle, matchOutlineArticle, matchStatuteArticle } from './article-labels.ts';

export { isOutlineArticle, isStatuteArticle, matchOutlineArticle, matchStatuteArticle };

const SPACE = '[\\s\\u3000\\u00a0]';
const mayBeItem = firstCharIn('（(');
const mayBeSubitem = firstCharIn(ARABIC);
const mayLookLikeStatute = firstCharIn('第笫弟');
const mayLookLikeOutline = firstCharIn(CN_DIGITS + ARABIC);

export type HeadingKind = 'part' | 'subpart' | 'chapter' | 'section';

export interface Labelled {
  /** The label exactly as printed. */
  label: string;
  number: number;
  /** Text after the label (and any spacing), possibly empty. */
  rest: string;
  /** Index in the content where `rest` begins. */
  restIndex: number;
}

export interface Heading extends Labelled {
  kind: HeadingKind;
}

export interface ArticleLabel extends Labelled {
  sub?: number;
}

export interface ItemLabel extends Labelled {
  /** `full` for （一）, `ascii` for (一). */
  brackets: 'full' | 'ascii';
}

const HEADING = new RegExp(`^第${SPACE}*(${NUMERAL})${SPACE}*(分编|[编章节])(?:${SPACE}+|$)(.*)$`);
// A heading with no space before its title: 第一章总则. Accept only short, sentence-free titles.
const HEADING_TIGHT = new RegExp(`^第(${NUMERAL})(分编|[编章节])([^，。；：,;:]{1,30})$`);

/**
 * What both heading patterns need after the 第: `${SPACE}*${NUMERAL}${SPACE}*[分编章节]`,
 * read by char code (every 第 line asks, and most are articles: a regex test each was a hot spot).
 */
function headingLabelAhead(content: string): boolean {
  let i = 1;
  while (isSpaceCode(content.charCodeAt(i))) i++;
  const digits = i;
  while (NUMERAL_CODE[content.charCodeAt(i)] === 1) i++;
  if (i === digits) return false;
  while (isSpaceCode(content.charCodeAt(i))) i++;
  const c = content.charCodeAt(i);
  return c === 0x5206 || c === 0x7f16 || c === 0x7ae0 || c === 0x8282; // 分 编 章 节
}
const HEADING_KIND = { 编: 'part', 分编: 'subpart', 章: 'chapter', 节: 'section' } as const;

export function matchHeading(content: string): Heading | undefined {
  if (content.charCodeAt(0) !== 0x7b2c) return undefined; // 第: most lines are not headings
  // Most 第 lines are articles: one look (no match object) rules them out before the two patterns.
  if (!headingLabelAhead(content)) return undefined;
  const m = HEADING.exec(content) ?? HEADING_TIGHT.exec(content);
  if (!m) return undefined;
  const number = parseNumeral(m[1]!);
  if (number === undefined) return undefined;
  const rest = m[3] ?? '';
  if (/[。；]$/.test(rest) || rest.length > 40) return undefined; // a sentence, not a heading
  const labelEnd = content.indexOf(m[2]!) + m[2]!.length;
  return {
    kind: HEADING_KIND[m[2] as keyof typeof HEADING_KIND],
    label: content.slice(0, labelEnd),
    number,
    rest,
    restIndex: rest ? content.length - rest.length : content.length,
  };
}

const ITEM_REFERENCE = /^(?:[至到、和或及与][（(]|项(?:所|规定|的|中|之|[，、]))/;

// The body asks whether a line is an item, then reads the item off the same line: the last answer is kept.
let lastItemContent: string | undefined;
let lastItem: ItemLabel | undefined;

export function matchItem(content: string): ItemLabel | undefined {
  if (!mayBeItem(content)) return undefined;
  if (content === lastItemContent) return lastItem;
  lastItemContent = content;
  return (lastItem = readItem(content));
}

const CN_CODE = codeTable(CN_DIGITS);

/**
 * `^(([（(])\s*([CN_DIGITS]+)\s*([）)]))\s*` read by char code (one regex match object per
 * bracketed line was a hot spot): the label as printed runs to the closing bracket.
 */
function readItem(content: string): ItemLabel | undefined {
  const open = codeAt(content, 0);
  let i = 1;
  while (isSpaceCode(codeAt(content, i))) i++;
  const from = i;
  while (CN_CODE[codeAt(content, i)] === 1) i++;
  const to = i;
  if (to === from) return undefined;
  while (isSpaceCode(codeAt(content, i))) i++;
  const close = codeAt(content, i);
  if (close !== 0xff09 && close !== 0x29) return undefined; // ） )
  const labelEnd = i + 1;
  let restIndex = labelEnd;
  while (isSpaceCode(codeAt(content, restIndex))) restIndex++;
  const number = numeralIn(content, from, to);
  if (number === undefined) return undefined;
  const rest = content.slice(restIndex);
  // `（一）至（三）项所列人员…`, `（四）、（五）项…`: a reference to items, not an item.
  if (ITEM_REFERENCE.test(rest)) return undefined;
  const brackets = open === 0xff08 && close === 0xff09 ? 'full' : 'ascii'; // （ ）
  return { label: content.slice(0, labelEnd), number, rest, restIndex, brackets };
}

// `1.` / `1．` followed by text, never a decimal (1.5倍).
const SUBITEM = /^([0-9０-９]{1,3})([.．])(?![0-9０-９])[\s\u3000\u00a0]*/;

export function matchSubitem(content: string): Labelled | undefined {
  if (!mayBeSubitem(content)) return undefined;
  const m = SUBITEM.exec(content);
  if (!m || m[0].length === content.length) return undefined;
  const number = parseNumeral(m[1]!)!;
  return { label: m[1]! + m[2]!, number, rest: content.slice(m[0].length), restIndex: m[0].length };
}

const TOC = new RegExp(`^目${SPACE}*录$`);

export function isTocHeading(content: string): boolean {
  return content.charCodeAt(0) === 0x76ee && TOC.test(content); // 目
}

// 附件 / 附件2： / 附表1 / 附： — then at most a short title.
const APPENDIX = new RegExp(`^(附${SPACE}*[件表]${SPACE}*(${NUMERAL})?|附(?=${SPACE}*[：:]))${SPACE}*[：:]?${SPACE}*`);

export interface AppendixLabel extends Labelled {
  /** 附表 numbers its own series. */
  table: boolean;
  /** The heading prints a number (附件2), rather than a bare 附件. */
  numbered: boolean;
}

export function matchAppendix(content: string): AppendixLabel | undefined {
  // Headings are short; the cap also keeps the match linear on long runs of spaces.
  if (content.charCodeAt(0) !== 0x9644 || content.length > 80) return undefined; // 附
  const m = APPENDIX.exec(content);
  if (!m) return undefined;
  const rest = content.slice(m[0].length);
  if (rest.length > 60 || /[。；]$/.test(rest)) return undefined;
  // `附件三所列全国性法律…` is a sentence about an appendix: a title is set off by a colon or space.
  if (rest && !/[\s\u3000\u00a0：:]$/.test(m[0]) && m[2] !== undefined) return undefined;
  // 附则 / 附近… are words, not headings: a bare 附 needs its colon.
  const number = m[2] === undefined ? 1 : parseNumeral(m[2]);
  if (number === undefined) return undefined;
  return {
    label: content.slice(0, m[0].length).replace(/[\s\u3000\u00a0]+$/, ''),
    number,
    rest,
    restIndex: m[0].length,
    table: m[1]!.includes('表'),
    numbered: m[2] !== undefined,
  };
}

/**
 * A TAB-separated table row: text, never structure. `第三条<TAB>…` alone is a
 * label with a TAB for its space; under another row it is a row (罪名 tables).
 */
export function isTableRow(content: string, previousIsRow = false): boolean {
  const tab = content.indexOf('\t');
  if (tab < 0) return false;
  // Tables never open with a 编/章/节 heading: such a line is the heading, whatever TAB it holds.
  if (matchHeading(content)) return false;
  if (previousIsRow) return true;
  const first = content.slice(0, tab).trim();
  return !(first && [matchStatuteArticle, matchOutlineArticle, matchItem, matchHeading].some((m) => m(first)?.rest === ''));
}

/**
 * A line that looks like an article label but is not a valid one: a typo in the
 * numeral (第三十－条), 笫 for 第, full-width digits (７２、) or the wrong
 * punctuation (七十二，) where the next article is due. Returns what it looks like.
 */
export function looksLikeArticle(content: string, outline: boolean, next: number): { text: string; number?: number } | undefined {
  const statute = mayLookLikeStatute(content) ? STATUTE_LIKE.exec(content) : null;
  if (statute && (content[0] !== '第' || !isStatuteArticle(content))) {
    const n = parseNumeral(statute[1]!);
    return { text: statute[0], ...(n === undefined ? {} : { number: n }) };
  }
  if (!outline || !mayLookLikeOutline(content)) return undefined;
  const m = OUTLINE_LIKE.exec(content);
  if (!m) return undefined;
  const n = parseNumeral(m[1] ?? m[2]!);
  // `3、` lists are common inside articles: half-width digits are suspect only from 10 on.
  const suspect = m[1] !== undefined || /[０-９]/.test(m[2]!) || n! >= 10;
  return n === next && suspect ? { text: m[0], number: n } : undefined;
}

// 第/笫/弟, then numerals with look-alike typos (－ for 一, ○ for 〇), then 条.
const STATUTE_LIKE = new RegExp(`^[第笫弟]${SPACE}*([〇零一二两三四五六七八九十百千0-9０-９－—\\-○Ｏ]{1,8})${SPACE}*条(?![件例款文约规之的、，》和或至到及第])`);
const OUTLINE_LIKE = /^(?:([〇零一二两三四五六七八九十百千]{1,8})[，,．.：:；;]|([0-9０-９]{1,4})、)/;


/** `2023年4月6日` (also with full-width digits or Chinese numerals) → `2023-04-06`. */
export function parseDate(text: string): string | undefined {
  const m = /([0-9０-９〇零一二三四五六七八九]{4})\s*年\s*([0-9０-９一二三四五六七八九十]{1,3})\s*月\s*([0-9０-９一二三四五六七八九十]{1,3})\s*日/.exec(text);
  if (!m) return undefined;
  const year = [...m[1]!].map((c) => parseNumeral(c) ?? 0).join('');
  const month = parseNumeral(m[2]!);
  const day = parseNumeral(m[3]!);
  if (!month || !day || month > 12 || day > 31) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export const DATE_LINE = /^[0-9０-９〇零一二三四五六七八九]{4}\s*年\s*[0-9０-９一二三四五六七八九十]{1,3}\s*月\s*[0-9０-９一二三四五六七八九十]{1,3}\s*日$/;
export const DOC_NUMBER = /^[\u4e00-\u9fa5]{1,12}[〔［[（(]\s*[0-9０-９]{4}\s*[〕］\]）)]\s*[0-9０-９]+\s*号$/;
export const ORDER_NUMBER = new RegExp(`^第${SPACE}*(${NUMERAL})${SPACE}*号$`);

