/**
 * The names a work is cited by: its title, its file name (the collection
 * names files by the common short title: 监察法, 个人所得税法), and each
 * without the `中华人民共和国` prefix (《中华人民共和国宪法》 is cited as 宪法).
 * Names are compared as slugs (src/corpus/identity.ts), so punctuation and
 * spacing do not matter. A name two works share is ambiguous and never links.
 */
import { nameParts, slugOf } from '../corpus/identity.ts';
import type { Regulation } from '../tree/types.ts';

/** The part of the corpus links need; a Corpus fits, and so does a bare list of trees. */
export interface LinkCorpus {
  regulations: readonly { slug: string; tree: Regulation; work?: string; version?: string; libraryPath?: string }[];
}

export interface WorkEntry {
  work: string;
  /** URL keys of the versions, oldest first. */
  versions: { slug: string; tree: Regulation; from: string }[];
}

const PREFIX = /^中华人民共和国/;
/** Shortest name linked without book-title marks: 宪法 yes, 本法 is never a work's name. */
const MIN_BARE = 2;

export interface NameIndex {
  works: Map<string, WorkEntry>;
  /** Name slug → works carrying it. */
  byName: Map<string, Set<string>>;
  /** The one work a name means, if exactly one. */
  workOf(name: string): WorkEntry | undefined;
  /** Raw names (not slugs) usable without book-title marks, for scanning text. */
  bareNames: Set<string>;
  longestBare: number;
}

export function nameIndex(corpus: LinkCorpus): NameIndex {
  const works = new Map<string, WorkEntry>();
  for (const r of corpus.regulations) {
    const key = r.work ?? r.slug;
    let entry = works.get(key);
    if (!entry) works.set(key, (entry = { work: key, versions: [] }));
    // From when a version speaks: its effective date, else its version date, else its issue date.
    const from = r.tree.meta.effective?.date ?? r.version ?? r.tree.meta.issued ?? '';
    entry.versions.push({ slug: r.slug, tree: r.tree, from });
  }
  const byName = new Map<string, Set<string>>();
  const bareNames = new Set<string>();
  for (const [key, entry] of works) {
    entry.versions.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
    const names = new Set<string>();
    for (const v of entry.versions) names.add(v.tree.meta.title);
    const file = corpus.regulations.find((r) => (r.work ?? r.slug) === key)?.libraryPath;
    if (file) names.add(nameParts(file).stem);
    for (const n of [...names]) if (PREFIX.test(n)) names.add(n.replace(PREFIX, ''));
    for (const n of names) {
      const s = slugOf(n);
      if (!s) continue;
      const set = byName.get(s) ?? new Set<string>();
      set.add(key);
      byName.set(s, set);
      if ([...n].length >= MIN_BARE && /^[\p{Script=Han}\p{N}（）()、]+$/u.test(n)) bareNames.add(n);
    }
  }
  // A bare name must mean one work.
  for (const n of [...bareNames]) if (byName.get(slugOf(n))!.size !== 1) bareNames.delete(n);
  const workOf = (name: string) => {
    const set = byName.get(slugOf(name));
    return set && set.size === 1 ? works.get([...set][0]!) : undefined;
  };
  return { works, byName, workOf, bareNames, longestBare: Math.max(0, ...[...bareNames].map((n) => n.length)) };
}

/**
 * The version of a work in force on `day`: the latest that speaks from then
 * or earlier (an undated one counts as always). Undefined before all of them:
 * the version then in force is not in the library.
 */
export function versionOn(entry: WorkEntry, day: string): WorkEntry['versions'][number] | undefined {
  return entry.versions.filter((v) => v.from <= day).at(-1);
}
