/**
 * Build side of the "defines or governs" signal (about.ts): what the index
 * writer computes from a clause's text, for the page table. Pure; not in the
 * search page's bundle.
 */
import { findAbbreviations } from '../parse/xref/abbreviations.ts';
import { fold } from './query.ts';

// A definition's subject runs back to the previous punctuation mark.
const SUBJECT = '[^，。；：、,;:“”‘’"（）()《》\\s]{2,24}?';
// What comes before the term itself: 本规定所称, 前款所称, 本标准 ….
const PREFIX = /^(?:.*?所称(?:的)?|本(?:法|规定|规则|办法|条例|细则|标准|决定|意见)(?=\p{Script=Han}{2}))/u;
const MEANS = new RegExp(`(?:所称(?:的)?)?(${SUBJECT})[，,]?(?:是指|系指)`, 'gu');
const SO_CALLED = new RegExp(`所称(?:的)?(${SUBJECT})[，,]?(?:包括|含)`, 'gu');

/**
 * Terms `text` defines, folded: short forms (not their full names: a reader
 * typing the full name wants the organ, not the definition of its short
 * form) and the subjects of 是指 / 所称…包括.
 */
export function definedTerms(text: string): string[] {
  const out = new Set<string>();
  const node = { type: 'text' as const, value: text, position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: text.length } } };
  for (const a of findAbbreviations([{ text: node, clause: '' }])) out.add(fold(a.short));
  for (const re of [MEANS, SO_CALLED]) for (const m of text.matchAll(re)) out.add(fold(m[1]!.replace(PREFIX, '')));
  return [...out].filter((t) => [...t].length >= 2);
}
