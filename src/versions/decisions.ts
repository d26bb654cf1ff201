/**
 * The library's amending texts (decisions, 修正案) and what each amends: the
 * amended work found by the name the decision gives it (links/names.ts, the
 * names citations use), the version it amended — in force the day before
 * the decision took effect — and the version it made, the next one, when
 * the library has them. Built once per library.
 */
import { nameIndex, type LinkCorpus } from '../links/names.ts';
import { readAmendments, type Amendment } from './amendments.ts';

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
  const stats: AmendmentStats = { decisions: 0, statements: 0, amendments: 0, workFound: 0, fromFound: 0, bothFound: 0 };
  for (const r of corpus.regulations) {
    const amendments = readAmendments(r.tree);
    if (!amendments.length) continue;
    stats.decisions++;
    const meta = r.tree.meta;
    // From when the decision speaks: the amended version is the one in force before.
    const day = meta.effective?.date ?? meta.adopted?.date ?? meta.issued ?? r.version ?? '';
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
        const k = entry.versions.findLastIndex((v) => v.from < day);
        const next = entry.versions[k + 1];
        if (k >= 0) {
          found.from = entry.versions[k]!.slug;
          stats.fromFound++;
        }
        if (next && day && next.from >= day) found.to = next.slug;
        if (found.from && found.to) stats.bothFound++;
      }
      all.push(found);
    }
  }
  const byPair = new Map(all.filter((a) => a.from && a.to).map((a) => [`${a.from}\u0000${a.to}`, a]));
  return { all, between: (from, to) => byPair.get(`${from}\u0000${to}`), stats };
}

/** `修改决定：读到 19 件、语句 713 条（修改 28 件法规）；所修改的法规在本库 5 件，其修改前版本在本库 3 件，前后版本都在本库 0 件`. */
export function amendmentSummary(s: AmendmentStats): string {
  return `修改决定：读到 ${s.decisions} 件、语句 ${s.statements} 条（修改 ${s.amendments} 件法规）；所修改的法规在本库 ${s.workFound} 件，其修改前版本在本库 ${s.fromFound} 件，前后版本都在本库（用于对照） ${s.bothFound} 件`;
}
