/**
 * `/regulations/<work>/versions.json`: the work's versions, oldest first, each
 * with its status, dates and URLs (its own JSON download is its clause tree),
 * and the compare pages between them.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCorpus } from '../../../corpus/index.ts';
import type { Work } from '../../../corpus/load.ts';
import { workCacheKey } from '../../../render/cache-keys.ts';
import { regulationFacts } from '../../../render/pages.ts';
import { treeDownloadUrl, textDownloadUrl } from '../../../render/permalinks.ts';
import { regulationUrl } from '../../../render/urls.ts';
import { comparePairs } from '../../../versions/compare.ts';
import { compareUrl, datedUrl } from '../../../versions/urls.ts';

export const getStaticPaths: GetStaticPaths = () => getCorpus().works.map((w) => ({ params: { work: w.slug }, props: { work: w }, cacheKey: workCacheKey(w) }));

export const GET: APIRoute = ({ props }) => {
  const work = (props as { work: Work }).work;
  const facts = regulationFacts();
  const body = {
    work: work.slug,
    title: work.title,
    current: work.current.version ?? null,
    versions: work.versions.map((v) => ({
      version: v.version ?? null,
      current: v.current,
      status: facts.get(v.slug)!.status.status,
      issued: v.tree.meta.issued ?? null,
      effective: v.tree.meta.effective?.date ?? null,
      url: regulationUrl(v.slug),
      datedUrl: datedUrl(v) ?? null,
      json: treeDownloadUrl(v.slug),
      text: textDownloadUrl(v.slug),
    })),
    compare: comparePairs(work).map(([from, to]) => ({ from: from.version, to: to.version, url: compareUrl(from, to) })),
  };
  return new Response(JSON.stringify(body, null, 1), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
