/** Which text nodes the scanners read: a cue wholly inside a node picks it; one across a boundary or outside every node does not. */
import { describe, expect, it } from 'vitest';
import { inOrder, nodesWithCue } from '../../../src/parse/xref/candidates.ts';

describe('nodes with a cue', () => {
  // Nodes [0, 4), [6, 10), [10, 14) of the source; 第三 at 4–5 lies between nodes (a label).
  const source = '甲乙前款第三丙丁戊己庚前条辛';
  const starts = [0, 6, 10];
  const ends = [4, 10, 14];

  it('picks each node holding the cue once, and skips cues outside or across nodes', () => {
    expect(nodesWithCue(source, starts, ends, /第[一二三]|前[条款]/g, 2)).toEqual([0, 2]);
    expect(nodesWithCue(source, starts, ends, /第三/g, 2)).toEqual([]);
    // 己庚 runs from node 1 (ends at 10) into node 2: held by neither.
    expect(nodesWithCue(source, starts, ends, /己庚/g, 2)).toEqual([]);
    expect(nodesWithCue(source, starts, ends, /丙/g, 1)).toEqual([1]);
  });

  it('tells nodes out of document order', () => {
    expect(inOrder(starts, ends)).toBe(true);
    expect(inOrder([0, 6, 5], [4, 10, 8])).toBe(false);
  });
});
