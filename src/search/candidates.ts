/**
 * Which postings a query loads (index-client.ts), so that the work of a
 * query does not grow with the clauses sharing a common character or pair:
 *
 *  - **All terms** (a term search): a clause holding a term whole holds
 *    every pair tiling it. A term's rarest pair is loaded first; then, round
 *    by round, the rarest pair left (it narrows the candidates most) with
 *    every other pair that needs at most CHEAP_BLOCKS more blocks for them,
 *    each only in the blocks holding the candidates left. Terms rarest
 *    first, each only where the earlier ones left candidates. The
 *    candidates are exact: a clause outside them cannot hold the terms.
 *  - **Any words** (a question, or no clause holds the terms): a clause
 *    counts only when it covers enough of the query in pairs (rank.ts), so
 *    it holds one of the query's rare pairs unless the common ones alone
 *    could cover that much. Rare pairs are loaded whole and give the
 *    candidates; common ones (in more than COMMON of the clauses) and single
 *    characters only for them. When the common pairs alone could cover
 *    enough, or no pair is rare, the rarest pairs give the candidates all
 *    the same, as many as hold at most `budget` clauses in all (at least
 *    one): a question over common words is answered from the clauses with
 *    its rarest pairs, not by scoring every clause with a common one.
 */

/** One pair (or character) of the query, as the keys it may be written as: a clause has it if it has any. */
export interface Lookup {
  keys: string[];
  /** The query characters it covers (offsets in its chunk's variant). */
  covers: number[];
}

/** One way a chunk may be written, as its lookups. */
export interface Variant {
  lookups: Lookup[];
  /** Characters of the variant. */
  length: number;
}

export interface PostingSource {
  frequencies(keys: readonly string[]): Promise<Map<string, number>>;
  /** Load keys' postings, all or at least those of `within`; true if any list loaded only in part. */
  load(keys: readonly string[], within?: ReadonlySet<number>): Promise<boolean>;
  /** Pages in the loaded postings of a key. */
  pages(key: string): Iterable<number>;
  /** Whether a key's loaded postings hold this page. */
  has(key: string, page: number): boolean;
  /** Blocks still to fetch for the keys to hold `within` (their shards loaded: after `frequencies`). */
  missing(keys: readonly string[], within: ReadonlySet<number>): number;
}

/** A pair in more than this share of the clauses is common. */
export const COMMON = 0.02;
/** A pair needing at most this many more blocks loads in the same round as the rarest one left (allTerms). */
export const CHEAP_BLOCKS = 2;
/** The clauses the rarest pairs of a question over common words may give as candidates, at least (anyWords: COMMON of the clauses, if more). */
export const MIN_BUDGET = 1000;
/** A question scores at most this many candidates, those with the most rare-pair evidence (best). */
export const SCORED = 50;

export interface Candidates {
  /** The pages a result can be among; undefined: any (every list loaded whole). */
  within?: Set<number>;
}

/** Pages of `within` (or of any loaded posting) held by one of the keys. */
function union(src: PostingSource, keys: readonly string[], within?: ReadonlySet<number>): Set<number> {
  const out = new Set<number>();
  if (within) {
    for (const p of within) if (keys.some((k) => src.has(k, p))) out.add(p);
  } else {
    for (const k of keys) for (const p of src.pages(k)) out.add(p);
  }
  return out;
}

const keysOf = (lookups: readonly Lookup[]) => [...new Set(lookups.flatMap((l) => l.keys))];

/** Terms: every one must be held whole (by one of its variants). */
export async function allTerms(terms: readonly (readonly Variant[])[], src: PostingSource): Promise<Candidates> {
  const keys = keysOf(terms.flatMap((vs) => vs.flatMap((v) => v.lookups)));
  if (!keys.length) return {};
  const df = await src.frequencies(keys);
  const freq = (l: Lookup) => l.keys.reduce((n, k) => n + (df.get(k) ?? 0), 0);
  const rarest = (vs: readonly Variant[]) => Math.min(...vs.map((v) => Math.min(...v.lookups.map(freq))));
  let within: Set<number> | undefined;
  for (const variants of [...terms].sort((a, b) => rarest(a) - rarest(b))) {
    const term = new Set<number>();
    for (const v of variants) {
      const [first, ...rest] = [...v.lookups].sort((a, b) => freq(a) - freq(b));
      if (!first) continue;
      await src.load(first.keys, within);
      let set = union(src, first.keys, within);
      while (set.size && rest.length) {
        // The rarest left, and whatever is cheap to load alongside it.
        const round = rest.filter((l, i) => i === 0 || src.missing(l.keys, set) <= CHEAP_BLOCKS);
        await src.load(keysOf(round), set);
        for (const l of round) {
          set = union(src, l.keys, set);
          rest.splice(rest.indexOf(l), 1);
        }
      }
      for (const p of set) term.add(p);
    }
    within = term;
    if (!within.size) break;
  }
  return { within };
}

/**
 * The SCORED candidates with the most of the rare pairs' evidence (the sum of
 * their idf, each pair once): only these are scored, and only for them do the
 * common pairs load.
 */
function best(src: PostingSource, source: readonly Lookup[], freq: (l: Lookup) => number, pageCount: number, within: Set<number>): Set<number> {
  if (within.size <= SCORED) return within;
  const weight = source.map((l) => Math.log(1 + pageCount / (freq(l) + 1)));
  const scored = [...within].map((page) => {
    let w = 0;
    source.forEach((l, i) => {
      if (l.keys.some((k) => src.has(k, page))) w += weight[i]!;
    });
    return { page, w };
  });
  scored.sort((a, b) => b.w - a.w || a.page - b.page);
  return new Set(scored.slice(0, SCORED).map((s) => s.page));
}

/**
 * Words: enough of the query's characters (`needed`, a share of them) in
 * pairs. `chunks`: per chunk of the query, its variants; a chunk of one
 * character weighs `singleWeight` of another's (match.ts).
 */
export async function anyWords(
  chunks: readonly (readonly Variant[])[],
  needed: number,
  pageCount: number,
  src: PostingSource,
  singleWeight: number,
): Promise<Candidates> {
  const lookups = chunks.flatMap((vs) => vs.flatMap((v) => v.lookups));
  const keys = keysOf(lookups);
  if (!keys.length) return {};
  const df = await src.frequencies(keys);
  const freq = (l: Lookup) => l.keys.reduce((n, k) => n + (df.get(k) ?? 0), 0);
  const pair = (l: Lookup) => l.covers.length > 1;
  // A character alone is evidence of nothing (rank.ts): it never makes a candidate, so it counts as common.
  const common = (l: Lookup) => !pair(l) || freq(l) > pageCount * COMMON;
  // The share of the query the common pairs alone could cover (the best variant of each chunk): if it reaches `needed`, a clause may lack every rare pair.
  let total = 0;
  let byCommon = 0;
  for (const variants of chunks) {
    const length = variants[0]?.length ?? 0;
    const weight = length === 1 ? singleWeight : 1;
    total += length * weight;
    const share = (v: Variant) => (v.length ? new Set(v.lookups.filter((l) => pair(l) && common(l)).flatMap((l) => l.covers)).size / v.length : 0);
    byCommon += Math.max(0, ...variants.map(share)) * length * weight;
  }
  let source = lookups.filter((l) => !common(l));
  if (total > 0 && byCommon / total >= needed - 1e-9) source = [];
  if (!source.length) {
    // The rarest pairs, up to the budget.
    const budget = Math.max(MIN_BUDGET, pageCount * COMMON);
    let sum = 0;
    for (const l of lookups.filter(pair).sort((a, b) => freq(a) - freq(b))) {
      if (source.length && sum + freq(l) > budget) break;
      source.push(l);
      sum += freq(l);
    }
    // Only characters alone (a query of single characters): every list, whole.
    if (!source.length || sum >= pageCount) {
      await src.load(keys);
      return {};
    }
  }
  const sourceKeys = keysOf(source);
  await src.load(sourceKeys);
  const within = best(src, source, freq, pageCount, union(src, sourceKeys));
  const rest = keys.filter((k) => !sourceKeys.includes(k));
  if (rest.length && within.size) await src.load(rest, within);
  return { within };
}
