/**
 * The browser's side of the search index (format: index-format.ts). Loads
 * the directory first; a key's shard when the key is asked for; a long
 * list's blocks only where the caller still has candidate pages; a
 * regulation version's rows when one of its pages is shown; a page's text
 * for its excerpt. Every file is fetched once.
 */
import {
  blockName, DIRECTORY, entryUrl, INDEX_BASE, INDEX_VERSION, indexFile, PATHS, readPostings, readShard, rowsName,
  shardName, shardOf, textFile, unpackDirectory, type Directory, type Entry, type Posting, type Rows, type ShardKey,
} from './index-format.ts';
import type { PathEntry } from './paths.ts';

/** Files the search page starts fetching before the engine's code has loaded (search-engine.ts). */
export interface EarlyFetches {
  directory: Promise<Response>;
}

export function fetchEarly(hash: string, base = INDEX_BASE): EarlyFetches {
  const directory = fetch(indexFile(hash, DIRECTORY, base));
  directory.catch(() => undefined); // reported when the engine reads it
  return { directory };
}

/**
 * Our files are gzip; a server may already have un-gzipped them. The body
 * streams through the browser's decompressor (off the main thread) once its
 * first bytes say it is gzip — no copy of the whole file first.
 */
async function unpack(response: Response, what: string): Promise<Uint8Array> {
  if (!response.ok) throw new Error(`搜索索引加载失败：${what}（HTTP ${response.status}）`);
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  // The first two bytes, however the body is cut.
  let first: Uint8Array<ArrayBuffer> = new Uint8Array(0);
  let done = false;
  while (first.length < 2 && !done) {
    const next = await reader.read();
    done = next.done;
    if (next.value) first = first.length ? new Uint8Array([...first, ...next.value]) : next.value;
  }
  const rest = new ReadableStream<Uint8Array<ArrayBuffer>>({
    start: (c) => {
      if (first.length) c.enqueue(first);
      if (done) c.close();
    },
    pull: async (c) => {
      const next = await reader.read();
      if (next.done) c.close();
      else c.enqueue(next.value);
    },
  });
  const gzip = first[0] === 0x1f && first[1] === 0x8b;
  return new Uint8Array(await new Response(gzip ? rest.pipeThrough(new DecompressionStream('gzip')) : rest).arrayBuffer());
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const json = <T>(bytes: Uint8Array) => JSON.parse(text(bytes)) as T;

interface KeyState {
  info: ShardKey | undefined;
  postings: Map<number, Posting>;
  /** Blocks loaded (all of them once `full`). */
  blocks: Set<number>;
  full: boolean;
}

export class IndexClient {
  readonly directory: Directory;
  private readonly hash: string;
  private readonly base: string;
  private readonly files = new Map<string, Promise<Uint8Array>>();
  private readonly keys = new Map<string, KeyState>();
  private readonly shards = new Map<number, Promise<Map<string, ShardKey>>>();
  private readonly rowsOf = new Map<number, Rows>();
  /** Length and answer kinds of every page seen in a posting. */
  private readonly pageInfo = new Map<number, { length: number; kinds: number }>();
  private readonly firsts: number[];

  private constructor(directory: Directory, hash: string, base: string) {
    this.directory = directory;
    this.hash = hash;
    this.base = base;
    this.firsts = directory.regulations.map((r) => r[2]);
  }

  /** `hint`: the index hash the build wrote into the search page; without it (or if it is gone), the entry file says. */
  static async open(base = INDEX_BASE, hint?: string, early?: EarlyFetches): Promise<IndexClient> {
    const load = async (hash: string, response?: Promise<Response>) =>
      new IndexClient(unpackDirectory(json<unknown>(await unpack(await (response ?? fetch(indexFile(hash, DIRECTORY, base))), '目录'))), hash, base);
    let client = hint ? await load(hint, early?.directory).catch(() => undefined) : undefined;
    if (!client) {
      const entry = (await (await fetch(entryUrl(base), { cache: 'no-cache' })).json()) as Entry;
      client = await load(entry.hash);
    }
    if (client.directory.version !== INDEX_VERSION) throw new Error(`搜索索引版本 ${client.directory.version} 与搜索程序（${INDEX_VERSION}）不符`);
    return client;
  }

  private file(name: string, url = indexFile(this.hash, name, this.base)): Promise<Uint8Array> {
    let pending = this.files.get(name);
    if (!pending) {
      pending = fetch(url).then((r) => unpack(r, name));
      this.files.set(name, pending);
      // A failed fetch may be retried by the next query.
      pending.catch(() => this.files.delete(name));
    }
    return pending;
  }

  /** The regulation version a page belongs to (its index in the directory). */
  regulationOf(page: number): number {
    let lo = 0;
    let hi = this.firsts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.firsts[mid]! <= page) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** A regulation version's rows (URL, label, chapter of each page), fetched once. */
  async rows(regulation: number): Promise<Rows> {
    const known = this.rowsOf.get(regulation);
    if (known) return known;
    const rows = json<Rows>(await this.file(rowsName(regulation)));
    this.rowsOf.set(regulation, rows);
    return rows;
  }

  /** Rows already loaded, if any. */
  loadedRows(regulation: number): Rows | undefined {
    return this.rowsOf.get(regulation);
  }

  /** Length (positions) and answer kinds of a page seen in a loaded posting. */
  page(page: number): { length: number; kinds: number } | undefined {
    return this.pageInfo.get(page);
  }

  /** Document frequency of each key (its shard loaded). */
  async frequencies(keys: readonly string[]): Promise<Map<string, number>> {
    await Promise.all(keys.map((k) => this.state(k)));
    return new Map(keys.map((k) => [k, this.keys.get(k)!.info?.df ?? 0]));
  }

  private async state(key: string): Promise<KeyState> {
    const known = this.keys.get(key);
    if (known) return known;
    const shard = await this.shard(shardOf(key, this.directory.shards));
    // Another call may have filled it meanwhile.
    const again = this.keys.get(key);
    if (again) return again;
    const info = shard.get(key);
    const state: KeyState = { info, postings: new Map(), blocks: new Set(), full: !info?.blocks };
    if (info?.postings) this.add(state, readPostings(info.postings));
    this.keys.set(key, state);
    return state;
  }

  /** A shard, decoded once (its keys are asked for one by one). */
  private shard(n: number): Promise<Map<string, ShardKey>> {
    let shard = this.shards.get(n);
    if (!shard) {
      shard = this.file(shardName(n)).then(readShard);
      this.shards.set(n, shard);
      shard.catch(() => this.shards.delete(n));
    }
    return shard;
  }

  private add(state: KeyState, postings: readonly Posting[]): void {
    for (const p of postings) {
      state.postings.set(p.page, p);
      if (!this.pageInfo.has(p.page)) this.pageInfo.set(p.page, { length: p.length, kinds: p.kinds });
    }
  }

  /** The blocks of a long list holding these pages (indexes among its blocks), not yet loaded. */
  private wanted(state: KeyState, within: ReadonlySet<number>): Set<number> {
    const set = new Set<number>();
    if (state.full) return set;
    const { starts } = state.info!.blocks!;
    for (const page of within) {
      if (page < starts[0]!) continue;
      // The last block starting at or before the page.
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= page) lo = mid;
        else hi = mid - 1;
      }
      if (!state.blocks.has(lo)) set.add(lo);
    }
    return set;
  }

  /** Blocks still to fetch for these keys to hold every page of `within` (their shards loaded: after `frequencies`). */
  missing(keys: readonly string[], within: ReadonlySet<number>): number {
    let n = 0;
    for (const key of keys) {
      const state = this.keys.get(key);
      n += state ? this.wanted(state, within).size : Infinity;
    }
    return n;
  }

  /**
   * Load these keys' postings: all of them, or (`within`) at least those of
   * these pages — a long list then loads only the blocks holding them.
   * Returns whether any list was loaded only in part.
   */
  async load(keys: readonly string[], within?: ReadonlySet<number>): Promise<boolean> {
    let partial = false;
    await Promise.all(
      keys.map(async (key) => {
        const state = await this.state(key);
        if (state.full) return;
        const { first, starts } = state.info!.blocks!;
        const wanted = within ? [...this.wanted(state, within)] : starts.map((_, i) => i).filter((b) => !state.blocks.has(b));
        if (state.blocks.size + wanted.length < starts.length) partial = true;
        await Promise.all(
          wanted.map(async (b) => {
            const postings = readPostings(await this.file(blockName(first + b)));
            if (state.blocks.has(b)) return;
            state.blocks.add(b);
            this.add(state, postings);
          }),
        );
        if (state.blocks.size === starts.length) state.full = true;
      }),
    );
    return partial;
  }

  /** The key's postings loaded so far (complete for every page `load` was asked for). */
  postings(key: string): ReadonlyMap<number, Posting> {
    return this.keys.get(key)?.postings ?? new Map();
  }

  /** A page's text (for its excerpt). */
  async fragment(page: number): Promise<string> {
    const r = this.regulationOf(page);
    const id = (await this.rows(r)).pages[page - this.directory.regulations[r]![2]]![3];
    return text(await this.file(`text:${id}`, textFile(id, this.base)));
  }

  /** The approval paths file (paths.ts), fetched once, when first asked for. */
  async approvalPaths(): Promise<PathEntry[]> {
    return json<PathEntry[]>(await this.file(PATHS));
  }
}
