/** Text nodes cut from a line, with unist positions into the decoded source. */
import type { Point, Position, Text, TextRole } from '../tree/types.ts';
import type { Line } from './lines.ts';

export function point(line: Line, rawIndex: number): Point {
  return { line: line.number, column: rawIndex + 1, offset: line.offset + rawIndex };
}

/**
 * The text of `line.content` from `from` (an index into content) to its end.
 * `shared`: its position, when the caller has made it already (its paragraph's own
 * span, or one ending at its item's end point): fewer objects per line. Positions and
 * points are never edited in place (extendPositions and the item splitting give a node a new one).
 */
export function textNode(line: Line, from = 0, role?: TextRole, shared?: Position): Text {
  const value = line.content.slice(from);
  const start = line.indent + from;
  const position = shared ?? { start: point(line, start), end: point(line, start + value.length) };
  // Two literals rather than a spread (one text node per line: a spread here was a hot spot).
  return role ? { type: 'text', value, role, position } : { type: 'text', value, position };
}

/** Position of `content[from, to)` in a line. */
export function span(line: Line, from: number, to: number): Position {
  return { start: point(line, line.indent + from), end: point(line, line.indent + to) };
}

/** One text node per TAB-separated cell of a table row (empty cells included, so columns line up). */
export function rowTexts(line: Line): Text[] {
  const out: Text[] = [];
  let from = 0;
  for (;;) {
    const tab = line.content.indexOf('\t', from);
    const to = tab < 0 ? line.content.length : tab;
    const start = line.indent + from;
    out.push({ type: 'text', value: line.content.slice(from, to), position: { start: point(line, start), end: point(line, line.indent + to) } });
    if (tab < 0) return out;
    from = tab + 1;
  }
}
