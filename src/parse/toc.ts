/** A contents list without a 目录 heading: the chapter headings listed once before the body. */
import { squeeze, type Line } from './lines.ts';
import { matchHeading } from './patterns.ts';

/**
 * The body opens with a part or chapter heading, only headings or short lines
 * follow, and the first heading is printed again before any article: the lines
 * before the repeat are the contents. Returns [start, end) line indices.
 */
export function headlessToc(lines: Line[], isArticle: (content: string) => boolean): { start: number; end: number } | undefined {
  let start = 0;
  while (start < lines.length && !lines[start]!.content) start++;
  const first = lines[start];
  const h = first && matchHeading(first.content);
  if (!h || h.kind === 'section') return undefined;
  const key = squeeze(first.content);
  for (let j = start + 1; j < lines.length; j++) {
    const c = lines[j]!.content;
    if (!c) continue;
    if (squeeze(c) === key) return j - start >= 2 ? { start, end: j } : undefined;
    if (isArticle(c) || (!matchHeading(c) && (c.length > 40 || /[。；]/.test(c)))) return undefined;
  }
  return undefined;
}
