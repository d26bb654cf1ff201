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
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ByteReader, ByteWriter, kindsBits, writePosting, type Posting } from './index-format.ts';
import { copyPosting, type IndexPage, KeyList, pageKeys, postingSpans } from './posting-lists.ts';

/** An index file's digest before gzip and its size after: the same digest means the same file. */
export type FileRecord = [digest: string, bytes: number];

const STATE_VERSION = 1;

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

/** The lists as the state keeps them: per key its string, df, last page and postings. */
export function serializeLists(lists: ReadonlyMap<string, KeyList>): Uint8Array {
  const w = new ByteWriter(1 << 20);
  w.varint(lists.size);
  for (const [key, list] of lists) {
    w.string(key);
    w.varint(list.df);
    w.varint(list.lastPage);
    w.varint(list.w.length);
    w.raw(list.w.done());
  }
  return w.done();
}

/** `lists`: serializeLists's bytes, taken before the index was written (writing takes the lists apart). */
export async function saveState(file: string, head: Omit<IndexState, 'lists'>, lists: Uint8Array): Promise<void> {
  const w = new ByteWriter();
  w.string(JSON.stringify({ version: STATE_VERSION, ...head }));
  await mkdir(dirname(file), { recursive: true });
  // Whole or not at all: a torn state would patch the wrong lists.
  await writeFile(`${file}.tmp`, Buffer.concat([w.done(), lists]));
  await rename(`${file}.tmp`, file);
}

export async function loadState(file: string): Promise<IndexState | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch {
    return undefined;
  }
  try {
    const r = new ByteReader(bytes);
    const head = JSON.parse(r.string()) as Omit<IndexState, 'lists'> & { version: number };
    if (head.version !== STATE_VERSION) return undefined;
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
