import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { alignArticles, versionArticles } from '../../../src/versions/align.ts';
import { sampleLibrary } from './library.ts';

// Parsing the sample library takes seconds on a busy machine: once per file, outside the tests' time limit.
beforeAll(() => void sampleLibrary(), 120_000);

interface Fixture {
  older: string;
  newer: string;
  articles: [number, number];
  counts: Record<string, number>;
  pairs: ([string, string, string] | [string, string, string, 'moved'])[];
  added: string[];
  removed: string[];
}

const DIR = 'test/fixtures/versions';
const fixtures = readdirSync(DIR).filter((f) => f.endsWith('.json'));

describe('hand-checked alignments', () => {
  it('has at least three', () => expect(fixtures.length).toBeGreaterThanOrEqual(3));
  for (const file of fixtures) {
    it(file, () => {
      const f = JSON.parse(readFileSync(`${DIR}/${file}`, 'utf8')) as Fixture;
      const byPath = new Map(sampleLibrary().regulations.map((r) => [r.libraryPath, r]));
      const older = versionArticles(byPath.get(f.older)!.tree);
      const newer = versionArticles(byPath.get(f.newer)!.tree);
      expect([older.length, newer.length]).toEqual(f.articles);
      const r = alignArticles(older, newer);
      expect(r.counts).toEqual(f.counts);
      for (const [from, to, kind, moved] of f.pairs) {
        const e = r.entries.find((x) => 'to' in x && x.to.id === to && 'from' in x);
        expect(e, `${from} → ${to}`).toMatchObject({ kind, from: { id: from }, moved: moved === 'moved' });
      }
      expect(r.entries.filter((e) => e.kind === 'added').map((e) => ('to' in e ? e.to.id : ''))).toEqual(f.added);
      expect(r.entries.filter((e) => e.kind === 'removed').map((e) => ('from' in e ? e.from.id : ''))).toEqual(f.removed);
    });
  }
});
