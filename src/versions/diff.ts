/**
 * A character-level diff of two article texts (Chinese has no spaces to diff
 * words by): jsdiff's diffChars, then a one-character common run between two
 * changes is folded into them, so a rewritten sentence reads as one deletion
 * and one insertion rather than confetti.
 */
import { diffChars } from 'diff';

export interface DiffPart {
  kind: 'same' | 'ins' | 'del';
  text: string;
}

/** Common runs this short between two changes are shown as changed. */
const FOLD_BELOW = 2;

export function charDiff(older: string, newer: string): DiffPart[] {
  const parts: DiffPart[] = diffChars(older, newer).map((c) => ({ kind: c.added ? 'ins' : c.removed ? 'del' : 'same', text: c.value }));
  // Group into change runs (del + ins) separated by common runs.
  const out: DiffPart[] = [];
  let del = '';
  let ins = '';
  const flush = () => {
    if (del) out.push({ kind: 'del', text: del });
    if (ins) out.push({ kind: 'ins', text: ins });
    del = ins = '';
  };
  parts.forEach((p, k) => {
    if (p.kind === 'del') del += p.text;
    else if (p.kind === 'ins') ins += p.text;
    else {
      const between = (del || ins) && k + 1 < parts.length && [...p.text].length < FOLD_BELOW && !p.text.includes('\n');
      if (between) {
        del += p.text;
        ins += p.text;
      } else {
        flush();
        out.push(p);
      }
    }
  });
  flush();
  return out;
}
