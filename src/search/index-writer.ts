/**
 * Writes the search index (index-format.ts) for the clause pages of a built
 * site (build time): the directory, a rows file per regulation version, the
 * shards and blocks of the positional index, each page's text (named by
 * its content, so a rebuild writes only the changed ones), and the approval paths' file. Postings are encoded as each page is
 * read, into one growing buffer per key, so memory is the index's own size,
 * not an object per position.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { link, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  ByteWriter, blockName, packDirectory, citationOf, CITATION_SEP, DIRECTORY, ENTRY_FILE, INDEX_VERSION, TEXTS, PATHS,
  rowsName, shardName, shardOf, writeShard,
  type Directory, type DirectoryRegulation, type Entry, type Rows, type ShardKey,
} from './index-format.ts';
import { type FileRecord, type IndexState, loadState, pageSignature, patchedLists, rawDigest, StateWriter } from './index-state.ts';
import type { PathEntry } from './paths.ts';
import { copyPosting, type IndexPage, type KeyList, postingLists, postingSpans } from './posting-lists.ts';

export type { IndexPage };

/** A list longer than this (bytes) is split into blocks of about this size; shorter ones stay in their shard. */
export const BLOCK_BYTES = 8192;
/**
 * A list is cut into at most this many blocks (longer ones, then, than
 * BLOCK_BYTES): a question loads a common pair for its candidates, one
 * request per block they fall in, so a list's requests stay few.
 */
export const MAX_BLOCKS = 32;
/** Aimed-at size of a shard (bytes, before gzip). */
export const SHARD_BYTES = 4000;

/** A text's file name: its content's hash (index-format.ts: textFile). */
export const textId = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 16);

/** The base URL of a page: the regulation version it belongs to. */
export const baseOf = (url: string) => url.replace(/#.*$/, '').replace(/articles\/[^/]+\/$/, '');

interface Grouped {
  regulations: DirectoryRegulation[];
  rows: Rows[];
  pages: IndexPage[];
  filters: Directory['filters'];
}

/** Pages grouped by regulation version (in first-seen order, pages in their given order within one), with rows and filters. */
export function groupPages(pages: readonly IndexPage[]): Grouped {
  const byBase = new Map<string, IndexPage[]>();
  for (const p of pages) {
    const base = baseOf(p.url);
    const list = byBase.get(base);
    if (list) list.push(p);
    else byBase.set(base, [p]);
  }
  const regulations: DirectoryRegulation[] = [];
  const rows: Rows[] = [];
  const ordered: IndexPage[] = [];
  const filters: Directory['filters'] = {};
  for (const [base, list] of byBase) {
    const title = list[0]!.filters['regulation']?.[0] ?? list[0]!.meta['regulation'] ?? base;
    const r = regulations.length;
    const chapters: string[] = [];
    const row: Rows = { chapters, pages: [], whole: [] };
    list.forEach((p, i) => {
      for (const [key, values] of Object.entries(p.filters)) {
        if (key === 'chapter' || key === 'regulation') continue;
        const f = (filters[key] ??= { values: [], of: [] });
        const own = (f.of[r] ??= []);
        for (const v of values) {
          let at = f.values.indexOf(v);
          if (at < 0) at = f.values.push(v) - 1;
          if (!own.includes(at)) own.push(at);
        }
      }
      const chapter = p.filters['chapter']?.[0];
      let c = chapter === undefined ? 0 : chapters.indexOf(chapter) + 1;
      if (chapter !== undefined && !c) c = chapters.push(chapter);
      const citation = p.meta['citation'] ?? p.url;
      const tail = citationOf('', chapter, title);
      const label = citation.endsWith(CITATION_SEP + tail) ? citation.slice(0, -(tail.length + CITATION_SEP.length)) : undefined;
      const reads = label !== undefined && citationOf(label, chapter, title) === citation;
      row.pages.push([p.url.slice(base.length), reads ? label : citation, c, textId(p.text)]);
      if (!reads) row.whole.push(i);
      ordered.push(p);
    });
    const articles = list.filter((p) => /\/articles\/[^/]+\/$/.test(p.url)).length;
    const one = row.pages.findIndex(([suffix]) => suffix === 'articles/1/');
    const regular = one >= 0 && Array.from({ length: articles }, (_, k) => row.pages[one + k]?.[0] === `articles/${k + 1}/`).every(Boolean);
    regulations.push([base, title, ordered.length - list.length, list.length, articles, regular ? one : -1]);
    rows.push(row);
  }
  for (const f of Object.values(filters)) for (let r = 0; r < regulations.length; r++) f.of[r] ??= [];
  return { regulations, rows, pages: ordered, filters };
}

const gz = (bytes: Uint8Array | string) => gzipSync(bytes, { level: 9 });

/**
 * Files written as they are made (a few at a time), into a folder renamed
 * after their digest at the end. A file the previous index folder already
 * holds with the same bytes is linked from there, not compressed and
 * written again (a rebuild changes a few hundred of tens of thousands).
 */
class IndexFolder {
  private readonly digest = createHash('sha256');
  private readonly pending = new Set<Promise<void>>();
  private readonly dirs = new Set<string>();
  readonly records: Record<string, FileRecord> = {};
  files = 0;
  bytes = 0;
  written = 0;
  readonly root: string;
  private readonly previous: { dir: string; records: Readonly<Record<string, FileRecord>> } | undefined;
  constructor(root: string, previous?: { dir: string; records: Readonly<Record<string, FileRecord>> }) {
    this.root = root;
    this.previous = previous;
  }

  async put(name: string, content: Uint8Array | string): Promise<void> {
    const raw = typeof content === 'string' ? Buffer.from(content) : content;
    const digest = rawDigest(raw);
    this.digest.update(name).update(digest);
    const path = join(this.root, `${name}.bin`);
    const dir = dirname(path);
    if (!this.dirs.has(dir)) {
      this.dirs.add(dir);
      await mkdir(dir, { recursive: true });
    }
    const was = this.previous?.records[name];
    const write = async (): Promise<number> => {
      const data = gz(raw);
      await writeFile(path, data);
      this.written++;
      return data.length;
    };
    const kept = was?.[0] === digest ? link(join(this.previous!.dir, `${name}.bin`), path).then(() => was[1], write) : write();
    const done = kept.then((size) => {
      this.records[name] = [digest, size];
      this.bytes += size;
    });
    const op = done.finally(() => this.pending.delete(op));
    // Handled now (close() awaits it again): a failed write must not be an unhandled rejection meanwhile.
    op.catch(() => undefined);
    this.pending.add(op);
    this.files++;
    if (this.pending.size >= 64) await Promise.race(this.pending);
  }

  async close(): Promise<string> {
    await Promise.all(this.pending);
    return this.digest.digest('hex').slice(0, 16);
  }
}

/** The text a previous build wrote under this id (writeTexts), if it is still there. */
async function storedText(dir: string, id: string): Promise<string | undefined> {
  try {
    return gunzipSync(await readFile(join(dir, `${id}.bin`))).toString('utf8');
  } catch {
    return undefined;
  }
}

/** How writeIndex cuts and keeps the index. */
export interface WriteOptions {
  /** A test's small library may cut its lists finer, to have blocks at all. */
  blockBytes?: number;
  /** Where the lists and files of this index are kept for the next build (index-state.ts), which then redoes only what changed. */
  stateFile?: string;
}

/**
 * Write the index for these clause pages and approval paths into `outDir`
 * (replacing what was there). Returns the index's hash (its folder's name).
 */
export async function writeIndex(
  outDir: string,
  clausePages: readonly IndexPage[],
  paths: readonly PathEntry[],
  options: WriteOptions = {},
): Promise<{ hash: string; files: number; bytes: number; written: number; patched: boolean }> {
  const { blockBytes = BLOCK_BYTES, stateFile } = options;
  const { regulations, rows, pages, filters } = groupPages(clausePages);
  // Each page's text id, as its row has it (groupPages hashed it once): pages are the rows' pages in order.
  const ids = rows.flatMap((row) => row.pages.map((page) => page[3]));
  const signatures = pages.map((p, i) => pageSignature(p, ids[i]!));
  const state = stateFile ? await loadState(stateFile) : undefined;
  const patched = await patchedLists(state, pages, signatures, (id) => storedText(join(outDir, TEXTS), id));
  const { lists, total } = patched ?? postingLists(pages);
  // Kept for the next build before the loop below takes the lists apart.
  const kept = stateFile ? new StateWriter(stateFile) : undefined;
  kept?.lists(lists);
  try {
    const written = await writeFolder(outDir, { lists, total, regulations, rows, pages, ids, filters, paths, blockBytes }, state);
    kept?.finish({ pages: signatures, total, folder: written.hash, files: written.records });
    const { records: _, ...report } = written;
    return { ...report, patched: patched !== undefined };
  } catch (error) {
    kept?.abandon();
    throw error;
  }
}

/** What writeFolder writes: the lists and what groupPages gave. */
interface Made extends Grouped {
  lists: Map<string, KeyList>;
  total: number;
  /** Each page's text id. */
  ids: readonly string[];
  paths: readonly PathEntry[];
  blockBytes: number;
}

/** The index folder and the texts, replacing earlier folders; files the last folder (`state`) holds with the same bytes are linked from it. */
async function writeFolder(outDir: string, made: Made, state: IndexState | undefined) {
  const { lists, total, regulations, rows, pages, ids, filters, paths, blockBytes } = made;
  // Earlier indexes go, but for the last one (its files may be linked) until this one is written; the texts stay, and only new ones are written.
  const previous = state && existsSync(join(outDir, state.folder)) ? { dir: join(outDir, state.folder), records: state.files } : undefined;
  await mkdir(join(outDir, TEXTS), { recursive: true });
  for (const entry of await readdir(outDir)) if (entry !== TEXTS && entry !== state?.folder) await rm(join(outDir, entry), { recursive: true, force: true });
  const texts = await writeTexts(join(outDir, TEXTS), pages, ids);
  const folder = new IndexFolder(join(outDir, `.writing-${process.pid}`), previous);
  // Long lists to blocks; the rest to shards.
  let inlineBytes = 0;
  for (const list of lists.values()) if (list.w.length <= blockBytes) inlineBytes += list.w.length;
  const shards = Math.max(1, Math.ceil(inlineBytes / SHARD_BYTES));
  const shardKeys: Map<string, ShardKey>[] = Array.from({ length: shards }, () => new Map());
  let blocks = 0;
  for (const key of [...lists.keys()].sort()) {
    const list = lists.get(key)!;
    lists.delete(key);
    const entry: ShardKey = { df: list.df };
    if (list.w.length <= blockBytes) {
      entry.postings = list.w.done();
    } else {
      const starts: number[] = [];
      const first = blocks;
      let block = new ByteWriter();
      let previous = 0;
      const flush = async () => {
        await folder.put(blockName(blocks++), block.done());
        block = new ByteWriter();
        previous = 0;
      };
      const size = Math.max(blockBytes, Math.ceil(list.w.length / MAX_BLOCKS));
      const bytes = list.w.done();
      for (const p of postingSpans(bytes)) {
        if (block.length >= size) await flush();
        if (!block.length) starts.push(p.page);
        copyPosting(block, previous, bytes, p);
        previous = p.page;
      }
      await flush();
      entry.blocks = { first, starts };
    }
    shardKeys[shardOf(key, shards)]!.set(key, entry);
  }
  for (const [n, keys] of shardKeys.entries()) await folder.put(shardName(n), writeShard(keys));
  for (const [r, row] of rows.entries()) await folder.put(rowsName(r), JSON.stringify(row));
  const directory: Directory = { version: INDEX_VERSION, pages: pages.length, avgLength: total / (pages.length || 1), shards, regulations, filters };
  await folder.put(DIRECTORY, JSON.stringify(packDirectory(directory)));
  await folder.put(PATHS, JSON.stringify(paths));
  // The folder is named by the content: a browser may cache every file for good.
  const hash = await folder.close();
  if (previous) await rm(previous.dir, { recursive: true, force: true });
  await rename(folder.root, join(outDir, hash));
  const entry: Entry = { version: INDEX_VERSION, hash };
  await writeFile(join(outDir, ENTRY_FILE), JSON.stringify(entry));
  return { hash, files: folder.files + 1 + texts.files, bytes: folder.bytes + texts.bytes, written: folder.written + 1 + texts.written, records: folder.records };
}

/** Each page's text as `<id>.bin` in `dir`: those already there are kept, those no page has are removed. */
async function writeTexts(dir: string, pages: readonly IndexPage[], ids: readonly string[]): Promise<{ files: number; bytes: number; written: number }> {
  const existing = new Set(await readdir(dir));
  const wanted = new Map(pages.map((p, i) => [`${ids[i]}.bin`, p.text]));
  let bytes = 0;
  let written = 0;
  const pending: Promise<void>[] = [];
  for (const [name, text] of wanted) {
    if (existing.has(name)) {
      bytes += (await stat(join(dir, name))).size;
      continue;
    }
    const data = gz(text);
    bytes += data.length;
    written++;
    pending.push(writeFile(join(dir, name), data));
    if (pending.length >= 64) await Promise.all(pending.splice(0));
  }
  await Promise.all(pending);
  for (const name of existing) if (!wanted.has(name)) await rm(join(dir, name), { force: true });
  return { files: wanted.size, bytes, written };
}
