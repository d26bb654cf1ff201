/**
 * The search filters a regulation's pages carry besides `regulation` and
 * `chapter` (PagefindMeta.astro marks them; docs/search.md): its kind and
 * issuer as the library lists them (src/library/facets.ts) and its
 * version's status (src/render/status.ts), by its key (`inForce`, `amended`…),
 * as the library listing's URLs name it. Build time only.
 */
import { issuerOf, kindOf } from '../library/facets.ts';
import { regulationFacts } from '../render/pages.ts';

/** Filter keys, in the order the search page offers them after 法规. */
export const LIBRARY_FILTERS = ['kind', 'issuer', 'status'] as const;
export type LibraryFilter = (typeof LIBRARY_FILTERS)[number];


/** kind, issuer (when known) and status of the regulation with this slug; nothing for a slug the corpus lacks. */
export function libraryFilters(slug: string): Partial<Record<LibraryFilter, string>> {
  const facts = regulationFacts().get(slug);
  if (!facts) return {};
  const issuer = issuerOf(facts.reg);
  return { kind: kindOf(facts.reg), ...(issuer ? { issuer } : {}), status: facts.status.status };
}
