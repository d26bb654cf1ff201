/**
 * A work's versions side by side: the alignment of each consecutive pair
 * (computed once per build), an article's history across versions, and where
 * an article of an old version is in the current one.
 */
import type { Corpus } from '../corpus/index.ts';
import type { LoadedRegulation, Work } from '../corpus/load.ts';
import { alignArticles, versionArticles, type Alignment, type AlignmentEntry, type StatedSource } from './align.ts';
import { decisionIndex } from './decisions.ts';
import { statedChanges } from './stated.ts';
import { compareUrl } from './urls.ts';

export interface VersionStep {
  work: Work;
  from: LoadedRegulation;
  to: LoadedRegulation;
  alignment: Alignment;
}

export interface ArticleChange {
  /** The version where the change appears. */
  version: LoadedRegulation;
  kind: 'added' | 'changed' | 'renumbered';
  /** The article's id in the version before, for changed and renumbered. */
  fromId?: string;
  /** The compare page, at this article. */
  href: string;
  /** The amending decision's statement the change follows, when the library has the decision. */
  source?: StatedSource;
}

export interface Whereabouts {
  /** The article's id in the current version; absent when it was removed (or, in a version not yet in force, added). */
  id?: string;
  /** The version that removed it. */
  removedIn?: LoadedRegulation;
}

export interface VersionHistory {
  steps(work: string): VersionStep[];
  /** The alignment between any two versions of a work (consecutive ones are shared with steps()). */
  between(from: LoadedRegulation, to: LoadedRegulation): Alignment;
  /** Every amendment of the article with this id in `reg`, up to `reg`, oldest first. */
  articleHistory(reg: LoadedRegulation, articleId: string): ArticleChange[];
  /** Where the article with this id in `reg` is in the work's current version. */
  inCurrent(reg: LoadedRegulation, articleId: string): Whereabouts;
}

const memo = new WeakMap<object, VersionHistory>();

export function versionHistory(corpus: Pick<Corpus, 'byWork'>): VersionHistory {
  let h = memo.get(corpus);
  if (!h) memo.set(corpus, (h = build(corpus)));
  return h;
}

/** The anchor of an entry on the compare page: the newer article's id, or the removed one's. */
export function entryAnchor(entry: AlignmentEntry): string {
  return entry.kind === 'removed' ? `removed-${entry.from.id}` : entry.to.id;
}

function build(corpus: Pick<Corpus, 'byWork'>): VersionHistory {
  const stepsByWork = new Map<string, VersionStep[]>();
  const pairs = new Map<string, Alignment>();
  const decisions = decisionIndex({ regulations: [...corpus.byWork.values()].flatMap((w) => w.versions) });
  const between = (from: LoadedRegulation, to: LoadedRegulation) => {
    const key = `${from.slug}\u0000${to.slug}`;
    let a = pairs.get(key);
    if (a) return a;
    const older = versionArticles(from.tree);
    const newer = versionArticles(to.tree);
    // Where the library holds the decision that made `to` out of `from`, its statements lead.
    const d = decisions.between(from.slug, to.slug);
    const stated = d && statedChanges(d.amendment, older, newer, (s) => ({ decision: d.decision.slug, title: d.decision.title, clause: s.clause, op: s.op }));
    pairs.set(key, (a = alignArticles(older, newer, stated)));
    return a;
  };
  const steps = (work: string) => {
    let list = stepsByWork.get(work);
    if (list) return list;
    const w = corpus.byWork.get(work);
    const versions = w?.versions ?? [];
    list = versions.slice(1).map((to, k) => ({ work: w!, from: versions[k]!, to, alignment: between(versions[k]!, to) }));
    stepsByWork.set(work, list);
    return list;
  };

  const articleHistory = (reg: LoadedRegulation, articleId: string): ArticleChange[] => {
    const list = steps(reg.work);
    const end = list.findIndex((s) => s.to.slug === reg.slug);
    const out: ArticleChange[] = [];
    let id: string | undefined = articleId;
    // Walk back from `reg`: each step says what this article was in the version before.
    for (let k = end; k >= 0 && id; k--) {
      const step = list[k]!;
      const entry = step.alignment.entries.find((e) => e.kind !== 'removed' && e.to.id === id);
      if (!entry || entry.kind === 'removed') break;
      const href = `${compareUrl(step.from, step.to)}#${entryAnchor(entry)}`;
      const source = entry.source ? { source: entry.source } : {};
      if (entry.kind === 'added') {
        out.push({ version: step.to, kind: 'added', href, ...source });
        id = undefined;
      } else {
        if (entry.kind !== 'same') out.push({ version: step.to, kind: entry.kind, fromId: entry.from.id, href, ...source });
        id = entry.from.id;
      }
    }
    return out.reverse();
  };

  const inCurrent = (reg: LoadedRegulation, articleId: string): Whereabouts => {
    const list = steps(reg.work);
    // Step k goes from version k to version k + 1.
    const versions = list.length ? [list[0]!.from, ...list.map((s) => s.to)] : [reg];
    const self = versions.indexOf(reg);
    const current = versions.findIndex((v) => v.current);
    let id = articleId;
    // Forward to the current version, step by step.
    for (let k = self; k >= 0 && k < current; k++) {
      const entry = list[k]!.alignment.entries.find((e) => e.kind !== 'added' && e.from.id === id);
      if (!entry || entry.kind === 'removed') return { removedIn: list[k]!.to };
      id = entry.to.id;
    }
    // A version after the current one (not yet in force): back to the current version.
    for (let k = self - 1; k >= current && current >= 0; k--) {
      const entry = list[k]!.alignment.entries.find((e) => e.kind !== 'removed' && e.to.id === id);
      if (!entry || entry.kind === 'added') return {};
      id = entry.from.id;
    }
    return { id };
  };

  return { steps, between, articleHistory, inCurrent };
}
