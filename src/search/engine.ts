/**
 * The search page's engine: Pagefind's postings (pagefind-core.ts) in the
 * index's character alphabet (codec.ts), ranked by rank.ts, shown with
 * excerpts decoded from Pagefind's fragments. Loaded by the search page only
 * when a search is about to happen (src/scripts/search-page.ts).
 */
import { bigramCode, charCode, decodeTokens, POSITIONAL } from './codec.ts';
import type { CharPostings, PageMatch, Span } from './match.ts';
import type { EarlyFetches } from './files.ts';
import { PagefindCore } from './pagefind-core.ts';
import { PathIndex, type PathResult } from './paths.ts';
import { fold, parseQuery, type Chunk, type ParsedQuery } from './query.ts';
import { simplified, typoSites } from './suggest.ts';
import { REGULATION_PREFIX, RegulationDirectory, type Scoped } from './scope.ts';
import { rankQuery, type Ranking } from './rank.ts';
import { warmUp } from './segment.ts';
import { excerpt, type ExcerptPart } from './excerpt.ts';

export { excerpt, type ExcerptPart };

export interface Outcome {
  query: ParsedQuery;
  /** Clauses. */
  ranking: Ranking;
}

export interface ResultLink {
  page: string;
  /** Link to the clause, with the matched text to highlight there (?hl=…). */
  href: string;
  citation: string;
}

export interface Facet {
  key: string;
  values: { value: string; pages: ReadonlySet<string> }[];
}

/** Characters the query's (folded) character may be written as in the text. */
function spellings(ch: string): string[] {
  const wide = (c: string) => String.fromCharCode(c.charCodeAt(0) + 0xfee0);
  if (/[a-z]/.test(ch)) {
    const up = ch.toUpperCase();
    return [ch, up, wide(ch), wide(up)];
  }
  if (/[0-9]/.test(ch)) return [ch, wide(ch)];
  return [ch];
}

/**
 * What the query names (scope.ts) first: a cited article (of every
 * regulation: 第四十三条), or the regulations a title names; then the text
 * matches (for 第N条, only clauses containing it whole).
 */
function withScope(scoped: Scoped, ranking: Ranking): Ranking {
  if (!scoped.results.length) return ranking;
  const ids = new Set(scoped.results.map((m) => m.page));
  const rest = ranking.mode === 'exact' || scoped.titled ? ranking.results.filter((m) => !ids.has(m.page)) : [];
  return { mode: 'exact', results: [...scoped.results, ...rest], related: [] };
}

/** Starts of the pairs tiling n characters: 0, 2, 4 … and, for an odd n, n − 2. */
function tilingStarts(n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i + 1 < n; i += 2) out.push(i);
  if (n >= 3 && n % 2) out.push(n - 2);
  return out;
}

const MAX_HIGHLIGHTS = 8;

export class SearchEngine {
  private readonly core: PagefindCore;
  private readonly termHits = new Map<string, Map<string, number[]>>();
  private warm = false;
  private readonly stats: { n: number; avgLength: number; length: (page: string) => number };
  private pathIndex?: Promise<PathIndex>;
  private directory?: RegulationDirectory;
  readonly facets: Facet[];

  private constructor(core: PagefindCore) {
    this.core = core;
    const pages = Object.entries(core.pages);
    const total = pages.reduce((n, [, p]) => n + p[2], 0);
    this.stats = { n: pages.length, avgLength: total / (pages.length || 1), length: (page) => core.pages[page]?.[2] ?? 0 };
    // Facets from the page table and directory: each filter value with the pages tagged with it.
    const byKey = new Map<string, Map<string, Set<string>>>();
    for (const [page, [, , , filters]] of pages) {
      for (const [key, values] of Object.entries(filters)) {
        let byValue = byKey.get(key);
        if (!byValue) byKey.set(key, (byValue = new Map()));
        for (const v of values) {
          let set = byValue.get(v);
          if (!set) byValue.set(v, (set = new Set()));
          set.add(page);
        }
      }
    }
    const collator = new Intl.Collator('zh-Hans-CN', { numeric: true });
    // Chapters in text order (第二章 before 第十章), by the first article they contain.
    const position = new Map(pages.map(([id], i) => [id, i]));
    // A loop, not Math.min(...pages): a spread of 150k values overflows the stack.
    const order = (pagesOf: Set<string>) => {
      let first = Infinity;
      for (const p of pagesOf) first = Math.min(first, position.get(p) ?? Infinity);
      return first;
    };
    this.facets = [...byKey].map(([key, values]) => ({
      key,
      values: [...values]
        .sort(([a, pa], [b, pb]) => order(pa) - order(pb) || collator.compare(a, b))
        .map(([value, set]) => ({ value, pages: set })),
    }));
  }

  /** `hint`: the index hash the build wrote into the search page, if any; `early`: its files, already requested (files.ts). */
  static async open(base?: string, hint?: string, early?: EarlyFetches): Promise<SearchEngine> {
    const loading = PagefindCore.load(base, undefined, hint, early);
    // While the index downloads: the word segmenter's dictionary.
    warmUp();
    return new SearchEngine(await loading);
  }

  private hits(code: string): Map<string, number[]> {
    let m = this.termHits.get(code);
    if (!m) {
      m = new Map(this.core.searchTerm(code).map((h) => [h.page, h.locations]));
      this.termHits.set(code, m);
    }
    return m;
  }

  async search(input: string): Promise<Outcome> {
    const query = parseQuery(input);
    this.directory ??= new RegulationDirectory(this.core.pages);
    const scoped = this.directory.resolve(input);
    // A citation of a named regulation: that clause is the answer, no text search needed.
    if (scoped.citation && scoped.titled && scoped.results.length) return { query, ranking: { mode: 'exact', results: scoped.results, related: [] } };
    // A term search first needs only the clauses containing its terms whole:
    // bigrams tiling each term (AB CD EF for ABCDEF) find exactly those, with
    // half the lookups. Only if none contains them, or for a question, every
    // bigram of the query's pieces.
    if (!query.questionWords.length) {
      const ranking = rankQuery(query, await this.postings(query.terms, true), this.stats, this.kinds);
      if (ranking.mode === 'exact') return { query, ranking: withScope(scoped, ranking) };
    }
    const ranking = rankQuery(query, await this.postings([...query.terms, ...query.content], false), this.stats, this.kinds);
    return { query, ranking: withScope(scoped, ranking) };
  }

  /**
   * For a query that finds nothing: the query in simplified characters, if
   * that finds something, or the query with one character replaced by what
   * the library has there (suggest.ts). Undefined when neither helps.
   */
  async suggest(input: string): Promise<string | undefined> {
    const s = await simplified(input).catch(() => undefined);
    if (s && (await this.search(s)).ranking.results.length) return s;
    const q = parseQuery(input);
    const term = q.terms[0];
    if (q.questionWords.length || q.terms.length !== 1 || !term || [...term.text].length < 3) return undefined;
    const chars = [...term.text];
    for (const site of typoSites(chars, await this.postings(q.terms, false))) {
      const { text, offsets } = decodeTokens((await this.core.fragment(site.page)).content);
      const got = chars.map((_, k) => {
        const o = offsets[site.start + k];
        return o === undefined ? '' : fold(String.fromCodePoint(text.codePointAt(o)!));
      });
      const fits = got.every((c, k) => (k === site.typo ? c !== chars[k] && POSITIONAL.test(c) : c === chars[k]));
      if (fits) return chars.map((c, k) => (k === site.typo ? got[k] : c)).join('');
    }
    return undefined;
  }

  private readonly kinds = (page: string) => this.core.pages[page]?.[4] ?? '';

  /**
   * Character postings for the matcher (match.ts), from the bigrams of the
   * chunks' variants (each pair of adjacent characters, in every spelling;
   * `tiling`: only pairs tiling each variant) and, for a character standing
   * alone as a chunk, a prefix search (every bigram it starts). A character's
   * positions are those next to a neighbour it has in the query: exact for
   * finding every piece of two or more characters that the pairs cover.
   */
  private async postings(chunks: readonly Chunk[], tiling: boolean): Promise<CharPostings> {
    const pairs = new Map<string, [string, string, string[]]>();
    const singles = new Map<string, string[]>();
    for (const chunk of chunks) {
      for (const v of chunk.variants) {
        const chars = [...v.text];
        if (chars.length === 1) singles.set(chars[0]!, spellings(chars[0]!).map(charCode));
        const starts = tiling ? tilingStarts(chars.length) : chars.slice(0, -1).map((_, i) => i);
        for (const i of starts) {
          const [a, b] = [chars[i]!, chars[i + 1]!];
          if (!pairs.has(a + b)) pairs.set(a + b, [a, b, spellings(a).flatMap((x) => spellings(b).map((y) => bigramCode(x, y)))]);
        }
      }
    }
    const wanted = [...new Set([...[...pairs.values()].flatMap(([, , c]) => c), ...[...singles.values()].flat()])];
    const loading = this.core.loadTerms(wanted.filter((c) => !this.termHits.has(c)));
    if (!this.warm) {
      // The engine's first search costs tens of milliseconds (wasm code warming
      // up): spend them while the index chunks download.
      this.core.searchTerm('zzzzzz');
      this.warm = true;
    }
    await loading;
    const byChar = new Map<string, Map<string, Set<number>>>();
    const add = (ch: string, code: string, shift: number) => {
      let m = byChar.get(ch);
      if (!m) byChar.set(ch, (m = new Map()));
      for (const [page, locs] of this.hits(code)) {
        let set = m.get(page);
        if (!set) m.set(page, (set = new Set()));
        for (const l of locs) set.add(l + shift);
      }
    };
    for (const [a, b, codes] of pairs.values()) {
      for (const code of codes) {
        add(a, code, 0);
        add(b, code, 1);
      }
    }
    for (const [ch, codes] of singles) for (const code of codes) add(ch, code, 0);
    return (ch: string) => byChar.get(ch);
  }

  /**
   * Approval paths matching a query (paths.ts). Asked for after the clauses
   * are listed: the paths file (4 kB) is then fetched once, off the first
   * query's critical path.
   */
  async paths(query: ParsedQuery): Promise<PathResult[]> {
    this.pathIndex ??= this.core.approvalPaths().then((entries) => new PathIndex(entries));
    this.pathIndex.catch(() => (this.pathIndex = undefined));
    return (await this.pathIndex).search(query);
  }

  /** Link and citation of a result (from the page table: no request). */
  link(match: PageMatch): ResultLink {
    if (match.page.startsWith(REGULATION_PREFIX)) {
      const url = match.page.slice(REGULATION_PREFIX.length);
      return { page: match.page, href: url, citation: this.directory?.byBase.get(url)?.title ?? decodeURI(url) };
    }
    const [fullUrl = '/', citation = fullUrl] = this.core.pages[match.page] ?? [];
    const [url, hash] = fullUrl.split('#');
    const params = new URLSearchParams();
    const highlights = [...new Set(match.pieces)].sort((a, b) => b.length - a.length).slice(0, MAX_HIGHLIGHTS);
    for (const h of highlights) params.append('hl', h);
    return {
      page: match.page,
      href: `${url}${highlights.length ? `?${params}` : ''}${match.anchor || (hash ? `#${hash}` : '')}`,
      citation,
    };
  }

  /** The excerpt of a result, from its fragment (one small request). */
  async excerpt(match: PageMatch): Promise<ExcerptPart[]> {
    if (match.page.startsWith(REGULATION_PREFIX)) {
      const n = this.directory?.byBase.get(match.page.slice(REGULATION_PREFIX.length))?.articles ?? 0;
      return [{ text: `全文${n ? `，共 ${n} 条` : ''}`, mark: false }];
    }
    const fragment = await this.core.fragment(match.page);
    const { text, offsets } = decodeTokens(fragment.content);
    const ranges = match.spans
      .map((s: Span): [number, number] => {
        const a = offsets[s.start] ?? text.length;
        const last = offsets[s.start + s.length - 1] ?? a;
        return [a, Math.min(text.length, last + (text.codePointAt(last)! > 0xffff ? 2 : 1))];
      })
      .filter(([a, b]) => b > a);
    return excerpt(text, ranges);
  }

}
