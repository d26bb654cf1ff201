/**
 * Narrows each page's CSP (csp.ts) as Astro renders it, and hands the page to
 * the search index (rendered-pages.ts); registered by the integration (index.ts). Doing it here rather than in a pass over dist/
 * after the build means no page is read back and rewritten — at the library's
 * 130,000 pages that pass alone took minutes — and the incremental build
 * cache stores the narrowed page, so a page reused from it needs nothing.
 */
import type { MiddlewareHandler } from 'astro';
import { pageRendered } from '../search/rendered-pages.ts';
import { narrowPagePolicy } from './csp.ts';

const COUNT = Symbol.for('regulations-portal/csp-narrowed');

/** Pages narrowed in this process (the prerender bundle is its own module instance, hence globalThis). */
export function narrowedCount(): number {
  return (globalThis as { [COUNT]?: number })[COUNT] ?? 0;
}

export const onRequest: MiddlewareHandler = async (context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  const g = globalThis as { [COUNT]?: number };
  g[COUNT] = (g[COUNT] ?? 0) + 1;
  const narrowed = narrowPagePolicy(html);
  // The search index takes the page from here rather than reading it back (rendered-pages.ts).
  pageRendered(context.url.pathname, narrowed);
  return new Response(narrowed, { status: response.status, statusText: response.statusText, headers: response.headers });
};
