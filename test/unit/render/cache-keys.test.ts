import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getCorpus } from '../../../src/corpus/index.ts';
import { cacheKeyOf, libraryDigest, workCacheKey } from '../../../src/render/cache-keys.ts';

const reg = (slug: string, hash: string, title: string, docNumber?: string) => ({
  slug,
  work: slug,
  current: true,
  folder: '法律',
  alsoIn: [],
  hash,
  tree: { meta: { title, ...(docNumber ? { docNumber } : {}) } as never },
});

describe('incremental build keys', () => {
  const a = reg('甲法', 'h-a', '甲法');
  const b = reg('乙法', 'h-b', '乙法', '令第1号');
  const dir = mkdtempSync(join(tmpdir(), 'portal-keys-'));
  const topics = join(dir, 'topics.yaml');
  writeFileSync(topics, '- id: a\n');
  const digest = libraryDigest([a, b], [topics], dir);

  it('changes a page’s key when its own text changes, and no other page’s', () => {
    const a2 = { ...a, hash: 'h-a2' };
    const after = libraryDigest([a2, b], [topics], dir);
    expect(after).toBe(digest);
    expect(cacheKeyOf(a2, after, null)).not.toBe(cacheKeyOf(a, digest, null));
    expect(cacheKeyOf(b, after, null)).toBe(cacheKeyOf(b, digest, null));
  });

  it('changes every key when a title or 文号 another page resolves citations by changes', () => {
    const b2 = reg('乙法', 'h-b', '乙法', '令第2号');
    const after = libraryDigest([a, b2], [topics], dir);
    expect(after).not.toBe(digest);
    expect(cacheKeyOf(a, after, null)).not.toBe(cacheKeyOf(a, digest, null));
  });

  it('changes every key when a content file (topics, helpers, notes) changes', () => {
    writeFileSync(topics, '- id: b\n');
    expect(libraryDigest([a, b], [topics], dir)).not.toBe(digest);
  });

  it('changes a key when the status the page shows changes', () => {
    expect(cacheKeyOf(a, digest, [{ status: 'inForce' }])).not.toBe(cacheKeyOf(a, digest, [{ status: 'repealed' }]));
  });
});

describe('keys of the pages around a regulation (versions.json, compare pages)', () => {
  it('a work’s key changes when any of its versions’ text changes', () => {
    const work = getCorpus().works[0]!;
    const [first, ...rest] = work.versions;
    const changed = { ...work, versions: [{ ...first!, hash: `${first!.hash}x` }, ...rest] };
    expect(workCacheKey({ ...work })).toBe(workCacheKey(work));
    expect(workCacheKey(changed)).not.toBe(workCacheKey(work));
  });
});
