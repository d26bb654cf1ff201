/**
 * References to other clauses of the same text: `第十二条`, `第十二条之一`,
 * `第十二条第二款第三项`, `前款`, `前条`, `本条`, `本款`, `本章`, `本节`, `第二款`.
 * A 第X条 right after a 《…》 belongs to that other document and is skipped.
 */
import type { InternalReference } from '../../tree/types.ts';
import { NUMERAL, parseNumeral } from '../numerals.ts';
import { spanOf, type ClauseText } from './clause-text.ts';

const REFERENCE = new RegExp(
  `第(${NUMERAL})条(?:之(${NUMERAL}))?(?:第(${NUMERAL})款)?(?:第(${NUMERAL})项)?` +
    `|第(${NUMERAL})款(?:第(${NUMERAL})项)?|前款|本款|前条|本条|本章|本节`,
  'g',
);

export function findReferences(texts: readonly ClauseText[], exists: (id: string) => boolean): InternalReference[] {
  const out: InternalReference[] = [];
  for (const context of texts) {
    const { text, clause, article, paragraph, chapter, section } = context;
    for (const m of text.value.matchAll(REFERENCE)) {
      if (m[1] !== undefined && /》\s*$/.test(text.value.slice(0, m.index))) continue;
      const n = (i: number) => (m[i] === undefined ? undefined : parseNumeral(m[i]!));
      let target: string | undefined;
      if (m[1] !== undefined) {
        const sub = n(2);
        target = `art-${n(1)}${sub ? `-${sub}` : ''}`;
        if (m[3] !== undefined) target += `-p${n(3)}`;
        if (m[4] !== undefined) target += m[3] !== undefined ? `-i${n(4)}` : `-p1-i${n(4)}`;
      } else if (m[5] !== undefined) {
        target = article && `${article}-p${n(5)}${m[6] !== undefined ? `-i${n(6)}` : ''}`;
      } else {
        switch (m[0]) {
          case '前款':
            target = article && paragraph && paragraph.number > 1 ? `${article}-p${paragraph.number - 1}` : undefined;
            break;
          case '本款':
            target = paragraph?.id;
            break;
          case '本条':
            target = article;
            break;
          case '前条': {
            const num = article ? /^art-(\d+)$/.exec(article)?.[1] : undefined;
            target = num ? `art-${Number(num) - 1}` : undefined;
            break;
          }
          case '本章':
            target = chapter;
            break;
          case '本节':
            target = section;
            break;
        }
      }
      out.push({
        text: m[0],
        from: clause,
        ...(target && exists(target) ? { target } : {}),
        span: spanOf(text, m.index, m.index + m[0].length),
      });
    }
  }
  return out;
}
