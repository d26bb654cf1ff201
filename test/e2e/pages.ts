/**
 * One representative URL per page type. The smoke/a11y spec checks each on
 * both viewports; scripts/bench.ts measures transfer size and Lighthouse for
 * each. Adding a page type = adding one line here.
 *
 * Plain data, no Playwright import: scripts/bench.ts imports it under Node.
 */
export interface SitePage {
  /** Short, unique name: used in test titles and the bench table. */
  name: string;
  /** Root-relative URL with the trailing slash (astro.config: trailingSlash 'always'). */
  path: string;
}

export const SITE_PAGES: readonly SitePage[] = [
  { name: 'home', path: '/' },
  { name: 'regulation', path: '/regulations/chaoyang-government-work-rules/' },
  { name: 'article', path: '/regulations/chaoyang-government-work-rules/articles/43/' },
  { name: 'deadlines', path: '/helpers/deadlines/' },
  { name: 'approvals', path: '/helpers/approvals/' },
  { name: 'approval-scenario', path: '/helpers/approvals/overseas-visit/' },
  { name: 'approval-path', path: '/helpers/approvals/leave-of-absence/district-mayor/' },
  { name: 'search', path: '/search/' },
  { name: 'library', path: '/regulations/' },
  { name: 'kind', path: '/kinds/规范性文件/' },
  { name: 'issuers', path: '/issuers/' },
  { name: 'helpers', path: '/helpers/' },
  // TODO(site): add as the pages land, e.g.
  // { name: 'helper', path: '/helpers/<helper>/' },
];
