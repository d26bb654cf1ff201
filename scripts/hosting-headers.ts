/**
 * The HTTP headers the built site needs from whatever serves it — one table
 * for scripts/serve.ts (what `npm start` and the e2e tests use) and the
 * sample nginx config deploy/nginx.conf (test/unit/hosting checks that it
 * sends the same). Documented in docs/hosting.md.
 */

/** Sent with every response. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  // The pages' own policy is a <meta> (src/integration/csp.ts); frame-ancestors only works as a header.
  'Content-Security-Policy': "frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

export const CACHE = {
  /** File names carry a content hash: never changes, cache for a year. */
  immutable: 'public, max-age=31536000, immutable',
  /** Same name, new content after a rebuild (pages, downloads, the index's entry file): revalidate every time. */
  revalidate: 'no-cache',
} as const;

/**
 * Cache policy by root-relative path. Astro's bundles in /_astro/ and the
 * search index's files (/search-index/<hash>/…, /search-index/t/<hash>.bin)
 * are named by their content hash; the index's entry file keeps its name across builds.
 */
export function cacheControl(path: string): string {
  if (path.startsWith('/_astro/')) return CACHE.immutable;
  if (/^\/search-index\/(?:[0-9a-f]{16}|t)\//.test(path)) return CACHE.immutable;
  return CACHE.revalidate;
}

/** Content-Type by file extension; text types say their charset (the .txt download is UTF-8 unless its bytes say otherwise). */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.bin': 'application/octet-stream',
  '.ics': 'text/calendar; charset=utf-8',
};
export const DEFAULT_TYPE = 'application/octet-stream';
