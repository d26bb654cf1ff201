/** `/regulations/<slug>.txt`: the source file, byte for byte (whatever its encoding). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCorpus } from '../../corpus/index.ts';
import { sourceBytes } from '../../corpus/load.ts';
import { pageCacheKey } from '../../render/cache-keys.ts';

export const getStaticPaths: GetStaticPaths = () => getCorpus().regulations.map((r) => ({ params: { slug: r.slug }, cacheKey: pageCacheKey(r) }));

export const GET: APIRoute = ({ params }) => {
  const reg = getCorpus().bySlug.get(params['slug']!)!;
  // The original bytes, not the decoded text: a GB18030 source stays GB18030.
  return new Response(sourceBytes(reg) as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'text/plain' } });
};
