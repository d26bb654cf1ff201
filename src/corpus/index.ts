/**
 * The corpus: every published regulation, parsed once per process and shared
 * by every page of the build.
 */
import { clauseIndex } from '../tree/query.ts';
import type { Clause } from '../tree/types.ts';
import { loadRegulations, type LoadedRegulation } from './load.ts';

export interface Corpus {
  regulations: LoadedRegulation[];
  bySlug: Map<string, LoadedRegulation>;
  /** Clause lookup: `clause(slug, id)`. */
  clause(slug: string, id: string): Clause | undefined;
  warnings: string[];
}

let cached: Corpus | undefined;

export function getCorpus(): Corpus {
  if (cached) return cached;
  const { regulations, warnings } = loadRegulations();
  const bySlug = new Map(regulations.map((r) => [r.slug, r]));
  const indexes = new Map(regulations.map((r) => [r.slug, clauseIndex(r.tree)]));
  cached = {
    regulations,
    bySlug,
    clause: (slug, id) => indexes.get(slug)?.get(id),
    warnings,
  };
  return cached;
}
