/**
 * Internal-link checker over a built site (dist/).
 *
 * Every internal URL in every HTML page — href (incl. SVG <use>), src, srcset,
 * poster, action/formaction, object data — must resolve to a file in dist/,
 * and every #fragment to an element id (or <a name>) in the target page.
 * "Internal" = relative, root-relative, or absolute on one of `siteOrigins`
 * (the canonical https://… of astro.config `site`). Other origins and
 * non-http schemes (mailto:, tel:, data:…) are not checked here.
 *
 * Used by test/e2e/links.spec.ts (after Playwright's webServer has built
 * dist/) and runnable alone:  node scripts/check-links.ts [distDir]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

export interface BrokenLink {
  /** Page the link is on, relative to dist/ (e.g. `regulations/x/index.html`). */
  page: string;
  /** Element and attribute, e.g. `a[href]`. */
  where: string;
  /** The URL exactly as written. */
  url: string;
  reason: string;
}

export interface CheckOptions {
  /** Absolute origins that mean "this site", e.g. `https://rules.example.gov.cn`. */
  siteOrigins?: string[];
}

interface PageInfo {
  ids: Set<string>;
  links: { where: string; url: string }[];
  baseHref: string | undefined;
}

// Placeholder origin for resolving relative URLs; never contacted.
const LOCAL = 'http://dist.invalid';

/** Attributes holding a single URL, by attribute name; `*` = any element. */
const URL_ATTRS: Record<string, string[] | '*'> = {
  href: '*', // a, area, link, SVG <use>/<image> (xlink:href parses as prefix + "href")
  src: ['img', 'script', 'iframe', 'source', 'audio', 'video', 'track', 'embed', 'input'],
  poster: ['video'],
  action: ['form'],
  formaction: ['button', 'input'],
  data: ['object'],
};

export function checkDistLinks(distDir: string, options: CheckOptions = {}): BrokenLink[] {
  const root = resolve(distDir);
  const files = new Set(listFiles(root).map((f) => relative(root, f).split(sep).join('/')));
  const siteOrigins = new Set((options.siteOrigins ?? []).map((o) => new URL(o).origin));

  const pages = new Map<string, PageInfo>();
  for (const file of files) {
    if (file.endsWith('.html')) pages.set(file, readPage(join(root, file)));
  }

  const broken: BrokenLink[] = [];
  for (const [page, info] of pages) {
    const pageUrl = new URL(info.baseHref ?? pageUrlPath(page), `${LOCAL}${pageUrlPath(page)}`);
    for (const { where, url } of info.links) {
      const reason = checkOne(url, pageUrl, page, files, pages, siteOrigins);
      if (reason) broken.push({ page, where, url, reason });
    }
  }
  return broken;
}

/** `page → url  (reason)` lines, grouped by page; '' when nothing is broken. */
export function formatBrokenLinks(broken: BrokenLink[]): string {
  if (broken.length === 0) return '';
  const byPage = new Map<string, BrokenLink[]>();
  for (const b of broken) byPage.set(b.page, [...(byPage.get(b.page) ?? []), b]);
  const lines = [`${broken.length} broken internal link(s) on ${byPage.size} page(s):`];
  for (const [page, list] of byPage) {
    lines.push(`  ${page}`);
    for (const b of list) lines.push(`    → ${b.url}   [${b.where}] ${b.reason}`);
  }
  return lines.join('\n');
}

function checkOne(
  raw: string,
  pageUrl: URL,
  page: string,
  files: Set<string>,
  pages: Map<string, PageInfo>,
  siteOrigins: Set<string>,
): string | undefined {
  const value = raw.trim();
  // Other schemes (mailto:, tel:, data:, javascript:, blob:) are not site files.
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) && !/^https?:/i.test(value)) return undefined;

  let url: URL;
  try {
    url = new URL(value, pageUrl);
  } catch {
    return 'is not a valid URL';
  }
  if (url.origin !== LOCAL) {
    if (!siteOrigins.has(url.origin)) return undefined; // external: not ours to check
    url = new URL(url.pathname + url.search + url.hash, LOCAL);
  }

  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return 'has a malformed %-escape';
  }
  const target = resolveFile(path, files);
  if (!target) return `no such file in dist/ (tried ${candidates(path).join(', ')})`;

  const fragment = url.hash.slice(1);
  if (fragment === '' || fragment.startsWith(':~:')) return undefined; // empty or text fragment
  let id: string;
  try {
    id = decodeURIComponent(fragment);
  } catch {
    return 'has a malformed %-escape in its #fragment';
  }
  const targetPage = pages.get(target);
  if (!targetPage) return undefined; // fragment into a non-HTML file (e.g. PDF #page=2)
  if (targetPage.ids.has(id) || (id === 'top' && !targetPage.ids.has('top'))) return undefined;
  const on = target === page ? 'this page' : target;
  return `no element with id="${id}" on ${on}`;
}

/** The URL path a dist/ file is served at: a/index.html → /a/, a/b.html → /a/b.html. */
function pageUrlPath(file: string): string {
  const path = `/${file}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/** Accept /a/, /a, /a/index.html and /a.html spellings, as static hosts do. */
function candidates(path: string): string[] {
  const p = path.replace(/^\/+/, '');
  if (p === '' || p.endsWith('/')) return [`${p}index.html`];
  return [p, `${p}/index.html`, `${p}.html`];
}

function resolveFile(path: string, files: Set<string>): string | undefined {
  return candidates(path).find((c) => files.has(c));
}

function readPage(file: string): PageInfo {
  const doc = parse(readFileSync(file, 'utf8'));
  const info: PageInfo = { ids: new Set(), links: [], baseHref: undefined };
  walk(doc, (el) => {
    const attr = (name: string): string | undefined => el.attrs.find((a) => a.name === name)?.value;
    const id = attr('id');
    if (id !== undefined) info.ids.add(id);
    if (el.tagName === 'a') {
      const name = attr('name');
      if (name !== undefined) info.ids.add(name);
    }
    if (el.tagName === 'base') {
      info.baseHref ??= attr('href');
      return;
    }
    for (const a of el.attrs) {
      const allowed = URL_ATTRS[a.name];
      if (allowed && (allowed === '*' || allowed.includes(el.tagName))) {
        info.links.push({ where: `${el.tagName}[${a.prefix ? `${a.prefix}:` : ''}${a.name}]`, url: a.value });
      }
      if (a.name === 'srcset' && (el.tagName === 'img' || el.tagName === 'source')) {
        for (const u of parseSrcset(a.value)) info.links.push({ where: `${el.tagName}[srcset]`, url: u });
      }
    }
  });
  return info;
}

function walk(node: Node, visit: (el: Element) => void): void {
  if ('tagName' in node) {
    visit(node);
    // <template> children live in a separate fragment.
    if (node.tagName === 'template' && 'content' in node) walk(node.content as Node, visit);
  }
  if ('childNodes' in node) for (const child of node.childNodes) walk(child, visit);
}

/** URLs of a srcset ("a.png 1x, b.png 2x"); commas may occur inside URLs. */
export function parseSrcset(srcset: string): string[] {
  const urls: string[] = [];
  let i = 0;
  while (i < srcset.length) {
    while (i < srcset.length && /[\s,]/.test(srcset[i] ?? '')) i++;
    const start = i;
    while (i < srcset.length && !/\s/.test(srcset[i] ?? '')) i++;
    let url = srcset.slice(start, i);
    const trailingCommas = /,+$/.exec(url);
    if (trailingCommas) {
      url = url.slice(0, trailingCommas.index);
    } else {
      // Skip descriptors up to the next comma.
      while (i < srcset.length && srcset[i] !== ',') i++;
    }
    if (url) urls.push(url);
  }
  return urls;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));
}

// CLI: node scripts/check-links.ts [distDir] [siteOrigin…]
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [distDir = 'dist', ...origins] = process.argv.slice(2);
  const broken = checkDistLinks(distDir, { siteOrigins: origins });
  if (broken.length > 0) {
    console.error(formatBrokenLinks(broken));
    process.exit(1);
  }
  console.log(`check-links: all internal links in ${distDir}/ resolve.`);
}
