/**
 * Data the regulation pages share, computed once per build from the corpus:
 * each regulation's status and its predecessor in the corpus.
 */
import { getCorpus } from '../corpus/index.ts';
import type { LoadedRegulation } from '../corpus/load.ts';
import { buildDate } from '../corpus/build-date.ts';
import { regulationStatus, type StatusInfo } from './status.ts';

export interface RegulationFacts {
  reg: LoadedRegulation;
  status: StatusInfo;
  /** Slug of the regulation this one repeals, when the corpus has it. */
  predecessorSlug?: string;
}

export { buildDate } from '../corpus/build-date.ts';

let cached: Map<string, RegulationFacts> | undefined;

export function regulationFacts(): Map<string, RegulationFacts> {
  if (cached) return cached;
  const { regulations } = getCorpus();
  const all = regulations.map((r) => ({ slug: r.slug, meta: r.tree.meta }));
  const today = buildDate();
  cached = new Map(
    regulations.map((reg) => {
      const docNumber = reg.tree.meta.repeals?.docNumber;
      const predecessor = docNumber ? regulations.find((r) => r.slug !== reg.slug && r.tree.meta.docNumber === docNumber) : undefined;
      const facts: RegulationFacts = { reg, status: regulationStatus({ slug: reg.slug, meta: reg.tree.meta }, all, today) };
      if (predecessor) facts.predecessorSlug = predecessor.slug;
      return [reg.slug, facts];
    }),
  );
  return cached;
}
