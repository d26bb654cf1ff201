/**
 * A minimal browser client for Pagefind 1.6's search engine (its WebAssembly
 * module and index files), used instead of the 47 kB `pagefind.js` so the
 * first query stays within the 100 kB budget (docs/search.md). It does only
 * what engine.ts needs: load the entry, metadata and wasm (and our page
 * table and directory); load the index chunks for a set of terms; run single-term searches;
 * load fragments. The wasm ABI below is the wasm-bindgen glue of
 * Pagefind 1.6.0 (PAGEFIND_VERSION): the build refuses another index version
 * (src/search/build-index.ts), and test/e2e/search.spec.ts exercises every call.
 */

import { directoryFile, metaFile, pagesFile, pathsFile, wasmFile, type EarlyFetches } from './files.ts';
import { metaPages } from './pagefind-meta.ts';
import { unpackPages, type DirectoryEntry, type PagesData, type PageTable } from './page-table.ts';
import type { PathEntry } from './paths.ts';

export type { PagesData };

export const PAGEFIND_VERSION = '1.6.0';

interface WasmExports {
  memory: WebAssembly.Memory;
  __wbindgen_externrefs: WebAssembly.Table;
  __wbindgen_malloc(size: number, align: number): number;
  __wbindgen_realloc(ptr: number, oldSize: number, newSize: number, align: number): number;
  __wbindgen_free(ptr: number, size: number, align: number): void;
  __wbindgen_start(): void;
  init_pagefind(ptr: number, len: number): number;
  load_index_chunk(p: number, ptr: number, len: number): number;
  request_indexes(p: number, ptr: number, len: number): [number, number];
  search(p: number, q: number, ql: number, o: number, ol: number, f: number, fl: number, s: number, sl: number, exact: number, diacritics: number): [number, number];
}

/** One page's hits for a term: word locations in the page's content. */
export interface TermHit {
  page: string;
  locations: number[];
}

export interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

interface RawSearch {
  results: { p: string; s: number; l: { w: number; s: number; l: number }[] }[];
}

const SIGNATURE = 'pagefind_dcd';
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });

const signature = (bytes: Uint8Array) => bytes.length >= 12 && [...SIGNATURE].every((c, i) => bytes[i] === c.charCodeAt(0));

/**
 * Pagefind's files are gzip with a 12-byte signature inside; a server may
 * already have un-gzipped them. Decompressed by the browser, off the main thread.
 */
async function unpack(response: Response, what: string): Promise<Uint8Array> {
  if (!response.ok) throw new Error(`搜索索引加载失败：${what}（HTTP ${response.status}）`);
  let bytes = new Uint8Array(await response.arrayBuffer());
  if (!signature(bytes)) {
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  }
  if (!signature(bytes)) throw new Error(`搜索索引文件已损坏：${what}`);
  return bytes.subarray(12);
}

export class PagefindCore {
  private wasm: WasmExports;
  private ptr: number;
  private readonly base: string;
  private readonly chunks = new Map<string, Promise<void>>();
  private readonly fragments = new Map<string, Promise<Fragment>>();
  /** Every clause page, from the page table and directory (page-table.ts). */
  readonly pages: PagesData;
  /** The language index's hash, which names our files too. */
  private readonly hash: string;
  private pathsLoading?: Promise<PathEntry[]>;

  private constructor(wasm: WasmExports, ptr: number, base: string, pages: PagesData, hash: string) {
    this.wasm = wasm;
    this.ptr = ptr;
    this.base = base;
    this.pages = pages;
    this.hash = hash;
  }

  /**
   * Fetch the language's metadata, the page table, the directory and the wasm (in parallel),
   * and start the engine. `hint` is the language index's hash as the build
   * wrote it into the search page (build-index.ts: hintIndex); without it, or
   * if its files are gone (a page older than the index), the entry says.
   * `early`: those files, already requested by the page (files.ts).
   */
  static async load(base = '/pagefind/', language = 'zh-cn', hint?: string, early?: EarlyFetches): Promise<PagefindCore> {
    const compile = (response: Promise<Response>) =>
      response.then((r) => unpack(r, 'wasm')).then((bytes) => WebAssembly.compile(bytes as Uint8Array<ArrayBuffer>));
    const files = (hash: string, given?: EarlyFetches) =>
      Promise.all([
        (given?.meta ?? fetch(metaFile(hash, base))).then((r) => unpack(r, 'metadata')),
        (given?.pages ?? fetch(pagesFile(hash, base))).then((r) => unpack(r, 'pages')),
        (given?.directory ?? fetch(directoryFile(hash, base))).then((r) => unpack(r, 'directory')),
      ]).then(([meta, pages, directory]) => ({ hash, meta, pages, directory }));
    // Our index is Chinese, whose wasm has no stemmer ("unknown"): fetch and compile it at once.
    const guess = compile(early?.wasm ?? fetch(wasmFile(null, base)));
    guess.catch(() => undefined);
    let wasm = guess;
    let found = hint ? await files(hint, early).catch(() => undefined) : undefined;
    if (!found) {
      const entryResponse = await fetch(`${base}pagefind-entry.json`, { cache: 'no-cache' });
      const entry = (await entryResponse.json()) as { version: string; languages: Record<string, { hash: string; wasm: string | null }> };
      if (entry.version !== PAGEFIND_VERSION) throw new Error(`搜索索引版本 ${entry.version} 与搜索程序（${PAGEFIND_VERSION}）不符`);
      const lang = entry.languages[language] ?? Object.values(entry.languages)[0];
      if (!lang) throw new Error('搜索索引为空');
      if (lang.wasm) wasm = compile(fetch(wasmFile(lang.wasm, base)));
      found = await files(lang.hash);
    }
    const { hash, meta, pages: tableBytes, directory } = found;
    const module = await wasm;
    const json = <T>(bytes: Uint8Array) => JSON.parse(new TextDecoder().decode(bytes)) as T;
    const pages = unpackPages(metaPages(meta), json<DirectoryEntry[]>(directory), json<PageTable>(tableBytes));
    let exports: WasmExports | undefined;
    const imports = {
      './pagefind_web_bg.js': {
        __wbindgen_init_externref_table() {
          const table = exports!.__wbindgen_externrefs;
          const offset = table.grow(4);
          table.set(0, undefined);
          table.set(offset, undefined);
          table.set(offset + 1, null);
          table.set(offset + 2, true);
          table.set(offset + 3, false);
        },
      },
    };
    const instance = await WebAssembly.instantiate(module, imports);
    exports = instance.exports as unknown as WasmExports;
    exports.__wbindgen_start();
    const core = new PagefindCore(exports, 0, base, pages, hash);
    const [p, n] = core.passBytes(meta);
    core.ptr = exports.init_pagefind(p, n) >>> 0;
    return core;
  }

  /** The approval paths file (pathsFile; paths.ts), fetched once, when first asked for. */
  approvalPaths(): Promise<PathEntry[]> {
    this.pathsLoading ??= fetch(pathsFile(this.hash, this.base))
      .then((r) => unpack(r, 'paths'))
      .then((bytes) => JSON.parse(new TextDecoder().decode(bytes)) as PathEntry[]);
    this.pathsLoading.catch(() => (this.pathsLoading = undefined));
    return this.pathsLoading;
  }

  private memory(): Uint8Array {
    return new Uint8Array(this.wasm.memory.buffer);
  }

  private passBytes(bytes: Uint8Array): [number, number] {
    const p = this.wasm.__wbindgen_malloc(bytes.length, 1) >>> 0;
    this.memory().set(bytes, p);
    return [p, bytes.length];
  }

  private passString(s: string): [number, number] {
    return this.passBytes(encoder.encode(s));
  }

  private takeString([p, n]: [number, number]): string {
    try {
      return decoder.decode(this.memory().subarray(p >>> 0, (p >>> 0) + n));
    } finally {
      this.wasm.__wbindgen_free(p, n, 1);
    }
  }

  private async loadChunk(url: string): Promise<void> {
    let pending = this.chunks.get(url);
    if (!pending) {
      pending = fetch(url)
        .then((r) => unpack(r, url))
        .then((bytes) => {
          const [p, n] = this.passBytes(bytes);
          this.ptr = this.wasm.load_index_chunk(this.ptr, p, n) >>> 0;
        });
      this.chunks.set(url, pending);
      // A failed fetch may be retried by the next query.
      pending.catch(() => this.chunks.delete(url));
    }
    return pending;
  }

  /** Load every index chunk the given terms (space-separated tokens) live in. */
  async loadTerms(terms: string[]): Promise<void> {
    if (!terms.length) return;
    const hashes = JSON.parse(this.takeString(this.wasm.request_indexes(this.ptr, ...this.passString(terms.join(' '))))) as string[];
    await Promise.all(hashes.filter(Boolean).map((h) => this.loadChunk(`${this.base}index/${h}.pf_index`)));
  }

  private rawSearch(term: string): RawSearch {
    const [q, ql] = this.passString(term);
    const [o, ol] = this.passString(term);
    const [f, fl] = this.passString('{}');
    const [s, sl] = this.passString('');
    return JSON.parse(this.takeString(this.wasm.search(this.ptr, q, ql, o, ol, f, fl, s, sl, 0, 0))) as RawSearch;
  }

  /**
   * Pages whose content has a word starting with `term`, with the locations.
   * Matches only in metadata (no locations) are left out. Call loadTerms first.
   */
  searchTerm(term: string): TermHit[] {
    const hits: TermHit[] = [];
    for (const r of this.rawSearch(term).results) {
      if (r.l.length) hits.push({ page: r.p, locations: r.l.map((l) => l.l) });
    }
    return hits;
  }

  fragment(page: string): Promise<Fragment> {
    let pending = this.fragments.get(page);
    if (!pending) {
      pending = fetch(`${this.base}fragment/${page}.pf_fragment`)
        .then((r) => unpack(r, `fragment ${page}`))
        .then((bytes) => JSON.parse(new TextDecoder().decode(bytes)) as Fragment);
      this.fragments.set(page, pending);
      pending.catch(() => this.fragments.delete(page));
    }
    return pending;
  }
}
