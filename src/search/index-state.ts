/**
 * What the last build's index was made of, kept beside the build cache
 * (build time), so that a rebuild after a few texts changed redoes only the
 * postings of the keys their pages hold, and writes only the index files
 * whose bytes changed — not all of the library's postings and files again
 * (at the whole collection: 2 million keys, 43,000 files, most of a minute).
 *
 * The state is a pure record of "these pages gave these lists", so it is
 * right whatever became of the site since; only when the pages are the same
 * URLs in the same order (a text edited, not an article added or removed)
 * are the lists patched, otherwise they are built afresh.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ByteReader, ByteWriter, kindsBits, writePosting, type Posting } from './index-format.ts';
import { copyPosting, type IndexPage, KeyList, pageKeys, postingSpans } from './posting-lists.ts';

/** An index file's digest before gzip and its size after: the same digest means the same file. */
export type FileRecord = [digest: string, bytes: number];

const STATE_VERSION = 2;

export interface IndexState {
  /** Each page as it was indexed, in order (signature). */
  pages: string[];
  /** Positions in all the pages (the directory's average length). */
  total: number;
  lists: Map<string, KeyList>;
  /** The index folder those lists were written to, and each of its files' digest before gzip and size after. */
  folder: string;
  files: Record<string, FileRecord>;
}

/** What of a page the index depends on: its URL, text, answer kinds and defined terms. */
export function pageSignature(p: IndexPage, textId: string): string {
  return [p.url, textId, p.kinds, ...(p.defines ?? [])].join('\t');
}

/** A file's bytes before gzip, digested: the same digest means the same file. */
export const rawDigest = (bytes: Uint8Array) => createHash('sha1').update(bytes).digest('base64url');

/**
 * Writes a state file as the build goes: the lists first, in chunks, while
 * they are whole (writing the index takes them apart), then the rest once
 * the index is written. Layout: the lists (per key its string, df, last
 * page and postings), the head as JSON, the head's length (4 bytes, LE).
 * Streamed: the lists are 110 MB at the whole collection, and a buffer of
 * them (and its copy) was a third of a gigabyte on the build's peak.
 */
export class StateWriter {
  private readonly file: string;
  private readonly fd: number;
  private readonly w = new ByteWriter(CHUNK * 2);

  constructor(file: string) {
    this.file = file;
    mkdirSync(dirname(file), { recursive: true });
    this.fd = openSync(`${file}.tmp`, 'w');
  }

  lists(lists: ReadonlyMap<string, KeyList>): void {
    this.w.varint(lists.size);
    for (const [key, list] of lists) {
      this.w.string(key);
      this.w.varint(list.df);
      this.w.varint(list.lastPage);
      this.w.varint(list.w.length);
      this.w.raw(list.w.done());
      if (this.w.length >= CHUNK) this.flush();
    }
    this.flush();
  }

  /** Whole or not at all: renamed into place only once complete (a torn state would patch the wrong lists). */
  finish(head: Omit<IndexState, 'lists'>): void {
    const json = Buffer.from(JSON.stringify({ version: STATE_VERSION, ...head }));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(json.length);
    writeSync(this.fd, json);
    writeSync(this.fd, length);
    closeSync(this.fd);
    renameSync(`${this.file}.tmp`, this.file);
  }

  /** A build that failed leaves the last state as it was. */
  abandon(): void {
    closeSync(this.fd);
    rmSync(`${this.file}.tmp`, { force: true });
  }

  private flush(): void {
    writeSync(this.fd, this.w.done());
    this.w.length = 0;
  }
}

const CHUNK = 1 << 22;

export async function loadState(file: string): Promise<IndexState | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch {
    return undefined;
  }
  try {
    const end = bytes.length - 4;
    const headLength = Buffer.from(bytes.buffer, bytes.byteOffset + end, 4).readUInt32LE(0);
    const head = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + end - headLength, headLength).toString('utf8')) as Omit<IndexState, 'lists'> & {
      version: number;
    };
    if (head.version !== STATE_VERSION) return undefined;
    const r = new ByteReader(bytes.subarray(0, end - headLength));
    const lists = new Map<string, KeyList>();
    for (let n = r.varint(); n > 0; n--) {
      const key = r.string();
      const list = new KeyList();
      list.df = r.varint();
      list.lastPage = r.varint();
      const data = r.take(r.varint());
      list.w.bytes = data;
      list.w.length = data.length;
      lists.set(key, list);
    }
    if (r.more) return undefined;
    return { pages: head.pages, total: head.total, lists, folder: head.folder, files: head.files };
  } catch {
    return undefined; // unreadable: the lists are built afresh
  }
}

/**
 * The lists for `pages` made from the last build's by redoing only the
 * changed pages' postings, or undefined if that cannot be done (no state,
 * other URLs or order, an old text no longer at hand, or most pages changed).
 * `oldText(id)`: the text the last build indexed under that id.
 */
export async function patchedLists(
  state: IndexState | undefined,
  pages: readonly IndexPage[],
  signatures: readonly string[],
  oldText: (id: string) => Promise<string | undefined>,
): Promise<{ lists: Map<string, KeyList>; total: number } | undefined> {
  if (!state || state.pages.length !== pages.length) return undefined;
  const changed: number[] = [];
  for (let i = 0; i < pages.length; i++) {
    if (state.pages[i] === signatures[i]) continue;
    if (state.pages[i]!.split('\t', 1)[0] !== pages[i]!.url) return undefined;
    changed.push(i);
  }
  // Patching is for a few texts; past this, building afresh is as quick.
  if (changed.length > pages.length / 10) return undefined;
  const affected = new Set<string>();
  const fresh = new Map<number, { keys: Map<string, number[]>; length: number; kinds: number }>();
  let total = state.total;
  for (const page of changed) {
    const [, id = '', kinds = '', ...defines] = state.pages[page]!.split('\t');
    const text = await oldText(id);
    if (text === undefined) return undefined;
    const before = pageKeys({ url: '', text, meta: {}, filters: {}, kinds, defines });
    const after = pageKeys(pages[page]!);
    for (const key of before.keys.keys()) affected.add(key);
    for (const key of after.keys.keys()) affected.add(key);
    total += after.length - before.length;
    fresh.set(page, { ...after, kinds: kindsBits(pages[page]!.kinds) });
  }
  const lists = state.lists;
  const dropped = new Set(changed);
  for (const key of affected) {
    const added: Posting[] = [];
    for (const [page, { keys, length, kinds }] of fresh) {
      const positions = keys.get(key);
      if (positions) added.push({ page, length, kinds, positions });
    }
    const list = spliced(lists.get(key)?.w.done() ?? new Uint8Array(0), dropped, added);
    if (list.df) lists.set(key, list);
    else lists.delete(key);
  }
  return { lists, total };
}

/**
 * A list's postings without those of the `dropped` pages and with `added`
 * (in page order) in their place. Byte by byte: the postings kept are
 * copied, only their page delta written anew — a common key's list holds
 * most of the library's pages, and decoding it into objects to patch one
 * page cost seconds and a gigabyte.
 */
function spliced(bytes: Uint8Array, dropped: ReadonlySet<number>, added: readonly Posting[]): KeyList {
  const out = new KeyList();
  const put = (p: Posting) => {
    writePosting(out.w, out.lastPage, p);
    out.lastPage = p.page;
    out.df++;
  };
  let next = 0;
  for (const span of postingSpans(bytes)) {
    while (next < added.length && added[next]!.page < span.page) put(added[next++]!);
    if (dropped.has(span.page)) continue;
    copyPosting(out.w, out.lastPage, bytes, span);
    out.lastPage = span.page;
    out.df++;
  }
  while (next < added.length) put(added[next++]!);
  return out;
}
