import { beforeAll, describe, expect, it } from 'vitest';
import { alignArticles, versionArticles, type Alignment, type VersionArticle } from '../../../src/versions/align.ts';
import { sampleLibrary } from './library.ts';

// Parsing the sample library takes seconds on a busy machine: once per file, outside the tests' time limit.
beforeAll(() => void sampleLibrary(), 120_000);

/** Invariants that need no hand labels. */
function checkInvariants(older: readonly VersionArticle[], newer: readonly VersionArticle[], alignment: Alignment): void {
  const seenOld = new Map<string, number>();
  const seenNew = new Map<string, number>();
  for (const e of alignment.entries) {
    if ('from' in e) seenOld.set(e.from.id, (seenOld.get(e.from.id) ?? 0) + 1);
    if ('to' in e) seenNew.set(e.to.id, (seenNew.get(e.to.id) ?? 0) + 1);
  }
  // Every article accounted for exactly once.
  expect([...seenOld.keys()].sort()).toEqual(older.map((a) => a.id).sort());
  expect([...seenNew.keys()].sort()).toEqual(newer.map((a) => a.id).sort());
  expect([...seenOld.values(), ...seenNew.values()].every((n) => n === 1)).toBe(true);
  // Identical words always align: per text, min(old count, new count) identical pairs.
  const count = (list: readonly VersionArticle[]) => {
    const m = new Map<string, number>();
    for (const a of list) m.set(a.text, (m.get(a.text) ?? 0) + 1);
    return m;
  };
  const oldCount = count(older);
  const newCount = count(newer);
  const identical = new Map<string, number>();
  for (const e of alignment.entries) {
    if ((e.kind === 'same' || e.kind === 'renumbered') && e.from.text === e.to.text) identical.set(e.to.text, (identical.get(e.to.text) ?? 0) + 1);
  }
  for (const [text, n] of newCount) expect(identical.get(text) ?? 0, text).toBe(Math.min(n, oldCount.get(text) ?? 0));
}

const art = (id: string, text: string): VersionArticle => ({ id, label: id, inserted: /-\d+-\d+$/.test(id), text });

describe('alignArticles', () => {
  it('aligns identical words whatever their number, and marks renumbering', () => {
    const a = [art('art-1', '甲条文内容一二三'), art('art-2', '乙条文内容四五六')];
    const b = [art('art-1', '新增的条文完全不同'), art('art-2', '甲条文内容一二三'), art('art-3', '乙条文内容四五六')];
    const r = alignArticles(a, b);
    expect(r.entries.map((e) => e.kind)).toEqual(['added', 'renumbered', 'renumbered']);
    expect(r.counts).toMatchObject({ added: 1, renumbered: 2, removed: 0, moved: 0 });
    checkInvariants(a, b, r);
  });

  it('matches reworded articles by content and diffs out-of-order ones as moved', () => {
    const a = [art('art-1', '国务院可以根据工作需要设立直属机构'), art('art-2', '各部设部长一人副部长二至四人'), art('art-3', '本法自公布之日起施行')];
    const b = [art('art-1', '本法自公布之日起施行'), art('art-2', '国务院可以根据工作需要和精简原则设立直属机构'), art('art-3', '各部设部长一人副部长二至四人')];
    const r = alignArticles(a, b);
    const moved = r.entries.filter((e) => 'moved' in e && e.moved);
    expect(moved.map((e) => ('to' in e ? e.to.id : ''))).toEqual(['art-1']);
    expect(r.entries.find((e) => 'to' in e && e.to.id === 'art-2')).toMatchObject({ kind: 'changed', from: { id: 'art-1' } });
    checkInvariants(a, b, r);
  });

  it('keeps an inserted 之一 article apart from an old one that merely resembles it', () => {
    const a = [art('art-12', '监察机关应当依法履行监督职责，加强监督检查')];
    const b = [art('art-12', '监察机关应当依法履行监督职责，加强监督检查'), art('art-12-1', '监察机关应当依法履行调查职责，加强调查工作')];
    expect(alignArticles(a, b).entries.map((e) => e.kind)).toEqual(['same', 'added']);
  });

  it('holds its invariants on every multi-version work of the sample library', () => {
    const works = sampleLibrary().works.filter((w) => w.versions.length > 1);
    expect(works.length).toBeGreaterThanOrEqual(4);
    for (const w of works) {
      for (let k = 1; k < w.versions.length; k++) {
        const older = versionArticles(w.versions[k - 1]!.tree);
        const newer = versionArticles(w.versions[k]!.tree);
        checkInvariants(older, newer, alignArticles(older, newer));
      }
    }
  });
});

describe('versionHistory', () => {
  it('follows an old article to the current version and back through its amendments', async () => {
    const { versionHistory } = await import('../../../src/versions/history.ts');
    const library = sampleLibrary();
    const corpus = { byWork: new Map(library.works.map((w) => [w.slug, w])) };
    const work = corpus.byWork.get('监察法')!;
    const [old, current] = work.versions;
    const history = versionHistory(corpus);
    expect(history.inCurrent(old!, 'art-43')).toEqual({ id: 'art-47' });
    expect(history.inCurrent(old!, 'art-1')).toEqual({ id: 'art-1' });
    expect(history.inCurrent(current!, 'art-47')).toEqual({ id: 'art-47' });
    const changes = history.articleHistory(current!, 'art-47');
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'changed', fromId: 'art-43', href: '/regulations/监察法/compare/2018-03-20/2024-12-25/#art-47' });
    expect(history.articleHistory(current!, 'art-21')).toMatchObject([{ kind: 'added' }]);
    // Unchanged since 2018: no history.
    const same = history.steps('监察法')[0]!.alignment.entries.find((e) => e.kind === 'same')!;
    expect(history.articleHistory(current!, 'to' in same ? same.to.id : '')).toEqual([]);
  });
});
