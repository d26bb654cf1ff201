/**
 * Library search, measured (issue #13): right answers and speed over a whole
 * content folder, through the site's own search page in the system Chromium.
 *
 *   node scripts/bench-library-search.ts FOLDER --out DIR [--reuse] [--queries FILE]
 *   npm run bench -- --only=library-search --library=FOLDER --library-out=DIR
 *
 * FOLDER is a regulations folder (with its exclusions.yaml, from
 * `npm run validate -- FOLDER --write-exclusions FOLDER/exclusions.yaml`);
 * unless --reuse it is built into DIR (PORTAL_CONTENT=FOLDER astro build
 * --outDir DIR), then DIR is served with astro preview.
 *
 * Queries: test/search/library-queries.json (scripts/draw-library-queries.ts).
 * A query whose text is not published in FOLDER is skipped (and counted).
 * Figures: first query on a cold page (bytes, ms; median of 3 fresh contexts,
 * cache off), then every query on one warm page (ms to results listed), and
 * per kind the share answered right (docs/search.md, "Library").
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { scanLibrary } from '../src/corpus/load.ts';
import type { LibraryQuery } from './draw-library-queries.ts';
import { launchChromium, ROOT } from './search-site.ts';
import { serve, stop } from '../test/e2e/site-build.ts';

const COLD_RUNS = 3;

export interface LibraryBench {
  folder: string;
  texts: number;
  clauses: number;
  first: { query: string; bytes: number; ms: number; runs: number[] };
  later: { queries: number; medianMs: number; maxMs: number; slowest: string; times: { q: string; ms: number }[] };
  /** kind → [right, total]. */
  right: Record<string, [number, number]>;
  skipped: number;
  misses: string[];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function submitAndTime(page: Page, q: string): Promise<number> {
  return page.evaluate(
    (query) =>
      new Promise<number>((done, fail) => {
        const input = document.getElementById('search-q') as HTMLInputElement;
        const form = document.getElementById('search-form') as HTMLFormElement;
        const list = document.getElementById('search-results')!;
        const start = performance.now();
        const finished = () => list.dataset['query'] === query && !list.hasAttribute('aria-busy');
        const observer = new MutationObserver(() => {
          if (!finished()) return;
          observer.disconnect();
          clearTimeout(timer);
          done(performance.now() - start);
        });
        observer.observe(list, { attributes: true, attributeFilter: ['data-query', 'aria-busy'] });
        const timer = setTimeout(() => {
          observer.disconnect();
          fail(new Error(`no results for ${query} within 30 s`));
        }, 30_000);
        input.value = query;
        form.requestSubmit();
      }),
    q,
  );
}

const hrefs = (page: Page) => page.locator('#search-results a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
const pathOf = (href: string) => decodeURI(href.replace(/[?#].*$/, ''));

export async function benchLibrary(folder: string, outDir: string, port: number, queriesFile = join(ROOT, 'test/search/library-queries.json')): Promise<LibraryBench> {
  const scan = scanLibrary({ dir: folder, exclusionsFile: existsSync(join(folder, 'exclusions.yaml')) ? join(folder, 'exclusions.yaml') : undefined });
  const regs = scan.library.regulations;
  const byPath = new Map(regs.map((r) => [r.libraryPath, r]));
  const all = (JSON.parse(readFileSync(queriesFile, 'utf8')) as { queries: LibraryQuery[] }).queries;
  const queries = all.filter((q) => q.kind === 'absent' || byPath.has(q.text!));
  const { hash } = JSON.parse(readFileSync(join(outDir, 'search-index', 'entry.json'), 'utf8')) as { hash: string };
  const clauses = (JSON.parse(gunzipSync(readFileSync(join(outDir, 'search-index', hash, 'dir.bin'))).toString('utf8')) as { pages: number }).pages;

  const { server, origin: base } = await serve(outDir, port);
  const browser = await launchChromium();
  try {
    // Cold first query: a phrase (the commonest kind), cache off, bytes as transferred.
    const firstQuery = queries.find((q) => q.kind === 'phrase')?.q ?? '第一条';
    const cold: { bytes: number; ms: number }[] = [];
    for (let run = 0; run < COLD_RUNS; run++) {
      const context = await browser.newContext({ locale: 'zh-CN' });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      let bytes = 0;
      cdp.on('Network.loadingFinished', (e) => (bytes += e.encodedDataLength));
      await page.goto(`${base}/search/`, { waitUntil: 'networkidle' });
      bytes = 0;
      const ms = await submitAndTime(page, firstQuery);
      await page.waitForTimeout(500);
      cold.push({ bytes, ms });
      await context.close();
    }

    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${base}/search/`, { waitUntil: 'networkidle' });
    // Later queries: the engine is loaded (the cold query above measured that).
    await submitAndTime(page, '第一条');
    const times: { q: string; ms: number }[] = [];
    const right: Record<string, [number, number]> = {};
    const misses: string[] = [];
    for (const q of queries) {
      const r = q.text ? byPath.get(q.text)! : undefined;
      let got: string[];
      if (q.within) {
        const params = new URLSearchParams({ q: q.q, regulation: r!.tree.meta.title });
        await page.goto(`${base}/search/?${params}`);
        await page.waitForFunction((query) => document.getElementById('search-results')?.dataset['query'] === query && !document.getElementById('search-results')!.hasAttribute('aria-busy'), q.q, { timeout: 30_000 });
        got = await hrefs(page);
        await page.goto(`${base}/search/`, { waitUntil: 'networkidle' });
        await submitAndTime(page, '第一条');
      } else {
        times.push({ q: q.q, ms: await submitAndTime(page, q.q) });
        got = await hrefs(page);
      }
      const paths = got.map(pathOf);
      const article = r && q.article ? `/regulations/${r.slug}/articles/${q.article}/` : undefined;
      let ok: boolean;
      if (q.kind === 'absent') ok = got.length === 0;
      else if (q.kind === 'title' || q.kind === 'short-title') ok = !!paths[0]?.startsWith(`/regulations/${r!.work}/`);
      else if (q.kind === 'question') ok = paths.slice(0, 10).includes(article!);
      else ok = paths[0] === article;
      const key = q.kind;
      right[key] ??= [0, 0];
      right[key][1]++;
      if (ok) right[key][0]++;
      else misses.push(`${q.kind} ${q.q}${q.within ? ' (within)' : ''}: expected ${article ?? (q.kind === 'absent' ? 'nothing' : `/regulations/${r!.work}/`)}, got ${paths.slice(0, 3).join(' ') || 'nothing'}${got.length > 3 ? ` … (${got.length})` : ''}`);
      if (q.kind === 'phrase') {
        right['phrase top-10'] ??= [0, 0];
        right['phrase top-10'][1]++;
        if (paths.slice(0, 10).includes(article!)) right['phrase top-10'][0]++;
      }
    }
    const slowest = times.reduce((a, b) => (b.ms > a.ms ? b : a), { q: '', ms: 0 });
    return {
      folder,
      texts: regs.length,
      clauses,
      first: { query: firstQuery, bytes: median(cold.map((c) => c.bytes)), ms: median(cold.map((c) => c.ms)), runs: cold.map((c) => Math.round(c.ms)) },
      later: { queries: times.length, medianMs: median(times.map((t) => t.ms)), maxMs: slowest.ms, slowest: slowest.q, times },
      right,
      skipped: all.length - queries.length,
      misses,
    };
  } finally {
    await browser.close();
    stop(server);
  }
}

/** Rows for docs/performance.md: what, value, target. */
export function libraryBenchRows(b: LibraryBench): string[][] {
  const share = ([n, d]: [number, number]) => `${n}/${d} (${((100 * n) / (d || 1)).toFixed(0)}%)`;
  const target: Record<string, string> = {
    phrase: '≥ 95% first', 'phrase top-10': '≥ 99%', question: 'top 10', title: '≥ 98% first', 'short-title': '≥ 98% first', cite: '100% first', 'article-in': '100% first', absent: 'nothing',
  };
  return [
    ['texts published / clauses indexed', `${b.texts} / ${b.clauses}`, '—'],
    [`first query on a cold page (“${b.first.query}”): bytes`, `${(b.first.bytes / 1024).toFixed(1)} KiB`, '≤ 200 KB'],
    [`first query on a cold page: ms to results listed (median of ${b.first.runs.join(', ')})`, b.first.ms.toFixed(0), '≤ 600'],
    [`later queries (${b.later.queries}): median ms`, b.later.medianMs.toFixed(1), '≤ 50'],
    [`later queries: slowest ms (“${b.later.slowest}”)`, b.later.maxMs.toFixed(1), '≤ 300'],
    ...Object.entries(b.right).map(([kind, r]) => [`${kind} answered right`, share(r), target[kind] ?? '—']),
  ];
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const folder = args.find((a) => !a.startsWith('--'));
  const opt = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const out = opt('--out');
  if (!folder || !out) throw new Error('usage: bench-library.ts FOLDER --out DIR [--reuse] [--queries FILE] [--port N]');
  if (!args.includes('--reuse')) {
    console.log(`building ${folder} into ${out}…`);
    const r = spawnSync('npx', ['astro', 'build', '--outDir', resolve(out)], { cwd: ROOT, env: { ...process.env, PORTAL_CONTENT: resolve(folder) }, stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error(`build failed (exit ${r.status})`);
  }
  const b = await benchLibrary(resolve(folder), resolve(out), Number(opt('--port') ?? process.env['BENCH_LIBRARY_PORT'] ?? 4351), opt('--queries'));
  console.log(`library search over ${folder} (${b.skipped} queries skipped: text not published)\n| measure | value | target |\n| --- | --- | --- |`);
  for (const row of libraryBenchRows(b)) console.log(`| ${row.join(' | ')} |`);
  console.log(`\nmisses:\n  ${b.misses.join('\n  ')}`);
  const slow = [...b.later.times].sort((x, y) => y.ms - x.ms).slice(0, 10);
  console.log(`\nslowest later queries:\n  ${slow.map((t) => `${t.ms.toFixed(0)} ms ${t.q}`).join('\n  ')}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
