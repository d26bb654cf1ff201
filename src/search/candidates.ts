/**
 * Which postings a query loads (index-client.ts), so that the work of a
 * query does not grow with the clauses sharing a common character or pair:
 *
 *  - **All terms** (a term search): a clause holding a term whole holds
 *    every pair tiling it. A term's rarest pair is loaded first, then its
 *    other pairs at once, only where the rarest left candidates (the blocks
 *    holding them); terms rarest first, each only where the earlier ones
 *    left candidates. The candidates are exact: a clause outside them
 *    cannot hold the terms.
 *  - **Any words** (a question, or no clause holds the terms): a clause
 *    counts only when it covers enough of the query in pairs (rank.ts), so
 *    it holds one of the query's rare pairs unless the common ones alone
 *    could cover that much. Rare pairs are loaded whole and give the
 *    candidates; common ones (in more than COMMON of the clauses) and single
 *    characters only for them.
 *    With no rare pair, every list loads whole.
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
}

/** A pair in more than this share of the clauses is common. */
export const COMMON = 0.02;

export interface Candidates {
  /** The pages a result can be among; undefined: any (every list loaded whole). */
  within?: Set<number>;
}

const union = (src: PostingSource, keys: readonly string[], within?: ReadonlySet<number>) => {
  const out = new Set<number>();
  for (const k of keys) for (const p of src.pages(k)) if (!within || within.has(p)) out.add(p);
  return out;
};

/** Terms: every one must be held whole (by one of its variants). */
export async function allTerms(terms: readonly (readonly Variant[])[], src: PostingSource): Promise<Candidates> {
  const keys = [...new Set(terms.flatMap((vs) => vs.flatMap((v) => v.lookups.flatMap((l) => l.keys))))];
  if (!keys.length) return {};
  const df = await src.frequencies(keys);
  const freq = (l: Lookup) => l.keys.reduce((n, k) => n + (df.get(k) ?? 0), 0);
  const rarest = (vs: readonly Variant[]) => Math.min(...vs.map((v) => Math.min(...v.lookups.map(freq))));
  let within: Set<number> | undefined;
  for (const variants of [...terms].sort((a, b) => rarest(a) - rarest(b))) {
    const term = new Set<number>();
    for (const v of variants) {
      // The rarest pair first; the others, at once, only where it left candidates.
      const [rarest, ...rest] = [...v.lookups].sort((a, b) => freq(a) - freq(b));
      if (!rarest) continue;
      await src.load(rarest.keys, within);
      let set = union(src, rarest.keys, within);
      if (set.size && rest.length) {
        await src.load([...new Set(rest.flatMap((l) => l.keys))], set);
        for (const l of rest) set = union(src, l.keys, set);
      }
      for (const p of set) term.add(p);
    }
    within = term;
    if (!within.size) break;
  }
  return { within };
}

/** Words: enough of the query's characters (`needed`, a share of them) in pairs. */
export async function anyWords(variants: readonly Variant[], needed: number, pageCount: number, src: PostingSource): Promise<Candidates> {
  const lookups = variants.flatMap((v) => v.lookups);
  const keys = [...new Set(lookups.flatMap((l) => l.keys))];
  if (!keys.length) return {};
  const df = await src.frequencies(keys);
  const freq = (l: Lookup) => l.keys.reduce((n, k) => n + (df.get(k) ?? 0), 0);
  // A character alone is evidence of nothing (rank.ts): it never makes a candidate, so it counts as common.
  const common = (l: Lookup) => l.covers.length < 2 || freq(l) > pageCount * COMMON;
  // The share of each variant the common pairs alone could cover: if any reaches `needed`, they must load whole.
  const commonCovers = variants.some((v) => {
    const covered = new Set(v.lookups.filter((l) => common(l) && l.covers.length > 1).flatMap((l) => l.covers));
    return v.length > 0 && covered.size / v.length >= needed;
  });
  const rare = lookups.filter((l) => !common(l));
  if (commonCovers || !rare.length) {
    await src.load(keys);
    return {};
  }
  const rareKeys = [...new Set(rare.flatMap((l) => l.keys))];
  await src.load(rareKeys);
  const within = union(src, rareKeys);
  const rest = keys.filter((k) => !rareKeys.includes(k));
  if (rest.length && within.size) await src.load(rest, within);
  return { within };
}
