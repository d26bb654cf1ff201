/** Every 《…》 cited, nested brackets included: 《北京城市总体规划（2016年—2035年）》. */
import type { CitedDocument } from '../../tree/types.ts';
import { spanOf, type ClauseText } from './clause-text.ts';

// Sticky: tried right after the 》, never scanning the rest of the text.
const DOC_NUMBER_AFTER = /[（(]([^（）()]{2,30}?〔[0-9０-９]{4}〕[0-9０-９]+号)[）)]/y;

export function findCitations(texts: readonly ClauseText[]): CitedDocument[] {
  const byTitle = new Map<string, CitedDocument>();
  for (const { text, clause } of texts) {
    const value = text.value;
    if (!value.includes('《')) continue; // most texts cite nothing
    const closing = closingMarks(value);
    for (let i = value.indexOf('《'); i >= 0; i = value.indexOf('《', i + 1)) {
      const end = closing.get(i) ?? -1;
      if (end < 0) continue;
      const title = value.slice(i + 1, end);
      DOC_NUMBER_AFTER.lastIndex = end + 1;
      const docNumber = DOC_NUMBER_AFTER.exec(value)?.[1];
      let doc = byTitle.get(title);
      if (!doc) byTitle.set(title, (doc = { title, occurrences: [] }));
      doc.occurrences.push({ clause, span: spanOf(text, i, end + 1), ...(docNumber ? { docNumber } : {}) });
      i = end;
    }
  }
  return [...byTitle.values()];
}

/**
 * For each 《 that is closed, the index of its 》: brackets 《》〈〉 nest, and one
 * that closes on 〉 (or not at all) cites nothing. One pass with a stack, so a
 * run of unclosed 《 stays linear (scanning ahead from each one was quadratic).
 */
const OPEN = 0x300a; // 《
const CLOSE = 0x300b; // 》

function closingMarks(value: string): Map<number, number> {
  const closing = new Map<number, number>();
  const open: number[] = [];
  // Char codes, not value[i]: indexing a CJK string allocates a new one-character string.
  for (let i = 0; i < value.length; i++) {
    const ch = value.charCodeAt(i);
    if (ch === OPEN || ch === 0x3008) open.push(i); // 〈
    else if (ch === CLOSE || ch === 0x3009) { // 〉
      const at = open.pop();
      if (at !== undefined && ch === CLOSE && value.charCodeAt(at) === OPEN) closing.set(at, i);
    }
  }
  return closing;
}
