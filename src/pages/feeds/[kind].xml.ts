/** `/feeds/changes.xml` (the whole library) and `/feeds/<texts|versions|repeals>.xml`: Atom feeds of the library's changes. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCorpus } from '../../corpus/index.ts';
import { buildDate, regulationFacts } from '../../render/pages.ts';
import { atom, FEED_KINDS, FEED_TITLE, feedEntries, type FeedKind } from '../../versions/feed.ts';
import { feedUrl } from '../../versions/urls.ts';
import { SITE_NAME } from '../../render/site.ts';

export const getStaticPaths: GetStaticPaths = () => [{ params: { kind: 'changes' } }, ...FEED_KINDS.map((kind) => ({ params: { kind } }))];

export const GET: APIRoute = ({ params, site }) => {
  const kind = params['kind'] as FeedKind | 'changes';
  const facts = regulationFacts();
  const all = feedEntries(getCorpus(), (slug) => facts.get(slug)?.status);
  const entries = kind === 'changes' ? all : all.filter((e) => e.kind === kind);
  const body = atom(entries, { title: `${SITE_NAME} · ${FEED_TITLE[kind]}`, origin: site!.href, self: feedUrl(kind === 'changes' ? undefined : kind), updated: buildDate() });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
