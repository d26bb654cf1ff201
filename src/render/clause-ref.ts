/**
 * Clause references written by people — `chaoyang-government-work-rules#art-43-p2`
 * in MDX, `[[…]]` in prose, `<Clause ref="…" />` — parsed, checked against
 * the corpus and cited.
 */
import { displayText } from '../tree/query.ts';
import type { Clause } from '../tree/types.ts';
import { articleIdOf, clauseInWords, clauseUrl, regulationUrl } from './urls.ts';
import { xrefIndex, type CorpusLike } from './xref-index.ts';

export interface ClauseRef {
  slug: string;
  /** Absent: the regulation as a whole. */
  id?: string;
}

export interface CitedClause extends ClauseRef {
  href: string;
  regulationTitle: string;
  /** 第四十三条第二款 (empty for a whole regulation). */
  words: string;
  /** 《北京市朝阳区人民政府工作规则》第四十三条第二款. */
  citation: string;
  clause?: Clause;
}

const REF = /^([a-z0-9]+(?:-[a-z0-9]+)*)?(?:#([A-Za-z0-9-]+))?$/;

/**
 * Parse `slug#id`, `slug` or `#id` (the latter needs `defaultSlug`).
 * Returns an error message (Chinese, for authors) instead of throwing.
 */
export function parseClauseRef(ref: string, defaultSlug: string | undefined): ClauseRef | string {
  const m = REF.exec(ref.trim());
  if (!m || (!m[1] && !m[2])) return `无法识别的条文引用“${ref}”：应写作“法规网址名#条文编号”，如 chaoyang-government-work-rules#art-43-p2`;
  const slug = m[1] ?? defaultSlug;
  if (!slug) return `引用“${ref}”没有写明法规：请写成“法规网址名#${m[2]}”，或在 frontmatter 里写 regulation`;
  return { slug, ...(m[2] ? { id: m[2] } : {}) };
}

/** Check a reference against the corpus: the cited clause, or an error message. */
export function citeClause(ref: ClauseRef, corpus?: CorpusLike): CitedClause | string {
  const index = xrefIndex(corpus);
  const tree = index.regulation(ref.slug);
  if (!tree) {
    const known = index.corpus.regulations.map((r) => r.slug).join('、');
    return `本站没有网址名为“${ref.slug}”的法规（现有：${known}）`;
  }
  const title = tree.meta.title;
  if (!ref.id) return { ...ref, href: regulationUrl(ref.slug), regulationTitle: title, words: '', citation: `《${title}》` };
  const clause = index.clause(ref.slug, ref.id);
  if (!clause) return `《${title}》中没有编号为 ${ref.id} 的条文（${safeWords(ref.id)}）`;
  const words = wordsFor(ref.slug, ref.id, corpus);
  return { ...ref, href: clauseUrl(ref.slug, ref.id), regulationTitle: title, words, citation: `《${title}》${words}`, clause };
}

/** 第四十三条第二款; 第一款 is dropped when the article has one paragraph only. */
export function wordsFor(slug: string, id: string, corpus?: CorpusLike): string {
  const article = articleIdOf(id);
  const node = article ? xrefIndex(corpus).clause(slug, article) : undefined;
  const single = node?.type === 'article' && node.children.length === 1;
  return safeWords(id, single);
}

/** The clause's current text, one string per printed line (labels included). */
export function clauseLines(clause: Clause): string[] {
  return displayText(clause).split('\n').filter(Boolean);
}

function safeWords(id: string, omitFirstParagraph = false): string {
  try {
    return clauseInWords(id, omitFirstParagraph);
  } catch {
    return id;
  }
}
