/**
 * The one place where clause ids and the words citing them meet
 * (docs/citation.md): `art-43-p2` ↔ 第四十三条第二款, `art-12-1` ↔
 * 第十二条之一, `art-12-p2-i3-s1` ↔ 第十二条第二款第三项第1目 (目 in Arabic, as
 * printed), `appendix-1-p2` → 附件1第二段, `preamble-p2` → 序言第二段,
 * `ch-2-sec-1` → 第二章第一节. The parser, the remark plugin, the helpers,
 * the pages and cross-regulation links all format and parse here.
 */
import { NUMERAL, parseNumeral, toChineseNumeral } from '../parse/numerals.ts';

const zh = (n: number) => toChineseNumeral(n);

export const articleWords = (number: number, sub?: number) => `第${zh(number)}条${sub ? `之${zh(sub)}` : ''}`;
export const paragraphWords = (n: number) => `第${zh(n)}款`;
export const itemWords = (n: number) => `第${zh(n)}项`;
export const subitemWords = (n: number) => `第${n}目`;
/** A paragraph of a 序言 or 附件, which is no article's 款. */
export const passageWords = (n: number) => `第${zh(n)}段`;

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
    } else if (part === 'ch' && next) {
      out += `第${zh(Number(next))}章`;
      i++;
    } else if (part === 'sec' && next) {
      out += `第${zh(Number(next))}节`;
      i++;
    } else if (part === 'part' && next) {
      out += `第${zh(Number(next))}编`;
      i++;
    } else if (part === 'preamble') {
      out += '序言';
    } else if (part === 'appendix' && next) {
      out += `附件${next}`;
      i++;
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

const N = `(${NUMERAL})`;
/** 第四条第一款第二项第1目, 第十二条之一: groups article, sub, paragraph, item, subitem. */
export const ARTICLE_WORDS = `第${N}条(?:之${N})?(?:第${N}款)?(?:第${N}项)?(?:第${N}目)?`;

/**
 * The id that clause words name: 第四条第一款第二项 → `art-4-p1-i2`;
 * 第三条第五项 (no 款) → `art-3-p1-i5`, the items of a one-款 article sitting
 * in its first paragraph. Undefined when the words are not a clause.
 */
export function idOfWords(words: string): string | undefined {
  const m = new RegExp(`^${ARTICLE_WORDS}$`).exec(words);
  return m ? idOfMatch(m) : undefined;
}

/** The id of an ARTICLE_WORDS match (groups from `offset`). */
export function idOfMatch(m: RegExpExecArray | RegExpMatchArray, offset = 1): string | undefined {
  const n = (k: number) => (m[offset + k] === undefined ? undefined : parseNumeral(m[offset + k]!));
  const article = n(0);
  if (article === undefined) return undefined;
  let id = `art-${article}${m[offset + 1] !== undefined ? `-${n(1)}` : ''}`;
  const [p, item, sub] = [n(2), n(3), n(4)];
  if (m[offset + 2] !== undefined && p === undefined) return undefined;
  if (p !== undefined) id += `-p${p}`;
  else if (item !== undefined) id += '-p1';
  if (item !== undefined) id += `-i${item}`;
  if (sub !== undefined && item !== undefined) id += `-s${sub}`;
  return id;
}
