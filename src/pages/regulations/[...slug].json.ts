/** `/regulations/<slug>.json`: the clause tree (src/tree/types.ts, docs/tree.md). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCorpus } from '../../corpus/index.ts';
import { pageCacheKey } from '../../render/cache-keys.ts';

export const getStaticPaths: GetStaticPaths = () => getCorpus().regulations.map((r) => ({ params: { slug: r.slug }, cacheKey: pageCacheKey(r) }));

export const GET: APIRoute = ({ params }) => {
  const reg = getCorpus().bySlug.get(params['slug']!)!;
  return new Response(JSON.stringify(reg.tree), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
