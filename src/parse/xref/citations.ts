/** Every 《…》 cited, nested brackets included: 《北京城市总体规划（2016年—2035年）》. */
import type { CitedDocument } from '../../tree/types.ts';
import { spanOf, type ClauseText } from './clause-text.ts';

const DOC_NUMBER_AFTER = /^[（(]([^（）()]{2,30}?〔[0-9０-９]{4}〕[0-9０-９]+号)[）)]/;

export function findCitations(texts: readonly ClauseText[]): CitedDocument[] {
  const byTitle = new Map<string, CitedDocument>();
  for (const { text, clause } of texts) {
    const value = text.value;
    for (let i = value.indexOf('《'); i >= 0; i = value.indexOf('《', i + 1)) {
      const end = closingMark(value, i);
      if (end < 0) continue;
      const title = value.slice(i + 1, end);
      const docNumber = DOC_NUMBER_AFTER.exec(value.slice(end + 1))?.[1];
      let doc = byTitle.get(title);
      if (!doc) byTitle.set(title, (doc = { title, occurrences: [] }));
      doc.occurrences.push({ clause, span: spanOf(text, i, end + 1), ...(docNumber ? { docNumber } : {}) });
      i = end;
    }
  }
  return [...byTitle.values()];
}

/** Index of the 》 closing the 《 at `open`, allowing nested 《》 and 〈〉; -1 if unbalanced. */
function closingMark(value: string, open: number): number {
  let depth = 0;
  for (let i = open; i < value.length; i++) {
    const ch = value[i];
    if (ch === '《' || ch === '〈') depth++;
    else if (ch === '》' || ch === '〉') {
      depth--;
      if (depth === 0) return ch === '》' ? i : -1;
    }
  }
  return -1;
}
