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

// Verbs and purpose words that begin a sentence before a name (为了规范市人民政府（以下简称…）,
// 本规定所称主管部门是指…). Some also occur inside names (组织部, 监督管理局), so a cut after one
// counts only if what remains still holds every character of the short form.
const VERB_LEAD = /为了|规范|加强|保障|促进|推动|推进|明确|负责|协助|配合|组织|指导|监督|管理|授权|批准|要求|指定|确定|是指|系指|主管|牵头|统筹|协调|开展|落实|实行/g;

function lastCut(run: string, short: string): number {
  let cut = 0;
  for (const m of run.matchAll(LEAD_IN)) cut = m.index + m[0].length;
  const holdsShort = (rest: string) => [...short].every((ch) => rest.includes(ch));
  for (const m of run.matchAll(VERB_LEAD)) {
    const end = m.index + m[0].length;
    if (end > cut && holdsShort(run.slice(end))) cut = end;
  }
  return cut;
}

export function findAbbreviations(texts: readonly ClauseText[]): Abbreviation[] {
  const found = new Map<string, Abbreviation>();
  for (const { text, clause } of texts) {
    // Few texts define a short form: skip the others with one indexOf (no regex, no matchAll clone).
    if (!text.value.includes('简称')) continue;
    for (const m of text.value.matchAll(DEFINITION)) {
      const short = m[1]!;
      let start = m.index;
      while (start > 0 && !BOUNDARY.test(text.value[start - 1]!)) start--;
      let full = text.value.slice(start, m.index);
      const cut = lastCut(full, short);
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
