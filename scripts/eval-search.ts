/**
 * `npm run eval:search`: search quality on judgment files, measured through
 * the site's own search page in headless Chromium — for each query it opens
 * /search/?q=…, waits for the results and reads the `#search-results a` hrefs
 * in order (article pages → article number). Approval paths (`#search-paths a`)
 * are not clauses and are not scored, except that an absent word must find
 * none of them either.
 *
 *   npm run eval:search                              test/search/dev-queries.json
 *   npm run eval:search -- test/search/heldout-queries.json [more files]
 *   npm run eval:search -- --all                     dev, held-out and definitions (the defining or governing article first)
 *   --reuse    serve dist-seed/ as it is (no build)  --build  always build first
 *   --check    exit 1 if a target is missed          --json=FILE  write the per-query report
 *
 * The judgments are the seed's: it measures the seed-only portal (scripts/seed-site.ts,
 * built into dist-seed/), building only if content/ or src/ changed since (without --reuse/--build).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { formatSummary, scoreQueries, TARGETS, type Judgments, type Ranked, type Summary } from './search-metrics.ts';
import { ensureDist, launchChromium, ROOT, startPreview } from './search-site.ts';

const PORT = Number(process.env['EVAL_PORT'] ?? 4347);

/** Article number of a result link, null for any other page (e.g. the notice). */
export function articleOf(href: string): number | null {
  const m = /\/articles\/(\d+)\/(?:[?#]|$)/.exec(href);
  return m ? Number(m[1]) : null;
}

/** Run one query on the search page; returns the result hrefs in order, the related suggestions and the approval paths listed. */
export async function runQuery(page: Page, baseUrl: string, q: string, attempts = 2): Promise<{ hrefs: string[]; related: string[]; paths: string[] }> {
  for (let attempt = 1; ; attempt++) {
    await page.goto(`${baseUrl}/search/?q=${encodeURIComponent(q)}`);
    try {
      await page.waitForFunction(
        (query) => {
          const list = document.getElementById('search-results');
          return !!list && list.dataset['query'] === query && !list.hasAttribute('aria-busy');
        },
        q,
        { timeout: 15_000 },
      );
      break;
    } catch (error) {
      if (attempt >= attempts) throw error;
      console.warn(`  (no results for ${q} after 15 s; retrying once)`);
    }
  }
  const hrefs = await page.locator('#search-results a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  const related = await page.locator('[data-related] a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  await page.waitForFunction((query) => document.getElementById('search-paths')?.dataset['query'] === query, q, { timeout: 15_000 });
  const paths = await page.locator('#search-paths:not([hidden]) a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return { hrefs, related, paths };
}

function missed(s: Summary): string[] {
  const out: string[] = [];
  if (s.lexical.recall10 < TARGETS.recall10) out.push(`recall@10 ${s.lexical.recall10.toFixed(3)} < ${TARGETS.recall10}`);
  if (s.all.mrr < TARGETS.mrr) out.push(`MRR ${s.all.mrr.toFixed(3)} < ${TARGETS.mrr}`);
  if (s.lexical.precision5 < TARGETS.precision5) out.push(`precision@5 ${s.lexical.precision5.toFixed(3)} < ${TARGETS.precision5}`);
  if (s.natural.hit3 < TARGETS.hit3) out.push(`hit@3 ${s.natural.hit3.toFixed(3)} < ${TARGETS.hit3}`);
  if (s.absent.withResults > TARGETS.absentWithResults) out.push(`${s.absent.withResults} absent word(s) returned matches`);
  return out;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flags = new Set(args.filter((a) => a.startsWith('--')));
  const jsonOut = args.find((a) => a.startsWith('--json='))?.slice('--json='.length);
  let files = args.filter((a) => !a.startsWith('--'));
  if (flags.has('--all')) files = ['dev', 'heldout', 'definition'].map((set) => `test/search/${set}-queries.json`);
  if (!files.length) files = ['test/search/dev-queries.json'];

  ensureDist({ reuse: flags.has('--reuse'), force: flags.has('--build') });
  const server = await startPreview(PORT);
  const browser = await launchChromium();
  const problems: string[] = [];
  const report: Record<string, unknown> = {};
  try {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));

    for (const file of files) {
      const judgments = JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Judgments;
      const queries = [...judgments.lexical.map((x) => x.q), ...judgments.natural.map((x) => x.q), ...judgments.absent];
      const results = new Map<string, Ranked>();
      const relatedOf = new Map<string, string[]>();
      const pathsOf = new Map<string, string[]>();
      const absent = new Set(judgments.absent);
      for (const q of queries) {
        const { hrefs, related, paths } = await runQuery(page, server.baseUrl, q);
        // An absent word must match nothing: no clause and no approval path.
        results.set(q, (absent.has(q) ? [...hrefs, ...paths] : hrefs).map(articleOf));
        relatedOf.set(q, related);
        pathsOf.set(q, paths);
      }
      const { reports, summary } = scoreQueries(judgments, results);
      console.log(`\n${formatSummary(file, summary)}`);
      for (const r of reports) {
        const fmt = (xs: Ranked) => `[${xs.slice(0, 10).map((x) => x ?? '·').join(', ')}]`;
        if (r.kind === 'lexical' && (r.recall10! < 1 || r.precision5! < 1 || !r.top1)) {
          console.log(`    lexical  ${r.q}: got ${fmt(r.ranked)}, expected ${fmt(r.expected!)}, primary ${r.primary}`);
        } else if (r.kind === 'natural' && !r.top1) {
          console.log(`    natural  ${r.q}: got ${fmt(r.ranked)}, primary ${r.primary}`);
        } else if (r.kind === 'absent') {
          const rel = relatedOf.get(r.q)!.map(articleOf);
          console.log(`    absent   ${r.q}: ${r.ranked.length} matches${rel.length ? `; related (not matches): ${fmt(rel)}` : ''}`);
        }
      }
      const withPaths = queries.filter((q) => pathsOf.get(q)!.length);
      console.log(`  approval paths listed for ${withPaths.length} of ${queries.length} queries`);
      for (const q of withPaths) console.log(`    paths    ${q}: ${pathsOf.get(q)!.map((h) => h.replace(/^\/helpers\/approvals\//, '')).join(', ')}`);
      const miss = missed(summary);
      console.log(miss.length ? `  targets missed: ${miss.join('; ')}` : '  all targets met');
      if (miss.length) problems.push(...miss.map((m) => `${file}: ${m}`));
      report[file] = { summary, reports };
    }
  } finally {
    await browser.close();
    server.stop();
  }
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify(report, null, 2));
  const errors = problems.filter((p) => p.startsWith('console') || p.startsWith('page'));
  if (errors.length) {
    console.error(`\n${errors.join('\n')}`);
    process.exitCode = 1;
  }
  if (flags.has('--check') && problems.length) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
