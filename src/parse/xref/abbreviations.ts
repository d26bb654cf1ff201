/** `北京市朝阳区人民政府（以下简称区政府）` → { short: 区政府, full: 北京市朝阳区人民政府 }. */
import type { Abbreviation } from '../../tree/types.ts';
import type { ClauseText } from './clause-text.ts';

const DEFINITION = /[（(](?:以下)?简称[“"「]?([^”"」）)]{1,16})[”"」]?[）)]/g;
// Where a name stops when reading backwards: punctuation, or the start of the text.
const BOUNDARY = /[，。；：、（）()《》“”"\s]/;
// A single-character preposition glued to the front of a name (在中共…区委).
const PREPOSITION = /^[在由向对经按依据从与和及同把将被为于至跟]/;

// Words that end the clause text before an organ's name (…报送市人民政府办公厅（以下简称…）).
// Only multi-character words and 的: single characters like 和 occur inside names (中华人民共和国).
const LEAD_IN = /的|报送|报请|提请|呈报|抄送|会同|按照|根据|依照|依据|委托|联合|设立|成立|组建|通过|经过/g;

function lastCut(run: string): number {
  let cut = 0;
  for (const m of run.matchAll(LEAD_IN)) cut = m.index + m[0].length;
  return cut;
}

export function findAbbreviations(texts: readonly ClauseText[]): Abbreviation[] {
  const found = new Map<string, Abbreviation>();
  for (const { text, clause } of texts) {
    for (const m of text.value.matchAll(DEFINITION)) {
      const short = m[1]!;
      let start = m.index;
      while (start > 0 && !BOUNDARY.test(text.value[start - 1]!)) start--;
      let full = text.value.slice(start, m.index);
      const cut = lastCut(full);
      if (cut > 0) {
        full = full.slice(cut);
        start += cut;
      }
      if (PREPOSITION.test(full) && full.length >= 5) {
        full = full.slice(1);
        start += 1;
      }
      if (!full || found.has(short)) continue;
      const base = text.position.start.offset;
      found.set(short, { short, full, clause, span: { start: base + start, end: base + m.index + m[0].length } });
    }
  }
  return [...found.values()];
}
