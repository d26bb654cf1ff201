/**
 * The ranking alone (src/search/rank.ts), in Node, over the clauses of a built
 * site's index (dist-seed/search-index/: the text the engine ranks, with
 * each page's chapter, from the directory, rows and texts): judgment files scored as `eval:search` scores them
 * (search-metrics.ts), under each setting of the "defines or governs"
 * signal (about.ts) — including the facts the search page does not pass yet
 * (headings, definitions), so their effect is measured before
 * the index carries them. No browser; no title or citation step (scope.ts).
 *
 *   node scripts/eval-ranking.ts [--dist=dist-seed] [FILE.json …]   (default: dev, held-out, definitions)
 *   node scripts/eval-ranking.ts --dist=dist-library --drawn
 *
 * `--drawn`: instead of judgment files, every term that exactly one clause of
 * the site defines (definedTerms) and at least one other clause contains, as
 * a query whose primary is the defining clause. Mechanical, for a library
 * without judgments; the definitions part of the signal is its own judge
 * there, so it measures whether the bounded factor suffices, not the pattern.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ABOUT, type ClauseAbout } from '../src/search/about.ts';
import { answerKinds } from '../src/search/build-index.ts';
import { definedTerms } from '../src/search/definitions.ts';
import { postingsFromTexts } from '../src/search/match.ts';
import { unpackDirectory, type Rows } from '../src/search/index-format.ts';
import { fold, parseQuery } from '../src/search/query.ts';
import { rankQuery } from '../src/search/rank.ts';
import { articleOf } from './eval-search.ts';
import { formatSummary, scoreQueries, type Judgments, type Ranked } from './search-metrics.ts';
import { ROOT } from './search-site.ts';

interface Clause {
  url: string;
  text: string;
  chapter?: string;
}

function readClauses(dist: string): Map<string, Clause> {
  const root = join(dist, 'search-index');
  const { hash } = JSON.parse(readFileSync(join(root, 'entry.json'), 'utf8')) as { hash: string };
  const read = (path: string) => gunzipSync(readFileSync(join(root, path))).toString('utf8');
  const directory = unpackDirectory(JSON.parse(read(`${hash}/dir.bin`)));
  const out = new Map<string, Clause>();
  directory.regulations.forEach(([base, , first], r) => {
    const rows = JSON.parse(read(`${hash}/r/${r}.bin`)) as Rows;
    rows.pages.forEach(([suffix, , c, text], i) => {
      const chapter = c ? rows.chapters[c - 1] : undefined;
      out.set(String(first + i), { url: base + suffix, text: read(`t/${text}.bin`), ...(chapter ? { chapter } : {}) });
    });
  });
  return out;
}

/** Settings compared: the weights of about.ts and which facts the engine passes. */
const SETTINGS: { name: string; weights: typeof ABOUT; facts: boolean }[] = [
  { name: 'without the signal (main)', weights: { defines: 0, heading: 0, lead: 0 }, facts: false },
  { name: 'lead only (what the search page does now: no facts passed)', weights: { ...ABOUT }, facts: false },
  { name: 'with headings and definitions (the hook)', weights: { ...ABOUT }, facts: true },
];

/** Terms one clause defines and another contains: query → the defining clause. */
function drawDefinitions(clauses: ReadonlyMap<string, Clause>, defined: ReadonlyMap<string, readonly string[]>): { q: string; page: string }[] {
  const definers = new Map<string, string[]>();
  for (const [page, terms] of defined) for (const t of terms) definers.set(t, [...(definers.get(t) ?? []), page]);
  const folded = [...clauses.values()].map((c) => fold(c.text));
  return [...definers]
    .filter(([t, pages]) => pages.length === 1 && folded.filter((text) => text.includes(t)).length >= 2)
    .map(([q, pages]) => ({ q, page: pages[0]! }));
}

function main(): void {
  const args = process.argv.slice(2);
  const dist = args.find((a) => a.startsWith('--dist='))?.slice('--dist='.length) ?? join(ROOT, 'dist-seed');
  let files = args.filter((a) => !a.startsWith('--'));
  if (!files.length) files = ['dev-queries.json', 'heldout-queries.json', 'definition-queries.json'].map((f) => `test/search/${f}`);

  const clauses = readClauses(dist);
  const { postings, stats } = postingsFromTexts(new Map([...clauses].map(([id, c]) => [id, fold(c.text)])));
  const kinds = new Map([...clauses].map(([id, c]) => [id, answerKinds(c.text)]));
  const defined = new Map([...clauses].map(([id, c]) => [id, definedTerms(c.text)]));
  const facts: ClauseAbout = { heading: (p) => clauses.get(p)?.chapter, defines: (p) => defined.get(p) };
  const rank = (q: string, withFacts: boolean) => rankQuery(parseQuery(q), postings, stats, (p) => kinds.get(p) ?? '', withFacts ? facts : undefined);
  const drawn = args.includes('--drawn') ? drawDefinitions(clauses, defined) : undefined;
  const defaults = { ...ABOUT };
  for (const setting of SETTINGS) {
    Object.assign(ABOUT, setting.weights);
    console.log(`\n== ${setting.name}`);
    if (drawn) {
      const ranks = drawn.map(({ q, page }) => rank(q, setting.facts).results.slice(0, 10).findIndex((m) => m.page === page));
      const mrr = ranks.reduce((n, r) => n + (r < 0 ? 0 : 1 / (r + 1)), 0) / (ranks.length || 1);
      console.log(`  drawn definitions (${drawn.length}): MRR ${mrr.toFixed(3)}  top-1 ${(ranks.filter((r) => r === 0).length / (ranks.length || 1)).toFixed(3)}`);
      continue;
    }
    for (const file of files) {
      const j = JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Judgments;
      const results = new Map<string, Ranked>();
      for (const q of [...j.lexical.map((x) => x.q), ...j.natural.map((x) => x.q), ...j.absent]) {
        results.set(q, rank(q, setting.facts).results.map((m) => articleOf(clauses.get(m.page)!.url)));
      }
      const { reports, summary } = scoreQueries(j, results);
      console.log(formatSummary(file, summary));
      for (const r of reports) if (r.primary !== undefined && !r.top1) console.log(`    ${r.kind} ${r.q}: got [${r.ranked.slice(0, 8).map((x) => x ?? '·').join(', ')}], primary ${r.primary}`);
    }
  }
  Object.assign(ABOUT, defaults);
}

main();
