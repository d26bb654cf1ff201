/**
 * Builds the search index after Astro has written the site (the integration's
 * `astro:build:done` hook). Any indexing error throws, which fails the build.
 *
 *  1. Read what the pages mark as searchable (html-pages.ts: data-pagefind-body,
 *     -meta, -filter, -ignore — the site's contract, docs/urls.md).
 *  2. Clause pages (`kind:clause`) go into our positional bigram index
 *     (index-writer.ts, format in index-format.ts); approval-path pages
 *     (`kind:path`) into their own small file (paths.ts).
 *  3. The index's hash is written into the search page, which then fetches
 *     the first files at once.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findTimeExpressions } from '../parse/xref/time-expressions.ts';
import { definedTerms } from './definitions.ts';
import { type ReadOptions, readSearchPages, type SearchPage } from './html-pages.ts';
import { writeIndex } from './index-writer.ts';
import { RESULT_KINDS, type PathEntry, type ResultKind } from './paths.ts';

export type { SearchPage };

/** The index's folder in the site (index-format.ts: INDEX_BASE). */
export const INDEX_DIR = 'search-index';

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

/**
 * Write the index's hash into the search page (`<form id="search-form"
 * data-index="…">`), so it fetches the index's files at once instead of
 * asking the entry file first. An attribute only: the page's CSP hashes
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
  /** Pages made searchable, by kind (clauses in the index, paths in the paths file). */
  indexed: Record<ResultKind, number>;
  /** URLs marked data-pagefind-body that declare no kind (not indexed). */
  skipped: string[];
  /** Files of the index and their bytes (gzip); files written by this build; pages read again and reused (readSearchPages). */
  files: number;
  bytes: number;
  written: number;
  read: number;
  reused: number;
  /** Whether the last build's lists were patched rather than built afresh. */
  patched: boolean;
}

export interface IndexOptions extends ReadOptions {
  /** Where the index's lists and files are kept for the next build, which then redoes only what changed (index-state.ts). */
  stateFile?: string;
}

/** Read, index, hint. Throws on any error or if no clause is searchable. */
export async function buildSearchIndex(siteDir: string, options: IndexOptions = {}): Promise<IndexReport> {
  const { pages, read, reused } = await readSearchPages(siteDir, options);
  const all = pages.map((p) => ({ page: p, kind: resultKind(p) }));
  const of = (kind: ResultKind) => all.filter((p) => p.kind === kind).map((p) => p.page);
  const clauses = of('clause');
  const paths = of('path');
  if (!clauses.length) throw new Error('搜索索引失败：没有任何条文页面标记了 data-pagefind-body 和 kind:clause');
  const pathEntries: PathEntry[] = paths.map((p) => [p.url, p.meta['citation'] ?? p.url, p.text, p.filters]);
  const written = await writeIndex(
    join(siteDir, INDEX_DIR),
    clauses.map((p) => ({ ...p, kinds: answerKinds(p.text), defines: definedTerms(p.text) })),
    pathEntries,
    options.stateFile ? { stateFile: options.stateFile } : {},
  );
  await hintIndex(siteDir, written.hash);
  return {
    indexed: { clause: clauses.length, path: paths.length },
    skipped: all.filter((p) => p.kind === undefined).map((p) => p.page.url),
    files: written.files,
    bytes: written.bytes,
    written: written.written,
    read,
    reused,
    patched: written.patched,
  };
}
