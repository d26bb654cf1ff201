/**
 * When a helper's quote means something: a quote stands for the rule it
 * supports, so one that any clause contains (`的`, `区政府`) proves nothing.
 * It must hold at least QUOTE_MIN_CHARS characters of words (punctuation and
 * spaces not counted; the shortest reviewed quotes, 按程序报批 and 报区长审批,
 * have five), or be the clause's whole text.
 */

export const QUOTE_MIN_CHARS = 4;

const NOT_WORDS = /[\s\p{P}\p{S}]/gu;

/** Why `quote` cannot stand for a rule in `clause` (whose text contains it), or undefined. */
export function quoteProblem(quote: string, clause: string): string | undefined {
  if (quote === clause.trim()) return undefined;
  const words = [...quote.replace(NOT_WORDS, '')].length;
  if (words >= QUOTE_MIN_CHARS) return undefined;
  return `引文“${quote}”太短（${words} 个字），说明不了规则：至少引 ${QUOTE_MIN_CHARS} 个字，或引整个条款`;
}
