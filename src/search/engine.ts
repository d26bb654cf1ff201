/**
 * The search page's engine: the index's postings (index-client.ts), ranked
 * by rank.ts, shown with excerpts cut from each page's text. Loaded by the
 * search page only when a search is about to happen (src/scripts/search-page.ts).
 */
import type { FacetSource } from '../scripts/search-filters.ts';
import type { ClauseAbout } from './about.ts';
import { definitionKey, kindsOf, POSITIONAL, positionOffsets, type Posting } from './index-format.ts';
import { IndexClient, type EarlyFetches } from './index-client.ts';
import { allTerms, anyWords } from './candidates.ts';
import { lookupsOf } from './lookups.ts';
import { SINGLE_CHAR_WEIGHT, type CharPostings, type PageMatch } from './match.ts';
import { PathIndex, type PathResult } from './paths.ts';
import { fold, parseQuery, type Chunk, type ParsedQuery } from './query.ts';
import { simplified, typoSites } from './suggest.ts';
import { REGULATION_PREFIX, RegulationDirectory, type Scoped } from './scope.ts';
import { coverageNeeded, rankQuery, remembering, type Ranking } from './rank.ts';
import { warmUp } from './segment.ts';
import { excerpt, type ExcerptPart } from './excerpt.ts';
import { ResultView, type ResultLink } from './result-view.ts';

export { excerpt, type ExcerptPart, type ResultLink };

export interface Outcome {
  query: ParsedQuery;
  /** Clauses. */
  ranking: Ranking;
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


/** Results whose rows (URL, citation) load with the ranking: the first screens' worth. */
const ROWS_AHEAD = 10;

export class SearchEngine {
  private readonly core: IndexClient;
  private readonly stats: { n: number; avgLength: number; length: (page: string) => number };
  private pathIndex?: Promise<PathIndex>;
  private readonly view: ResultView;
  readonly directory: RegulationDirectory;
  /** Filter values of every page, from the directory and the rows (search-filters.ts). */
  readonly facets: FacetSource;

  private constructor(core: IndexClient) {
    this.core = core;
    const dir = core.directory;
    this.stats = { n: dir.pages, avgLength: dir.avgLength, length: (page) => core.page(Number(page))?.length ?? 0 };
    this.directory = new RegulationDirectory(dir);
    this.view = new ResultView(core, this.directory);
    const titles = [...new Set(dir.regulations.map((r) => r[1]))];
    this.facets = {
      order: (key) => {
        if (key === 'regulation') return titles;
        if (key === 'chapter') return [...new Set([...this.loadedChapters()])];
        return dir.filters[key]?.values ?? [];
      },
      values: (key, page) => {
        if (page.startsWith(REGULATION_PREFIX)) return [];
        const r = core.regulationOf(Number(page));
        if (key === 'regulation') return [dir.regulations[r]![1]];
        if (key === 'chapter') {
          const rows = core.loadedRows(r);
          const c = rows?.pages[Number(page) - dir.regulations[r]![2]]?.[2];
          return rows && c ? [rows.chapters[c - 1]!] : [];
        }
        const f = dir.filters[key];
        return f ? (f.of[r] ?? []).map((i) => f.values[i]!) : [];
      },
    };
  }

  private *loadedChapters(): Generator<string> {
    for (let r = 0; r < this.core.directory.regulations.length; r++) yield* this.core.loadedRows(r)?.chapters ?? [];
  }

  /** `hint`: the index hash the build wrote into the search page, if any; `early`: its directory, already requested (index-client.ts). */
  static async open(base?: string, hint?: string, early?: EarlyFetches): Promise<SearchEngine> {
    const loading = IndexClient.open(base, hint, early);
    // While the index downloads: the word segmenter's dictionary.
    warmUp();
    return new SearchEngine(await loading);
  }

  /** The page at this URL tail of a regulation version, from the directory when its articles are regular, else from its rows. */
  private readonly pageAt = async (base: string, suffix: string): Promise<string | undefined> => {
    const r = this.directory.byBase.get(base)?.index;
    if (r === undefined) return undefined;
    const entry = this.core.directory.regulations[r]!;
    const [, , first, , articles, one] = entry;
    const n = /^articles\/(\d+)\/$/.exec(suffix)?.[1];
    if (one >= 0 && n) return Number(n) <= articles ? String(first + one + Number(n) - 1) : undefined;
    const at = (await this.core.rows(r)).pages.findIndex(([s]) => s === suffix);
    return at < 0 ? undefined : String(first + at);
  };

  async search(input: string): Promise<Outcome> {
    const query = parseQuery(input);
    const scoped = await this.directory.resolve(input, this.pageAt);
    // A citation of a named regulation: that clause is the answer, no text search needed.
    if (scoped.citation && scoped.titled && scoped.results.length) return this.withRows({ query, ranking: { mode: 'exact', results: scoped.results, related: [] } });
    // A term search first needs only the clauses containing its terms whole:
    // pairs tiling each term (AB CD EF for ABCDEF) find exactly those. Only
    // if none contains them, or for a question, every pair of the query's pieces.
    if (!query.questionWords.length) {
      const ranking = await this.ranked(query, query.terms, 'terms');
      if (ranking.mode === 'exact') return this.withRows({ query, ranking: withScope(scoped, ranking) });
      // A title no clause holds whole: the regulation it names is the answer, not clauses with some of its words.
      if (scoped.titled && scoped.results.length) return this.withRows({ query, ranking: { mode: 'exact', results: scoped.results, related: [] } });
    }
    const ranking = await this.ranked(query, [...query.terms, ...query.content], 'words');
    return this.withRows({ query, ranking: withScope(scoped, ranking) });
  }

  /**
   * Rank with what the clauses are about (about.ts): the terms each defines
   * (the index's definition keys) and its chapter (its rows). Rows load for
   * the first results only, so the ranking runs again once they are in: a
   * chapter lifts a clause among the first results, never from far below.
   */
  private async ranked(query: ParsedQuery, chunks: readonly Chunk[], mode: 'terms' | 'words'): Promise<Ranking> {
    // The definition keys load alongside the postings (their own shards).
    const [postings, about] = await Promise.all([this.postings(chunks, mode, query), this.about(chunks)]);
    const match = remembering();
    const rank = () => rankQuery(query, postings, this.stats, this.kinds, about, match);
    const first = rank();
    const regs = new Set(first.results.slice(0, ROWS_AHEAD).map((m) => this.core.regulationOf(Number(m.page))));
    const missing = [...regs].filter((r) => !this.core.loadedRows(r));
    if (!missing.length) return first;
    await Promise.all(missing.map((r) => this.core.rows(r)));
    return rank();
  }

  private async about(chunks: readonly Chunk[]): Promise<ClauseAbout> {
    const terms = [...new Set(chunks.flatMap((c) => c.variants.map((v) => v.text)).filter((t) => [...t].length >= 2))];
    const keys = terms.map(definitionKey);
    await this.core.load(keys);
    const defining = new Map<number, string[]>();
    terms.forEach((t, i) => {
      for (const page of this.core.postings(keys[i]!).keys()) defining.set(page, [...(defining.get(page) ?? []), t]);
    });
    return {
      defines: (page) => defining.get(Number(page)),
      heading: (page) => this.facets.values('chapter', page)[0],
    };
  }

  /** Load the rows the first results (and the chapter filter of one regulation) need. */
  private async withRows(o: Outcome): Promise<Outcome> {
    const { results } = o.ranking;
    const regs = new Set<number>();
    for (const m of [...results.slice(0, ROWS_AHEAD), ...o.ranking.related]) if (!m.page.startsWith(REGULATION_PREFIX)) regs.add(this.core.regulationOf(Number(m.page)));
    const titles = new Set(results.filter((m) => !m.page.startsWith(REGULATION_PREFIX)).map((m) => this.core.directory.regulations[this.core.regulationOf(Number(m.page))]![1]));
    if (titles.size === 1) for (const m of results) if (!m.page.startsWith(REGULATION_PREFIX)) regs.add(this.core.regulationOf(Number(m.page)));
    await Promise.all([...regs].map((r) => this.core.rows(r)));
    return o;
  }

  /** Load the rows of every version of the regulation with this title among the results (for its chapter filter). */
  async rowsOf(results: readonly PageMatch[], title: string): Promise<void> {
    const regs = new Set<number>();
    for (const m of results) {
      if (m.page.startsWith(REGULATION_PREFIX)) continue;
      const r = this.core.regulationOf(Number(m.page));
      if (this.core.directory.regulations[r]![1] === title) regs.add(r);
    }
    await Promise.all([...regs].map((r) => this.core.rows(r)));
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
    for (const site of typoSites(chars, await this.postings(q.terms, 'words', q))) {
      const text = await this.core.fragment(Number(site.page));
      const offsets = positionOffsets(text);
      const got = chars.map((_, k) => {
        const o = offsets[site.start + k];
        return o === undefined ? '' : fold(String.fromCodePoint(text.codePointAt(o)!));
      });
      const fits = got.every((c, k) => (k === site.typo ? c !== chars[k] && POSITIONAL.test(c) : c === chars[k]));
      if (fits) return chars.map((c, k) => (k === site.typo ? got[k] : c)).join('');
    }
    return undefined;
  }

  private readonly kinds = (page: string) => kindsOf(this.core.page(Number(page))?.kinds ?? 0);

  /**
   * Character postings for the matcher (match.ts), from the pairs of the
   * chunks' variants (each pair of adjacent characters, in every spelling;
   * for `terms`, only pairs tiling each variant) and, for a character
   * standing alone as a chunk, the character's own list. A character's
   * positions are those next to a neighbour it has in the query: exact for
   * finding every piece of two or more characters that the pairs cover.
   * Which lists load, and for which pages, is candidates.ts's choice.
   */
  private async postings(chunks: readonly Chunk[], mode: 'terms' | 'words', query: ParsedQuery): Promise<CharPostings> {
    const plan = lookupsOf(chunks, mode === 'terms');
    const core = this.core;
    const source = {
      frequencies: (keys: readonly string[]) => core.frequencies(keys),
      load: (keys: readonly string[], within?: ReadonlySet<number>) => core.load(keys, within),
      pages: (key: string) => core.postings(key).keys(),
      has: (key: string, page: number) => core.postings(key).has(page),
      missing: (keys: readonly string[], within: ReadonlySet<number>) => core.missing(keys, within),
    };
    const { within } =
      mode === 'terms'
        ? await allTerms(plan.terms, source)
        : await anyWords(plan.terms, coverageNeeded(query), core.directory.pages, source, SINGLE_CHAR_WEIGHT);
    const byChar = new Map<string, Map<string, Set<number>>>();
    const add = (ch: string, key: string, shift: number) => {
      let m = byChar.get(ch);
      if (!m) byChar.set(ch, (m = new Map()));
      const postings = core.postings(key);
      const at = (page: number, p: Posting) => {
        const id = String(page);
        let set = m.get(id);
        if (!set) m.set(id, (set = new Set()));
        for (const l of p.positions) set.add(l + shift);
      };
      // The smaller side: a common key's loaded list may hold far more pages than the candidates.
      if (within && within.size < postings.size) {
        for (const page of within) {
          const p = postings.get(page);
          if (p) at(page, p);
        }
      } else {
        for (const [page, p] of postings) if (!within || within.has(page)) at(page, p);
      }
    };
    for (const [a, b, keys] of plan.pairs) {
      for (const key of keys) {
        add(a, key, 0);
        add(b, key, 1);
      }
    }
    for (const [ch, keys] of plan.singles) for (const key of keys) add(ch, key, 0);
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

  /** Links and citations of results (their regulations' rows, fetched once each). */
  links(matches: readonly PageMatch[]): Promise<ResultLink[]> {
    return this.view.links(matches);
  }

  /** The excerpt of a result, from its text (one small request). */
  excerpt(match: PageMatch): Promise<ExcerptPart[]> {
    return this.view.excerpt(match);
  }
}
