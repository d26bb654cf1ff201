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

export interface SiteSection extends NavLink {
  /** One line saying what the section is for. */
  blurb: string;
}

/** The helpers, listed on the portal, on /helpers/ and on the 404 page. */
export const HELPERS: readonly SiteSection[] = [
  { href: '/helpers/deadlines/', text: '期限计算', blurb: '按条文规定的时限，推算提前报送、办结的日期（含工作日）。' },
  { href: '/helpers/approvals/', text: '审批路径', blurb: '一件事项要经过谁审核、谁签发，按条文一步步查。' },
];

/** Where the list of every regulation lives. */
export const REGULATIONS_PATH = '/regulations/';

/** The picture a pasted link shows (public/, 1200×630 PNG: chat apps and social sites take no SVG). */
export const OG_IMAGE = '/og-image.png';
