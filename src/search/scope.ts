/**
 * Results a query names rather than matches (citation.ts): a regulation by
 * its title, an article (and its 款/项) by citation. Built from the pages
 * as the page table and directory give them (page-table.ts): which
 * regulation (filter `regulation`) each page belongs to and its URL. The engine lists these first, then the text matches.
 */
import { articleNumber } from './query.ts';
import { articlePath, clauseAnchor, parseCitation, resolveTitle, type Citation, type RegulationEntry } from './citation.ts';
import type { PageMatch } from './match.ts';
import type { PagesData } from './pagefind-core.ts';

/** Page ids of regulation results (no Pagefind page: the link is the regulation's own page). */
export const REGULATION_PREFIX = 'regulation:';
/** Regulations listed for a title query, at most. */
const MAX_TITLES = 3;

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

export class RegulationDirectory {
  readonly regulations: RegulationEntry[];
  /** base URL → title, article count. */
  readonly byBase = new Map<string, { title: string; articles: number }>();
  /** page URL (no #) → page id. */
  private readonly pageOf = new Map<string, string>();

  constructor(pages: PagesData) {
    const byTitle = new Map<string, Set<string>>();
    for (const [id, [url, , , filters]] of Object.entries(pages)) {
      const path = url.replace(/#.*$/, '');
      this.pageOf.set(path, id);
      const title = filters['regulation']?.[0];
      if (!title) continue;
      const base = path.replace(/articles\/[^/]+\/$/, '');
      let bases = byTitle.get(title);
      if (!bases) byTitle.set(title, (bases = new Set()));
      bases.add(base);
      const entry = this.byBase.get(base) ?? { title, articles: 0 };
      if (path !== base) entry.articles++;
      this.byBase.set(base, entry);
    }
    // The current version (no date segment) first, then the newest.
    const order = (a: string, b: string) => Number(VERSION.test(a)) - Number(VERSION.test(b)) || b.localeCompare(a);
    this.regulations = [...byTitle].map(([title, bases]) => ({ title, bases: [...bases].sort(order) }));
  }

  /** What the query names, if anything. */
  resolve(input: string): Scoped {
    const none: Scoped = { results: [], citation: false, titled: false };
    const bareNumber = articleNumber(input);
    const c: Citation | undefined = parseCitation(input) ?? (bareNumber ? { article: bareNumber } : undefined);
    if (c?.article) {
      const named = c.title ? resolveTitle(c.title, this.regulations, true) : this.regulations;
      if (c.title && !named.length) return none;
      const path = articlePath(c)!;
      const anchor = clauseAnchor(c);
      const results: PageMatch[] = [];
      for (const r of named) {
        for (const base of r.bases) {
          const id = this.pageOf.get(base + encodePath(path));
          if (id) results.push(bare(id, anchor));
        }
      }
      return { results, citation: true, titled: !!c.title };
    }
    const named = resolveTitle(input, this.regulations).slice(0, MAX_TITLES);
    if (!named.length) return none;
    return { results: named.map((r) => bare(REGULATION_PREFIX + r.bases[0]!)), citation: false, titled: true };
  }
}

/** Pages file URLs are percent-encoded as the site writes them; an article path is ASCII already. */
function encodePath(path: string): string {
  return encodeURI(path);
}
