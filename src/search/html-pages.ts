/**
 * Reads the searchable regions out of the built HTML (build time), the way
 * the pages mark them (docs/urls.md, PagefindMeta.astro):
 *
 *  - the element with `data-pagefind-body` is the page's searchable text;
 *    an element with `data-pagefind-ignore` inside it is left out, and so are
 *    `<script>`, `<style>` and `<template>`;
 *  - `data-pagefind-meta="key:value"` and `data-pagefind-filter="key:value"`
 *    elements inside it give its metadata and filters (a value may hold any
 *    character, commas and colons included);
 *  - an `id` on the body element becomes the URL's fragment (the notice).
 *
 * The markup kept Pagefind's vocabulary when the index became our own
 * (index-writer.ts): pages and tests already speak it. A linear scan over
 * the tags of one file: the pages are Astro's own well-formed output.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';

export interface SearchPage {
  url: string;
  text: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

const TAG = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*\/?>/g;
const ATTR = /([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const RAW = new Set(['script', 'style', 'template']);
/** Elements whose edges separate words, as a reader sees them; inline ones (span, a, mark …) do not. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table',
  'td', 'th', 'tr', 'ul',
]);
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Character references as Astro writes them (html-escaper's five, numeric ones, &nbsp;); anything else stays as written. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|([a-zA-Z]+));/g, (whole, dec: string, hex: string, name: string) => {
    if (name) return NAMED[name] ?? whole;
    const cp = dec ? Number.parseInt(dec, 10) : Number.parseInt(hex, 16);
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
  });
}

function attributes(source: string): Map<string, string> {
  const out = new Map<string, string>();
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(source); m; m = ATTR.exec(source)) out.set(m[1]!.toLowerCase(), decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  return out;
}

/** `key:value` → [key, value]; the value may contain colons. */
function pair(spec: string): [string, string] | undefined {
  const at = spec.indexOf(':');
  return at > 0 ? [spec.slice(0, at).trim(), spec.slice(at + 1).trim()] : undefined;
}

/** The searchable region of one page's HTML, or undefined if it has none. `url`: the page's URL (`/a/b/`). */
export function searchPage(html: string, url: string): SearchPage | undefined {
  // Most pages have no searchable region: a quick look first. The scan then starts at the tag holding the
  // phrase — unless that might be inside a script, style or template, then at the top.
  const at = html.indexOf('data-pagefind-body');
  if (at < 0) return undefined;
  const raw = [...RAW].some((name) => html.lastIndexOf(`<${name}`, at) > html.lastIndexOf(`</${name}`, at));
  let text = '';
  const meta: Record<string, string> = {};
  const filters: Record<string, string[]> = {};
  let id: string | undefined;
  /** Depth inside the body element (0: outside), and the depth at which an ignored element opened. */
  let depth = 0;
  let ignoredAt = 0;
  let last = 0;
  let found = false;
  TAG.lastIndex = raw ? 0 : html.lastIndexOf('<', at);
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    if (depth && !ignoredAt && m.index > last) text += html.slice(last, m.index);
    last = TAG.lastIndex;
    if (m[0].startsWith('<!--')) continue;
    const closing = m[1] === '/';
    const name = m[2]!.toLowerCase();
    if (BLOCK.has(name) && depth && !ignoredAt) text += ' ';
    if (!closing && RAW.has(name)) {
      // Skip the raw text up to its end tag.
      const end = html.indexOf(`</${name}`, TAG.lastIndex);
      TAG.lastIndex = last = end < 0 ? html.length : end;
      continue;
    }
    if (closing) {
      if (!depth) continue;
      if (ignoredAt === depth) ignoredAt = 0;
      if (--depth === 0) break;
      continue;
    }
    const attrs = m[3] ? attributes(m[3]) : undefined;
    if (!depth) {
      if (!attrs?.has('data-pagefind-body')) continue;
      found = true;
      id = attrs.get('id');
      if (VOID.has(name)) break;
      depth = 1;
      continue;
    }
    const isVoid = VOID.has(name) || m[0].endsWith('/>');
    if (!isVoid) depth++;
    if (!attrs || ignoredAt) continue;
    if (attrs.has('data-pagefind-ignore') && !isVoid) ignoredAt = depth;
    const metaSpec = attrs.get('data-pagefind-meta');
    const filterSpec = attrs.get('data-pagefind-filter');
    const metaPair = metaSpec === undefined ? undefined : pair(metaSpec);
    if (metaPair) meta[metaPair[0]] = metaPair[1];
    const filterPair = filterSpec === undefined ? undefined : pair(filterSpec);
    if (filterPair) (filters[filterPair[0]] ??= []).push(filterPair[1]);
  }
  if (!found) return undefined;
  const clean = decodeEntities(text).replace(/\s+/g, ' ').trim();
  // A copy: the strings cut out of the page would otherwise keep the whole page's HTML alive (V8's sliced strings).
  return JSON.parse(JSON.stringify({ url: id ? `${url}#${id}` : url, text: clean, meta, filters })) as SearchPage;
}

/** The URL a built file is served at: `a/b/index.html` → `/a/b/`, `a/x.html` → `/a/x.html`; percent-encoded as links write it. */
export function urlOf(siteDir: string, file: string): string {
  const path = relative(siteDir, file).split(sep).join('/');
  return encodeURI(`/${path.replace(/(^|\/)index\.html$/, '$1')}`);
}

async function* htmlFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name.endsWith('.html')) yield path;
  }
}

/** What was read from each file last time: size, mtime and its page (0: none). A rebuild rewrites only the pages that changed. */
type ReadCache = Record<string, [size: number, mtime: number, page: SearchPage | 0]>;
const CACHE_VERSION = 2;

async function loadCache(file: string | undefined): Promise<ReadCache> {
  const out: ReadCache = {};
  if (!file) return out;
  try {
    // One JSON line a file, after a version line, read as a stream: never the whole cache as one string.
    const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
    let first = true;
    for await (const line of lines) {
      if (first) {
        first = false;
        if (line !== String(CACHE_VERSION)) return out;
        continue;
      }
      if (!line) continue;
      const [rel, size, mtime, page] = JSON.parse(line) as [string, number, number, SearchPage | 0];
      out[rel] = [size, mtime, page];
    }
  } catch {
    // No cache, or an unreadable one: every file is read.
    return {};
  }
  return out;
}

async function saveCache(file: string, cache: ReadCache): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const out = createWriteStream(file);
  const write = (line: string) => (out.write(line) ? undefined : new Promise<void>((done) => out.once('drain', () => done())));
  await write(`${CACHE_VERSION}\n`);
  for (const [rel, [size, mtime, page]] of Object.entries(cache)) await write(`${JSON.stringify([rel, size, mtime, page])}\n`);
  await new Promise<void>((done, fail) => out.end((error?: Error | null) => (error ? fail(error) : done())));
}

export interface ReadOptions {
  /** Where to keep what was read, so that files unchanged since (same size and modification time) are not read again. */
  cacheFile?: string;
  /** Pages taken while Astro rendered them, as JSON (rendered-pages.ts): not read from disk, except a few checked against it. Emptied as they are used. */
  rendered?: Map<string, string | 0>;
  /** Files known to hold no searchable region (the forwarding pages the build writes): not even looked at. */
  skip?: ReadonlySet<string>;
}

/** How many rendered pages are read from disk as well, to check that what was taken is what was written. */
const CHECKED = 8;

/** Every searchable page of the built site, sorted by URL; `read`: files read from disk, `reused`: pages that were not. */
export async function readSearchPages(siteDir: string, options: ReadOptions = {}): Promise<{ pages: SearchPage[]; read: number; reused: number }> {
  const { cacheFile, rendered, skip } = options;
  const before = await loadCache(cacheFile);
  const after: ReadCache = {};
  const pages: SearchPage[] = [];
  let read = 0;
  let reused = 0;
  let checked = 0;
  const fromDisk = async (file: string, url: string) => {
    read++;
    return searchPage(await readFile(file, 'utf8'), url);
  };
  const one = async (file: string) => {
    const rel = relative(siteDir, file);
    const { size, mtimeMs } = await stat(file);
    const known = before[rel];
    const url = urlOf(siteDir, file);
    const taken = rendered?.get(url);
    let page: SearchPage | undefined;
    if (taken !== undefined) {
      page = taken ? (JSON.parse(taken) as SearchPage) : undefined;
      rendered!.delete(url); // its string is not needed twice on the step's peak
      if (checked >= CHECKED) reused++;
      else {
        checked++;
        const written = await fromDisk(file, url);
        if ((written ? JSON.stringify(written) : 0) !== taken) throw new Error(`搜索索引失败：${url} 渲染时取得的可搜索内容与写出的文件不一致（${rel}）`);
      }
    } else if (known && known[0] === size && known[1] === mtimeMs) {
      page = known[2] || undefined;
      reused++;
    } else {
      page = await fromDisk(file, url);
    }
    after[rel] = [size, mtimeMs, page ?? 0];
    if (page) pages.push(page);
  };
  // A few files at a time: the disk works while a page is scanned.
  let batch: Promise<void>[] = [];
  for await (const file of htmlFiles(siteDir)) {
    if (skip?.has(file)) continue;
    const reading = one(file);
    // Handled now (Promise.all below rethrows it): a file that fails before its batch is awaited is no unhandled rejection.
    reading.catch(() => undefined);
    batch.push(reading);
    if (batch.length >= 16) {
      await Promise.all(batch);
      batch = [];
    }
  }
  await Promise.all(batch);
  if (cacheFile) await saveCache(cacheFile, after);
  const collator = new Intl.Collator('en', { numeric: true });
  return { pages: pages.sort((a, b) => collator.compare(a.url, b.url)), read, reused };
}
