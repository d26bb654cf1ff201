/**
 * Where the search index's files are (Pagefind's bundle, plus our page
 * table and directory), shared by the search page — which starts fetching them while the
 * engine's code loads — and the engine (pagefind-core.ts).
 */
export const INDEX_BASE = '/pagefind/';

/** Our Chinese index's wasm has no stemmer: Pagefind's "unknown" build. */
export const wasmFile = (name: string | null = null, base = INDEX_BASE) => `${base}wasm.${name ?? 'unknown'}.pagefind`;
export const metaFile = (hash: string, base = INDEX_BASE) => `${base}pagefind.${hash}.pf_meta`;
/** Our page table (page-table.ts), named after the language index's hash so it changes with the index. */
export const pagesFile = (hash: string, base = INDEX_BASE) => `${base}pages.${hash}.pf_pages`;
/** Our regulation directory (page-table.ts), named the same way. */
export const directoryFile = (hash: string, base = INDEX_BASE) => `${base}regs.${hash}.pf_regs`;
/** Our approval-paths file (paths.ts), named the same way. */
export const pathsFile = (hash: string, base = INDEX_BASE) => `${base}paths.${hash}.pf_paths`;

/** Responses already requested by the search page, for the engine to use. */
export interface EarlyFetches {
  wasm: Promise<Response>;
  meta: Promise<Response>;
  pages: Promise<Response>;
  directory: Promise<Response>;
}

/** Start fetching the files the engine needs first, given the index hash written into the search page. */
export function fetchEarly(hash: string): EarlyFetches {
  const get = (url: string) => {
    const response = fetch(url);
    response.catch(() => undefined); // reported when the engine reads it
    return response;
  };
  return { wasm: get(wasmFile()), meta: get(metaFile(hash)), pages: get(pagesFile(hash)), directory: get(directoryFile(hash)) };
}
