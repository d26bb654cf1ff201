/** Whether a version of a regulation is in force, computed from the corpus and the build date. */
import type { Meta } from '../tree/types.ts';

export type Status = 'inForce' | 'amended' | 'repealed' | 'notYetInForce';

export const STATUS_LABEL: Record<Status, string> = {
  inForce: '现行有效',
  amended: '已修改',
  repealed: '已废止',
  notYetInForce: '尚未生效',
};

export interface StatusInfo {
  status: Status;
  /** Title and 文号 of the regulation in the corpus that repeals this one. */
  repealedBy?: { slug: string; title: string; docNumber?: string };
  /** The date a repeal took effect, when the text's history records one. */
  repealedOn?: string;
  /** 已修改: the later version of the same work now in force. */
  amendedBy?: { slug: string; version?: string };
}

/** A later version of the same work (for 已修改). */
export interface LaterVersion {
  slug: string;
  version?: string;
  meta: Meta;
}

/**
 * 已废止 if another regulation in the corpus repeals this one (its
 * `meta.repeals.docNumber` is this one's 文号) or its history records a
 * repeal on or before `today`; 已修改 if a later version of the same work is
 * in force on `today`; 尚未生效 if it takes effect after `today`; else
 * 现行有效. Without an effective date the issue date counts.
 */
export function regulationStatus(
  self: { slug: string; meta: Meta },
  corpus: readonly { slug: string; meta: Meta }[],
  today: string,
  later: readonly LaterVersion[] = [],
): StatusInfo {
  const docNumber = self.meta.docNumber;
  if (docNumber) {
    const by = corpus.find((r) => r.slug !== self.slug && r.meta.repeals?.docNumber === docNumber);
    if (by) {
      return {
        status: 'repealed',
        repealedBy: { slug: by.slug, title: by.meta.title, ...(by.meta.docNumber ? { docNumber: by.meta.docNumber } : {}) },
      };
    }
  }
  // meta.history is being added by the header parser: read it only when present.
  const history = (self.meta as { history?: { event?: string; date?: string }[] }).history ?? [];
  const repeal = history.find((h) => h.event === '废止' && h.date && h.date <= today);
  if (repeal) return { status: 'repealed', repealedOn: repeal.date! };
  const newer = later.filter((v) => inForceOn(v.meta, today)).at(-1);
  if (newer) return { status: 'amended', amendedBy: { slug: newer.slug, ...(newer.version ? { version: newer.version } : {}) } };
  if (!inForceOn(self.meta, today)) return { status: 'notYetInForce' };
  return { status: 'inForce' };
}

/** In force on `day` unless it takes effect (or, without an effective date, is issued) later. ISO dates compare as strings. */
function inForceOn(meta: Meta, day: string): boolean {
  const effective = meta.effective?.date ?? meta.issued;
  return !(effective && effective > day);
}

export { todayInBeijing } from '../corpus/build-date.ts';
