/**
 * Filtering and sorting the listing by the reader's choices — the ones in the
 * URL (`/regulations/?kind=法律&q=安全&sort=title`). Pure: the browser runs it.
 */
import type { ListedWork } from './compact.ts';

export type Sort = 'date' | 'date-asc' | 'title';

export interface Filters {
  /** Title words, space separated; every one must occur. */
  q: string;
  kind: string;
  issuer: string;
  status: string;
  year: string;
  sort: Sort;
}

export const FILTER_KEYS = ['q', 'kind', 'issuer', 'status', 'year', 'sort'] as const;

export function filtersFrom(params: URLSearchParams): Filters {
  const sort = params.get('sort');
  return {
    q: params.get('q')?.trim() ?? '',
    kind: params.get('kind') ?? '',
    issuer: params.get('issuer')?.trim() ?? '',
    status: params.get('status') ?? '',
    year: params.get('year') ?? '',
    sort: sort === 'title' || sort === 'date-asc' ? sort : 'date',
  };
}

/** The query string for `filters`, without defaults and empty values. */
export function searchOf(filters: Filters): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value && !(key === 'sort' && value === 'date')) params.set(key, value);
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

export function isFiltered(filters: Filters): boolean {
  return searchOf(filters) !== '';
}

/** Full-width letters and digits as ASCII, Latin lower case: 《民法典》 and 民法典, ＡＢＣ and abc match. */
export function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[《》〈〉「」『』“”‘’"'\s]/g, '');
}

export function applyFilters(works: readonly ListedWork[], f: Filters): ListedWork[] {
  const words = f.q.split(/\s+/).map(fold).filter(Boolean);
  const issuer = fold(f.issuer);
  const out = works.filter(
    (w) =>
      (!f.kind || w.kind === f.kind) &&
      (!f.status || w.status === f.status) &&
      (!f.year || w.date.startsWith(f.year)) &&
      (!issuer || fold(w.issuer ?? '').includes(issuer)) &&
      words.every((word) => fold(w.title).includes(word)),
  );
  const collator = new Intl.Collator('zh-CN');
  const byTitle = (a: ListedWork, b: ListedWork) => collator.compare(a.title, b.title);
  if (f.sort === 'title') return out.sort(byTitle);
  const dir = f.sort === 'date-asc' ? 1 : -1;
  // Undated works last either way.
  return out.sort((a, b) => (!a.date !== !b.date ? (a.date ? -1 : 1) : dir * a.date.localeCompare(b.date)) || byTitle(a, b));
}
