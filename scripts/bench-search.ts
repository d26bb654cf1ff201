/**
 * Search speed, for the Search section of docs/performance.md.
 * scripts/bench.ts calls `benchSearch(baseUrl)` with its own preview server;
 * run on its own (`node scripts/bench-search.ts [--reuse]`) it builds if
 * needed, serves the seed-only site (scripts/seed-site.ts) and prints the table.
 *
 * In headless Chromium (system Chromium, HTTP cache disabled):
 *  - first query on a cold page: the search page is loaded and idle (no search
 *    code fetched yet); we submit a query and count every byte transferred
 *    (encoded, as on the wire) and the milliseconds until the results are
 *    listed — engine JS, the index's directory, shards and blocks; the
 *    excerpts' texts that load right after are counted in the bytes.
 *    Median of COLD_RUNS fresh browser contexts (a shared 2-core machine is noisy);
 *  - later queries: the same page, further queries submitted one by one;
 *    median milliseconds until their results are listed.
 * Queries are submitted (not typed) so the 150 ms typing debounce is not counted.
 * BENCH_SEARCH_FIRST=… measures another first query (e.g. a question needing
 * both index chunks); BENCH_SEARCH_PORT picks the standalone server's port.
 */
import type { Page } from '@playwright/test';
import { ensureDist, launchChromium, startPreview } from './search-site.ts';

const COLD_RUNS = 5;

export interface SearchBench {
  /** Bytes transferred by the search page itself (HTML, CSS, JS) before any query. */
  pageBytes: number;
  /** Median over COLD_RUNS; `runs` lists each run's milliseconds. */
  firstQuery: { query: string; bytes: number; ms: number; requests: number; runs: number[] };
  later: { queries: number; medianMs: number; maxMs: number; bytes: number };
  /** Each later query: ms and bytes. */
  laterRuns: { query: string; ms: number; bytes: number }[];
}

/** A query of each kind: a term, a question, a number, an absent word, a two-character word… */
export const BENCH_QUERIES = {
  first: process.env['BENCH_SEARCH_FIRST'] ?? '会议纪要',
  later: ['区长出差谁主持工作', '三个工作日', '请假', '行政规范性文件', '疫苗', '出国访问收到的礼品怎么处理', '政务公开', '督查', '重大决策前要向谁报告', '合法性审查'],
};

async function submitAndTime(page: Page, q: string): Promise<number> {
  return page.evaluate(
    (query) =>
      new Promise<number>((resolve, reject) => {
        const input = document.getElementById('search-q') as HTMLInputElement;
        const form = document.getElementById('search-form') as HTMLFormElement;
        const list = document.getElementById('search-results')!;
        const start = performance.now();
        const done = () => list.dataset['query'] === query && !list.hasAttribute('aria-busy');
        const observer = new MutationObserver(() => {
          if (done()) {
            observer.disconnect();
            clearTimeout(timer);
            resolve(performance.now() - start);
          }
        });
        observer.observe(list, { attributes: true, attributeFilter: ['data-query', 'aria-busy'] });
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`no results for ${query} within 15 s`));
        }, 15_000);
        input.value = query;
        form.requestSubmit();
      }),
    q,
  );
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export async function benchSearch(baseUrl: string): Promise<SearchBench> {
  const browser = await launchChromium();
  try {
    const cold: { bytes: number; requests: number; ms: number; pageBytes: number }[] = [];
    let laterRuns: SearchBench['laterRuns'] = [];
    for (let run = 0; run < COLD_RUNS; run++) {
      const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      let bytes = 0;
      let requests = 0;
      let inFlight = 0;
      let lastActivity = Date.now();
      cdp.on('Network.requestWillBeSent', () => {
        inFlight++;
        lastActivity = Date.now();
      });
      cdp.on('Network.loadingFailed', () => {
        inFlight--;
        lastActivity = Date.now();
      });
      cdp.on('Network.loadingFinished', (e) => {
        bytes += e.encodedDataLength;
        requests++;
        inFlight--;
        lastActivity = Date.now();
      });
      /** Until nothing has been requested or received for 300 ms (the excerpts load after the list). */
      const settled = async () => {
        while (inFlight > 0 || Date.now() - lastActivity < 300) await new Promise((r) => setTimeout(r, 50));
      };

      await page.goto(`${baseUrl}/search/`, { waitUntil: 'networkidle' });
      const pageBytes = bytes;
      bytes = 0;
      requests = 0;
      const ms = await submitAndTime(page, BENCH_QUERIES.first);
      await settled();
      cold.push({ bytes, requests, ms, pageBytes });

      if (run === COLD_RUNS - 1) {
        laterRuns = [];
        for (const q of BENCH_QUERIES.later) {
          bytes = 0;
          const later = await submitAndTime(page, q);
          await settled();
          laterRuns.push({ query: q, ms: later, bytes });
        }
      }
      await context.close();
    }
    const laterMs = laterRuns.map((r) => r.ms);
    return {
      pageBytes: median(cold.map((c) => c.pageBytes)),
      firstQuery: {
        query: BENCH_QUERIES.first,
        bytes: median(cold.map((c) => c.bytes)),
        requests: median(cold.map((c) => c.requests)),
        ms: median(cold.map((c) => c.ms)),
        runs: cold.map((c) => Math.round(c.ms)),
      },
      later: { queries: laterRuns.length, medianMs: median(laterMs), maxMs: Math.max(...laterMs), bytes: laterRuns.reduce((n, r) => n + r.bytes, 0) },
      laterRuns,
    };
  } finally {
    await browser.close();
  }
}

/** Rows for a markdown table: what, value, target. */
export function searchBenchRows(b: SearchBench): string[][] {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  return [
    ['search page load (HTML, CSS, JS; no search code)', kb(b.pageBytes), '—'],
    [`first query on a cold page (“${b.firstQuery.query}”): bytes, ${b.firstQuery.requests} requests`, kb(b.firstQuery.bytes), '≤ 100 KB'],
    [`first query on a cold page: ms to results listed (median of ${b.firstQuery.runs.length}: ${b.firstQuery.runs.join(', ')})`, b.firstQuery.ms.toFixed(0), '≤ 300'],
    [`later queries (${b.later.queries}): median ms`, b.later.medianMs.toFixed(1), '≤ 30'],
    ['later queries: slowest ms', b.later.maxMs.toFixed(1), '—'],
    ['later queries: bytes in total (index chunks, fragments)', kb(b.later.bytes), '—'],
  ];
}

async function main(): Promise<void> {
  const reuse = process.argv.includes('--reuse');
  ensureDist({ reuse });
  const server = await startPreview(Number(process.env['BENCH_SEARCH_PORT'] ?? 4349));
  try {
    const b = await benchSearch(server.baseUrl);
    console.log('| measure | value | target |\n| --- | --- | --- |');
    for (const row of searchBenchRows(b)) console.log(`| ${row.join(' | ')} |`);
    console.log('\nlater queries:', b.laterRuns.map((r) => `${r.query} ${r.ms.toFixed(1)} ms ${(r.bytes / 1024).toFixed(1)} KiB`).join('; '));
  } finally {
    server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
