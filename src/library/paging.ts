/**
 * Static pagination of a listing: page 1 at the listing's own URL, page n at
 * `<base>page/<n>/`, so a reader without JavaScript pages through any list.
 */
export const PAGE_SIZE = 20;

export interface Page<T> {
  /** 1-based. */
  n: number;
  count: number;
  items: T[];
  /** Total items in the listing. */
  total: number;
  /** Index of the first item (0-based), for the ordered list's `start`. */
  offset: number;
}

export function pageUrl(base: string, n: number): string {
  return n <= 1 ? base : `${base}page/${n}/`;
}

export function paginate<T>(items: readonly T[], size = PAGE_SIZE): Page<T>[] {
  const count = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: count }, (_, i) => ({
    n: i + 1,
    count,
    items: items.slice(i * size, (i + 1) * size),
    total: items.length,
    offset: i * size,
  }));
}

/**
 * The page numbers a pager links: the first, the last, and two either side of
 * the current one; `undefined` marks a gap (…). Short, whatever the count.
 */
export function pagerSlots(n: number, count: number): (number | undefined)[] {
  const slots: (number | undefined)[] = [];
  for (let i = 1; i <= count; i++) {
    if (i === 1 || i === count || Math.abs(i - n) <= 2) slots.push(i);
    else if (slots.at(-1) !== undefined) slots.push(undefined);
  }
  return slots;
}

/** Route params of a paginated listing under `prefix` (a facet slug, or '' for the listing itself). */
export function pageParams(prefix: string, page: { n: number }): string | undefined {
  const rest = page.n === 1 ? '' : `page/${page.n}`;
  return [prefix, rest].filter(Boolean).join('/') || undefined;
}

/**
 * Pages of at most `max` weight each (an item heavier than that gets a page
 * of its own): for indexes whose entries differ widely in size, such as a
 * cited document with one citing clause and one with hundreds.
 */
export function paginateByWeight<T>(items: readonly T[], weight: (item: T) => number, max: number): Page<T>[] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let sum = 0;
  for (const item of items) {
    const w = weight(item);
    if (current.length && sum + w > max) {
      chunks.push(current);
      current = [];
      sum = 0;
    }
    current.push(item);
    sum += w;
  }
  if (current.length || !chunks.length) chunks.push(current);
  let offset = 0;
  return chunks.map((chunk, i) => {
    const page = { n: i + 1, count: chunks.length, items: chunk, total: items.length, offset };
    offset += chunk.length;
    return page;
  });
}
