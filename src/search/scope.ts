/**
 * Results a query names rather than matches (citation.ts): a regulation by
 * its title, an article (and its 款/项) by citation. Titles and bases come
 * from the index's directory; an article's page from its regulation's rows
 * (loaded on asking). The engine lists these first, then the text matches.
 */
import { articleNumber } from './query.ts';
import { articlePath, clauseAnchor, parseCitation, resolveTitle, titleKeys, type Citation, type RegulationEntry } from './citation.ts';
import type { Directory } from './index-format.ts';
import type { PageMatch } from './match.ts';

/** Page ids of regulation results (no index page: the link is the regulation's own page). */
export const REGULATION_PREFIX = 'regulation:';
/** Regulations listed for a title query, at most. */
const MAX_TITLES = 3;
/** A bare 第N条 lists that article of at most this many regulations (one, with the regulation filter, is what a reader wants). */
export const MAX_ARTICLES = 50;

const VERSION = /\/\d{4}-\d{2}-\d{2}\/$/;

export interface Scoped {
  /** Listed first, in this order. */
  results: PageMatch[];
  /** The query is a citation (an article number): text matches of it are noise. */
  citation: boolean;
  /** A title resolved: the text matches of the title are listed after. */
  titled: boolean;
}

export function bare(page: string, anchor = ''): PageMatch {
  return { page, score: Infinity, coverage: 1, verbatim: true, essential: true, longest: 0, spans: [], wholeSpans: [], pieces: [], wholePieces: [], anchor };
}

/** The page id of a regulation version's page at this URL tail (`articles/8/`), if it has one. */
export type PageFinder = (base: string, suffix: string) => Promise<string | undefined>;

export class RegulationDirectory {
  readonly regulations: RegulationEntry[];
  /** base URL → title, article count, index in the directory. */
  readonly byBase = new Map<string, { title: string; articles: number; index: number }>();

  constructor(directory: Directory) {
    const byTitle = new Map<string, string[]>();
    for (const [index, [base, title, , , articles]] of directory.regulations.entries()) {
      this.byBase.set(base, { title, articles, index });
      const bases = byTitle.get(title);
      if (bases) bases.push(base);
      else byTitle.set(title, [base]);
    }
    // The current version (no date segment) first, then the newest.
    const order = (a: string, b: string) => Number(VERSION.test(a)) - Number(VERSION.test(b)) || b.localeCompare(a);
    this.regulations = [...byTitle].map(([title, bases]) => titleKeys({ title, bases: bases.sort(order) }));
  }

  /** What the query names, if anything. */
  async resolve(input: string, pageAt: PageFinder): Promise<Scoped> {
    const none: Scoped = { results: [], citation: false, titled: false };
    const bareNumber = articleNumber(input);
    const c: Citation | undefined = parseCitation(input) ?? (bareNumber ? { article: bareNumber } : undefined);
    if (c?.article) {
      const named = c.title ? resolveTitle(c.title, this.regulations, true) : this.regulations;
      if (c.title && !named.length) return none;
      const path = encodeURI(articlePath(c)!);
      const anchor = clauseAnchor(c);
      const bases = named.flatMap((r) => r.bases);
      const found: (string | undefined)[] = [];
      // In directory order, a batch at a time, until enough are found.
      for (let i = 0; i < bases.length && found.filter(Boolean).length < MAX_ARTICLES; i += MAX_ARTICLES) {
        found.push(...(await Promise.all(bases.slice(i, i + MAX_ARTICLES).map((b) => pageAt(b, path)))));
      }
      const results = found.filter((id): id is string => id !== undefined).slice(0, MAX_ARTICLES).map((id) => bare(id, anchor));
      return { results, citation: true, titled: !!c.title };
    }
    const named = resolveTitle(input, this.regulations).slice(0, MAX_TITLES);
    if (!named.length) return none;
    return { results: named.map((r) => bare(REGULATION_PREFIX + r.bases[0]!)), citation: false, titled: true };
  }
}
