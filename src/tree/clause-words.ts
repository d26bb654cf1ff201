/**
 * The one place where clause ids and the words citing them meet
 * (docs/citation.md): `art-43-p2` ↔ 第四十三条第二款, `art-12-1` ↔
 * 第十二条之一, `art-12-p2-i3-s1` ↔ 第十二条第二款第三项第1目 (目 in Arabic, as
 * printed; read in either form), `appendix-1-p2` → 附件1第二段, `preamble-p2`
 * → 序言第二段, `ch-2-sec-1` → 第二章第一节. The parser (internal references),
 * the remark plugin, cross-regulation links, search, the helpers and the pages
 * all format and parse here: one grammar, no variants to disagree.
 */
import { NUMERAL, parseNumeral, toChineseNumeral } from '../parse/numerals.ts';

const zh = (n: number) => toChineseNumeral(n);

export const articleWords = (number: number, sub?: number) => `第${zh(number)}条${sub ? `之${zh(sub)}` : ''}`;
export const paragraphWords = (n: number) => `第${zh(n)}款`;
export const itemWords = (n: number) => `第${zh(n)}项`;
export const subitemWords = (n: number) => `第${n}目`;
/** A paragraph of a 序言 or 附件, which is no article's 款. */
export const passageWords = (n: number) => `第${zh(n)}段`;

/** `appendix-2` → 附件2, `appendix-table-1` → 附表1, `appendix-list` (the list of appendices) → 附件. */
function appendixWords(parts: readonly string[], i: number): { words: string; used: number } {
  if (parts[i + 1] === 'list') return { words: '附件', used: 1 };
  if (parts[i + 1] === 'table' && parts[i + 2]) return { words: `附表${parts[i + 2]}`, used: 2 };
  return { words: `附件${parts[i + 1]}`, used: 1 };
}

/**
 * A clause id in words. `omitFirstParagraph`: the article has a single 款,
 * so 第一款 is not said (第三条第五项).
 */
export function idInWords(id: string, omitFirstParagraph = false): string {
  const parts = id.split('-');
  let out = '';
  let inArticle = false;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const next = parts[i + 1];
    if (part === 'art' && next) {
      const sub = parts[i + 2] && /^\d+$/.test(parts[i + 2]!) ? Number(parts[i + 2]) : undefined;
      out += articleWords(Number(next), sub);
      i += sub === undefined ? 1 : 2;
      inArticle = true;
    } else if ((part === 'ch' || part === 'sec' || part === 'part') && next) {
      out += `第${zh(Number(next))}${part === 'ch' ? '章' : part === 'sec' ? '节' : '编'}`;
      i++;
    } else if (part === 'preamble') {
      out += '序言';
    } else if (part === 'appendix' && next) {
      const { words, used } = appendixWords(parts, i);
      out += words;
      i += used;
    } else if (/^p\d+$/.test(part)) {
      const n = Number(part.slice(1));
      if (!inArticle) out += passageWords(n);
      else if (!(omitFirstParagraph && n === 1)) out += paragraphWords(n);
    } else if (/^i\d+$/.test(part)) {
      out += itemWords(Number(part.slice(1)));
    } else if (/^s\d+$/.test(part)) {
      out += subitemWords(Number(part.slice(1)));
    } else {
      out += part;
    }
  }
  return out;
}

// ---------------------------------------------------------------- ids

/** An article's id: `art-43`, `art-12-1` (第十二条之一). */
export const articleId = (number: number, sub?: number) => `art-${number}${sub !== undefined ? `-${sub}` : ''}`;

/** `art-43` → `43`, `art-12-1` → `12-1`; undefined for ids that are not articles. */
export function articleNumberOf(articleId: string): string | undefined {
  return /^art-(\d+(?:-\d+)?)$/.exec(articleId)?.[1];
}

/** The article a clause id belongs to: `art-38-p1-i5` → `art-38`. */
export function articleIdOf(clauseId: string): string | undefined {
  return /^(art-\d+(?:-\d+)?)(?:-[pis]\d+)*$/.exec(clauseId)?.[1];
}

// ---------------------------------------------------------------- reading words

const N = `(${NUMERAL})`;
const ITEM_TAIL = `(?:第${N}项)?(?:第${N}目)?`;
/** 第四条第一款第二项第1目, 第十二条之一: groups article, sub, paragraph, item, subitem. */
export const ARTICLE_WORDS = `第${N}条(?:之${N})?(?:第${N}款)?${ITEM_TAIL}`;

/**
 * Clause words a text says of itself, absolute or relative to where they
 * stand: ARTICLE_WORDS; 本条/前条 (not 本条例, 本条文) with 款, 项, 目; 前款/本款
 * with 项, 目; 第X款…; 本章 (not 本章程), 本节; 第X项… . Read a match with readClauseWords.
 */
export const CLAUSE_WORDS = [
  ARTICLE_WORDS, // groups 1–5
  `(本条|前条)(?![例文])(?:第${N}款)?${ITEM_TAIL}`, // 6–9
  `(前款|本款)${ITEM_TAIL}`, // 10–12
  `第${N}款${ITEM_TAIL}`, // 13–15
  `(本章(?!程)|本节)|第${N}项(?:第${N}目)?`, // 16; 17–18
].join('|');

/** Clause words as read: numbers, or words relative to where they stand. */
export interface ClauseWords {
  article?: { number: number; sub?: number } | '本条' | '前条';
  paragraph?: number | '本款' | '前款';
  item?: number;
  subitem?: number;
  scope?: '本章' | '本节';
}

/**
 * The words of a CLAUSE_WORDS (or ARTICLE_WORDS) match whose groups start at
 * `offset`; undefined when a numeral is malformed (第十零条 names nothing).
 */
export function readClauseWords(m: RegExpExecArray | RegExpMatchArray, offset = 1): ClauseWords | undefined {
  let malformed = false;
  const g = (k: number) => m[offset + k];
  const n = (k: number): number | undefined => {
    const text = g(k);
    if (text === undefined) return undefined;
    const value = parseNumeral(text);
    if (value === undefined) malformed = true;
    return value;
  };
  const tail = (k: number) => ({ item: n(k), subitem: n(k + 1) });
  let words: ClauseWords;
  if (g(0) !== undefined) {
    const number = n(0)!;
    const sub = n(1);
    words = { article: sub === undefined ? { number } : { number, sub }, paragraph: n(2), ...tail(3) };
  } else if (g(5) !== undefined) words = { article: g(5) as '本条' | '前条', paragraph: n(6), ...tail(7) };
  else if (g(9) !== undefined) words = { paragraph: g(9) as '本款' | '前款', ...tail(10) };
  else if (g(12) !== undefined) words = { paragraph: n(12), ...tail(13) };
  else if (g(15) !== undefined) words = { scope: g(15) as '本章' | '本节' };
  else if (g(16) !== undefined) words = tail(16);
  else return undefined;
  return malformed ? undefined : words;
}

/** Where words stand, for the relative ones: the enclosing article, paragraph, chapter, section. */
export interface WordsContext {
  article?: string | undefined;
  paragraph?: { id: string; number: number } | undefined;
  chapter?: string | undefined;
  section?: string | undefined;
}

/**
 * The id clause words name. 第三条第五项 (no 款) → `art-3-p1-i5`: the items of
 * a one-款 article sit in its first paragraph. 目 counts only under a 项.
 * Relative words need `at`; without it they name nothing.
 */
export function clauseIdOf(words: ClauseWords, at: WordsContext = {}): string | undefined {
  const { article, paragraph, item, subitem } = words;
  const withParts = (base: string | undefined, para: number | undefined) => {
    if (!base) return undefined;
    let id = base;
    if (para !== undefined) id += `-p${para}`;
    else if (item !== undefined) id += '-p1';
    if (item !== undefined) id += `-i${item}${subitem !== undefined ? `-s${subitem}` : ''}`;
    return id;
  };
  const para = typeof paragraph === 'number' ? paragraph : undefined;
  if (words.scope) return words.scope === '本章' ? at.chapter : at.section;
  if (typeof article === 'object') return withParts(articleId(article.number, article.sub), para);
  if (article === '本条') return withParts(at.article, para);
  if (article === '前条') {
    const number = at.article ? /^art-(\d+)$/.exec(at.article)?.[1] : undefined;
    return withParts(number ? articleId(Number(number) - 1) : undefined, para);
  }
  if (paragraph === '本款' || paragraph === '前款') {
    const own = at.paragraph && at.article ? (paragraph === '本款' ? at.paragraph.number : at.paragraph.number - 1) : 0;
    return own ? withParts(at.article, own) : undefined;
  }
  if (para !== undefined) return withParts(at.article, para);
  if (item !== undefined && at.paragraph) return `${at.paragraph.id}-i${item}${subitem !== undefined ? `-s${subitem}` : ''}`;
  return undefined;
}

/** The id of an ARTICLE_WORDS match (groups from `offset`). */
export function idOfMatch(m: RegExpExecArray | RegExpMatchArray, offset = 1): string | undefined {
  if (m[offset] === undefined) return undefined;
  const words = readClauseWords(m, offset);
  return words && clauseIdOf(words);
}

const WHOLE_ARTICLE_WORDS = new RegExp(`^${ARTICLE_WORDS}$`);

/**
 * The id that clause words name: 第四条第一款第二项 → `art-4-p1-i2`;
 * 第三条第五项 → `art-3-p1-i5`. Undefined when the words are not a clause.
 */
export function idOfWords(words: string): string | undefined {
  const m = WHOLE_ARTICLE_WORDS.exec(words);
  return m ? idOfMatch(m) : undefined;
}
