/**
 * References to other clauses of the same text: `第十二条`, `第十二条之一`,
 * `第十二条第二款第三项`, `前款`, `本款第一项`, `前条`, `本条第二款`, `本章`,
 * `本节`, `第二款`. A 第X条 right after a 《…》 belongs to that other document
 * and is skipped; 本条例/本章程 name the whole text, not a clause.
 */
import type { InternalReference } from '../../tree/types.ts';
import { NUMERAL, parseNumeral } from '../numerals.ts';
import { spanOf, type ClauseText } from './clause-text.ts';

const N = `(${NUMERAL})`;
const REFERENCE = new RegExp(
  [
    `第${N}条(?:之${N})?(?:第${N}款)?(?:第${N}项)?`,
    `(本条|前条)(?![例文])(?:第${N}款)?(?:第${N}项)?`,
    `(前款|本款)(?:第${N}项)?`,
    `第${N}款(?:第${N}项)?`,
    `本章(?!程)|本节|第${N}项`,
  ].join('|'),
  'g',
);

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
      const target = resolve(m, context);
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

/** The id a reference points to, from its groups and where it stands. */
function resolve(m: RegExpExecArray, { article, paragraph, chapter, section }: ClauseText): string | undefined {
  const n = (i: number) => (m[i] === undefined ? undefined : parseNumeral(m[i]!));
  const withParts = (base: string | undefined, para: number | undefined, item: number | undefined) => {
    if (!base) return undefined;
    if (para !== undefined) return `${base}-p${para}${item !== undefined ? `-i${item}` : ''}`;
    // 第X条第Y项 without 款: the items of a one-paragraph article sit in its first paragraph.
    return item !== undefined ? `${base}-p1-i${item}` : base;
  };
  if (m[1] !== undefined) return withParts(`art-${n(1)}${m[2] !== undefined ? `-${n(2)}` : ''}`, n(3), n(4));
  if (m[5] !== undefined) {
    if (m[5] === '本条') return withParts(article, n(6), n(7));
    const num = article ? /^art-(\d+)$/.exec(article)?.[1] : undefined;
    return withParts(num ? `art-${Number(num) - 1}` : undefined, n(6), n(7));
  }
  if (m[8] !== undefined) {
    const own = paragraph && article ? (m[8] === '本款' ? paragraph.number : paragraph.number - 1) : 0;
    if (!own) return undefined;
    return `${article}-p${own}${m[9] !== undefined ? `-i${n(9)}` : ''}`;
  }
  if (m[10] !== undefined) return withParts(article, n(10), n(11));
  if (m[12] !== undefined) return paragraph ? `${paragraph.id}-i${n(12)}` : undefined;
  return m[0] === '本章' ? chapter : section;
}
