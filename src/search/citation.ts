/**
 * Queries that name a regulation or cite a clause (issue #13, #15 item 2):
 * `监察法`, `《中华人民共和国监察法》第八条`, `第四十三条第二款`, `第43条第2款第1项`.
 * Pure: the engine gives it the regulations the index holds (from the pages
 * file) and lists what it resolves first.
 */
import { ARTICLE_WORDS, articleId, readClauseWords } from '../tree/clause-words.ts';

export interface Citation {
  /** The title as written (quotes removed), if any. */
  title?: string;
  article?: number;
  /** N of 第N条之M. */
  sub?: number;
  paragraph?: number;
  item?: number;
  /** 目 (第1目 or 第一目), under a 项. */
  subitem?: number;
}

// The clause words are the one grammar's (src/tree/clause-words.ts), after a title if any.
const CITE = new RegExp(`^(.*?)${ARTICLE_WORDS}$`, 'u');
/** Marks around or inside a title that a reader may or may not type. */
const TITLE_MARKS = /[《》〈〉<>“”"'‘’「」『』\s]/gu;

/** Same title whatever the quotes, spaces, full-width forms or case: the key titles are compared by. */
export function titleKey(title: string): string {
  return title.normalize('NFKC').toLowerCase().replace(TITLE_MARKS, '').replace(/[()]/g, (c) => (c === '(' ? '（' : '）'));
}

/**
 * A title key without 中华人民共和国 and without a date line run into it
 * (`宪法1982年12月4日…`: a header line the parser may take into the title).
 */
function nameOf(key: string): string {
  return key.replace(/^中华人民共和国/, '').replace(/[0-9〇零一二三四五六七八九十]{4}年.*$/u, '');
}

/** A citation or a title, or undefined when the query is neither (most queries). */
export function parseCitation(input: string): Citation | undefined {
  const text = input.normalize('NFKC').replace(/\s+/g, '');
  const m = CITE.exec(text);
  const words = m ? readClauseWords(m, 2) : undefined;
  if (!words || typeof words.article !== 'object' || !words.article.number) return undefined;
  const title = m![1]!.replace(TITLE_MARKS, '');
  const { article, paragraph, item, subitem } = words;
  return {
    title: title || undefined,
    article: article.number,
    sub: article.sub,
    paragraph: paragraph as number | undefined,
    item,
    subitem: item === undefined ? undefined : subitem,
  };
}

/** A regulation the index holds: its title and the URL of each version (the current one first). */
export interface RegulationEntry {
  title: string;
  /** `/regulations/<slug>/` of each version, the current version (no date segment) first. */
  bases: string[];
  /** titleKey(title) and its name (nameOf), if worked out once (titleKeys): a query then compares, not normalises, every title. */
  key?: string;
  name?: string;
}

/** Each entry with its title's keys worked out (resolveTitle compares them with every query). */
export const titleKeys = (r: RegulationEntry): RegulationEntry => {
  const key = titleKey(r.title);
  return { ...r, key, name: nameOf(key) };
};

/** Kinds of document a title ends in, so a query ending in one is taken as (part of) a title. */
const TITLE_ENDING = /(?:法|条例|规定|办法|细则|规则|解释|决定|通知|意见|规范|标准|章程|纲要|修正案(?:（[^）]*）)?)$/u;

/**
 * The regulations a title query names, best first: the exact title, then the
 * title without 中华人民共和国 (the short title: `监察法`), then — for a query
 * ending as titles do (…法, …条例) — titles containing it, shortest first.
 * `loose`: allow the containing titles even without such an ending (a query
 * with an article number is a citation whatever its title part looks like).
 */
export function resolveTitle(query: string, regulations: readonly RegulationEntry[], loose = false): RegulationEntry[] {
  const key = titleKey(query);
  if ([...key].length < 2) return [];
  const exact: RegulationEntry[] = [];
  const short: RegulationEntry[] = [];
  const containing: RegulationEntry[] = [];
  const name = nameOf(key);
  for (const r of regulations) {
    const t = r.key ?? titleKey(r.title);
    const n = r.name ?? nameOf(t);
    if (t === key) exact.push(r);
    else if (n === key || n === name) short.push(r);
    else if (t.includes(key)) containing.push(r);
  }
  if (exact.length || short.length) return [...exact, ...short];
  if (!loose && !TITLE_ENDING.test(key)) return [];
  return containing.sort((a, b) => a.title.length - b.title.length || a.title.localeCompare(b.title));
}

/** The page path part of a clause: `articles/8/` (第八条), `articles/12-1/` (第十二条之一). */
export function articlePath(c: Citation): string | undefined {
  if (!c.article) return undefined;
  return `articles/${c.article}${c.sub ? `-${c.sub}` : ''}/`;
}

/** The anchor of a 款/项 on the article page (docs/urls.md): `#art-8-p2`, `#art-8-p2-i1`. */
export function clauseAnchor(c: Citation): string {
  if (!c.article || (!c.paragraph && !c.item)) return '';
  return `#${articleId(c.article, c.sub || undefined)}-p${c.paragraph ?? 1}${c.item ? `-i${c.item}${c.subitem ? `-s${c.subitem}` : ''}` : ''}`;
}
