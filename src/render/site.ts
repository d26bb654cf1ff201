/** Site-wide names and the navigation every page header and the portal share. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { portalConfig } from '../config/index.ts';

/** From portal.config.yaml. */
export const SITE_NAME = portalConfig().name;
export const SITE_DESCRIPTION = portalConfig().description;
/** The government whose portal this is. */
export const SITE_ISSUER = portalConfig().issuer;

export interface NavLink {
  href: string;
  text: string;
}

/** Sections of the site built by the portal's other pages. */
export const SITE_NAV: readonly NavLink[] = [
  { href: '/regulations/', text: '全部法规' },
  { href: '/topics/', text: '专题' },
  { href: '/glossary/', text: '术语' },
  { href: '/documents/', text: '引用文件' },
  { href: '/helpers/deadlines/', text: '期限计算' },
  { href: '/helpers/approvals/', text: '审批路径' },
];

/** The about page, when the content folder has one (`pages/about.mdx`); a library of texts alone has none. */
export const ABOUT: NavLink | undefined = existsSync(join(portalConfig().pagesDir, 'about.mdx')) ? { href: '/about/', text: '关于本站' } : undefined;

/** Where the header search box submits; the search page enhances it. */
export const SEARCH_PATH = '/search/';
