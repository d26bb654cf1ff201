/**
 * Article-level alignment between two versions of a work, by content, not by
 * number: amendments renumber (监察法 2018→2024 keeps 34 articles' words under
 * another number), so `art-43` of one version says nothing about `art-43` of
 * the next.
 *
 * 1. Identical words always align (duplicates pair in order).
 * 2. Where an amending decision in the library made the newer version, its
 *    statements (stated.ts) decide: deleted ⇒ removed, added ⇒ added,
 *    modified or renumbered ⇒ paired, each entry naming its statement. A
 *    statement that contradicts step 1 is not applied (counted as conflicting).
 * 3. The rest pair by character-bigram Dice similarity, best pairs first,
 *    above a threshold. An article numbered 之N in the newer version is the
 *    official sign of an insertion: it is added unless the older version has
 *    the same 之N article (or identical words), never a renumbered neighbour.
 * 4. What is left pairs at a looser threshold, but only in place: between the
 *    same two aligned neighbours in both versions.
 * 5. Matched pairs off the longest in-order chain are "moved".
 * Every article of either version is in exactly one entry.
 */
import { articles } from '../tree/query.ts';
import { visit } from '../tree/walk.ts';
import type { Article, Regulation } from '../tree/types.ts';
import { applyStated, type StatedSource, type Stated } from './stated.ts';

export type { Stated, StatedSource } from './stated.ts';

export interface VersionArticle {
  id: string;
  label: string;
  /** 之N: inserted by an amendment. */
  inserted: boolean;
  /** The article's words: its paragraphs' text (with 项/目 labels) joined by newlines; the article's own label excluded. */
  text: string;
}

export type AlignmentKind = 'same' | 'renumbered' | 'changed' | 'added' | 'removed';

export interface AlignedPair {
  kind: 'same' | 'renumbered' | 'changed';
  from: VersionArticle;
  to: VersionArticle;
  /** Bigram similarity, 1 for identical words. */
  similarity: number;
  /** Out of order relative to the other matched articles. */
  moved: boolean;
  source?: StatedSource;
}

export type AlignmentEntry =
  | AlignedPair
  | { kind: 'added'; to: VersionArticle; source?: StatedSource }
  | { kind: 'removed'; from: VersionArticle; source?: StatedSource };

export interface Alignment {
  /** In the newer version's order; removed articles after the article that preceded them. */
  entries: AlignmentEntry[];
  counts: Record<AlignmentKind, number> & { moved: number };
  /** Statements followed, and those the words contradict (not followed). */
  stated?: { applied: number; conflicting: number };
}

/** Below this similarity two articles are different articles. */
export const MATCH_THRESHOLD = 0.5;
/** Between two aligned neighbours, a looser bar: an article reworded in place is still that article. */
export const IN_PLACE_THRESHOLD = 0.3;

/** The articles of a tree in document order, with their words. */
export function versionArticles(tree: Regulation): VersionArticle[] {
  return articles(tree).map((a) => ({ id: a.id, label: a.label, inserted: a.sub !== undefined, text: articleWords(a) }));
}

function articleWords(article: Article): string {
  const paragraphs: string[] = [];
  for (const p of article.children) {
    let words = '';
    visit(p, (n) => {
      if (n.type === 'text') words += n.value;
      else if (n.type === 'item' || n.type === 'subitem') words += n.label;
    });
    paragraphs.push(words);
  }
  return paragraphs.join('\n');
}

export function alignArticles(older: readonly VersionArticle[], newer: readonly VersionArticle[], stated?: Stated): Alignment {
  const matchOfNew = new Array<number>(newer.length).fill(-1);
  const matchOfOld = new Array<number>(older.length).fill(-1);
  const similarity = new Array<number>(newer.length).fill(0);

  // 1. Identical words.
  const oldByText = new Map<string, number[]>();
  older.forEach((a, i) => {
    const list = oldByText.get(a.text);
    if (list) list.push(i);
    else oldByText.set(a.text, [i]);
  });
  newer.forEach((b, j) => {
    const i = oldByText.get(b.text)?.shift();
    if (i === undefined) return;
    matchOfNew[j] = i;
    matchOfOld[i] = j;
    similarity[j] = 1;
  });

  const oldGrams = older.map((a) => bigrams(a.text));
  const newGrams = newer.map((b) => bigrams(b.text));

  // 2. What the amending decision says.
  const sourceOfNew = new Map<number, StatedSource>();
  const sourceOfOld = new Map<number, StatedSource>();
  const counted = stated ? applyStated(stated, older, newer, { matchOfNew, matchOfOld, similarity, sourceOfNew, sourceOfOld }, (i, j) => dice(oldGrams[i]!, newGrams[j]!)) : undefined;

  // 3. Similar words, best pairs first (an inverted bigram index: no all-pairs scan of the text).
  const postings = new Map<string, { i: number; count: number }[]>();
  oldGrams.forEach((grams, i) => {
    if (matchOfOld[i]! >= 0 || sourceOfOld.has(i)) return;
    for (const [g, count] of grams.counts) {
      const list = postings.get(g);
      if (list) list.push({ i, count });
      else postings.set(g, [{ i, count }]);
    }
  });
  const candidates: { i: number; j: number; score: number; tie: number; inPlaceOnly: boolean }[] = [];
  newGrams.forEach((grams, j) => {
    if (matchOfNew[j]! >= 0 || sourceOfNew.has(j)) return;
    const overlap = new Map<number, number>();
    for (const [g, count] of grams.counts) {
      for (const p of postings.get(g) ?? []) overlap.set(p.i, (overlap.get(p.i) ?? 0) + Math.min(count, p.count));
    }
    for (const [i, shared] of overlap) {
      // 之N: inserted, unless the older version already had that very article.
      if (newer[j]!.inserted && older[i]!.id !== newer[j]!.id) continue;
      const score = (2 * shared) / (grams.total + oldGrams[i]!.total);
      // Ties go to the pair nearest the diagonal: the likelier reading of a renumbering.
      const tie = Math.abs(i / older.length - j / newer.length);
      if (score >= IN_PLACE_THRESHOLD) candidates.push({ i, j, score, tie, inPlaceOnly: score < MATCH_THRESHOLD });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.tie - b.tie || a.j - b.j || a.i - b.i);
  const pair = (c: (typeof candidates)[number]) => {
    matchOfNew[c.j] = c.i;
    matchOfOld[c.i] = c.j;
    similarity[c.j] = c.score;
  };
  for (const c of candidates) {
    if (!c.inPlaceOnly && matchOfNew[c.j]! < 0 && matchOfOld[c.i]! < 0) pair(c);
  }

  // 4. In place: old i sits between the old partners of new j's nearest matched neighbours.
  for (const c of candidates) {
    if (!c.inPlaceOnly || matchOfNew[c.j]! >= 0 || matchOfOld[c.i]! >= 0) continue;
    let before = -1;
    for (let k = c.j - 1; k >= 0 && before < 0; k--) before = matchOfNew[k]!;
    let after = older.length;
    for (let k = c.j + 1; k < newer.length && after === older.length; k++) if (matchOfNew[k]! >= 0) after = matchOfNew[k]!;
    if (before < c.i && c.i < after) pair(c);
  }

  // 5. Moved: matched pairs off the longest chain that keeps both orders.
  const inOrder = longestIncreasing(matchOfNew);
  const entries: AlignmentEntry[] = [];
  const counts = { same: 0, renumbered: 0, changed: 0, added: 0, removed: 0, moved: 0 };
  const removedAfter = new Map<number, number[]>();
  older.forEach((_, i) => {
    if (matchOfOld[i]! >= 0) return;
    // After the newer article matching the nearest preceding matched old article (-1: at the start).
    let k = i - 1;
    while (k >= 0 && matchOfOld[k]! < 0) k--;
    const anchor = k >= 0 ? matchOfOld[k]! : -1;
    const list = removedAfter.get(anchor) ?? [];
    list.push(i);
    removedAfter.set(anchor, list);
  });
  const pushRemoved = (anchor: number) => {
    for (const i of removedAfter.get(anchor) ?? []) {
      const source = sourceOfOld.get(i);
      entries.push({ kind: 'removed', from: older[i]!, ...(source ? { source } : {}) });
      counts.removed++;
    }
  };
  pushRemoved(-1);
  newer.forEach((to, j) => {
    const i = matchOfNew[j]!;
    const source = sourceOfNew.get(j);
    const stated = source ? { source } : {};
    if (i < 0) {
      entries.push({ kind: 'added', to, ...stated });
      counts.added++;
    } else {
      const from = older[i]!;
      const kind = from.text !== to.text ? 'changed' : from.id === to.id ? 'same' : 'renumbered';
      const moved = !inOrder.has(j);
      entries.push({ kind, from, to, similarity: similarity[j]!, moved, ...stated });
      counts[kind]++;
      if (moved) counts.moved++;
    }
    pushRemoved(j);
  });
  return { entries, counts, ...(counted ? { stated: counted } : {}) };
}

export function dice(a: Grams, b: Grams): number {
  let shared = 0;
  for (const [g, count] of a.counts) shared += Math.min(count, b.counts.get(g) ?? 0);
  return a.total + b.total ? (2 * shared) / (a.total + b.total) : 0;
}

export interface Grams {
  counts: Map<string, number>;
  total: number;
}

/** Character bigrams, whitespace ignored; a one-character text is its own gram. */
function bigrams(text: string): Grams {
  const chars = [...text.replace(/\s+/g, '')];
  const counts = new Map<string, number>();
  if (chars.length === 1) counts.set(chars[0]!, 1);
  for (let k = 0; k + 1 < chars.length; k++) {
    const g = chars[k]! + chars[k + 1]!;
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  return { counts, total: Math.max(chars.length - 1, chars.length === 1 ? 1 : 0) };
}

/** Indices j (with match[j] >= 0) on one longest strictly increasing run of match values. */
function longestIncreasing(match: readonly number[]): Set<number> {
  const js = match.map((_, j) => j).filter((j) => match[j]! >= 0);
  const tails: number[] = []; // index into js of the smallest tail of each length
  const prev = new Array<number>(js.length).fill(-1);
  js.forEach((j, k) => {
    const v = match[j]!;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (match[js[tails[mid]!]!]! < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[k] = tails[lo - 1]!;
    tails[lo] = k;
  });
  const out = new Set<number>();
  for (let k = tails.at(-1) ?? -1; k >= 0; k = prev[k]!) out.add(js[k]!);
  return out;
}
