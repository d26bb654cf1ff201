/**
 * 相关条文 under an article, and an article's topics — for the article page.
 *
 *   relatedArticles(slug, articleId, limit = 5): RelatedArticle[]
 *   topicsOfArticle(slug, articleId): TopicRef[]
 *
 * Ranking: articles sharing the most topics with this one; ties go to the
 * same regulation first, then document order (regulation order, then
 * article order).
 *
 * Complexity: candidates come from the inverted index topic → articles
 * (./topics.ts). For each topic of the article we read at most
 * CANDIDATES_PER_TOPIC members of the same regulation and as many from the
 * whole corpus, so one query is O(k · CANDIDATES_PER_TOPIC) for an article
 * with k topics — constant in the number of documents — and all article
 * pages together are linear in the number of articles, never quadratic.
 * A topic used by thousands of articles thus contributes only its first
 * members; the shared-topic counts are exact for those candidates.
 */
import { plainText } from '../tree/query.ts';
import { topicIndex, type Topic, type TopicIndex, type TopicMember } from './topics.ts';
import { articleUrl, clauseInWords, topicUrl } from './urls.ts';
import { xrefIndex, type CorpusLike } from './xref-index.ts';

export const CANDIDATES_PER_TOPIC = 200;

export interface TopicRef {
  id: string;
  name: string;
  description: string;
  href: string;
}

export interface RelatedArticle {
  slug: string;
  /** `art-44`. */
  articleId: string;
  /** `/regulations/<slug>/articles/44/`. */
  href: string;
  /** How the article is cited: 第四十四条. */
  label: string;
  /** The label as printed in the text: 四十四、 or 第四十四条. */
  printedLabel: string;
  regulationTitle: string;
  sameRegulation: boolean;
  /** The first characters of its text, for a preview. */
  excerpt: string;
  sharedTopics: TopicRef[];
}

function ref(t: Topic): TopicRef {
  return { id: t.id, name: t.name, description: t.description, href: topicUrl(t.id) };
}

/** The topics an article's text touches, in topics.yaml order. */
export function topicsOfArticle(slug: string, articleId: string, index: TopicIndex = topicIndex()): TopicRef[] {
  return index.topicsOfArticle(slug, articleId).map(ref);
}

const EXCERPT_LENGTH = 60;

export function excerptOf(text: string, length = EXCERPT_LENGTH): string {
  return text.length <= length ? text : `${text.slice(0, length)}…`;
}

/** Up to `limit` articles sharing the most topics with `articleId` (never itself). */
export function relatedArticles(
  slug: string,
  articleId: string,
  limit = 5,
  index: TopicIndex = topicIndex(),
  corpus?: CorpusLike,
): RelatedArticle[] {
  const own = index.topicsOfArticle(slug, articleId);
  if (!own.length || limit <= 0) return [];
  const self = index.article(slug, articleId)?.ordinal;
  // Keyed by the article's corpus-wide ordinal: cheaper than string keys.
  const scores = new Map<number, { slug: string; article: string; ordinal: number; shared: Topic[] }>();
  for (const topic of own) {
    const seen = new Set<number>();
    const take = (list: readonly TopicMember[]) => {
      const n = Math.min(list.length, CANDIDATES_PER_TOPIC);
      for (let i = 0; i < n; i++) {
        const m = list[i]!;
        if (m.ordinal === self || seen.has(m.ordinal)) continue;
        seen.add(m.ordinal);
        let s = scores.get(m.ordinal);
        if (!s) scores.set(m.ordinal, (s = { slug: m.slug, article: m.article, ordinal: m.ordinal, shared: [] }));
        s.shared.push(topic);
      }
    };
    take(index.membersIn(topic.id, slug));
    take(index.members(topic.id));
  }
  const ranked = [...scores.values()].sort(
    (a, b) =>
      b.shared.length - a.shared.length ||
      Number(b.slug === slug) - Number(a.slug === slug) ||
      a.ordinal - b.ordinal,
  );
  const xref = xrefIndex(corpus);
  return ranked.slice(0, limit).map((s) => {
    const info = index.article(s.slug, s.article);
    return {
      slug: s.slug,
      articleId: s.article,
      href: articleUrl(s.slug, s.article),
      label: clauseInWords(s.article),
      printedLabel: info?.node.label ?? '',
      regulationTitle: xref.regulation(s.slug)?.meta.title ?? s.slug,
      sameRegulation: s.slug === slug,
      excerpt: info ? excerptOf(plainText(info.node)) : '',
      sharedTopics: s.shared.map(ref),
    };
  });
}
