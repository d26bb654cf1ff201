/** The text nodes xref scanners read, each with the clause (and its context) that holds it. */
import type { Text } from '../../tree/types.ts';

export interface ClauseText {
  text: Text;
  /** Id of the innermost clause holding the text. */
  clause: string;
  /** Ids of the enclosing article, paragraph, item, chapter and section, where there are. */
  article?: string;
  paragraph?: { id: string; number: number };
  chapter?: string;
  section?: string;
}

/** Absolute source span of `text.value[from, to)`. */
export function spanOf(text: Text, from: number, to: number): { start: number; end: number } {
  const base = text.position.start.offset;
  return { start: base + from, end: base + to };
}
