/** Route params of the per-kind and per-issuer pages: `<slug>` for page 1, `<slug>/page/<n>` after. */
import type { Facet, LibraryEntry } from './entries.ts';
import { paginate, pageParams, type Page } from './paging.ts';

export interface FacetPageProps {
  value: Facet;
  page: Page<LibraryEntry>;
}

export function facetPaths(facets: readonly Facet[]): { params: { path: string }; props: FacetPageProps }[] {
  return facets.flatMap((value) => paginate(value.entries).map((page) => ({ params: { path: pageParams(value.slug, page)! }, props: { value, page } })));
}
