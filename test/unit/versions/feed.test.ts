import { describe, expect, it } from 'vitest';
import type { Corpus } from '../../../src/corpus/index.ts';
import type { StatusInfo } from '../../../src/render/status.ts';
import { atom, feedEntries } from '../../../src/versions/feed.ts';
import { sampleLibrary } from './library.ts';

describe('change feed', () => {
  const library = sampleLibrary();
  const corpus = { works: library.works, bySlug: new Map(library.regulations.map((r) => [r.slug, r])) } as Pick<Corpus, 'works' | 'bySlug'>;
  const repealed = library.works[0]!.versions[0]!;
  const status = (slug: string): StatusInfo | undefined => (slug === repealed.slug ? { status: 'repealed', repealedOn: '2026-01-01' } : undefined);
  const entries = feedEntries(corpus, status);

  it('lists every work once as a new text, every later version once, and repeals; newest first', () => {
    expect(entries.filter((e) => e.kind === 'texts').length).toBe(library.works.filter((w) => w.versions[0]!.version ?? w.versions[0]!.tree.meta.issued ?? w.versions[0]!.tree.meta.effective?.date).length);
    const versions = entries.filter((e) => e.kind === 'versions');
    expect(versions.map((e) => e.href)).toContain('/regulations/监察法/compare/2018-03-20/2024-12-25/');
    expect(versions.length).toBe(library.works.reduce((n, w) => n + w.versions.length - 1, 0));
    expect(entries.filter((e) => e.kind === 'repeals').map((e) => e.date)).toEqual(['2026-01-01']);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    expect(entries.map((e) => e.date)).toEqual([...entries.map((e) => e.date)].sort().reverse());
  });

  it('writes Atom with absolute links and escaped text', () => {
    const xml = atom([{ kind: 'texts', id: 'text:x', title: '收录《A&B》', href: '/regulations/x/', date: '2024-01-02', summary: '' }], {
      title: '更新',
      origin: 'https://rules.example.gov.cn/',
      self: '/feeds/changes.xml',
      updated: '2026-12-01',
    });
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(xml).toContain('<title>收录《A&amp;B》</title>');
    expect(xml).toContain('<link href="https://rules.example.gov.cn/regulations/x/"/>');
    expect(xml).toContain('<updated>2024-01-02T00:00:00+08:00</updated>');
    expect(xml.match(/<entry>/g)).toHaveLength(1);
  });
});
