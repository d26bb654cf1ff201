/**
 * From what a reader typed to what we look for. Pure functions, shared by the
 * search page and the unit tests (test/unit/search/query.test.ts).
 *
 *  - fold: NFKC (full-width ３/Ａ → 3/a, （ → ( …), lower case.
 *  - terms: the query as typed, split only at punctuation and spaces, each
 *    piece with its numeral spellings (三个工作日 ⇄ 3个工作日). A search first
 *    looks for clauses containing every term verbatim.
 *  - content: the same with question words and particles removed (谁, 什么,
 *    怎么, 吗, 的, 要 …), each remaining piece also with synonyms; used when
 *    nothing contains the terms verbatim, or when the query is a question.
 */
import { parseNumeral, toChineseNumeral } from '../parse/numerals.ts';
import { words } from './segment.ts';
import { SYNONYM_KEYS, synonymsOf } from './synonyms.ts';

/** One way of writing a chunk, with where each of its characters comes from in the chunk. */
export interface Variant {
  text: string;
  /** For each character of `text` (by code point), the [start, end) range of chunk characters it stands for. */
  map: [number, number][];
  /** 1 for the chunk as typed and its numeral spellings; lower for synonyms. */
  weight: number;
}

export interface Chunk {
  /** As typed (folded), by code point. */
  text: string;
  /** variants[0] is the chunk itself. */
  variants: Variant[];
  /**
   * A match must contain the chunk whole (in some spelling): set for a term
   * with a number in it — 两个工作日 is not 七个工作日, and 两个 alone is no match.
   */
  exact: boolean;
}

export interface ParsedQuery {
  /** The folded query, punctuation collapsed to single spaces. */
  text: string;
  /** Pieces as typed, with numeral spellings. */
  terms: Chunk[];
  /** Pieces after removing question words and particles, with numeral spellings (and synonyms, for a question). */
  content: Chunk[];
  /** Question words found (a question never needs its words verbatim). */
  questionWords: string[];
  /** Particles removed from the content pieces. */
  particles: string[];
  /** What kind of answer the question asks for, when its question words say so. */
  answer?: AnswerType;
}

/** `time`: how long, how often, when (多久, 几天, 什么时候 …); `number`: how many (多少, 几个 …). */
export type AnswerType = 'time' | 'number';

const TIME_QUESTIONS = new Set(['多久', '多长时间', '多长', '几天', '多少天', '几个工作日', '什么时候', '何时']);
const NUMBER_QUESTIONS = new Set(['多少', '几个', '几次', '几']);

export function answerType(questionWords: readonly string[]): AnswerType | undefined {
  if (questionWords.some((w) => TIME_QUESTIONS.has(w))) return 'time';
  if (questionWords.some((w) => NUMBER_QUESTIONS.has(w))) return 'number';
  return undefined;
}

/**
 * Question words and phrases, removed wherever they occur (longest first).
 * They rarely occur inside content words; those that do (几, 哪) only as
 * question words in queries about regulations.
 */
export const QUESTION_WORDS: readonly string[] = [
  '是什么意思', '什么意思', '什么时候', '什么情况下', '什么样', '为什么', '是什么', '什么', '啥',
  '怎么办', '怎么样', '怎么', '怎样', '如何', '咋',
  '多长时间', '多少天', '多少', '多久', '多长', '多大',
  '几个工作日', '几天', '几个', '几次', '几', '哪些', '哪个', '哪里', '哪儿', '哪', '谁',
  '何时', '是否', '能不能', '能否', '可不可以', '可以吗', '行不行', '有没有', '是不是', '要不要', '需不需要', '应不应该',
  '吗', '呢', '么', '请问', '我想知道', '想知道', '有哪些规定', '有什么规定', '有何规定',
];

/**
 * Function words dropped when they stand alone as a word (Intl.Segmenter), so
 * 要 goes but 要求 and 重要 stay.
 */
export const PARTICLES: ReadonlySet<string> = new Set([
  '的', '了', '吧', '啊', '呀', '嘛', '要', '是', '需要', '需', '应该', '应', '得', '地', '把', '被', '对', '向', '给', '由',
  '和', '与', '及', '或', '都', '也', '还', '就', '才', '又', '有', '可以', '能', '该', '在', '对于', '关于', '一般', '一下',
]);

/** Characters that count things: a Chinese numeral right before one is a number (三个, 七天). */
const COUNTERS: readonly string[] = [
  '个', '天', '日', '年', '月', '周', '星期', '小时', '时', '分钟', '分', '秒', '次', '名', '人', '项', '条', '款', '章', '节',
  '岁', '倍', '份', '件', '家', '位', '届', '期', '批', '种', '类', '级', '篇', '页', '张', '本', '部', '处', '所', '万', '亿',
  '元', '米', '公里', '号', '%',
];
const countsNext = (chunk: string[], at: number) => COUNTERS.some((c) => chunk.slice(at, at + [...c].length).join('') === c);
const CN_DIGITS = '〇零一二两三四五六七八九';
const CN_NUMERAL = new RegExp(`[${CN_DIGITS}十百千]+`, 'gu');

/** `第四十三条`, `第43条`, `43条` → 43: the reader wants that article itself. */
export function articleNumber(input: string): number | undefined {
  const m = /^第?([0-9]+|[〇零一二两三四五六七八九十百千]+)条$/u.exec(fold(input).replace(/\s+/g, ''));
  return m ? parseNumeral(m[1]!) : undefined;
}

export function fold(input: string): string {
  return input.normalize('NFKC').toLowerCase();
}

/** Digit-by-digit spelling (二〇二三 ⇄ 2023), as years are printed. */
function digitwise(s: string): string | undefined {
  if (/^[0-9]+$/.test(s)) return [...s].map((d) => '〇一二三四五六七八九'[Number(d)]).join('');
  if (new RegExp(`^[${CN_DIGITS}]{2,}$`, 'u').test(s)) {
    return [...s].map((c) => String(c === '两' ? 2 : '〇零一二三四五六七八九'.indexOf(c) - (c === '〇' ? 0 : 1))).join('');
  }
  return undefined;
}

interface Piece {
  /** Range in the chunk, by code point. */
  start: number;
  end: number;
  options: { text: string; weight: number }[];
}

/** The other spellings of each number in `chunk`: Arabic ⇄ Chinese, in counting context. */
function numeralPieces(chunk: string[]): Piece[] {
  const s = chunk.join('');
  const pieces: Piece[] = [];
  // Arabic runs: any.
  for (const m of s.matchAll(/[0-9]+/g)) {
    const start = [...s.slice(0, m.index)].length;
    const end = start + m[0].length;
    const next = chunk[end] ?? '';
    const n = Number(m[0]);
    const options = new Set<string>();
    if (next === '年' && m[0].length === 4) options.add(digitwise(m[0])!);
    else if (n >= 1 && n <= 9999 && !/^0/.test(m[0])) {
      options.add(toChineseNumeral(n));
      if (n === 2 && countsNext(chunk, end)) options.add('两');
    }
    if (options.size) pieces.push({ start, end, options: [...options].map((text) => ({ text, weight: 1 })) });
  }
  // Chinese runs: only where they count (before a counter, or after 第).
  for (const m of s.matchAll(CN_NUMERAL)) {
    const start = [...s.slice(0, m.index)].length;
    const end = start + [...m[0]].length;
    const prev = chunk[start - 1] ?? '';
    if (!countsNext(chunk, end) && prev !== '第') continue;
    const options = new Set<string>();
    const n = parseNumeral(m[0]);
    if (n !== undefined) options.add(String(n));
    const d = digitwise(m[0]);
    if (d !== undefined) options.add(d);
    if (m[0] === '两' || m[0] === '二') options.add(m[0] === '两' ? '二' : '两');
    if (options.size) pieces.push({ start, end, options: [...options].map((text) => ({ text, weight: 1 })) });
  }
  return pieces;
}

function synonymPieces(chunk: string[], taken: Piece[]): Piece[] {
  const s = chunk.join('');
  const pieces: Piece[] = [];
  const used = new Array<boolean>(chunk.length).fill(false);
  for (const p of taken) for (let i = p.start; i < p.end; i++) used[i] = true;
  for (const key of SYNONYM_KEYS) {
    let from = 0;
    for (;;) {
      const at = s.indexOf(key, from);
      if (at < 0) break;
      const start = [...s.slice(0, at)].length;
      const end = start + [...key].length;
      from = at + key.length;
      if (used.slice(start, end).some(Boolean)) continue;
      for (let i = start; i < end; i++) used[i] = true;
      pieces.push({ start, end, options: synonymsOf(key).map((text) => ({ text, weight: SYNONYM_WEIGHT })) });
    }
  }
  return pieces;
}

/** Weight of a variant in which one word was replaced by a synonym. */
export const SYNONYM_WEIGHT = 0.8;
const MAX_VARIANTS = 16;

/** The chunk itself plus every combination of its pieces' options (capped). */
function expand(chunk: string[], pieces: Piece[]): Variant[] {
  const sorted = [...pieces].sort((a, b) => a.start - b.start);
  let partial: { chars: string[]; map: [number, number][]; weight: number; pos: number }[] = [{ chars: [], map: [], weight: 1, pos: 0 }];
  const copyUpTo = (v: (typeof partial)[number], to: number) => {
    for (let i = v.pos; i < to; i++) {
      v.chars.push(chunk[i]!);
      v.map.push([i, i + 1]);
    }
    v.pos = to;
  };
  for (const piece of sorted) {
    const next: typeof partial = [];
    for (const v of partial) {
      copyUpTo(v, piece.start);
      next.push({ chars: [...v.chars], map: [...v.map], weight: v.weight, pos: v.pos });
      for (const option of piece.options) {
        if (next.length >= MAX_VARIANTS) break;
        const chars = [...v.chars, ...option.text];
        const map: [number, number][] = [...v.map, ...[...option.text].map((): [number, number] => [piece.start, piece.end])];
        next.push({ chars, map, weight: v.weight * option.weight, pos: piece.end });
      }
    }
    // Keep the original spelling of this piece in the pass-through variants.
    for (const v of next) if (v.pos < piece.end) copyUpTo(v, piece.end);
    partial = next.slice(0, MAX_VARIANTS);
  }
  for (const v of partial) copyUpTo(v, chunk.length);
  const seen = new Set<string>();
  const out: Variant[] = [];
  for (const v of partial) {
    const text = v.chars.join('');
    if (seen.has(text)) continue;
    seen.add(text);
    out.push({ text, map: v.map, weight: v.weight });
  }
  return out.sort((a, b) => b.weight - a.weight || (a.text === chunk.join('') ? -1 : 0));
}

/** A piece of the query as typed, with its numeral spellings. */
export function termChunk(text: string): Chunk {
  const chars = [...text];
  const numerals = numeralPieces(chars);
  return { text, variants: expand(chars, numerals), exact: numerals.length > 0 || /[0-9]/.test(text) };
}

/** A piece of a question: numeral spellings and synonyms. */
export function questionChunk(text: string): Chunk {
  const chars = [...text];
  const numerals = numeralPieces(chars);
  // In a question, a number is one more word: 几天 was removed, 3天 may be printed 3个工作日.
  return { text, variants: expand(chars, [...numerals, ...synonymPieces(chars, numerals)]), exact: false };
}

export function parseQuery(input: string): ParsedQuery {
  const text = fold(input)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  const pieces = text ? text.split(' ') : [];
  const questionWords: string[] = [];
  const particles: string[] = [];

  let rest = pieces.join(' ');
  for (const w of QUESTION_WORDS) {
    if (rest.includes(w)) {
      questionWords.push(w);
      rest = rest.split(w).join(' ');
    }
  }
  const content: string[] = [];
  for (const piece of rest.split(' ').filter(Boolean)) {
    let current = '';
    for (const w of words(piece)) {
      if (PARTICLES.has(w)) {
        particles.push(w);
        if (current) content.push(current);
        current = '';
      } else {
        current += w;
      }
    }
    if (current) content.push(current);
  }
  // Synonyms only for questions: a term, even one found nowhere, means exactly that term.
  const question = questionWords.length > 0 || particles.length > 0;
  return {
    text,
    terms: pieces.map(termChunk),
    content: content.map(question ? questionChunk : termChunk),
    questionWords,
    particles,
    answer: answerType(questionWords),
  };
}
