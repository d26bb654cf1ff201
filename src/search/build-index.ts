/**
 * Builds the search index after Astro has written the site (the integration's
 * `astro:build:done` hook), with Pagefind's Node API. Any indexing error
 * throws, which fails the build.
 *
 * Two passes:
 *  1. Pagefind reads the built HTML as usual: what the pages mark with
 *     data-pagefind-body / -meta / -filter (the site's contract, docs/urls.md)
 *     decides what is searchable and how results are labelled and filtered.
 *     This pass is only read (getFiles), never written.
 *  2. Each clause page found (`kind:clause`) is indexed again as a custom
 *     record whose content is its text in the index alphabet (codec.ts) — one
 *     word per character — with the same URL, metadata and filters. That is
 *     the index we publish, plus our page table and regulation directory
 *     (page-table.ts): per page its URL, citation and filters, so the search
 *     page lists results without fetching a fragment for each. Approval-path pages
 *     (`kind:path`) go to their own small file instead (paths.ts).
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { findTimeExpressions } from '../parse/xref/time-expressions.ts';
import { encodeText, tokenCount } from './codec.ts';
import { directoryFile, metaFile, pagesFile, pathsFile } from './files.ts';
import { PAGEFIND_VERSION, type Fragment } from './pagefind-core.ts';
import { metaPages } from './pagefind-meta.ts';
import { packPages, type PagesData } from './page-table.ts';
import { RESULT_KINDS, type PathEntry, type ResultKind } from './paths.ts';

export const INDEX_DIR = 'pagefind';
/** The index's language (the site is Chinese; see Layout's lang="zh-CN"). */
export const LANGUAGE = 'zh-cn';

/** Files Pagefind writes that the site does not use (its UIs, highlighter, worker and JS API: the search page has its own client). */
const UNUSED = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
  'pagefind-worker.js',
  'pagefind.js',
];

export interface SearchPage {
  url: string;
  text: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

function check(what: string, errors: readonly string[]): void {
  if (errors.length) throw new Error(`搜索索引失败（${what}）：\n${errors.join('\n')}`);
}

/**
 * The text Pagefind extracted, as a reader sees it: without the zero-width
 * spaces it puts between Chinese words, and without the ". " it adds after
 * a block that does not end in punctuation (Chinese text has its own).
 */
export function cleanText(content: string): string {
  return content
    .replace(/\u200b/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(?<=[\p{Script=Han}\p{N}）》〕」”])\. /gu, ' ')
    // …and after the last block (never after a number there: "第1." could be the text's own).
    .replace(/(?<=[\p{Script=Han}）》〕」”])\.$/u, '');
}

/** The id of the data-pagefind-body element, if it has one (the notice: `#notice`), so the result links to it. */
export function bodyId(html: string): string | undefined {
  const tag = /<[a-z][^>]*?\sdata-pagefind-body(?=[\s>/=])[^>]*>/i.exec(html)?.[0];
  return tag ? /\sid="([^"]+)"/.exec(tag)?.[1] : undefined;
}

/**
 * The kind of result a page is, as it declares it (`data-pagefind-meta="kind:…"`,
 * PagefindMeta). A page marked data-pagefind-body without a kind is not
 * indexed; one with a kind the search page does not know fails the build.
 */
export function resultKind(page: Pick<SearchPage, 'url' | 'meta'>): ResultKind | undefined {
  const kind = page.meta['kind'];
  if (kind === undefined) return undefined;
  if (!(RESULT_KINDS as readonly string[]).includes(kind)) {
    throw new Error(`搜索索引失败：${page.url} 声明的结果类型“${kind}”未知（可用：${RESULT_KINDS.join('、')}）`);
  }
  return kind as ResultKind;
}

/** Quantities: a number and what it counts (3个工作日, 2次, 五名). */
const QUANTITY = /(?:[0-9０-９]+|[一二两三四五六七八九十百千]+)(?:个|名|人|次|项|篇|份|件|家|位|倍|种|类|天|日|周|月|年|小时|分钟)/u;

/** The kinds of answer a page's text holds: 't' a time limit, period or frequency (the parser's time expressions), 'n' a quantity. */
export function answerKinds(text: string): string {
  const node = { type: 'text' as const, value: text, position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: text.length } } };
  const time = findTimeExpressions([{ text: node, clause: '' }]).length > 0;
  return (time ? 't' : '') + (time || QUANTITY.test(text) ? 'n' : '');
}

/** Pass 1: every page the site marks as searchable, as Pagefind sees it. */
export async function readSearchPages(siteDir: string): Promise<SearchPage[]> {
  const { index, errors } = await pagefind.createIndex({});
  check('createIndex', errors);
  if (!index) throw new Error('搜索索引失败：Pagefind 未能启动');
  try {
    const added = await index.addDirectory({ path: siteDir });
    check('addDirectory', added.errors);
    const { files, errors: fileErrors } = await index.getFiles();
    check('getFiles', fileErrors);
    const pages: SearchPage[] = [];
    for (const file of files) {
      if (!/(^|\/)fragment\/[^/]+\.pf_fragment$/.test(file.path)) continue;
      const raw = gunzipSync(file.content);
      const fragment = JSON.parse(raw.subarray(12).toString('utf8')) as Fragment;
      let url = fragment.url;
      const html = await readFile(join(siteDir, decodeURI(url), url.endsWith('/') ? 'index.html' : ''), 'utf8').catch(() => '');
      const id = bodyId(html);
      if (id) url = `${url}#${id}`;
      pages.push({ url, text: cleanText(fragment.content), meta: fragment.meta, filters: fragment.filters });
    }
    return pages.sort((a, b) => a.url.localeCompare(b.url, 'en', { numeric: true }));
  } finally {
    await index.deleteIndex();
  }
}

/**
 * Pass 2: write the published index for these clause pages to
 * `<siteDir>/pagefind/`, with our page table and regulation directory (page-table.ts), and the approval paths' own
 * file (paths.ts) beside it.
 */
export async function writeSearchIndex(siteDir: string, pages: readonly SearchPage[], paths: readonly SearchPage[] = []): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: LANGUAGE });
  check('createIndex', errors);
  if (!index) throw new Error('搜索索引失败：Pagefind 未能启动');
  for (const page of pages) {
    const added = await index.addCustomRecord({
      url: page.url,
      content: encodeText(page.text),
      language: LANGUAGE,
      // Not the metadata: Pagefind would index its words too (the citations);
      // the search page reads labels from the page table instead.
      filters: page.filters,
    });
    check(`addCustomRecord ${page.url}`, added.errors);
  }
  const outputPath = join(siteDir, INDEX_DIR);
  await rm(outputPath, { recursive: true, force: true });
  const written = await index.writeFiles({ outputPath });
  check('writeFiles', written.errors);
  const entry = JSON.parse(await readFile(join(outputPath, 'pagefind-entry.json'), 'utf8')) as { version: string; languages: Record<string, { hash: string }> };
  if (entry.version !== PAGEFIND_VERSION) {
    throw new Error(`搜索索引版本为 ${entry.version}，搜索页面的客户端（src/search/pagefind-core.ts）只支持 ${PAGEFIND_VERSION}`);
  }
  await Promise.all(UNUSED.map((f) => rm(join(outputPath, f), { force: true })));

  // Pagefind's page ids are its fragments' names.
  const idOf = new Map<string, string>();
  for (const file of await readdir(join(outputPath, 'fragment'))) {
    const fragment = JSON.parse(gunzipSync(await readFile(join(outputPath, 'fragment', file))).subarray(12).toString('utf8')) as Fragment;
    idOf.set(fragment.url, file.replace(/\.pf_fragment$/, ''));
  }
  const lang = entry.languages[LANGUAGE];
  if (!lang) throw new Error(`搜索索引失败：没有 ${LANGUAGE} 索引`);
  const data = new Map<string, PagesData[string]>();
  for (const page of pages) {
    const id = idOf.get(page.url);
    if (!id) throw new Error(`搜索索引失败：${page.url} 没有生成片段`);
    data.set(id, [page.url, page.meta['citation'] ?? page.meta['title'] ?? page.url, tokenCount(page.text), page.filters, answerKinds(page.text)]);
  }
  // The page table follows the page list of Pagefind's metadata (page-table.ts), which the search page reads anyway.
  const meta = metaPages(gunzipSync(await readFile(join(outputPath, metaFile(lang.hash, '')))).subarray(12));
  const ordered = meta.map(({ id }) => {
    const row = data.get(id);
    if (!row) throw new Error(`搜索索引失败：元数据中的页面 ${id} 不在条文页面之中`);
    return row;
  });
  if (ordered.length !== data.size) throw new Error(`搜索索引失败：元数据有 ${ordered.length} 页，条文页面 ${data.size} 个`);
  const { directory, table } = packPages(ordered);
  await writeFile(join(outputPath, directoryFile(lang.hash, '')), packed(directory));
  await writeFile(join(outputPath, pagesFile(lang.hash, '')), packed(table));
  const pathEntries: PathEntry[] = paths.map((p) => [p.url, p.meta['citation'] ?? p.url, p.text, p.filters]);
  await writeFile(join(outputPath, pathsFile(lang.hash, '')), packed(pathEntries));
  await hintIndex(siteDir, lang.hash);
}

/** Our files, packed like Pagefind's (gzip around a 12-byte signature), so the engine reads them alike. */
function packed(data: unknown): Buffer {
  return gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from(JSON.stringify(data))]), { level: 9 });
}

/**
 * Write the index's hash into the search page (`<form id="search-form"
 * data-index="…">`), so it fetches the index's files at once instead of
 * asking pagefind-entry.json first. An attribute only: the page's CSP hashes
 * are unaffected. No search page, no hint.
 */
export async function hintIndex(siteDir: string, hash: string): Promise<void> {
  const file = join(siteDir, 'search', 'index.html');
  const html = await readFile(file, 'utf8').catch(() => undefined);
  if (html === undefined) return;
  const tag = /<form\b[^>]*\sid="search-form"[^>]*>/.exec(html)?.[0];
  if (!tag) return;
  const hinted = tag.replace(/\sdata-index="[^"]*"/, '').replace(/>$/, ` data-index="${hash}">`);
  await writeFile(file, html.replace(tag, hinted));
}

export interface IndexReport {
  /** Pages made searchable, by kind (clauses in Pagefind's index, paths in the paths file). */
  indexed: Record<ResultKind, number>;
  /** URLs marked data-pagefind-body that declare no kind (not indexed). */
  skipped: string[];
}

/** Both passes. Throws on any error or if no clause is searchable. */
export async function buildSearchIndex(siteDir: string): Promise<IndexReport> {
  try {
    const all = (await readSearchPages(siteDir)).map((p) => ({ page: p, kind: resultKind(p) }));
    const of = (kind: ResultKind) => all.filter((p) => p.kind === kind).map((p) => p.page);
    const clauses = of('clause');
    const paths = of('path');
    if (!clauses.length) throw new Error('搜索索引失败：没有任何条文页面标记了 data-pagefind-body 和 kind:clause');
    await writeSearchIndex(siteDir, clauses, paths);
    return { indexed: { clause: clauses.length, path: paths.length }, skipped: all.filter((p) => p.kind === undefined).map((p) => p.page.url) };
  } finally {
    await pagefind.close();
  }
}
