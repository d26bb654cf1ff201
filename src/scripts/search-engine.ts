/**
 * The search engine (src/search/engine.ts, with the index's client),
 * imported once, when there is something to search or the reader starts to
 * type; the index's first files load alongside its code, not after it.
 */
import type { SearchEngine } from '../search/engine.ts';
import { fetchEarly } from '../search/index-client.ts';
import { INDEX_BASE } from '../search/index-format.ts';

let enginePromise: Promise<SearchEngine> | undefined;

/** `hint`: the index hash the build wrote into the search form (build-index.ts: hintIndex). */
export function engine(hint = document.getElementById('search-form')?.dataset['index']): Promise<SearchEngine> {
  if (!enginePromise) {
    const early = hint ? fetchEarly(hint) : undefined;
    enginePromise = import('../search/engine.ts').then((m) => m.SearchEngine.open(INDEX_BASE, hint, early));
    // A failed load may be retried by the next search.
    enginePromise.catch(() => (enginePromise = undefined));
  }
  return enginePromise;
}
