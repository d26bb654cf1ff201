/**
 * Matching and ranking over a positional character index. Pure: it gets, for
 * each character, the pages and positions where it occurs (from the search index in
 * the browser, from plain strings in the unit tests) and scores pages for a
 * list of chunks (query.ts).
 *
 * For each way of writing a chunk and each page it finds, starting at every
 * character, the longest piece of the chunk the page contains verbatim
 * (characters at consecutive positions). From those pieces:
 *  - verbatim: the page contains every chunk whole;
 *  - coverage: the share of the query's characters that lie in a piece of two
 *    or more characters found in the page (single characters are evidence of
 *    nothing in Chinese);
 *  - score: BM25 (k1 1.2, b 0.75) of each maximal piece, weighted by its
 *    length, plus a smaller BM25 of the chunk's words (Intl.Segmenter): a
 *    sequential-dependence style mix of phrase and word evidence.
 */

import { POSITIONAL } from './index-format.ts';
import { words } from './segment.ts';

/** char → page → positions. */
export type CharPostings = (ch: string) => ReadonlyMap<string, ReadonlySet<number>> | undefined;

export interface CorpusStats {
  /** Number of searchable pages. */
  n: number;
  avgLength: number;
  length(page: string): number;
}

export interface ChunkLike {
  text: string;
  variants: readonly { text: string; map: readonly (readonly [number, number])[]; weight: number }[];
  /** A page matches only if it contains this chunk whole (in some spelling). */
  exact?: boolean;
}

/** A stretch of the page that matched: `length` characters from position `start`. */
export interface Span {
  start: number;
  length: number;
}

export interface PageMatch {
  page: string;
  score: number;
  /** 0–1: share of the query's characters found in the page in pieces of 2+ characters. */
  coverage: number;
  /** Every chunk occurs whole (in some spelling). */
  verbatim: boolean;
  /** Every chunk marked `exact` occurs whole. */
  essential: boolean;
  /** Length of the longest matched piece. */
  longest: number;
  /** What to highlight: every matched piece. */
  spans: Span[];
  /** Only the occurrences of whole chunks (what to highlight for a verbatim match). */
  wholeSpans: Span[];
  /** The matched pieces as written in the query's variants (folded), 2+ characters unless the chunk is 1. */
  pieces: string[];
  /** The chunks found whole, as written in the variant that matched. */
  wholePieces: string[];
  /** `#…` of the 款/项 a citation named (scope.ts), for the link. */
  anchor?: string;
}

/**
 * Ranking parameters. b is lower than BM25's usual 0.75: every document is
 * one clause, so length says little about focus, and a clause that uses the
 * term more often is usually the one about it.
 */
export const PARAMS = { k1: 1.2, b: 0.3, wordWeight: 1 };
/** A one-character chunk (left over from a question) counts this much. */
export const SINGLE_CHAR_WEIGHT = 0.3;

interface PageReach {
  /** reach[i]: end (exclusive) of the longest piece starting at i that the page contains. */
  reach: number[];
  /** counts[i][k]: occurrences of chars[i .. i+k] (k+1 characters). */
  counts: number[][];
  /** starts[i]: positions where chars[i .. reach[i]) occurs. */
  starts: number[][];
}

interface VariantAnalysis {
  chars: string[];
  pages: Map<string, PageReach>;
}

function analyse(text: string, postings: CharPostings): VariantAnalysis {
  const chars = [...text];
  const lists = chars.map((c) => postings(c));
  const pages = new Map<string, PageReach>();
  const candidates = new Set<string>();
  for (const l of lists) if (l) for (const p of l.keys()) candidates.add(p);
  for (const page of candidates) {
    const reach: number[] = [];
    const counts: number[][] = [];
    const starts: number[][] = [];
    for (let i = 0; i < chars.length; i++) {
      const first = lists[i]?.get(page);
      if (!first) {
        reach.push(i);
        counts.push([]);
        starts.push([]);
        continue;
      }
      let occ = [...first];
      const cnt = [occ.length];
      let j = i + 1;
      while (j < chars.length) {
        const at = lists[j]?.get(page);
        if (!at) break;
        const offset = j - i;
        const next = occ.filter((p) => at.has(p + offset));
        if (!next.length) break;
        occ = next;
        cnt.push(occ.length);
        j++;
      }
      reach.push(j);
      counts.push(cnt);
      starts.push(occ);
    }
    pages.set(page, { reach, counts, starts });
  }
  return { chars, pages };
}

function idf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

function bm25(tf: number, length: number, stats: CorpusStats): number {
  const { k1, b } = PARAMS;
  return (tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * length) / (stats.avgLength || 1)));
}

/** [start, end) of the variant's words of two or more characters. */
function wordRanges(chars: string[]): [number, number][] {
  const out: [number, number][] = [];
  let at = 0;
  for (const segment of words(chars.join(''))) {
    const len = [...segment].length;
    if (len >= 2) out.push([at, at + len]);
    at += len;
  }
  return out;
}

/** Score every page that contains at least one piece of the chunks. */
export function matchChunks(chunks: readonly ChunkLike[], postings: CharPostings, stats: CorpusStats): PageMatch[] {
  const totals = new Map<
    string,
    { score: number; covered: number; verbatimChunks: number; essentialMissing: number; spans: Span[]; wholeSpans: Span[]; pieces: Set<string>; wholePieces: Set<string> }
  >();
  const exactTotal = chunks.filter((c) => c.exact).length;
  let totalWeight = 0;

  for (const chunk of chunks) {
    const chunkLen = [...chunk.text].length;
    const charWeight = chunkLen === 1 ? SINGLE_CHAR_WEIGHT : 1;
    totalWeight += chunkLen * charWeight;
    const minPiece = chunkLen === 1 ? 1 : 2;

    // page → best score over variants, covered chunk characters, whole match
    const best = new Map<string, { score: number; covered: boolean[]; whole: boolean; spans: Span[]; wholeSpans: Span[]; pieces: Set<string>; wholePieces: Set<string> }>();

    for (const variant of chunk.variants) {
      const { chars, pages } = analyse(variant.text, postings);
      const n = chars.length;
      if (!n) continue;
      // Document frequency of chars[i..j): pages whose reach from i gets to j.
      const dfCache = new Map<number, number>();
      const df = (i: number, j: number) => {
        const key = i * 1000 + j;
        let v = dfCache.get(key);
        if (v === undefined) {
          v = 0;
          for (const r of pages.values()) if (r.reach[i]! >= j) v++;
          dfCache.set(key, v);
        }
        return v;
      };
      const words = n >= 2 ? wordRanges(chars) : [];

      for (const [page, r] of pages) {
        const length = stats.length(page);
        let phrase = 0;
        const covered = new Array<boolean>(chunkLen).fill(false);
        const spans: Span[] = [];
        const pieces = new Set<string>();
        for (let i = 0; i < n; i++) {
          const end = r.reach[i]!;
          const len = end - i;
          // Maximal pieces only: not inside the piece found from i - 1.
          if (len < minPiece || (i > 0 && r.reach[i - 1]! >= end)) continue;
          const tf = r.counts[i]![len - 1]!;
          phrase += len * idf(df(i, end), stats.n) * bm25(tf, length, stats);
          for (let k = i; k < end; k++) {
            const [a, b] = variant.map[k]!;
            for (let c = a; c < b; c++) covered[c] = true;
          }
          for (const start of r.starts[i]!) spans.push({ start, length: len });
          pieces.add(chars.slice(i, end).join(''));
        }
        if (!spans.length) continue;
        let wordScore = 0;
        for (const [a, b] of words) {
          const tf = r.reach[a]! >= b ? r.counts[a]![b - a - 1]! : 0;
          if (tf) wordScore += idf(df(a, b), stats.n) * bm25(tf, length, stats);
        }
        const score = variant.weight * (phrase + PARAMS.wordWeight * wordScore);
        const whole = r.reach[0] === n;
        const wholeSpans = whole ? r.starts[0]!.map((start) => ({ start, length: n })) : [];
        const wholePieces = new Set(whole ? [variant.text] : []);
        const prev = best.get(page);
        if (!prev) {
          best.set(page, { score, covered, whole, spans, wholeSpans, pieces, wholePieces });
        } else {
          for (const p of wholePieces) prev.wholePieces.add(p);
          prev.score = Math.max(prev.score, score);
          prev.covered = prev.covered.map((c, k) => c || covered[k]!);
          prev.whole ||= whole;
          prev.spans.push(...spans);
          prev.wholeSpans.push(...wholeSpans);
          for (const p of pieces) prev.pieces.add(p);
        }
      }
    }

    for (const [page, b] of best) {
      let t = totals.get(page);
      if (!t) {
        t = { score: 0, covered: 0, verbatimChunks: 0, essentialMissing: exactTotal, spans: [], wholeSpans: [], pieces: new Set(), wholePieces: new Set() };
        totals.set(page, t);
      }
      if (chunk.exact && b.whole) t.essentialMissing--;
      t.score += b.score * charWeight;
      t.covered += b.covered.filter(Boolean).length * charWeight;
      if (b.whole) t.verbatimChunks++;
      t.spans.push(...b.spans);
      t.wholeSpans.push(...b.wholeSpans);
      for (const p of b.pieces) t.pieces.add(p);
      for (const p of b.wholePieces) t.wholePieces.add(p);
    }
  }

  const out: PageMatch[] = [];
  for (const [page, t] of totals) {
    out.push({
      page,
      score: t.score,
      coverage: totalWeight ? t.covered / totalWeight : 0,
      verbatim: t.verbatimChunks === chunks.length,
      essential: t.essentialMissing === 0,
      longest: Math.max(0, ...[...t.pieces].map((p) => [...p].length)),
      spans: mergeSpans(t.spans),
      wholeSpans: mergeSpans(t.wholeSpans),
      pieces: [...t.pieces],
      wholePieces: [...t.wholePieces],
    });
  }
  return out;
}

/** Sort and merge overlapping spans. */
export function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.length - a.length);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.start + last.length) {
      last.length = Math.max(last.length, s.start + s.length - last.start);
    } else {
      out.push({ ...s });
    }
  }
  return out;
}

/** Postings from plain strings, for tests and tools: page id → text (positions: letters and digits only, like the index: index-format.ts). */
export function postingsFromTexts(texts: ReadonlyMap<string, string>): { postings: CharPostings; stats: CorpusStats } {
  const index = new Map<string, Map<string, Set<number>>>();
  const lengths = new Map<string, number>();
  for (const [page, text] of texts) {
    let pos = 0;
    for (const ch of text) {
      if (!POSITIONAL.test(ch)) continue;
      let byPage = index.get(ch);
      if (!byPage) index.set(ch, (byPage = new Map()));
      let set = byPage.get(page);
      if (!set) byPage.set(page, (set = new Set()));
      set.add(pos++);
    }
    lengths.set(page, pos);
  }
  const total = [...lengths.values()].reduce((a, b) => a + b, 0);
  return {
    postings: (ch) => index.get(ch),
    stats: { n: texts.size, avgLength: total / (texts.size || 1), length: (p) => lengths.get(p) ?? 0 },
  };
}
