/** Which text nodes the scanners read: a node is read by each scanner whose cue it holds whole, and by no other. */
import { describe, expect, it } from 'vitest';
import { ABBREVIATION_CUE, CITATION_CUE, cuesOf, REFERENCE_CUE, TIME_CUE } from '../../../src/parse/xref/candidates.ts';

describe('cues of a text', () => {
  it('finds each scanner’s cue', () => {
    expect(cuesOf('依照《某法》规定')).toBe(CITATION_CUE);
    expect(cuesOf('市政府（以下简称区政府）')).toBe(ABBREVIATION_CUE);
    expect(cuesOf('依照第三条')).toBe(REFERENCE_CUE);
    expect(cuesOf('依照前款规定')).toBe(REFERENCE_CUE);
    expect(cuesOf('本条所称')).toBe(REFERENCE_CUE);
    expect(cuesOf('本章规定')).toBe(REFERENCE_CUE);
    expect(cuesOf('应当在5日内')).toBe(TIME_CUE);
    expect(cuesOf('每周召开1次')).toBe(TIME_CUE);
    expect(cuesOf('《某法》第十二条规定的三个工作日（以下简称期限）')).toBe(CITATION_CUE | REFERENCE_CUE | TIME_CUE | ABBREVIATION_CUE);
  });

  it('takes a pair only as the cue it is', () => {
    // 前章 pairs a reference's first character with another reference's second: no cue.
    expect(cuesOf('前章规定')).toBe(0);
    expect(cuesOf('第甲条')).toBe(0);
    expect(cuesOf('简明称谓')).toBe(0);
    expect(cuesOf('日5')).toBe(0);
    expect(cuesOf('')).toBe(0);
  });

  it('reads a cue at the text’s edges', () => {
    expect(cuesOf('第一')).toBe(REFERENCE_CUE);
    expect(cuesOf('甲乙丙3天')).toBe(TIME_CUE);
  });
});
