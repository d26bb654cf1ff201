/** Text nodes cut from a line, with unist positions into the decoded source. */
import type { Point, Position, Text, TextRole } from '../tree/types.ts';
import type { Line } from './lines.ts';

export function point(line: Line, rawIndex: number): Point {
  return { line: line.number, column: rawIndex + 1, offset: line.offset + rawIndex };
}

/** The text of `line.content` from `from` (an index into content) to its end. */
export function textNode(line: Line, from = 0, role?: TextRole): Text {
  const value = line.content.slice(from);
  const start = line.indent + from;
  return {
    type: 'text',
    value,
    ...(role ? { role } : {}),
    position: { start: point(line, start), end: point(line, start + value.length) },
  };
}

/** Position of `content[from, to)` in a line. */
export function span(line: Line, from: number, to: number): Position {
  return { start: point(line, line.indent + from), end: point(line, line.indent + to) };
}
