/**
 * Data the regulation pages share, computed once per build from the corpus:
 * each regulation's status (per version: a later version in force makes it
 * 已修改) and its predecessor in the corpus.
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
  const { regulations, byWork } = getCorpus();
  // Only texts that repeal another can change a status; lookups by 文号 keep this linear in the texts.
  const repealing = regulations.filter((r) => r.tree.meta.repeals).map((r) => ({ slug: r.slug, meta: r.tree.meta }));
  const byDocNumber = new Map<string, LoadedRegulation[]>();
  for (const r of regulations) if (r.tree.meta.docNumber) byDocNumber.set(r.tree.meta.docNumber, [...(byDocNumber.get(r.tree.meta.docNumber) ?? []), r]);
  const today = buildDate();
  cached = new Map(
    regulations.map((reg) => {
      const docNumber = reg.tree.meta.repeals?.docNumber;
      const predecessor = docNumber ? byDocNumber.get(docNumber)?.find((r) => r.slug !== reg.slug) : undefined;
      const versions = byWork.get(reg.work)?.versions ?? [reg];
      const later = versions.slice(versions.indexOf(reg) + 1).map((v) => ({ slug: v.slug, ...(v.version ? { version: v.version } : {}), meta: v.tree.meta }));
      const facts: RegulationFacts = { reg, status: regulationStatus({ slug: reg.slug, meta: reg.tree.meta }, repealing, today, later) };
      if (predecessor) facts.predecessorSlug = predecessor.slug;
      return [reg.slug, facts];
    }),
  );
  return cached;
}
