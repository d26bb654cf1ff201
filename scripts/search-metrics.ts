/**
 * Search quality metrics over a judgment file (test/search/*-queries.json).
 * Shared by scripts/eval-search.ts (real site in Chromium) and unit tests.
 *
 * Per lexical query (expected = every article containing it, primary = the
 * one a reader most wants) and natural question (primary only), with the
 * ranked article numbers the search returned (notice/other hits as null):
 *  - recall@10: |expected ∩ top 10| / |expected|            (lexical)
 *  - precision@5: |expected ∩ top 5| / min(5, |returned|)   (lexical; 0 if nothing returned)
 *  - reciprocal rank of the primary (0 if not in the top 10) (both)
 *  - top-1: primary ranked first                             (both)
 *  - hit@3: primary in the top 3                             (natural)
 * Absent words: how many results each returned (should be 0).
 */

export interface Judgments {
  lexical: { q: string; expected: number[]; primary: number }[];
  natural: { q: string; primary: number }[];
  absent: string[];
}

/** Ranked results of one query: article numbers, null for a non-article hit (e.g. the notice). */
export type Ranked = (number | null)[];

export interface QueryReport {
  kind: 'lexical' | 'natural' | 'absent';
  q: string;
  ranked: Ranked;
  expected?: number[];
  primary?: number;
  recall10?: number;
  precision5?: number;
  rr?: number;
  top1?: boolean;
  hit3?: boolean;
}

export interface Summary {
  lexical: { n: number; recall10: number; precision5: number; mrr: number; top1: number };
  natural: { n: number; mrr: number; top1: number; hit3: number };
  /** Lexical and natural together, as "MRR / top-1 of the primary article". */
  all: { n: number; mrr: number; top1: number };
  absent: { n: number; withResults: number };
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

function rr(ranked: Ranked, primary: number): number {
  const i = ranked.slice(0, 10).indexOf(primary);
  return i < 0 ? 0 : 1 / (i + 1);
}

export function scoreQueries(j: Judgments, results: ReadonlyMap<string, Ranked>): { reports: QueryReport[]; summary: Summary } {
  const reports: QueryReport[] = [];
  const get = (q: string) => {
    const r = results.get(q);
    if (!r) throw new Error(`no results recorded for ${q}`);
    return r;
  };
  for (const { q, expected, primary } of j.lexical) {
    const ranked = get(q);
    const top10 = ranked.slice(0, 10);
    const top5 = ranked.slice(0, 5);
    reports.push({
      kind: 'lexical',
      q,
      ranked,
      expected,
      primary,
      recall10: expected.filter((e) => top10.includes(e)).length / expected.length,
      precision5: top5.length ? top5.filter((r) => r !== null && expected.includes(r)).length / Math.min(5, top5.length) : 0,
      rr: rr(ranked, primary),
      top1: ranked[0] === primary,
    });
  }
  for (const { q, primary } of j.natural) {
    const ranked = get(q);
    reports.push({ kind: 'natural', q, ranked, primary, rr: rr(ranked, primary), top1: ranked[0] === primary, hit3: ranked.slice(0, 3).includes(primary) });
  }
  for (const q of j.absent) reports.push({ kind: 'absent', q, ranked: get(q) });

  const lex = reports.filter((r) => r.kind === 'lexical');
  const nat = reports.filter((r) => r.kind === 'natural');
  const both = [...lex, ...nat];
  const abs = reports.filter((r) => r.kind === 'absent');
  return {
    reports,
    summary: {
      lexical: {
        n: lex.length,
        recall10: mean(lex.map((r) => r.recall10!)),
        precision5: mean(lex.map((r) => r.precision5!)),
        mrr: mean(lex.map((r) => r.rr!)),
        top1: mean(lex.map((r) => (r.top1 ? 1 : 0))),
      },
      natural: { n: nat.length, mrr: mean(nat.map((r) => r.rr!)), top1: mean(nat.map((r) => (r.top1 ? 1 : 0))), hit3: mean(nat.map((r) => (r.hit3 ? 1 : 0))) },
      all: { n: both.length, mrr: mean(both.map((r) => r.rr!)), top1: mean(both.map((r) => (r.top1 ? 1 : 0))) },
      absent: { n: abs.length, withResults: abs.filter((r) => r.ranked.length > 0).length },
    },
  };
}

/** Targets from the brief (docs/search.md). */
export const TARGETS = { recall10: 1, mrr: 0.95, precision5: 0.9, hit3: 1, absentWithResults: 0 };

export function formatSummary(name: string, s: Summary): string {
  const f = (x: number) => x.toFixed(3);
  return [
    `${name}:`,
    `  lexical (${s.lexical.n}): recall@10 ${f(s.lexical.recall10)}  precision@5 ${f(s.lexical.precision5)}  MRR ${f(s.lexical.mrr)}  top-1 ${f(s.lexical.top1)}`,
    `  natural (${s.natural.n}): hit@3 ${f(s.natural.hit3)}  MRR ${f(s.natural.mrr)}  top-1 ${f(s.natural.top1)}`,
    `  all primaries (${s.all.n}): MRR ${f(s.all.mrr)}  top-1 ${f(s.all.top1)}`,
    `  absent (${s.absent.n}): ${s.absent.withResults} returned matches`,
  ].join('\n');
}
