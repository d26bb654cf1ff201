/**
 * Clause pages opened from a search result (`?hl=…`) mark the matched text;
 * the marking code (highlight-run.ts) is fetched only then, not with every
 * page. Not a plain dynamic import(): Vite would bundle its preload helper
 * (0.9 kB gzipped, more than the marking code's 0.8 kB) into every page.
 * `?worker&url` has Vite build the file as a module of its own and give its
 * URL; an import() of that URL is left alone.
 */
import runUrl from './highlight-run.ts?worker&url';

if (new URLSearchParams(location.search).getAll('hl').some((t) => t.trim())) void import(/* @vite-ignore */ runUrl);
