/**
 * What a query looks up in the index (index-format.ts): for each chunk's
 * variants, its pairs of adjacent characters (all of them, or only those
 * tiling it: AB CD EF for ABCDEF, which a clause holding it whole must all
 * have) and, for a chunk of one character, that character — each in every
 * spelling the text may have (full-width, upper case).
 */
import type { Lookup, Variant } from './candidates.ts';
import type { Chunk } from './query.ts';

/** Characters the query's (folded) character may be written as in the text. */
export function spellings(ch: string): string[] {
  const wide = (c: string) => String.fromCharCode(c.charCodeAt(0) + 0xfee0);
  if (/[a-z]/.test(ch)) {
    const up = ch.toUpperCase();
    return [ch, up, wide(ch), wide(up)];
  }
  if (/[0-9]/.test(ch)) return [ch, wide(ch)];
  return [ch];
}

/** Starts of the pairs tiling n characters: 0, 2, 4 … and, for an odd n, n − 2. */
export function tilingStarts(n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i + 1 < n; i += 2) out.push(i);
  if (n >= 3 && n % 2) out.push(n - 2);
  return out;
}

export interface QueryLookups {
  /** Per chunk, its variants' lookups (candidates.ts). */
  terms: Variant[][];
  /** Each distinct pair: its characters and keys. */
  pairs: [a: string, b: string, keys: string[]][];
  /** Each character standing alone as a chunk: its keys. */
  singles: [ch: string, keys: string[]][];
}

export function lookupsOf(chunks: readonly Chunk[], tiling: boolean): QueryLookups {
  const pairs = new Map<string, [string, string, string[]]>();
  const singles = new Map<string, string[]>();
  // Scoring words (not tiling terms), a character standing alone is evidence of nothing (rank.ts) unless
  // the query is nothing else: its list — the longest of all — is not loaded then.
  const withSingles = tiling || chunks.every((c) => c.variants.every((v) => [...v.text].length <= 1));
  const terms = chunks.map((chunk) =>
    chunk.variants.map((v): Variant => {
      const chars = [...v.text];
      const lookups: Lookup[] = [];
      if (chars.length === 1 && withSingles) {
        const keys = spellings(chars[0]!);
        singles.set(chars[0]!, keys);
        lookups.push({ keys, covers: [0] });
      }
      const starts = tiling ? tilingStarts(chars.length) : chars.slice(0, -1).map((_, i) => i);
      for (const i of starts) {
        const [a, b] = [chars[i]!, chars[i + 1]!];
        let pair = pairs.get(a + b);
        if (!pair) pairs.set(a + b, (pair = [a, b, spellings(a).flatMap((x) => spellings(b).map((y) => x + y))]));
        lookups.push({ keys: pair[2], covers: [i, i + 1] });
      }
      return { lookups, length: chars.length };
    }),
  );
  return { terms, pairs: [...pairs.values()], singles: [...singles] };
}
