import { describe, expect, it } from 'vitest';
import { paginateByWeight } from '../../../src/library/paging.ts';

describe('paginateByWeight', () => {
  it('fills each page up to the weight, never splitting an item, a heavy item alone', () => {
    const pages = paginateByWeight([3, 3, 3, 10, 1, 1], (n) => n, 7);
    expect(pages.map((p) => p.items)).toEqual([[3, 3], [3], [10], [1, 1]]);
    expect(pages.map((p) => [p.n, p.count, p.offset, p.total])).toEqual([[1, 4, 0, 6], [2, 4, 2, 6], [3, 4, 3, 6], [4, 4, 4, 6]]);
  });

  it('keeps one empty page for an empty index', () => {
    expect(paginateByWeight([], () => 1, 5)).toEqual([{ n: 1, count: 1, items: [], total: 0, offset: 0 }]);
  });
});
