/**
 * Draws the library search query set (test/search/library-queries.json) from
 * real texts, with a fixed seed, so it can be redrawn and checked but is never
 * tuned by hand. Written before any tuning of library search (issue #13).
 *
 *   node scripts/draw-library-queries.ts COLLECTION [--sample test/library/texts] [--seed 13] [--out FILE]
 *
 * COLLECTION is the whole text collection (e.g. ../shared/corpus/texts): it is
 * read only to check that a phrase occurs once in all of it and that an absent
 * word occurs nowhere. Queries are drawn from the texts of the sample library
 * (same relative paths) that the parser publishes today, so any content folder
 * holding the sample can be benched on them (scripts/bench-library-search.ts).
 *
 * Kinds (each query names the text, and the article, it came from):
 *  - phrase: 8–12 characters of one article (no punctuation), found once in the collection → that article first;
 *  - question: 5–6 such characters + 有什么规定 → that article in the top 10;
 *  - title / short-title: a work's title (or without 中华人民共和国) → that work first;
 *  - cite: short title or 《title》 + 第N条 (also Arabic, also 第M款) → that article first;
 *  - article-in: 第N条 with the regulation filter → that article first;
 *  - absent: characters of the collection whose every pair occurs nowhere → nothing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findTexts } from '../src/corpus/files.ts';
import { scanLibrary, sourceBytes, type LoadedRegulation } from '../src/corpus/load.ts';
import { decode } from '../src/parse/decode.ts';
import { toChineseNumeral } from '../src/parse/numerals.ts';
import { articles, plainText } from '../src/tree/query.ts';
import type { Article } from '../src/tree/types.ts';

export interface LibraryQuery {
  q: string;
  kind: 'phrase' | 'question' | 'title' | 'short-title' | 'cite' | 'article-in' | 'absent';
  /** The text it was drawn from (library path), absent for `absent`. */
  text?: string;
  /** Article id number (`8`, `12-1`) expected first (or in the top 10 for a question). */
  article?: string;
  /** Paragraph (款) number, for a citation naming one. */
  paragraph?: number;
  /** article-in: search within the text's regulation (the regulation filter set to it). */
  within?: boolean;
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

/** mulberry32: a small seeded generator, so the draw is reproducible. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function main(): void {
  const collection = process.argv[2];
  if (!collection || collection.startsWith('--')) throw new Error('usage: draw-library-queries.ts COLLECTION [--sample DIR] [--seed N] [--out FILE]');
  const sample = arg('--sample', 'test/library/texts');
  const seed = Number(arg('--seed', '13'));
  const out = arg('--out', 'test/search/library-queries.json');
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

  // The whole collection, whitespace removed, for the uniqueness and absence checks.
  const all = findTexts(collection).texts.map((t) => readFileSync(t.file, 'utf8').replace(/\s+/g, '')).join('\u0000');
  const count = (s: string) => {
    let n = 0;
    for (let i = all.indexOf(s); i >= 0 && n < 2; i = all.indexOf(s, i + 1)) n++;
    return n;
  };

  const scan = scanLibrary({ dir: sample, exclusionsFile: undefined });
  const refused = new Set(scan.reports.filter((r) => r.status !== 'clean').map((r) => r.libraryPath));
  const regs = scan.library.regulations.filter((r) => !refused.has(r.libraryPath) && articles(r.tree).length > 0);
  regs.sort((a, b) => a.libraryPath.localeCompare(b.libraryPath));
  const current = regs.filter((r) => r.current);
  const numberOf = (a: Article) => a.id.replace(/^art-/, '');
  const queries: LibraryQuery[] = [];
  const seen = new Set<string>();
  const add = (q: LibraryQuery) => {
    const key = `${q.q} ${q.within ? q.text : ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    queries.push(q);
    return true;
  };
  const randomArticle = (r: LoadedRegulation) => pick(articles(r.tree));

  /** A run of `min`–`max` characters without punctuation or whitespace, found once in the collection. */
  const phraseOf = (a: Article, min: number, max: number): string | undefined => {
    const runs = plainText(a).split(/[^\p{Script=Han}\p{N}\p{L}]+/u).filter((s) => [...s].length >= min);
    if (!runs.length) return undefined;
    const chars = [...pick(runs)];
    const len = Math.min(chars.length, min + Math.floor(random() * (max - min + 1)));
    const start = Math.floor(random() * (chars.length - len + 1));
    const s = chars.slice(start, start + len).join('');
    return count(s) === 1 ? s : undefined;
  };

  for (let tries = 0, n = 0; n < 60 && tries < 2000; tries++) {
    const r = pick(regs);
    const a = randomArticle(r);
    const q = phraseOf(a, 8, 12);
    if (q && add({ q, kind: 'phrase', text: r.libraryPath, article: numberOf(a) })) n++;
  }
  for (let tries = 0, n = 0; n < 15 && tries < 2000; tries++) {
    const r = pick(regs);
    const a = randomArticle(r);
    const q = phraseOf(a, 5, 6);
    if (q && add({ q: `${q}有什么规定`, kind: 'question', text: r.libraryPath, article: numberOf(a) })) n++;
  }
  const shortTitle = (t: string) => t.replace(/^中华人民共和国/, '');
  // The title as printed: the text's first line (the parsed title may still take in a history line).
  const titleOf = (r: LoadedRegulation) => decode(sourceBytes(r)).text.replace(/^\uFEFF/, '').split('\n')[0]!.trim();
  for (const r of [...current].sort(() => random() - 0.5).slice(0, 25)) add({ q: titleOf(r), kind: 'title', text: r.libraryPath });
  for (const r of current.filter((r) => titleOf(r).startsWith('中华人民共和国'))) add({ q: shortTitle(titleOf(r)), kind: 'short-title', text: r.libraryPath });
  for (let tries = 0, n = 0; n < 30 && tries < 500; tries++) {
    const r = pick(current);
    const a = randomArticle(r);
    if (a.sub || !a.label.trim().startsWith('第')) continue;
    const title = titleOf(r);
    const forms = [
      `${shortTitle(title)}${a.label.trim()}`,
      `《${title}》${a.label.trim()}`,
      `${shortTitle(title)}第${a.number}条`,
    ];
    const paragraphs = a.children.length;
    const form = Math.floor(random() * (forms.length + (paragraphs > 1 ? 1 : 0)));
    if (form < forms.length) {
      if (add({ q: forms[form]!, kind: 'cite', text: r.libraryPath, article: numberOf(a) })) n++;
    } else {
      const p = 2 + Math.floor(random() * (paragraphs - 1));
      if (add({ q: `《${title}》${a.label.trim()}第${toChineseNumeral(p)}款`, kind: 'cite', text: r.libraryPath, article: numberOf(a), paragraph: p })) n++;
    }
  }
  for (let n = 0; queries.filter((q) => q.kind === 'article-in').length < 10 && n < 200; n++) {
    const r = pick(current);
    const a = randomArticle(r);
    if (!a.sub && a.label.trim().startsWith('第')) add({ q: `第${toChineseNumeral(a.number)}条`, kind: 'article-in', text: r.libraryPath, article: numberOf(a), within: true });
  }
  // Absent: characters drawn from the collection's text, no two adjacent ones found together anywhere.
  const han = [...all.slice(0, 2_000_000)].filter((c) => /\p{Script=Han}/u.test(c));
  for (let tries = 0, n = 0; n < 15 && tries < 5000; tries++) {
    const chars = Array.from({ length: 3 + Math.floor(random() * 2) }, () => pick(han));
    if (chars.every((c, i) => i === 0 || count(chars[i - 1]! + c) === 0) && add({ q: chars.join(''), kind: 'absent' })) n++;
  }

  const texts = [...new Set(queries.map((q) => q.text).filter(Boolean))].sort();
  writeFileSync(
    join(process.cwd(), out),
    `${JSON.stringify(
      {
        about: `Drawn by scripts/draw-library-queries.ts (seed ${seed}) from the sample library's published texts (${sample}), checked against the whole collection (phrases occur once in it, absent words' character pairs nowhere). Written before any tuning of library search.`,
        seed,
        texts,
        queries,
      },
      null,
      1,
    )}\n`,
  );
  const byKind = new Map<string, number>();
  for (const q of queries) byKind.set(q.kind, (byKind.get(q.kind) ?? 0) + 1);
  console.log(`${queries.length} queries from ${texts.length} texts: ${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ')}`);
}

main();
