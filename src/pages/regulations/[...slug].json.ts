/** `/regulations/<slug>.json`: the clause tree (src/tree/types.ts, docs/tree.md). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCorpus } from '../../corpus/index.ts';

export const getStaticPaths: GetStaticPaths = () => getCorpus().regulations.map((r) => ({ params: { slug: r.slug } }));

export const GET: APIRoute = ({ params }) => {
  const reg = getCorpus().bySlug.get(params['slug']!)!;
  return new Response(JSON.stringify(reg.tree), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
