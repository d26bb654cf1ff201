/**
 * The search page's filters (regulation, chapter, kind, issuer, status: the
 * `<select data-filter>` of src/pages/search.astro), with counts over the
 * results. Older versions (已修改) do not crowd current ones: unless the
 * status filter asks for them, results from a superseded version are left
 * out while any current one matches, and the status line says how many.
 *
 * Counting looks each result's values up (page → values, built once per
 * index), so a render costs results × filters, not results × values: a
 * common term at the whole library lists thousands of results over 3,000
 * regulations.
 */
import type { PageMatch } from '../search/match.ts';

/** A version a later one replaced (src/render/status.ts: Status). */
export const SUPERSEDED = 'amended';
/**
 * Status values (the pages carry src/render/status.ts's keys, as the library
 * listing's URLs do: `status=amended`) in a reader's order, with their labels
 * (STATUS_LABEL there; a unit test keeps them equal).
 */
export const STATUS_LABELS: Readonly<Record<string, string>> = { inForce: '现行有效', notYetInForce: '尚未生效', [SUPERSEDED]: '已修改', repealed: '已废止' };
const STATUS_ORDER = Object.keys(STATUS_LABELS);

export type Active = readonly (readonly [key: string, value: string])[];

/** Where the filters' values come from: the engine's directory (engine.ts), or (tests) any other. */
export interface FacetSource {
  /** A key's values in listing order (chapters in text order). */
  order(key: string): readonly string[];
  values(key: string, page: string): readonly string[];
}

/** No values (before the engine has loaded). */
const NO_FACETS: FacetSource = { order: () => [], values: () => [] };

/** Each page's values per filter key. */
export class FacetIndex {
  readonly source: FacetSource;

  constructor(source: FacetSource = NO_FACETS) {
    this.source = source;
  }

  values(key: string, page: string): readonly string[] {
    return this.source.values(key, page);
  }

  has(key: string, page: string, value: string): boolean {
    return this.values(key, page).includes(value);
  }
}

/** Hidden by default: a clause of a superseded version, while no status is chosen. */
const superseded = (index: FacetIndex, active: Active, page: string) =>
  !active.some(([key]) => key === 'status') && index.has('status', page, SUPERSEDED);

/**
 * The results the filters keep, and how many superseded ones the default
 * left out. When no current version matches at all, the older ones are the
 * answer (a phrase only an earlier text has): `older` says so.
 */
export function applyFilters(
  results: readonly PageMatch[],
  index: FacetIndex,
  active: Active,
): { shown: PageMatch[]; superseded: number; older: boolean } {
  const current: PageMatch[] = [];
  const old: PageMatch[] = [];
  for (const m of results) {
    if (!active.every(([key, value]) => index.has(key, m.page, value))) continue;
    (superseded(index, active, m.page) ? old : current).push(m);
  }
  if (!current.length && old.length) return { shown: old, superseded: 0, older: true };
  return { shown: current, superseded: old.length, older: false };
}

/**
 * A filter's options for these results: each value with its count, over the
 * results the other filters would show by default (current versions; for
 * the status filter itself, every result). `keep`: the chosen value, listed
 * even at 0. Chapters in text order (the facet's), statuses in STATUS_ORDER,
 * other values most results first.
 */
export function options(key: string, results: readonly PageMatch[], index: FacetIndex, active: Active, keep: string): { value: string; count: number }[] {
  const order = index.source.order(key);
  const counts = new Map<string, number>();
  const scope: Active = key === 'status' ? [['status', '']] : active.filter(([k]) => k === 'status');
  for (const m of results) {
    if (superseded(index, scope, m.page)) continue;
    for (const v of index.values(key, m.page)) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  const listed = order.map((value, i) => ({ value, count: counts.get(value) ?? 0, i })).filter((o) => o.count || o.value === keep);
  const rank = (v: string) => (STATUS_ORDER.includes(v) ? STATUS_ORDER.indexOf(v) : STATUS_ORDER.length);
  if (key === 'status') listed.sort((a, b) => rank(a.value) - rank(b.value) || a.i - b.i);
  else if (key !== 'chapter') listed.sort((a, b) => b.count - a.count || a.i - b.i);
  return listed.map(({ value, count }) => ({ value, count }));
}

/**
 * Chapters mean something within one regulation only ("第一章 总则" is in
 * most of them): the chapter filter is offered once the results, after the
 * regulation filter, come from one regulation.
 */
function oneRegulation(results: readonly PageMatch[], index: FacetIndex, chosen: string): boolean {
  if (chosen) return true;
  const seen = new Set<string>();
  for (const m of results) for (const v of index.values('regulation', m.page)) seen.add(v);
  return seen.size <= 1;
}

/** The filter bar: `<select data-filter>` elements inside `box`. */
export class FilterBar {
  index = new FacetIndex();
  private readonly box: HTMLElement;
  private readonly selects: HTMLSelectElement[];

  constructor(box: HTMLElement) {
    this.box = box;
    this.selects = [...box.querySelectorAll<HTMLSelectElement>('select[data-filter]')];
  }

  keys(): string[] {
    return this.selects.map((s) => s.dataset['filter']!);
  }

  /** Filter values in the URL's form: key → value ('' for none). */
  values(): Record<string, string> {
    return Object.fromEntries(this.selects.map((s) => [s.dataset['filter']!, s.value]));
  }

  active(): [string, string][] {
    return this.selects.filter((s) => s.value).map((s) => [s.dataset['filter']!, s.value]);
  }

  onChange(listener: () => void): void {
    for (const select of this.selects) select.addEventListener('change', listener);
  }

  hide(): void {
    this.box.hidden = true;
  }

  /** Options with counts for these results; `wanted`: values to choose (from the URL), else the current ones. */
  fill(results: readonly PageMatch[], wanted: Record<string, string>): void {
    const keep = (s: HTMLSelectElement) => wanted[s.dataset['filter']!] ?? s.value;
    const regulation = this.selects.find((s) => s.dataset['filter'] === 'regulation');
    const chosenRegulation = regulation ? keep(regulation) : '';
    const single = oneRegulation(results, this.index, chosenRegulation);
    const statusSelect = this.selects.find((s) => s.dataset['filter'] === 'status');
    const status = statusSelect ? keep(statusSelect) : '';
    const scope: Active = status ? [['status', status]] : [];
    for (const select of this.selects) {
      const key = select.dataset['filter']!;
      const value = keep(select);
      const all = select.options[0]!;
      select.replaceChildren(all);
      const wrapper = select.closest<HTMLElement>('.filter') ?? select;
      if (key === 'chapter' && !single && !value) {
        wrapper.hidden = true; // chapters mean something within one regulation only
        continue;
      }
      // Chapter counts within the chosen regulation.
      const base = key === 'chapter' && chosenRegulation ? results.filter((m) => this.index.has('regulation', m.page, chosenRegulation)) : results;
      for (const o of options(key, base, this.index, scope, value)) {
        const option = document.createElement('option');
        option.value = o.value;
        option.textContent = `${key === 'status' ? (STATUS_LABELS[o.value] ?? o.value) : o.value}（${o.count}）`;
        select.append(option);
      }
      select.value = value && [...select.options].some((o) => o.value === value) ? value : '';
      // Nothing to choose between when every result shares one value (the seed portal's one regulation, kind, status).
      wrapper.hidden = select.options.length <= 2 && !select.value;
    }
    this.box.hidden = this.selects.every((s) => (s.closest<HTMLElement>('.filter') ?? s).hidden);
  }
}
