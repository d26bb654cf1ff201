/**
 * The library's amending texts (decisions, 修正案) and what each amends: the
 * amended work found by the name the decision gives it (links/names.ts, the
 * names citations use), the version it amended — in force the day before
 * the decision took effect — and the version it made, the next one, when
 * the library has them. Built once per library.
 */
import { nameIndex, type LinkCorpus } from '../links/names.ts';
import { alignArticles, versionArticles } from './align.ts';
import { readAmendments, type Amendment } from './amendments.ts';
import { statedChanges } from './stated.ts';

export interface LibraryAmendment {
  decision: { slug: string; title: string };
  amendment: Amendment;
  /** The amended work, when the library has it. */
  work?: string;
  /** URL keys of the version the decision amended and of the version it made, each when in the library. */
  from?: string;
  to?: string;
}

export interface AmendmentStats {
  /** Amending texts with at least one statement, their statements, and amendments (a decision may amend many works). */
  decisions: number;
  statements: number;
  amendments: number;
  /** Amendments whose work is in the library; whose amended version is; whose amended and made versions both are. */
  workFound: number;
  fromFound: number;
  bothFound: number;
}

export interface DecisionIndex {
  all: LibraryAmendment[];
  /** The amendment that made version `to` out of version `from` (URL keys). */
  between(from: string, to: string): LibraryAmendment | undefined;
  stats: AmendmentStats;
}

const memo = new WeakMap<object, DecisionIndex>();

export function decisionIndex(corpus: LinkCorpus): DecisionIndex {
  let index = memo.get(corpus);
  if (!index) memo.set(corpus, (index = build(corpus)));
  return index;
}

function build(corpus: LinkCorpus): DecisionIndex {
  const names = nameIndex(corpus);
  const all: LibraryAmendment[] = [];
  const bySlug = new Map(corpus.regulations.map((r) => [r.slug, r]));
  const versionDate = (slug: string) => {
    const r = bySlug.get(slug)!;
    // As identity.ts dates a version: its latest dated event that made it (施行 aside).
    const made = r.tree.meta.history?.filter((e) => e.date && e.event !== '施行').at(-1)?.date;
    return r.version ?? made ?? r.tree.meta.adopted?.date ?? r.tree.meta.issued ?? r.tree.meta.effective?.date ?? '';
  };
  const stats: AmendmentStats = { decisions: 0, statements: 0, amendments: 0, workFound: 0, fromFound: 0, bothFound: 0 };
  for (const r of corpus.regulations) {
    const amendments = readAmendments(r.tree);
    if (!amendments.length) continue;
    stats.decisions++;
    const meta = r.tree.meta;
    // The amended version is dated before the decision was made; the version it made, on or after.
    const day = meta.adopted?.date ?? meta.issued ?? meta.effective?.date ?? r.version ?? '';
    // 对《关于办理…的解释》: the amended text's title without its issuer, which is the decision's.
    const issuer = /^(.*?)关于修改/u.exec(meta.title)?.[1] ?? '';
    for (const amendment of amendments) {
      stats.amendments++;
      stats.statements += amendment.statements.length;
      const entry = names.workOf(amendment.target) ?? (amendment.target.startsWith('关于') ? names.workOf(issuer + amendment.target) : undefined);
      const found: LibraryAmendment = { decision: { slug: r.slug, title: meta.title }, amendment };
      if (entry && entry.work !== (r.work ?? r.slug)) {
        found.work = entry.work;
        stats.workFound++;
        const k = entry.versions.findLastIndex((v) => versionDate(v.slug) < day);
        const next = entry.versions[k + 1];
        if (k >= 0) {
          found.from = entry.versions[k]!.slug;
          stats.fromFound++;
        }
        if (next && day && versionDate(next.slug) >= day) found.to = next.slug;
        if (found.from && found.to) stats.bothFound++;
      }
      all.push(found);
    }
  }
  const byPair = new Map(all.filter((a) => a.from && a.to).map((a) => [`${a.from}\u0000${a.to}`, a]));
  return { all, between: (from, to) => byPair.get(`${from}\u0000${to}`), stats };
}

export interface AmendmentReport extends AmendmentStats {
  /** Statements followed by the alignments of the versions they join, and those the words contradict. */
  applied: number;
  conflicting: number;
  /** Later versions of a work whose own history names the amending decision or 修正案 (…《关于修改…的决定》修正). */
  notedVersions: number;
  laterVersions: number;
}

/** What `npm run validate` prints: the decisions read and, where both versions are in the library, applied. */
export function amendmentReport(corpus: LinkCorpus): AmendmentReport {
  const index = decisionIndex(corpus);
  const bySlug = new Map(corpus.regulations.map((r) => [r.slug, r]));
  let applied = 0;
  let conflicting = 0;
  for (const a of index.all) {
    if (!a.from || !a.to) continue;
    const older = versionArticles(bySlug.get(a.from)!.tree);
    const newer = versionArticles(bySlug.get(a.to)!.tree);
    const stated = statedChanges(a.amendment, older, newer, (s) => ({ decision: a.decision.slug, title: a.decision.title, clause: s.clause, op: s.op }));
    const counts = alignArticles(older, newer, stated).stated;
    applied += counts?.applied ?? 0;
    conflicting += counts?.conflicting ?? 0;
  }
  const byWork = new Map<string, (typeof corpus.regulations)[number][]>();
  for (const r of corpus.regulations) if (r.work) byWork.set(r.work, [...(byWork.get(r.work) ?? []), r]);
  let notedVersions = 0;
  let laterVersions = 0;
  for (const versions of byWork.values()) {
    if (versions.length < 2) continue;
    const later = [...versions].sort((x, y) => ((x.version ?? '') < (y.version ?? '') ? -1 : 1)).slice(1);
    laterVersions += later.length;
    notedVersions += later.filter((v) => NOTE.test(v.tree.meta.history?.at(-1)?.text ?? '')).length;
  }
  return { ...index.stats, applied, conflicting, notedVersions, laterVersions };
}

/** A history line naming its amending text: 《关于修改〈…〉的决定》修正, 《…修正案》. */
const NOTE = /《[^》]*(?:决定|修正案)》/u;

/** `修改决定：读到 19 件、语句 713 条（修改 28 件法规）；所修改的法规在本库 5 件，其修改前版本在本库 3 件，前后版本都在本库 0 件`. */
export function amendmentSummary(s: AmendmentReport): string {
  return (
    `修改决定：读到 ${s.decisions} 件、语句 ${s.statements} 条（修改 ${s.amendments} 件法规）；所修改的法规在本库 ${s.workFound} 件，` +
    `其修改前版本在本库 ${s.fromFound} 件，前后版本都在本库 ${s.bothFound} 件，对照中采用语句 ${s.applied} 条、与文字矛盾而未采用 ${s.conflicting} 条；` +
    `后续版本 ${s.laterVersions} 个，其中沿革注明修改决定的 ${s.notedVersions} 个`
  );
}
