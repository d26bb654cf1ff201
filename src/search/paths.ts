/**
 * Approval paths as search results. They are not in the clause index: every
 * character indexed there costs the first query bytes (docs/search.md), and
 * the paths' words (title, who, each step's actor, action and object; ~5,000
 * characters) would grow the clause index by half. They ship instead in a
 * small file of their own (`paths.<hash>.pf_paths`, written by
 * build-index.ts), fetched alongside the index, and are matched in memory by
 * the same rules as clauses (rank.ts), each kind among its own.
 */
import { postingsFromTexts, type PageMatch } from './match.ts';
import { fold, type ParsedQuery } from './query.ts';
import { rankQuery } from './rank.ts';

/** What a page declares itself to be (PagefindMeta's `kind`): a clause goes to the index, a path to the paths file. */
export const RESULT_KINDS = ['clause', 'path'] as const;
export type ResultKind = (typeof RESULT_KINDS)[number];

/** One path in the paths file: URL, citation (审批路径 · 场景 · 身份), its indexed text, filters. */
export type PathEntry = [url: string, citation: string, text: string, filters: Record<string, string[]>];

export interface PathResult {
  url: string;
  citation: string;
  filters: Record<string, string[]>;
  match: PageMatch;
}

/** Approval paths listed for a query: a few, beside the clauses, not a second result list. */
export const MAX_PATHS = 5;

export class PathIndex {
  private readonly entries: readonly PathEntry[];
  private readonly index: ReturnType<typeof postingsFromTexts>;

  constructor(entries: readonly PathEntry[]) {
    this.entries = entries;
    // Folded like queries (NFKC, lower case), so full-width and upper-case letters match.
    this.index = postingsFromTexts(new Map(entries.map(([, , text], i) => [String(i), fold(text)])));
  }

  /** The paths matching a parsed query, best first: verbatim terms, else enough of the words (never "related"). */
  search(query: ParsedQuery, max = MAX_PATHS): PathResult[] {
    const { results } = rankQuery(query, this.index.postings, this.index.stats);
    return results.slice(0, max).map((match) => {
      const [url, citation, , filters] = this.entries[Number(match.page)]!;
      return { url, citation, filters, match };
    });
  }
}
