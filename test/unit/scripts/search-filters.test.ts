import { describe, expect, it } from 'vitest';
import type { PageMatch } from '../../../src/search/match.ts';
import { STATUS_LABEL } from '../../../src/render/status.ts';
import { applyFilters, FacetIndex, options, type FacetSource, STATUS_LABELS, SUPERSEDED } from '../../../src/scripts/search-filters.ts';

const match = (page: string): PageMatch => ({
  page, score: 1, coverage: 1, verbatim: true, essential: true, longest: 2, spans: [], wholeSpans: [], pieces: [], wholePieces: [],
});
// a1, a2: the current 监察法; old1: its superseded version; b1: another law; r: a regulation result (no facet values).
// Per filter key, each value with its pages.
const facets: Record<string, Record<string, string[]>> = {
  regulation: { 监察法: ['a1', 'a2', 'old1'], 宪法: ['b1'] },
  kind: { 法律: ['a1', 'a2', 'old1'], 宪法: ['b1'] },
  status: { inForce: ['a1', 'a2', 'b1'], amended: ['old1'] },
};
const source: FacetSource = {
  order: (key) => Object.keys(facets[key] ?? {}),
  values: (key, page) => Object.entries(facets[key] ?? {}).filter(([, pages]) => pages.includes(page)).map(([value]) => value),
};
const index = new FacetIndex(source);
const results = ['r', 'a1', 'old1', 'b1', 'a2'].map(match);
const pages = (ms: PageMatch[]) => ms.map((m) => m.page);

describe('search filters', () => {
  it('use the status labels the pages carry (src/render/status.ts)', () => {
    expect(STATUS_LABELS[SUPERSEDED]).toBe(STATUS_LABEL.amended);
    expect(STATUS_LABELS).toEqual(STATUS_LABEL);
  });

  it('leave superseded versions out unless a status is chosen, and count them', () => {
    expect(applyFilters(results, index, [])).toEqual({ shown: results.filter((m) => m.page !== 'old1'), superseded: 1, older: false });
    expect(pages(applyFilters(results, index, [['status', SUPERSEDED]]).shown)).toEqual(['old1']);
  });

  it('list older versions when no current one matches', () => {
    expect(applyFilters([match('old1')], index, [])).toEqual({ shown: [match('old1')], superseded: 0, older: true });
    expect(applyFilters([match('old1')], index, [['kind', '宪法']])).toEqual({ shown: [], superseded: 0, older: false });
  });

  it('keep only results having every chosen value', () => {
    expect(pages(applyFilters(results, index, [['kind', '法律']]).shown)).toEqual(['a1', 'a2']);
    expect(pages(applyFilters(results, index, [['kind', '法律'], ['regulation', '宪法']]).shown)).toEqual([]);
  });

  it('count values over current versions, most results first; statuses over every result, in a reader’s order', () => {
    expect(options('kind', results, index, [], '')).toEqual([{ value: '法律', count: 2 }, { value: '宪法', count: 1 }]);
    expect(options('kind', results, index, [['status', SUPERSEDED]], '')).toEqual([{ value: '法律', count: 3 }, { value: '宪法', count: 1 }]);
    expect(options('status', results, index, [], '')).toEqual([{ value: 'inForce', count: 3 }, { value: 'amended', count: 1 }]);
  });

  it('list a chosen value even when no result has it', () => {
    expect(options('regulation', [match('b1')], index, [], '监察法')).toEqual([{ value: '宪法', count: 1 }, { value: '监察法', count: 0 }]);
  });
});
