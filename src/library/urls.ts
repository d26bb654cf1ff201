/** URLs of the browse pages: the listing, and a page per kind and per issuer (docs/urls.md "Library"). */
export const LIBRARY_PATH = '/regulations/';
/** The listing's on-demand index (src/library/compact.ts). */
export const LIBRARY_INDEX = '/library.json';

export type FacetKind = 'kinds' | 'issuers';

/** `/kinds/` or `/kinds/<slug>/`; slugs come from src/corpus/identity.ts slugOf. */
export function facetUrl(facet: FacetKind, slug?: string): string {
  return slug ? `/${facet}/${slug}/` : `/${facet}/`;
}
