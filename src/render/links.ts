/**
 * Inline links inside a clause's text: defined abbreviations, internal
 * references (第X条, 前款 …), cited documents (《…》) and topic terms.
 * The renderer asks for a text node's segments and links those with an href.
 */
import type { Text } from '../tree/types.ts';

export interface Segment {
  text: string;
  href?: string;
  kind?: 'abbreviation' | 'reference' | 'citation' | 'topic';
  /** Tooltip / accessible description, e.g. the full name of an abbreviation. */
  title?: string;
}

/** Split a text node into plain and linked segments; the segments' text joined is exactly `text.value`. */
export function segmentText(_slug: string, text: Text): Segment[] {
  return [{ text: text.value }];
}
