/**
 * Which text nodes a scanner needs to read. A scanner's matches hold a cue they
 * cannot do without (《, 简称, 第 and a numeral, a digit before a unit); one regex
 * run over the whole source finds the nodes that hold one, instead of one call
 * per node (a text has hundreds of nodes, and the calls were much of the cost).
 * Text positions are offsets into the source (docs/tree.md, "Positions").
 */

/**
 * Indices of the nodes that hold a match of `cue` entirely. The cue is global
 * and matches exactly `length` characters (so `test` will do: no match object
 * per hit). `starts` and `ends` are the nodes' source offsets, in document order
 * and not overlapping; after a hit the scan resumes at that node's end.
 */
export function nodesWithCue(source: string, starts: readonly number[], ends: readonly number[], cue: RegExp, length: number): number[] {
  const out: number[] = [];
  let k = 0;
  cue.lastIndex = 0;
  while (cue.test(source)) {
    const end = cue.lastIndex;
    const at = end - length;
    while (k < ends.length && ends[k]! < end) k++;
    if (k === ends.length) break;
    if (starts[k]! <= at) {
      out.push(k);
      cue.lastIndex = ends[k]!;
      k++;
    } else {
      // Across a node boundary, or outside any text (a label, a heading's title): look on from the next character.
      cue.lastIndex = at + 1;
    }
  }
  return out;
}

/** Are the nodes in document order, none overlapping the one before? */
export function inOrder(starts: readonly number[], ends: readonly number[]): boolean {
  for (let k = 1; k < starts.length; k++) if (starts[k]! < ends[k - 1]!) return false;
  return true;
}
