/**
 * What an amending decision says of two versions of the work it amends, as
 * constraints on their alignment (align.ts, step 2): its statements read by
 * amendments.ts, turned into article ids of the older and the newer version.
 *
 * Deleted ⇒ removed, added ⇒ added, renumbered (原第四条作为第五条) ⇒ paired as
 * stated. A modified article keeps its place among the articles no statement
 * adds, deletes or renumbers: when those are as many in both versions, the
 * k-th of them in the older version is the k-th in the newer (条文顺序作相应调整,
 * or no renumbering at all). Otherwise its new number is not known and content
 * matching decides.
 */
import type { Amendment, Statement, StatementOp } from './amendments.ts';
import type { VersionArticle } from './align.ts';

/** The amending statement an entry follows: the decision (its URL key) and the clause that says it. */
export interface StatedSource {
  decision: string;
  title: string;
  clause: string;
  op: StatementOp;
}

/** What an amending decision says of two versions, by article id. */
export interface Stated {
  pairs: { from: string; to: string; source: StatedSource }[];
  added: { to: string; source: StatedSource }[];
  removed: { from: string; source: StatedSource }[];
}

/** The statements of one amendment as constraints between `older` and `newer`. */
export function statedChanges(a: Amendment, older: readonly VersionArticle[], newer: readonly VersionArticle[], sourceOf: (s: Statement) => StatedSource): Stated {
  const oldIds = new Set(older.map((x) => x.id));
  const newIds = new Set(newer.map((x) => x.id));
  const out: Stated = { pairs: [], added: [], removed: [] };
  const renumbered = new Map<string, string>();
  const gone = new Set<string>();
  const made = new Set<string>();
  for (const s of a.statements) {
    const source = sourceOf(s);
    if (s.op === 'delete' || s.op === 'merge') {
      for (const id of s.op === 'merge' ? s.old.slice(1) : s.old) {
        if (!oldIds.has(id)) continue;
        gone.add(id);
        out.removed.push({ from: id, source });
      }
    } else if (s.op === 'add') {
      for (const id of s.new) {
        if (!newIds.has(id)) continue;
        made.add(id);
        out.added.push({ to: id, source });
      }
    } else if (s.op === 'renumber' && s.old[0] && s.new[0]) renumbered.set(s.old[0], s.new[0]);
  }
  // The articles no statement moves, in order: the k-th old one is the k-th new one.
  const restOld = older.map((x) => x.id).filter((id) => !gone.has(id) && !renumbered.has(id));
  const targets = new Set(renumbered.values());
  const restNew = newer.map((x) => x.id).filter((id) => !made.has(id) && !targets.has(id));
  const inOrder = restOld.length === restNew.length ? new Map(restOld.map((id, k) => [id, restNew[k]!])) : undefined;
  const paired = new Set<string>();
  for (const s of a.statements) {
    if (s.op !== 'modify' && s.op !== 'merge' && s.op !== 'renumber') continue;
    const from = s.old[0];
    if (!from || paired.has(from)) continue;
    const to = renumbered.get(from) ?? inOrder?.get(from);
    if (!to || !oldIds.has(from)) continue;
    paired.add(from);
    out.pairs.push({ from, to, source: sourceOf(s) });
  }
  return out;
}

export interface Matching {
  matchOfNew: number[];
  matchOfOld: number[];
  similarity: number[];
  sourceOfNew: Map<number, StatedSource>;
  sourceOfOld: Map<number, StatedSource>;
}

/** Step 2: follow each statement unless identical words (step 1) already placed its articles elsewhere. */
export function applyStated(stated: Stated, older: readonly VersionArticle[], newer: readonly VersionArticle[], m: Matching, score: (i: number, j: number) => number) {
  const oldAt = new Map(older.map((a, i) => [a.id, i]));
  const newAt = new Map(newer.map((b, j) => [b.id, j]));
  let applied = 0;
  let conflicting = 0;
  for (const p of stated.pairs) {
    const i = oldAt.get(p.from);
    const j = newAt.get(p.to);
    if (i === undefined || j === undefined) conflicting++;
    else if (m.matchOfNew[j] === i) {
      m.sourceOfNew.set(j, p.source);
      applied++;
    } else if (m.matchOfNew[j]! < 0 && m.matchOfOld[i]! < 0) {
      m.matchOfNew[j] = i;
      m.matchOfOld[i] = j;
      m.similarity[j] = score(i, j);
      m.sourceOfNew.set(j, p.source);
      applied++;
    } else conflicting++;
  }
  for (const r of stated.removed) {
    const i = oldAt.get(r.from);
    if (i === undefined || m.matchOfOld[i]! >= 0) conflicting++;
    else if (!m.sourceOfOld.has(i)) {
      m.sourceOfOld.set(i, r.source);
      applied++;
    }
  }
  for (const a of stated.added) {
    const j = newAt.get(a.to);
    if (j === undefined || m.matchOfNew[j]! >= 0) conflicting++;
    else if (!m.sourceOfNew.has(j)) {
      m.sourceOfNew.set(j, a.source);
      applied++;
    }
  }
  return { applied, conflicting };
}

