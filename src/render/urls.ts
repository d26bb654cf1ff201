/**
 * URLs and anchors of the cross-linking pages, and how a clause is cited in
 * words. Every link the xref code emits is built here, so the URL scheme
 * (`/regulations/<slug>/#<id>`, `/regulations/<slug>/articles/<n>/`,
 * `/glossary/#…`, `/documents/#…`, `/topics/<id>/`, `/notes/<slug>/`) lives in
 * one place.
 */
import { articleIdOf, articleNumberOf, idInWords } from '../tree/clause-words.ts';

export { articleIdOf, articleNumberOf };

export function regulationUrl(slug: string): string {
  return `/regulations/${slug}/`;
}

/** Permalink of any clause: `/regulations/<slug>/#art-43-p2`. */
export function clauseUrl(slug: string, id: string): string {
  return `/regulations/${slug}/#${id}`;
}

/** `/regulations/<slug>/articles/43/`. */
export function articleUrl(slug: string, articleId: string): string {
  const n = articleNumberOf(articleId);
  if (n === undefined) throw new Error(`不是条的编号：${articleId}`);
  return `/regulations/${slug}/articles/${n}/`;
}

/**
 * A stable, ASCII, collision-resistant anchor for a free-text key (a document
 * title, an abbreviation): `d-` + 53-bit hash in base 36. Chinese text in
 * fragments works but percent-encodes into unreadable URLs; a hash does not
 * change when unrelated entries are added. Builders check for collisions.
 */
export function hashAnchor(prefix: string, key: string): string {
  // cyrb53 (public domain): two 32-bit lanes → 53 bits.
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < key.length; i++) {
    const ch = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const n = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return `${prefix}-${n.toString(36)}`;
}

/** An entry of the glossary, on its page (`/glossary/`, `/glossary/page/<n>/`). */
export function glossaryUrl(anchor: string, page = 1): string {
  return `/glossary/${page > 1 ? `page/${page}/` : ''}#${anchor}`;
}

/** An entry of the cited-documents index, on its page (`/documents/`, `/documents/page/<n>/`). */
export function documentsUrl(anchor: string, page = 1): string {
  return `/documents/${page > 1 ? `page/${page}/` : ''}#${anchor}`;
}

export function topicUrl(id: string): string {
  return `/topics/${id}/`;
}

export function noteUrl(slug: string): string {
  return `/notes/${slug}/`;
}

/**
 * A clause id in words, as it is cited (`art-43-p2` → 第四十三条第二款); the
 * rules live in src/tree/clause-words.ts. `omitFirstParagraph` drops 第一款
 * when the article has a single paragraph (第三十八条第五项).
 */
export function clauseInWords(id: string, omitFirstParagraph = false): string {
  return idInWords(id, omitFirstParagraph);
}
