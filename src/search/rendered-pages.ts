/**
 * The searchable region of every page Astro renders, taken from the HTML as
 * it is rendered (csp-middleware.ts hands each page over), so the index step
 * reads from disk only the pages this build did not render — those the
 * incremental build kept — instead of opening every page again: at the whole
 * collection that was 100,000 files and most of the index step's time.
 *
 * Shared through globalThis: the middleware runs in the prerender bundle,
 * a module instance of its own, and the integration in another.
 */
import { searchPage } from './html-pages.ts';

const STORE = Symbol.for('regulations-portal/rendered-pages');
/**
 * URL (as urlOf writes it) → its searchable region as JSON, or 0 if it has none. Held as one string a page
 * until the index step, not as objects: the whole collection's 100,000 would otherwise sit on rendering's peak.
 */
export type RenderedPages = Map<string, string | 0>;
type Global = { [STORE]?: RenderedPages };

/** Start taking pages (the build's start); until then, and in `astro dev`, pages are not kept. */
export function collectRenderedPages(): void {
  (globalThis as Global)[STORE] = new Map();
}

/** One rendered page; `pathname` as the request's URL has it. */
export function pageRendered(pathname: string, html: string): void {
  const store = (globalThis as Global)[STORE];
  if (!store) return;
  const url = canonicalPath(pathname);
  const page = searchPage(html, url);
  store.set(url, page ? JSON.stringify(page) : 0);
}

/** The pages taken since collectRenderedPages(), and stop taking them. */
export function takeRenderedPages(): RenderedPages {
  const g = globalThis as Global;
  const store = g[STORE] ?? new Map();
  delete g[STORE];
  return store;
}

/** Percent-encoded the way urlOf (html-pages.ts) writes a file's URL, whatever encoding the request used. */
function canonicalPath(pathname: string): string {
  try {
    return encodeURI(decodeURI(pathname));
  } catch {
    return pathname;
  }
}
