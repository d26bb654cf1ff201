/** Whether a regulation is in force, computed from the corpus and the build date. */
import type { Meta } from '../tree/types.ts';

export type Status = 'inForce' | 'repealed' | 'notYetInForce';

export const STATUS_LABEL: Record<Status, string> = {
  inForce: '现行有效',
  repealed: '已废止',
  notYetInForce: '尚未施行',
};

export interface StatusInfo {
  status: Status;
  /** Title and 文号 of the regulation in the corpus that repeals this one. */
  repealedBy?: { slug: string; title: string; docNumber?: string };
}

/**
 * 已废止 if another regulation in the corpus repeals this one (its
 * `meta.repeals.docNumber` is this one's 文号); 尚未施行 if it takes effect
 * after `today`; else 现行有效. Without an effective date the issue date counts.
 */
export function regulationStatus(
  self: { slug: string; meta: Meta },
  corpus: readonly { slug: string; meta: Meta }[],
  today: string,
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
  const effective = self.meta.effective?.date ?? self.meta.issued;
  // ISO dates compare correctly as strings.
  if (effective && effective > today) return { status: 'notYetInForce' };
  return { status: 'inForce' };
}

export { todayInBeijing } from '../corpus/build-date.ts';
