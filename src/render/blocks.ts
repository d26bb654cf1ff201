/** A clause's children as the renderer lays them out: runs of text, then lists of items or subitems. */
import type { Text } from '../tree/types.ts';

export type Block<T> = { kind: 'text'; texts: Text[] } | { kind: 'list'; nodes: T[] };

export function groupChildren<T extends { type: string }>(children: readonly (Text | T)[]): Block<T>[] {
  const out: Block<T>[] = [];
  for (const child of children) {
    const last = out.at(-1);
    if (child.type === 'text') {
      if (last?.kind === 'text') last.texts.push(child as Text);
      else out.push({ kind: 'text', texts: [child as Text] });
    } else if (last?.kind === 'list') {
      last.nodes.push(child as T);
    } else {
      out.push({ kind: 'list', nodes: [child as T] });
    }
  }
  // A clause that opens with its list still needs a line for its label and anchor.
  if (out[0]?.kind !== 'text') out.unshift({ kind: 'text', texts: [] });
  return out;
}
