/**
 * The search index's file format, shared by the build (index-writer.ts) and
 * the browser (index-client.ts) so both agree byte for byte. Specified in
 * docs/search.md ("Index format").
 *
 * A positional index of every letter or digit of every clause (its
 * "positions": punctuation and whitespace take none), keyed by the
 * character (a unigram) and by each pair of consecutive positions (a
 * bigram, as Lucene's CJK analyzer indexes Chinese). A key's postings are
 * per page: page number, its length and answer kinds, and the positions.
 * Small lists live in shards (a key's shard is a hash of it); a long one is
 * split into blocks by page range, so a query loads only the blocks where
 * its rarer keys left candidates (index-client.ts). Pages are numbered in
 * directory order: a regulation version's pages are consecutive.
 */

export const INDEX_VERSION = 3;
/** Where the index is published; its files under `<hash>/`, named by content, so they never change. */
export const INDEX_BASE = '/search-index/';
/** The one file without a hash in its name: which index is current. */
export const ENTRY_FILE = 'entry.json';

export interface Entry {
  version: number;
  hash: string;
}

/**
 * One regulation version: base URL, title, first page, pages (the notice
 * counts), articles, and where article 1 is among its pages when articles
 * 1…n are consecutive pages at `articles/1/`…`articles/n/` (-1 otherwise):
 * then a citation's page is known without its rows.
 */
export type DirectoryRegulation = [base: string, title: string, first: number, pages: number, articles: number, articleOne: number];

/** What the search page loads first (`dir.bin`). */
export interface Directory {
  version: number;
  /** Pages in the index, and their average length (positions): BM25's corpus figures. */
  pages: number;
  avgLength: number;
  shards: number;
  regulations: DirectoryRegulation[];
  /** Filters of each regulation version (all but the chapter): key → its values, and per version the indexes of its values. */
  filters: Record<string, { values: string[]; of: number[][] }>;
}

/** The regulations as `dir.bin` stores them: the base decoded and after `/regulations/`, `=` for a leading title; no first page (the running sum). */
type PackedRegulation = [base: string, title: string, pages: number, articles: number, articleOne: number];
const REGULATIONS = '/regulations/';

export function packDirectory(d: Directory): unknown {
  const regulations = d.regulations.map(([base, title, , pages, articles, one]): PackedRegulation => {
    let b = decodeURI(base);
    if (b.startsWith(REGULATIONS)) b = b.slice(REGULATIONS.length);
    else b = `!${b}`;
    if (b.startsWith(title)) b = `=${b.slice(title.length)}`;
    return [b, title, pages, articles, one];
  });
  return { ...d, regulations };
}

export function unpackDirectory(packed: unknown): Directory {
  const d = packed as Omit<Directory, 'regulations'> & { regulations: PackedRegulation[] };
  let first = 0;
  const regulations = d.regulations.map(([b, title, pages, articles, one]): DirectoryRegulation => {
    const path = b.startsWith('=') ? title + b.slice(1) : b;
    const base = encodeURI(path.startsWith('!') ? path.slice(1) : REGULATIONS + path);
    const entry: DirectoryRegulation = [base, title, first, pages, articles, one];
    first += pages;
    return entry;
  });
  return { ...d, regulations };
}

/** A regulation version's pages (`r/<n>.bin`, loaded when one of its pages is shown or cited). */
export interface Rows {
  chapters: string[];
  /**
   * Per page: URL after the base (`articles/8/`, `#notice`), citation label
   * (`第八条`), 1 + chapter index (0: none), and its text's file (textFile).
   */
  pages: [suffix: string, label: string, chapter: number, text: string][];
  /** Pages whose label is their whole citation (it does not read "label · chapter · title"). */
  whole: number[];
}

export const CITATION_SEP = ' · ';
export const citationOf = (label: string, chapter: string | undefined, title: string | undefined) =>
  [label, chapter, title].filter(Boolean).join(CITATION_SEP);

export const entryUrl = (base = INDEX_BASE) => `${base}${ENTRY_FILE}`;
export const indexFile = (hash: string, name: string, base = INDEX_BASE) => `${base}${hash}/${name}.bin`;
export const DIRECTORY = 'dir';
export const PATHS = 'paths';
export const shardName = (n: number) => `s/${n}`;
export const blockName = (n: number) => `b/${n}`;
export const rowsName = (regulation: number) => `r/${regulation}`;
/**
 * A page's text, named by its content and kept beside the index folders
 * (not in one): a rebuild writes only the texts that changed.
 */
export const TEXTS = 't';
export const textFile = (id: string, base = INDEX_BASE) => `${base}${TEXTS}/${id}.bin`;

/** Characters that take a position: letters and digits. Anything else is what a query splits at (query.ts). */
export const POSITIONAL = /[\p{L}\p{N}]/u;

const isPositional = (cp: number) => (cp >= 0x4e00 && cp <= 0x9fff) || POSITIONAL.test(String.fromCodePoint(cp));

/** The text offset of each position (each letter or digit, in order). */
export function positionOffsets(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (isPositional(cp)) out.push(i);
    if (cp > 0xffff) i++;
  }
  return out;
}

/** The characters that take positions, in order (one string per code point). */
export function positionalChars(text: string): string[] {
  return positionOffsets(text).map((o) => String.fromCodePoint(text.codePointAt(o)!));
}

/** The key listing the pages that define a term (folded; definitions.ts): U+0001 and the term, which no text key can be. */
const DEFINITION = '\u0001';
export const definitionKey = (term: string) => `${DEFINITION}${term}`;

/**
 * A key's shard: FNV-1a of its UTF-16 units. A definition key goes where
 * its term's first pair goes: the query looks that pair up too, so the
 * definitions cost no request of their own.
 */
export function shardOf(key: string, shards: number): number {
  const hashed = key.startsWith(DEFINITION) ? [...key.slice(1)].slice(0, 2).join('') : key;
  let h = 0x811c9dc5;
  for (let i = 0; i < hashed.length; i++) h = Math.imul(h ^ hashed.charCodeAt(i), 0x01000193);
  return (h >>> 0) % shards;
}

/** Answer kinds (rank.ts): 't' states a time limit or period, 'n' a quantity; two bits in a posting. */
export const kindsBits = (kinds: string) => (kinds.includes('t') ? 1 : 0) | (kinds.includes('n') ? 2 : 0);
export const kindsOf = (bits: number) => (bits & 1 ? 't' : '') + (bits & 2 ? 'n' : '');

// One of each: a shard holds hundreds of keys, and the build writes a million.
const ENCODER = new TextEncoder();
const DECODER = new TextDecoder();

export class ByteWriter {
  bytes: Uint8Array;
  length = 0;

  /** `size`: the first buffer's; small where there are a million of them (one per key). */
  constructor(size = 64) {
    this.bytes = new Uint8Array(size);
  }

  private room(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }

  varint(n: number): void {
    this.room(5);
    while (n >= 0x80) {
      this.bytes[this.length++] = (n & 0x7f) | 0x80;
      n >>>= 7;
    }
    this.bytes[this.length++] = n;
  }

  raw(bytes: Uint8Array): void {
    this.room(bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
  }

  string(s: string): void {
    const bytes = ENCODER.encode(s);
    this.varint(bytes.length);
    this.raw(bytes);
  }

  done(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}

export class ByteReader {
  at = 0;
  readonly bytes: Uint8Array;
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }

  get more(): boolean {
    return this.at < this.bytes.length;
  }

  varint(): number {
    let n = 0;
    let shift = 0;
    for (;;) {
      const b = this.bytes[this.at++];
      if (b === undefined) throw new Error('搜索索引文件不完整');
      n += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return n;
      shift += 7;
    }
  }

  take(n: number): Uint8Array {
    if (this.at + n > this.bytes.length) throw new Error('搜索索引文件不完整');
    const out = this.bytes.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }

  string(): string {
    return DECODER.decode(this.take(this.varint()));
  }
}

/** One page's postings for a key. */
export interface Posting {
  page: number;
  /** The page's length in positions. */
  length: number;
  /** Answer kinds bits (kindsBits). */
  kinds: number;
  positions: number[];
}

/** Postings bytes: per page, the page (delta from the previous one, the first from 0), length × 4 + kinds, count, positions (deltas). */
export function writePosting(w: ByteWriter, previousPage: number, p: Posting): void {
  w.varint(p.page - previousPage);
  w.varint(p.length * 4 + p.kinds);
  w.varint(p.positions.length);
  let last = 0;
  for (const pos of p.positions) {
    w.varint(pos - last);
    last = pos;
  }
}

export function readPostings(bytes: Uint8Array): Posting[] {
  const r = new ByteReader(bytes);
  const out: Posting[] = [];
  let page = 0;
  while (r.more) {
    page += r.varint();
    const lk = r.varint();
    const count = r.varint();
    const positions: number[] = new Array(count);
    let pos = 0;
    for (let i = 0; i < count; i++) positions[i] = pos += r.varint();
    out.push({ page, length: Math.floor(lk / 4), kinds: lk & 3, positions });
  }
  return out;
}

/** A key in a shard: its document frequency and either its postings or its blocks (first block number, first page of each). */
export interface ShardKey {
  df: number;
  postings?: Uint8Array;
  blocks?: { first: number; starts: number[] };
}

export function writeShard(keys: ReadonlyMap<string, ShardKey>): Uint8Array {
  const w = new ByteWriter();
  w.varint(keys.size);
  for (const [key, k] of keys) {
    w.string(key);
    w.varint(k.df);
    if (k.postings) {
      w.varint(0);
      w.varint(k.postings.length);
      w.raw(k.postings);
    } else {
      const { first, starts } = k.blocks!;
      w.varint(1);
      w.varint(first);
      w.varint(starts.length);
      let last = 0;
      for (const s of starts) {
        w.varint(s - last);
        last = s;
      }
    }
  }
  return w.done();
}

export function readShard(bytes: Uint8Array): Map<string, ShardKey> {
  const r = new ByteReader(bytes);
  const out = new Map<string, ShardKey>();
  for (let n = r.varint(); n > 0; n--) {
    const key = r.string();
    const df = r.varint();
    if (r.varint() === 0) {
      out.set(key, { df, postings: r.take(r.varint()) });
    } else {
      const first = r.varint();
      const starts: number[] = [];
      let last = 0;
      for (let m = r.varint(); m > 0; m--) starts.push((last += r.varint()));
      out.set(key, { df, blocks: { first, starts } });
    }
  }
  return out;
}
