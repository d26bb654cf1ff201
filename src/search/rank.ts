/**
 * What a query returns, in which order (pure; engine.ts feeds it the index's
 * postings, test/unit/search feeds it strings).
 *
 * 1. Unless the query is a question, clauses containing every term verbatim
 *    (numbers in either spelling) are the answer, best first. Clauses with
 *    only the pieces are not mixed in: a term search means the term.
 * 2. Otherwise — a question, or no clause has the terms verbatim — question
 *    words and particles are dropped and clauses are scored on the pieces of
 *    the remaining words they contain (synonyms at a lower weight). A clause
 *    counts as a match only if it covers enough of the query's characters
 *    (COVERAGE); weaker ones may be offered as related clauses, never as
 *    matches. A short term found nowhere whole therefore finds nothing.
 * In both, a clause that defines or governs the query's terms rather than
 * mentions them scores up to ×(1 + ABOUT's sum) (about.ts).
 */
import { aboutFactor, type ClauseAbout } from './about.ts';
import { matchChunks, type CharPostings, type ChunkLike, type CorpusStats, type PageMatch } from './match.ts';
import type { ParsedQuery } from './query.ts';

export type Mode = 'exact' | 'words' | 'none';

export interface Ranking {
  mode: Mode;
  results: PageMatch[];
  /** Only when there are no results: clauses that contain some of the words. */
  related: PageMatch[];
}

/** Share of the query's content characters a clause must contain (in pieces of 2+ characters). */
export const COVERAGE = {
  /** After question words or particles were removed. */
  question: 0.5,
  /** A term (nothing removed) of up to SHORT_TERM characters: all of it, if not verbatim then in pieces. */
  shortTerm: 1,
  /** A longer term, or several. */
  term: 0.6,
};
export const SHORT_TERM = 4;
const MAX_RELATED = 5;
/**
 * A question asking how long / when (or how many) prefers clauses that state
 * a time limit, period or frequency (or a quantity): the answer type.
 */
export const ANSWER_BOOST = 1.3;

/** What kinds of answer a page holds: 't' a time expression, 'n' a quantity (page table, build-index.ts). */
export type AnswerKinds = (page: string) => string;

export function coverageNeeded(q: ParsedQuery): number {
  if (q.questionWords.length || q.particles.length) return COVERAGE.question;
  const length = q.content.reduce((n, c) => n + [...c.text].length, 0);
  return length <= SHORT_TERM ? COVERAGE.shortTerm : COVERAGE.term;
}

const byScore = (a: PageMatch, b: PageMatch) => b.score - a.score || a.page.localeCompare(b.page);
/** The score of a clause that defines or governs what it matched whole (about.ts). */
function aboutScored(m: PageMatch, about: ClauseAbout | undefined): PageMatch {
  const first = m.wholeSpans.length ? Math.min(...m.wholeSpans.map((s) => s.start)) : undefined;
  const factor = aboutFactor(m.page, m.wholePieces, first, about);
  return factor === 1 ? m : { ...m, score: m.score * factor };
}

/** Rank partial matches by score, discounted by what they miss. */
const weighted = (m: PageMatch) => m.score * m.coverage * m.coverage;

export type Matcher = typeof matchChunks;

/**
 * A matcher that matches each list of chunks once: ranking again with more of
 * what the clauses are about (their rows, engine.ts) reuses the matches,
 * which rankQuery never changes.
 */
export function remembering(match: Matcher = matchChunks): Matcher {
  const done = new Map<readonly ChunkLike[], PageMatch[]>();
  return (chunks, postings, stats) => {
    let out = done.get(chunks);
    if (!out) done.set(chunks, (out = match(chunks, postings, stats)));
    return out;
  };
}

export function rankQuery(
  q: ParsedQuery,
  postings: CharPostings,
  stats: CorpusStats,
  kinds: AnswerKinds = () => '',
  about?: ClauseAbout,
  match: Matcher = matchChunks,
): Ranking {
  if (!q.terms.length) return { mode: 'none', results: [], related: [] };

  if (!q.questionWords.length) {
    const exact = match(q.terms, postings, stats)
      .filter((m) => m.verbatim)
      .map((m) => aboutScored(m, about));
    // Highlight the term itself, not pieces of it found elsewhere in the clause.
    if (exact.length) return { mode: 'exact', results: exact.sort(byScore).map((m) => ({ ...m, spans: m.wholeSpans, pieces: m.wholePieces })), related: [] };
  }

  if (!q.content.length) return { mode: 'none', results: [], related: [] };
  const needed = coverageNeeded(q);
  const wanted = q.answer === 'time' ? 't' : q.answer === 'number' ? 'n' : undefined;
  const scored = match(q.content, postings, stats)
    .map((m) => aboutScored(m, about))
    .map((m) => (wanted && kinds(m.page).includes(wanted) ? { ...m, score: m.score * ANSWER_BOOST } : m))
    .sort((a, b) => weighted(b) - weighted(a) || a.page.localeCompare(b.page));
  // One character is evidence of nothing, unless that is all the query is.
  const minPiece = q.content.every((c) => [...c.text].length === 1) ? 1 : 2;
  const results = scored.filter((m) => m.coverage >= needed - 1e-9 && m.essential && m.longest >= minPiece);
  if (results.length) return { mode: 'words', results, related: [] };
  return { mode: 'none', results: [], related: scored.filter((m) => m.longest >= 2).slice(0, MAX_RELATED) };
}
