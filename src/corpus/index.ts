/**
 * The corpus: every published text of the configured content folder, loaded
 * once per build process and shared by every page and index — on globalThis,
 * because the integration and the prerender bundle are separate module
 * instances of this file.
 */
import { portalConfig } from '../config/index.ts';
import { clauseIndex } from '../tree/query.ts';
import type { Clause } from '../tree/types.ts';
import { loadLibrary, type Library, type LoadedRegulation, type Work } from './load.ts';

export interface Corpus extends Library {
  bySlug: Map<string, LoadedRegulation>;
  byWork: Map<string, Work>;
  /** Clause lookup: `clause(slug, id)`. */
  clause(slug: string, id: string): Clause | undefined;
}

const KEY = Symbol.for('regulations-portal/corpus');

export function getCorpus(): Corpus {
  const g = globalThis as { [KEY]?: Corpus };
  if (g[KEY]) return g[KEY];
  const config = portalConfig();
  const library = loadLibrary({ dir: config.regulationsDir, exclusionsFile: config.exclusionsFile });
  const bySlug = new Map(library.regulations.map((r) => [r.slug, r]));
  const indexes = new Map<string, Map<string, Clause>>();
  g[KEY] = {
    ...library,
    bySlug,
    byWork: new Map(library.works.map((w) => [w.slug, w])),
    clause: (slug, id) => {
      const reg = bySlug.get(slug);
      if (!reg) return undefined;
      let index = indexes.get(slug);
      if (!index) indexes.set(slug, (index = clauseIndex(reg.tree)));
      return index.get(id);
    },
  };
  return g[KEY];
}

export { ContentError, type LoadedRegulation, type Work } from './load.ts';
