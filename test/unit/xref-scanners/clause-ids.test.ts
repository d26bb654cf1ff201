/** The clause ids references check their targets against: by article run, or by set for other ids and large articles. */
import { describe, expect, it } from 'vitest';
import { ClauseIds } from '../../../src/parse/xref/clause-ids.ts';

/** Adds `art-N` with its clause ids as one article run, as the xref walk does. */
function addArticle(ids: ClauseIds, id: string, clauses: string[]): void {
  const at = ids.add(id);
  for (const c of clauses) ids.add(c);
  ids.article(id, at);
}

describe('clause ids', () => {
  it('finds an article, its clauses, and ids outside articles', () => {
    const ids = new ClauseIds();
    ids.add('ch-1');
    addArticle(ids, 'art-1', ['art-1-p1', 'art-1-p2', 'art-1-p2-i1']);
    addArticle(ids, 'art-1-1', ['art-1-1-p1']);
    ids.add('preamble-p1');
    for (const id of ['ch-1', 'art-1', 'art-1-p2-i1', 'art-1-1', 'art-1-1-p1', 'preamble-p1']) expect(ids.has(id)).toBe(true);
    for (const id of ['art-2', 'art-1-p3', 'art-1-2', 'art-1-1-p2', 'ch-2', 'preamble-p1-i1']) expect(ids.has(id)).toBe(false);
  });

  it('looks in every run of an article printed twice, and in a set for a long article', () => {
    const ids = new ClauseIds();
    addArticle(ids, 'art-3', ['art-3-p1']);
    addArticle(ids, 'art-3', ['art-3-p1', 'art-3-p2']);
    expect(ids.has('art-3-p2')).toBe(true);
    const items = Array.from({ length: 500 }, (_, k) => `art-4-p1-i${k + 1}`);
    addArticle(ids, 'art-4', ['art-4-p1', ...items]);
    expect(ids.has('art-4-p1-i500')).toBe(true);
    expect(ids.has('art-4-p1-i501')).toBe(false);
  });
});
