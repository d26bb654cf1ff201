/**
 * Inline links inside a clause's text: defined abbreviations, internal
 * references (第X条, 前款 …) and cited documents (《…》).
 * The renderer asks for a text node's segments and links those with an href.
 *
 * What is linked (see buildAnnotations in ./xref-index.ts for the rules):
 *  - 《…》: to the regulation's page when the portal has the cited document
 *    (matched by 发文字号 when the citation gives one, else by exact title;
 *    a regulation citing itself is not linked, and a citation of the repealed
 *    predecessor goes to /documents/, never to the current text); otherwise
 *    to its entry in the cited-documents index /documents/#….
 *  - 第X条第X款, 前款, 本条, 本章 …: to the permalink of the resolved clause.
 *  - an abbreviation's definition (以下简称区政府): to its glossary entry;
 *    a use of it (区政府): to the defining clause, with the full name as
 *    title — once per clause (paragraph/item), so the text is not a sea of links.
 *  - topic terms are not linked inline: an article lists its topics instead
 *    (`topicsOfArticle` in ./related.ts).
 *
 * Cost: the first call for a regulation builds its offset → annotations map
 * in one pass (memoized per slug, per process); each call after that is a
 * map lookup plus a walk over the node's own annotations.
 */
import type { Text } from '../tree/types.ts';
import { xrefIndex, type CorpusLike } from './xref-index.ts';

export interface Segment {
  text: string;
  href?: string;
  kind?: 'abbreviation' | 'reference' | 'citation' | 'topic';
  /** Tooltip / accessible description, e.g. the full name of an abbreviation. */
  title?: string;
}

/** Split a text node into plain and linked segments; the segments' text joined is exactly `text.value`. */
export function segmentText(slug: string, text: Text, corpus?: CorpusLike): Segment[] {
  const value = text.value;
  const annotations = xrefIndex(corpus).annotations(slug).get(text.position.start.offset);
  if (!annotations?.length) return [{ text: value }];
  const out: Segment[] = [];
  let at = 0;
  for (const a of annotations) {
    // Guard: a node that is not the one the index was built from keeps its text.
    if (a.start < at || a.end > value.length || value.slice(a.start, a.end) !== a.text) continue;
    if (a.start > at) out.push({ text: value.slice(at, a.start) });
    out.push({ text: a.text, href: a.href, kind: a.kind, ...(a.title ? { title: a.title } : {}) });
    at = a.end;
  }
  if (at < value.length) out.push({ text: value.slice(at) });
  return out.length ? out : [{ text: value }];
}
