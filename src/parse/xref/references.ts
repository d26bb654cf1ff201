/**
 * References to other clauses of the same text: `第十二条`, `第十二条之一`,
 * `第十二条第二款第三项`, `前款`, `本款第一项`, `前条`, `本条第二款`, `本章`,
 * `本节`, `第二款`. The words and the ids they name are the grammar of
 * src/tree/clause-words.ts. A 第X条 right after a 《…》 belongs to that other
 * document and is skipped; 本条例/本章程 name the whole text, not a clause.
 */
import type { InternalReference } from '../../tree/types.ts';
import { CLAUSE_WORDS, clauseIdOf, readClauseWords } from '../../tree/clause-words.ts';
import { spanOf, type ClauseText } from './clause-text.ts';

const REFERENCE = new RegExp(CLAUSE_WORDS, 'g');
/** How every CLAUSE_WORDS match begins: 第 and a numeral, 本条, 前条, 本款, 前款, 本章, 本节. */
export const REFERENCE_CUE = /第[〇零一二两三四五六七八九十百千0-9０-９]|[本前][条款]|本[章节]/g;

const LIST_JOINER = /^(?:、|，|和|及|以及|或者|或|与|至)$/;

export function findReferences(texts: readonly ClauseText[], exists: (id: string) => boolean): InternalReference[] {
  const out: InternalReference[] = [];
  for (const context of texts) {
    const { text } = context;
    let externalEnd = -1;
    // exec, not matchAll: matchAll clones the regex per text, and a clone runs several times slower.
    REFERENCE.lastIndex = 0;
    for (let m = REFERENCE.exec(text.value); m; m = REFERENCE.exec(text.value)) {
      // 《某法》第二条、第三条和第七十六条: the whole list belongs to the cited document.
      const joined = externalEnd >= 0 && LIST_JOINER.test(text.value.slice(externalEnd, m.index));
      if (m[1] !== undefined && (text.value[m.index - 1] === '》' || joined)) {
        externalEnd = m.index + m[0].length;
        continue;
      }
      externalEnd = -1;
      const words = readClauseWords(m);
      const target = words && clauseIdOf(words, context);
      out.push({
        text: m[0],
        from: context.clause,
        ...(target && exists(target) ? { target } : {}),
        span: spanOf(text, m.index, m.index + m[0].length),
      });
    }
  }
  return out;
}
