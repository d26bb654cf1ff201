/**
 * The URLs this site promises to keep (docs/urls.md): download paths, absolute
 * URLs, and which element ids are permalinks (guarded, with the words they
 * show, by the register: ./permalink-register.ts).
 */
import { regulationUrl } from './urls.ts';

export function textDownloadUrl(slug: string): string {
  return `/regulations/${slug}.txt`;
}

export function treeDownloadUrl(slug: string): string {
  return `/regulations/${slug}.json`;
}

/** `https://site/regulations/x/` from a root-relative path and astro.config `site`. */
export function absoluteUrl(path: string, site: URL | string | undefined): string {
  if (!site) throw new Error('astro.config.mjs 缺少 site：分享链接需要绝对网址');
  return new URL(path, site).href;
}

/** Element ids on a regulation page that are permalinks (clauses and divisions, not UI). */
export const CLAUSE_ID = /^(?:notice|promulgation|header|toc|preamble|colophon|part-\d+|(?:ch-\d+-)?sec-\d+|ch-\d+|art-\d+(?:-\d+)?(?:-[pis]\d+)*|appendix-\d+(?:-p\d+)?)$/;

/** The permalink URLs of one regulation: article pages, then `#id` fragments. */
export function permalinkLines(slug: string, articleNumbers: readonly string[], clauseIds: readonly string[]): string[] {
  return [
    ...articleNumbers.map((n) => `/regulations/${slug}/articles/${n}/`),
    ...clauseIds.map((id) => `${regulationUrl(slug)}#${id}`),
  ];
}
