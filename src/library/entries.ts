/**
 * The library as the browse pages see it: one entry per work (its current
 * version), with the facets a reader filters by, computed once per build.
 */
import { getCorpus } from '../corpus/index.ts';
import { slugOf } from '../corpus/identity.ts';
import { regulationFacts } from '../render/pages.ts';
import type { Status } from '../render/status.ts';
import { issuerOf, kindOf, kindRank } from './facets.ts';

export interface LibraryEntry {
  /** URL key of the work's current version. */
  slug: string;
  title: string;
  kind: string;
  issuer?: string;
  docNumber?: string;
  /** YYYY-MM-DD: issued, else the version date, else adopted or effective. */
  date?: string;
  /** YYYY-MM-DD of the latest amendment or later version, when the work has one. */
  changed?: string;
  status: Status;
  versions: number;
}

export interface Facet {
  name: string;
  /** URL segment (src/corpus/identity.ts slugOf). */
  slug: string;
  entries: LibraryEntry[];
}

export interface Library {
  /** Newest first. */
  entries: LibraryEntry[];
  /** In KIND_ORDER. */
  kinds: Facet[];
  /** Most texts first. */
  issuers: Facet[];
  /** Newest first. */
  years: string[];
  texts: number;
}

let cached: Library | undefined;

export function library(): Library {
  if (cached) return cached;
  const facts = regulationFacts();
  const entries = getCorpus().works.map((work): LibraryEntry => {
    const reg = work.current;
    const m = reg.tree.meta;
    const amended = (m as { amended?: string }).amended;
    const later = work.versions.length > 1 ? work.versions.at(-1)!.version : undefined;
    const changed = [amended, later].filter((d): d is string => !!d).sort().at(-1);
    const date = m.issued ?? reg.version ?? m.adopted?.date ?? m.effective?.date;
    const issuer = issuerOf(reg);
    return {
      slug: reg.slug,
      title: m.title,
      kind: kindOf(reg),
      ...(issuer ? { issuer } : {}),
      ...(m.docNumber ? { docNumber: m.docNumber } : {}),
      ...(date ? { date } : {}),
      ...(changed ? { changed } : {}),
      status: facts.get(reg.slug)!.status.status,
      versions: work.versions.length,
    };
  });
  entries.sort(byDate);
  const kinds = group(entries, (e) => e.kind).sort((a, b) => kindRank(a.name) - kindRank(b.name) || a.name.localeCompare(b.name, 'zh-CN'));
  const issuers = group(entries, (e) => e.issuer).sort((a, b) => b.entries.length - a.entries.length || a.name.localeCompare(b.name, 'zh-CN'));
  const years = [...new Set(entries.map((e) => e.date?.slice(0, 4)).filter((y): y is string => !!y))].sort().reverse();
  cached = { entries, kinds, issuers, years, texts: getCorpus().regulations.length };
  return cached;
}

/** Newest first; undated last; then by title. */
export function byDate(a: LibraryEntry, b: LibraryEntry): number {
  return (b.date ?? '').localeCompare(a.date ?? '') || a.title.localeCompare(b.title, 'zh-CN');
}

/** Entries grouped by a facet value, keyed by its slug (names that slug alike are one facet, the first name kept). */
export function group(entries: readonly LibraryEntry[], key: (e: LibraryEntry) => string | undefined): Facet[] {
  const bySlug = new Map<string, Facet>();
  for (const e of entries) {
    const name = key(e);
    if (!name) continue;
    const slug = slugOf(name);
    if (!slug) continue;
    let facet = bySlug.get(slug);
    if (!facet) bySlug.set(slug, (facet = { name, slug, entries: [] }));
    facet.entries.push(e);
  }
  return [...bySlug.values()];
}

/** Works changed most recently (amended or a later version), newest first. */
export function recentlyChanged(entries: readonly LibraryEntry[], n: number): LibraryEntry[] {
  return entries.filter((e) => e.changed).sort((a, b) => b.changed!.localeCompare(a.changed!)).slice(0, n);
}
