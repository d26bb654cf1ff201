/**
 * Links between regulations, for the whole library, built once per corpus:
 * each citation found in a text (find.ts) resolved to the cited work
 * (names.ts), to the version in force on the citing text's effective date,
 * and to the clause when its words name one that exists there; and the
 * reverse index, where each regulation and article is cited (被引用).
 * Anything ambiguous — a name two works share, a clause the version lacks —
 * links no further than what is certain. An amending decision's statements
 * (将第六条修改为, 删除第九条) link to the article of the version the decision
 * amended, and what they make (作为第七条) to the version it made, when the
 * library has them (versions/decisions.ts); they take precedence over the
 * same words read as a citation or as the decision's own clauses.
 */
import { buildDate } from '../corpus/build-date.ts';
import { slugOf } from '../corpus/identity.ts';
import { clauseIndex } from '../tree/query.ts';
import type { Clause, Text } from '../tree/types.ts';
import { decisionIndex } from '../versions/decisions.ts';
import { findCitations } from './find.ts';
import { nameIndex, versionOn, type LinkCorpus, type NameIndex } from './names.ts';

export type { LinkCorpus } from './names.ts';

export interface ResolvedLink {
  /** Offsets in the text node's value. */
  start: number;
  end: number;
  /** The version cited (its URL key) and, for clause words, the clause id. */
  slug: string;
  id?: string;
  /** The cited work's current version, when the cited version is another. */
  currentSlug?: string;
  marked: boolean;
  /** An amending statement's article: in the version the decision amended ('from') or made ('to'). */
  amended?: 'from' | 'to';
}

export interface CrossLink {
  from: { slug: string; clause: string; article?: string };
  to: { slug: string; work: string; id?: string };
}

export interface Unresolved {
  slug: string;
  text: Text;
  start: number;
  words: string;
  /** The cited version lacks the clause; or the version in force when the text was made is not in the library. */
  reason: 'clause-missing' | 'version-missing';
}

export interface CitationStats {
  /** Mentions resolved to another work of the library (marked or bare). */
  resolved: number;
  /** 《…》 whose name two or more works share: left unlinked. */
  ambiguous: number;
  /** Clause words cited, and how many resolved to a clause of the cited version. */
  clauses: number;
  clausesResolved: number;
  /** 《…》 naming no work of the library (external documents). */
  external: number;
}

export interface LinkIndex {
  names: NameIndex;
  /** Links inside one regulation, by text node (its start offset). */
  linksIn(slug: string): Map<number, ResolvedLink[]>;
  /** Where a regulation (any clause of it) is cited from other works. */
  citedBy(slug: string): CrossLink[];
  /** Where one article (or a clause in it) is cited. */
  citedByArticle(slug: string, articleId: string): CrossLink[];
  /** The version a 《title》 cited by `citingSlug` means; 'self' for its own work. */
  resolveTitle(citingSlug: string, title: string): string | 'self' | undefined;
  unresolved: Unresolved[];
  /** Where clause words cite another work (resolved or not): `slug`, then text node, then offsets in it. */
  otherWorkClauses: { slug: string; text: Text; start: number }[];
  stats: CitationStats;
}

const memo = new WeakMap<object, LinkIndex>();

export function linkIndex(corpus: LinkCorpus, today?: string): LinkIndex {
  let index = memo.get(corpus);
  // The date only when building: every page asks for the index, and formatting a date is not free.
  if (!index) memo.set(corpus, (index = build(corpus, today ?? buildDate())));
  return index;
}

/** Resolution counts over a library: what `npm run bench` and `npm run validate` print. */
export function citationStats(corpus: LinkCorpus): CitationStats {
  return linkIndex(corpus).stats;
}

function build(corpus: LinkCorpus, today: string): LinkIndex {
  const names = nameIndex(corpus);
  const bySlug = new Map(corpus.regulations.map((r) => [r.slug, r]));
  const workOfSlug = new Map(corpus.regulations.map((r) => [r.slug, r.work ?? r.slug]));
  const clauseMaps = new Map<string, Map<string, Clause>>();
  const clauses = (slug: string) => {
    let m = clauseMaps.get(slug);
    if (!m) clauseMaps.set(slug, (m = clauseIndex(bySlug.get(slug)!.tree)));
    return m;
  };
  // An authored page (no regulation of its own) cites what is in force today.
  const dayOf = (slug: string) => {
    const r = bySlug.get(slug);
    return (r && (r.tree.meta.effective?.date ?? r.version ?? r.tree.meta.issued)) ?? today;
  };
  const target = (citingSlug: string, name: string) => {
    const entry = names.workOf(name);
    if (!entry) return undefined;
    if (entry.work === workOfSlug.get(citingSlug)) return 'self' as const;
    const current = versionOn(entry, today) ?? entry.versions[0]!;
    const version = versionOn(entry, dayOf(citingSlug));
    // Cited before the library's first version: the name links to the work, its clause words to nothing.
    if (!version) return { work: entry.work, slug: current.slug, clausesKnown: false };
    return { work: entry.work, slug: version.slug, clausesKnown: true, ...(current.slug !== version.slug ? { currentSlug: current.slug } : {}) };
  };

  const links = new Map<string, Map<number, ResolvedLink[]>>();
  const cited = new Map<string, CrossLink[]>();
  const unresolved: Unresolved[] = [];
  const stats: CitationStats = { resolved: 0, ambiguous: 0, clauses: 0, clausesResolved: 0, external: 0 };
  const addCited = (l: CrossLink) => {
    const into = cited.get(l.to.slug) ?? [];
    // One entry per citing clause and cited clause.
    if (!into.some((x) => x.from.slug === l.from.slug && x.from.clause === l.from.clause && x.to.id === l.to.id)) into.push(l);
    cited.set(l.to.slug, into);
  };
  const otherWorkClauses: LinkIndex['otherWorkClauses'] = [];
  const stated = statedLinks(corpus, clauses, addCited, (slug, text, start) => otherWorkClauses.push({ slug, text, start }));
  for (const r of corpus.regulations) {
    const perText = stated.get(r.slug) ?? new Map<number, ResolvedLink[]>();
    links.set(r.slug, perText);
    const statedAt = new Map([...perText].map(([base, list]) => [base, [...list]]));
    for (const c of findCitations(r.tree, names)) {
      // A statement's words are linked as the statement, not as a citation of the version then in force.
      if (statedAt.get(c.text.position.start.offset)?.some((l) => l.start < c.end && c.start < l.end)) continue;
      const t = target(r.slug, c.name);
      if (!t) {
        const works = names.byName.get(slugOf(c.name))?.size ?? 0;
        if (works > 1) stats.ambiguous++;
        else if (c.marked) stats.external++;
        continue;
      }
      if (t === 'self') continue;
      stats.resolved++;
      const base = c.text.position.start.offset;
      const list = perText.get(base) ?? [];
      perText.set(base, list);
      const article = /^(art-\d+(?:-\d+)?)/.exec(c.clause)?.[1];
      const from = { slug: r.slug, clause: c.clause, ...(article ? { article } : {}) };
      const extra = t.currentSlug ? { currentSlug: t.currentSlug } : {};
      const nameEnd = c.clauses[0]?.start ?? c.end;
      list.push({ start: c.start, end: nameEnd, slug: t.slug, ...extra, marked: c.marked });
      const targets = clauses(t.slug);
      const toAdd: CrossLink[] = [];
      if (!c.clauses.length) toAdd.push({ from, to: { slug: t.slug, work: t.work } });
      c.clauses.forEach((w, k) => {
        stats.clauses++;
        otherWorkClauses.push({ slug: r.slug, text: c.text, start: w.start });
        // 第三条第五项 of an article with one 款 is art-3-p1-i5; with several, the words are wrong or the text differs.
        const id = t.clausesKnown && targets.has(w.id) ? w.id : undefined;
        if (!id) {
          const reason = t.clausesKnown ? 'clause-missing' : 'version-missing';
          unresolved.push({ slug: r.slug, text: c.text, start: w.start, words: c.text.value.slice(w.start, w.end), reason });
          return;
        }
        stats.clausesResolved++;
        list.push({ start: w.start, end: w.end, slug: t.slug, id, ...extra, marked: c.marked });
        // 第二条至第四条 cites 第三条 too (被引用), though only the ends are links.
        const first = w.rangeEnd ? /^art-(\d+)$/.exec(c.clauses[k - 1]!.id)?.[1] : undefined;
        const last = /^art-(\d+)$/.exec(id)?.[1];
        if (first && last) for (let n = Number(first) + 1; n < Number(last); n++) if (targets.has(`art-${n}`)) toAdd.push({ from, to: { slug: t.slug, work: t.work, id: `art-${n}` } });
        toAdd.push({ from, to: { slug: t.slug, work: t.work, id } });
      });
      for (const l of toAdd) addCited(l);
    }
    for (const list of perText.values()) list.sort((a, b) => a.start - b.start);
  }

  const resolveTitle = (citingSlug: string, title: string) => {
    const t = target(citingSlug, title);
    return t === 'self' ? 'self' : t?.slug;
  };
  return {
    names,
    linksIn: (slug) => links.get(slug) ?? new Map(),
    citedBy: (slug) => cited.get(slug) ?? [],
    citedByArticle: (slug, articleId) => (cited.get(slug) ?? []).filter((l) => l.to.id && (l.to.id === articleId || l.to.id.startsWith(`${articleId}-p`))),
    resolveTitle,
    unresolved,
    otherWorkClauses,
    stats,
  };
}

/** The article words of every amending statement whose versions the library has, per decision and text node. */
function statedLinks(
  corpus: LinkCorpus,
  clauses: (slug: string) => Map<string, Clause>,
  addCited: (l: CrossLink) => void,
  otherWork: (slug: string, text: Text, start: number) => void,
): Map<string, Map<number, ResolvedLink[]>> {
  const out = new Map<string, Map<number, ResolvedLink[]>>();
  for (const a of decisionIndex(corpus).all) {
    // The words name the amended work's articles, never the decision's own (whatever the library holds).
    for (const s of a.amendment.statements) for (const w of s.words) otherWork(a.decision.slug, s.text, w.start);
    if (!a.work || (!a.from && !a.to)) continue;
    const perText = out.get(a.decision.slug) ?? new Map<number, ResolvedLink[]>();
    out.set(a.decision.slug, perText);
    for (const s of a.amendment.statements) {
      const base = s.text.position.start.offset;
      for (const w of s.words) {
        const slug = w.side === 'old' ? a.from : a.to;
        if (!slug || !clauses(slug).has(w.id)) continue;
        const list = perText.get(base) ?? [];
        perText.set(base, list);
        list.push({ start: w.start, end: w.end, slug, id: w.id, marked: false, amended: w.side === 'old' ? 'from' : 'to' });
        const article = /^(art-\d+(?:-\d+)?)/.exec(s.clause)?.[1];
        if (w.side === 'old') addCited({ from: { slug: a.decision.slug, clause: s.clause, ...(article ? { article } : {}) }, to: { slug, work: a.work, id: w.id } });
      }
    }
  }
  return out;
}
