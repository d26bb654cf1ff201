/**
 * The library's changes as Atom entries: texts added (a work's first
 * version), new versions (linking to the compare page) and repeals, newest
 * first. Dates are the texts' own (version, effective or issue date): the
 * library keeps no record of when a file was added.
 */
import type { Corpus } from '../corpus/index.ts';
import type { StatusInfo } from '../render/status.ts';
import { regulationUrl } from '../render/urls.ts';
import { comparePairs } from './compare.ts';
import { compareUrl } from './urls.ts';

export const FEED_KINDS = ['texts', 'versions', 'repeals'] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

export const FEED_TITLE: Record<FeedKind | 'changes', string> = {
  changes: '法规库更新',
  texts: '新收录的法规',
  versions: '法规的新版本',
  repeals: '废止的法规',
};

export interface FeedEntry {
  kind: FeedKind;
  /** Stable: the same change always has the same id. */
  id: string;
  title: string;
  /** Root-relative. */
  href: string;
  date: string;
  summary: string;
}

/** At most this many entries per feed, newest first. */
export const FEED_LIMIT = 100;

export function feedEntries(corpus: Pick<Corpus, 'works' | 'bySlug'>, status: (slug: string) => StatusInfo | undefined): FeedEntry[] {
  const out: FeedEntry[] = [];
  for (const work of corpus.works) {
    const first = work.versions[0]!;
    const meta = first.tree.meta;
    out.push({
      kind: 'texts',
      id: `text:${work.slug}`,
      title: `收录《${meta.title}》`,
      href: regulationUrl(first.slug),
      date: first.version ?? meta.issued ?? meta.effective?.date ?? '',
      summary: [meta.issuer, meta.docNumber].filter(Boolean).join(' '),
    });
    const consecutive = comparePairs(work).filter(([a, b]) => work.versions.indexOf(b) === work.versions.indexOf(a) + 1);
    for (const [from, to] of consecutive) {
      out.push({
        kind: 'versions',
        id: `version:${work.slug}/${to.version}`,
        title: `《${to.tree.meta.title}》${to.version}版本`,
        href: compareUrl(from, to),
        date: to.version!,
        summary: `与 ${from.version} 版本对照`,
      });
    }
    for (const v of work.versions) {
      const s = status(v.slug);
      if (s?.status !== 'repealed') continue;
      const by = s.repealedBy ? corpus.bySlug.get(s.repealedBy.slug) : undefined;
      out.push({
        kind: 'repeals',
        id: `repeal:${v.slug}`,
        title: `《${v.tree.meta.title}》已废止`,
        href: regulationUrl(v.slug),
        date: s.repealedOn ?? by?.tree.meta.effective?.date ?? by?.tree.meta.issued ?? '',
        summary: s.repealedBy ? `由《${s.repealedBy.title}》废止` : '',
      });
    }
  }
  return out.filter((e) => e.date).sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.id < b.id ? -1 : 1));
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An Atom 1.0 document. `origin`: the site's absolute origin; `self`: the feed's root-relative URL. */
export function atom(entries: readonly FeedEntry[], opts: { title: string; origin: string; self: string; updated: string }): string {
  const abs = (p: string) => new URL(p, opts.origin).href;
  const list = entries.slice(0, FEED_LIMIT);
  const stamp = (d: string) => `${d}T00:00:00+08:00`;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `<title>${escapeXml(opts.title)}</title>`,
    `<id>${escapeXml(abs(opts.self))}</id>`,
    `<link rel="self" href="${escapeXml(abs(opts.self))}"/>`,
    `<link rel="alternate" href="${escapeXml(abs('/'))}"/>`,
    `<updated>${stamp(list[0]?.date ?? opts.updated)}</updated>`,
    ...list.map((e) =>
      [
        '<entry>',
        `<id>${escapeXml(abs('/'))}#${escapeXml(e.id)}</id>`,
        `<title>${escapeXml(e.title)}</title>`,
        `<link href="${escapeXml(abs(e.href))}"/>`,
        `<updated>${stamp(e.date)}</updated>`,
        `<category term="${e.kind}"/>`,
        e.summary ? `<summary>${escapeXml(e.summary)}</summary>` : '',
        '</entry>',
      ].join(''),
    ),
    '</feed>',
    '',
  ].join('\n');
}
