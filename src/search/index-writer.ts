/**
 * Writes the search index (index-format.ts) for the clause pages of a built
 * site (build time): the directory, a rows file per regulation version, the
 * shards and blocks of the positional index, each page's text (named by
 * its content, so a rebuild writes only the changed ones), and the approval paths' file. Postings are encoded as each page is
 * read, into one growing buffer per key, so memory is the index's own size,
 * not an object per position.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  ByteWriter, blockName, definitionKey, packDirectory, citationOf, CITATION_SEP, DIRECTORY, ENTRY_FILE, INDEX_VERSION, TEXTS, kindsBits, PATHS,
  positionalChars, readPostings, rowsName, shardName, shardOf, writePosting, writeShard,
  type Directory, type DirectoryRegulation, type Entry, type Rows, type ShardKey,
} from './index-format.ts';
import type { SearchPage } from './html-pages.ts';
import type { PathEntry } from './paths.ts';

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

/** A clause page as the index needs it: its text, citation, filters, answer kinds and the terms it defines (definitions.ts). */
export interface IndexPage extends SearchPage {
  kinds: string;
  defines?: readonly string[];
}

class KeyList {
  // Most keys hold one or two short postings.
  readonly w = new ByteWriter(16);
  df = 0;
  lastPage = 0;
}

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

/** Every key's postings for these pages (numbered in order): unigrams and bigrams of consecutive positions. */
export function postingLists(pages: readonly IndexPage[]): { lists: Map<string, KeyList>; total: number } {
  const lists = new Map<string, KeyList>();
  let total = 0;
  pages.forEach((p, page) => {
    const chars = positionalChars(p.text);
    total += chars.length;
    const own = new Map<string, number[]>();
    const at = (key: string, i: number) => {
      const l = own.get(key);
      if (l) l.push(i);
      else own.set(key, [i]);
    };
    for (let i = 0; i < chars.length; i++) {
      at(chars[i]!, i);
      if (i + 1 < chars.length) at(chars[i]! + chars[i + 1]!, i);
    }
    // A term the page defines is a key of its own (no positions): what the engine asks to rank definitions first.
    for (const term of p.defines ?? []) own.set(definitionKey(term), []);
    const kinds = kindsBits(p.kinds);
    for (const [key, positions] of own) {
      let list = lists.get(key);
      if (!list) lists.set(key, (list = new KeyList()));
      writePosting(list.w, list.lastPage, { page, length: chars.length, kinds, positions });
      list.lastPage = page;
      list.df++;
    }
  });
  return { lists, total };
}

const gz = (bytes: Uint8Array | string) => gzipSync(bytes, { level: 9 });

/** Files written as they are made (a few at a time), into a folder renamed after their digest at the end. */
class IndexFolder {
  private readonly digest = createHash('sha256');
  private readonly pending = new Set<Promise<void>>();
  private readonly dirs = new Set<string>();
  files = 0;
  bytes = 0;
  readonly root: string;
  constructor(root: string) {
    this.root = root;
  }

  async put(name: string, data: Uint8Array): Promise<void> {
    this.digest.update(name).update(data);
    this.files++;
    this.bytes += data.length;
    const path = join(this.root, `${name}.bin`);
    const dir = dirname(path);
    if (!this.dirs.has(dir)) {
      this.dirs.add(dir);
      await mkdir(dir, { recursive: true });
    }
    const write = writeFile(path, data).finally(() => this.pending.delete(write));
    this.pending.add(write);
    if (this.pending.size >= 64) await Promise.race(this.pending);
  }

  async close(): Promise<string> {
    await Promise.all(this.pending);
    return this.digest.digest('hex').slice(0, 16);
  }
}

/**
 * Write the index for these clause pages and approval paths into `outDir`
 * (replacing what was there). Returns the index's hash (its folder's name).
 */
export async function writeIndex(
  outDir: string,
  clausePages: readonly IndexPage[],
  paths: readonly PathEntry[],
  /** A test's small library may cut its lists finer, to have blocks at all. */
  blockBytes = BLOCK_BYTES,
): Promise<{ hash: string; files: number; bytes: number; written: number }> {
  const { regulations, rows, pages, filters } = groupPages(clausePages);
  const { lists, total } = postingLists(pages);
  // Earlier indexes go; the texts stay, and only new ones are written.
  await mkdir(join(outDir, TEXTS), { recursive: true });
  for (const entry of await readdir(outDir)) if (entry !== TEXTS) await rm(join(outDir, entry), { recursive: true, force: true });
  const texts = await writeTexts(join(outDir, TEXTS), pages);
  const folder = new IndexFolder(join(outDir, `.writing-${process.pid}`));
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
        await folder.put(blockName(blocks++), gz(block.done()));
        block = new ByteWriter();
        previous = 0;
      };
      const size = Math.max(blockBytes, Math.ceil(list.w.length / MAX_BLOCKS));
      for (const p of readPostings(list.w.done())) {
        if (block.length >= size) await flush();
        if (!block.length) starts.push(p.page);
        writePosting(block, previous, p);
        previous = p.page;
      }
      await flush();
      entry.blocks = { first, starts };
    }
    shardKeys[shardOf(key, shards)]!.set(key, entry);
  }
  for (const [n, keys] of shardKeys.entries()) await folder.put(shardName(n), gz(writeShard(keys)));
  for (const [r, row] of rows.entries()) await folder.put(rowsName(r), gz(JSON.stringify(row)));
  const directory: Directory = { version: INDEX_VERSION, pages: pages.length, avgLength: total / (pages.length || 1), shards, regulations, filters };
  await folder.put(DIRECTORY, gz(JSON.stringify(packDirectory(directory))));
  await folder.put(PATHS, gz(JSON.stringify(paths)));
  // The folder is named by the content: a browser may cache every file for good.
  const hash = await folder.close();
  await rename(folder.root, join(outDir, hash));
  const entry: Entry = { version: INDEX_VERSION, hash };
  await writeFile(join(outDir, ENTRY_FILE), JSON.stringify(entry));
  return { hash, files: folder.files + 1 + texts.files, bytes: folder.bytes + texts.bytes, written: folder.files + 1 + texts.written };
}

/** Each page's text as `<id>.bin` in `dir`: those already there are kept, those no page has are removed. */
async function writeTexts(dir: string, pages: readonly IndexPage[]): Promise<{ files: number; bytes: number; written: number }> {
  const existing = new Set(await readdir(dir));
  const wanted = new Map(pages.map((p) => [`${textId(p.text)}.bin`, p.text]));
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
