import { describe, expect, it } from 'vitest';
import { pageParams, pageUrl, paginate, pagerSlots } from '../../../src/library/paging.ts';

describe('paginate', () => {
  it('splits a list into pages that hold every item once, in order', () => {
    const items = Array.from({ length: 45 }, (_, i) => i);
    const pages = paginate(items, 20);
    expect(pages.map((p) => p.items.length)).toEqual([20, 20, 5]);
    expect(pages.flatMap((p) => p.items)).toEqual(items);
    expect(pages.map((p) => [p.n, p.count, p.offset, p.total])).toEqual([[1, 3, 0, 45], [2, 3, 20, 45], [3, 3, 40, 45]]);
  });

  it('gives an empty list one empty page (the listing still exists)', () => {
    expect(paginate([], 20)).toEqual([{ n: 1, count: 1, items: [], total: 0, offset: 0 }]);
  });
});

describe('page URLs', () => {
  it('puts page 1 at the listing itself and page n under page/n/', () => {
    expect(pageUrl('/regulations/', 1)).toBe('/regulations/');
    expect(pageUrl('/kinds/法律/', 3)).toBe('/kinds/法律/page/3/');
    expect(pageParams('法律', { n: 1 })).toBe('法律');
    expect(pageParams('法律', { n: 2 })).toBe('法律/page/2');
    expect(pageParams('', { n: 1 })).toBeUndefined();
  });

  it('links first, last and two either side, with gaps between', () => {
    expect(pagerSlots(1, 1)).toEqual([1]);
    expect(pagerSlots(1, 4)).toEqual([1, 2, 3, 4]);
    expect(pagerSlots(10, 150)).toEqual([1, undefined, 8, 9, 10, 11, 12, undefined, 150]);
    expect(pagerSlots(150, 150)).toEqual([1, undefined, 148, 149, 150]);
  });
});
