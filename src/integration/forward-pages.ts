/**
 * The dated URLs of a work's current version (docs/urls.md):
 * `/regulations/<work>/<date>/`, `…/<date>/articles/<n>/` and a long text's
 * `…/<date>/page/<n>/` are tiny pages
 * that forward (`location.replace`, keeping `#<id>`) to the bare work's page,
 * `noindex`, canonical the bare URL. They are plain files, so they work on any
 * static host, in scripts/serve.ts and in `astro preview`.
 *
 * Written here, straight into the output folder, not rendered by Astro: each
 * is a fixed template around a title and a URL, yet through Astro every page
 * costs a route call, the middleware, two file writes and their folders
 * (≈ 2.5 ms) — a third of the render time at a quarter of the collection,
 * for 22,660 such pages. The bytes are those Astro rendered from the former
 * Forward.astro (its minified markup, `define:vars` script, the head-inline
 * script every page carries: reading-prefs.ts), with the policy Astro writes
 * narrowed by the same function as every page's (csp.ts). Being no route,
 * they are not in the sitemap: a `noindex` page does not belong there.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AstroConfig } from 'astro';
import type { Corpus } from '../corpus/index.ts';
import { absoluteUrl } from '../render/permalinks.ts';
import { partUrl, textParts } from '../render/text-parts.ts';
import { articleNumberOf, articleUrl, clauseInWords, regulationUrl } from '../render/urls.ts';
import { articles } from '../tree/query.ts';
import { narrowPagePolicy } from './csp.ts';
import { headScript } from './reading-prefs.ts';

export interface ForwardPage {
  /** Root-relative URL of the dated page, ending in `/`. */
  url: string;
  /** Root-relative URL of the same page of the current version. */
  target: string;
  title: string;
}

/** Every forwarding page of the library: per work whose current version is dated, the work and each article. */
export function forwardPages(corpus: Pick<Corpus, 'works'>): ForwardPage[] {
  return corpus.works
    .filter((w) => w.current.version && w.current.slug === w.slug)
    .flatMap((w) => {
      const dated = `/regulations/${w.slug}/${w.current.version}/`;
      return [
        { url: dated, target: regulationUrl(w.slug), title: w.title },
        ...articles(w.current.tree).map((a) => ({ url: `${dated}articles/${articleNumberOf(a.id)}/`, target: articleUrl(w.slug, a.id), title: `${clauseInWords(a.id)} - ${w.title}` })),
        // A long text's later parts (text-parts.ts).
        ...textParts(w.current.tree)
          .slice(1)
          .map((p) => ({ url: `${dated}page/${p.number}/`, target: partUrl(w.slug, p.number), title: `${w.title}（第${p.number}部分）` })),
      ];
    });
}

type Csp = Exclude<AstroConfig['security']['csp'], boolean | undefined>;
type Resource = string | { resource: string; kind: string };

/** The sources of a `script-src`/`style-src`; resources for `-elem`/`-attr` directives would need those directives here too. */
function sources(resources: readonly Resource[] | undefined): string {
  if (resources?.some((r) => typeof r !== 'string' && r.kind !== 'default')) throw new Error('forward-pages.ts：security.csp 的 element/attribute 资源尚未支持，请在 sitePolicy() 中补上');
  const own = (resources ?? []).map((r) => (typeof r === 'string' ? r : r.resource));
  return own.length ? own.join(' ') : "'self'";
}

/** The site's policy before narrowing, as Astro writes it from `security.csp` (sources only: csp.ts adds the page's hashes). */
export function sitePolicy(csp: AstroConfig['security']['csp']): string | undefined {
  if (!csp) return undefined;
  const { directives = [], scriptDirective, styleDirective } = csp === true ? ({} as Partial<Csp>) : csp;
  const strict = scriptDirective?.strictDynamic ? " 'strict-dynamic'" : '';
  return `${directives.map((d) => `${d};`).join('')}script-src ${sources(scriptDirective?.resources)}${strict}; style-src ${sources(styleDirective?.resources)};`;
}

/** Astro's escaping of text and of attribute values (runtime/server/escape.js, render/util.js). */
const text = (s: string) => s.replace(/[&<>'"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', "'": '#39', '"': 'quot' }[c]};`);
const attribute = (s: string) => s.replace(/&/g, '&#38;').replace(/"/g, '&#34;');

export interface ForwardSite {
  site: URL | string | undefined;
  /** sitePolicy(); none: the page has no policy meta. */
  policy: string | undefined;
  /** The inline scripts every page's head carries (`injectScript('head-inline')`). */
  headScripts: readonly string[];
}

/** One forwarding page's HTML. */
export function forwardHtml(page: ForwardPage, { site, policy, headScripts }: ForwardSite): string {
  // define:vars: JSON with `<` escaped, as Astro's stringifyForScript.
  const vars = `const target = ${JSON.stringify(page.target).replace(/</g, '\\u003c')};\n`;
  const meta = policy === undefined ? '' : `<meta http-equiv="content-security-policy" content="${attribute(policy)}">`;
  const html =
    `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="robots" content="noindex"><link rel="canonical" href="${attribute(absoluteUrl(page.target, site))}">` +
    `<title>${text(page.title)}</title><script>(function(){${vars}location.replace(target + location.hash);})();</script>${meta}` +
    headScripts.map((s) => `<script>${s}</script>`).join('') +
    `</head><body><p>此版本即现行版本：<a href="${attribute(page.target)}" data-forward>${text(page.title)}</a></p></body></html>`;
  return narrowPagePolicy(html);
}

/** The file a page URL is served from (`/a/b/` → `<site>/a/b/index.html`). */
export const fileOf = (siteDir: string, url: string) => join(siteDir, url, 'index.html');

export interface WrittenForwards {
  /** Every forwarding page's file (unchanged ones included: they are this build's output). */
  files: string[];
  /** How many were written (new or changed); the others were left in place. */
  written: number;
}

/** What the last build wrote, kept beside the build cache: per URL its title, target and size in bytes. */
interface ForwardRecord {
  site: string;
  pages: { [url: string]: [title: string, target: string, bytes: number] };
}

/**
 * Writes every forwarding page into `siteDir`. dist/ is kept between builds
 * (prune-dist.ts), so a rebuild touches only what changed: a page the last
 * build wrote (`record`, a JSON file beside the build cache) with the same
 * title, target and site, still on disk at the size written, is not even
 * generated again (75,000 pages at the whole collection: a stat each); any
 * other is generated and written unless the file already holds its bytes.
 * Synchronous on purpose: nothing else runs meanwhile, and for files this
 * small a thread-pool round trip per call costs more than the call (7,908
 * pages: 0.3 s to compare, against 1.0 s with fs/promises and 32 in flight;
 * 2.3 s against 2.5 s to write afresh).
 */
export function writeForwardPages(siteDir: string, pages: readonly ForwardPage[], site: ForwardSite, record?: string): WrittenForwards {
  const siteKey = JSON.stringify(site);
  const last = record ? readRecord(record) : undefined;
  const known = last?.site === siteKey ? last.pages : {};
  const next: ForwardRecord = { site: siteKey, pages: {} };
  let written = 0;
  const files = pages.map((page) => {
    const file = fileOf(siteDir, page.url);
    const was = known[page.url];
    if (was && was[0] === page.title && was[1] === page.target && statSync(file, { throwIfNoEntry: false })?.size === was[2]) {
      next.pages[page.url] = was;
      return file;
    }
    const html = forwardHtml(page, site);
    next.pages[page.url] = [page.title, page.target, Buffer.byteLength(html)];
    if (readIfExists(file) === html) return file;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, html);
    written++;
    return file;
  });
  if (record) {
    mkdirSync(dirname(record), { recursive: true });
    writeFileSync(record, JSON.stringify(next));
  }
  return { files, written };
}

function readRecord(file: string): ForwardRecord | undefined {
  const text = readIfExists(file);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as ForwardRecord;
  } catch {
    return undefined; // a torn write: everything is compared again
  }
}

function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** What every forwarding page takes from the site's configuration. */
export function forwardSiteOf(config: Pick<AstroConfig, 'site' | 'security'>): ForwardSite {
  return { site: config.site, policy: sitePolicy(config.security.csp), headScripts: [headScript()] };
}

type Next = () => void;
interface DevResponse {
  setHeader(name: string, value: string): void;
  end(body: string): void;
}

/** `astro dev`: the same pages served from memory (they are no route of Astro's). */
export function serveForwardPages(corpus: () => Pick<Corpus, 'works'>, site: ForwardSite) {
  let byUrl: Map<string, ForwardPage> | undefined;
  return (req: { url?: string }, res: DevResponse, next: Next) => {
    byUrl ??= new Map(forwardPages(corpus()).map((p) => [p.url, p]));
    const path = safeDecode((req.url ?? '').split(/[?#]/)[0]!);
    const page = path === undefined ? undefined : byUrl.get(path);
    if (!page) return next();
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(forwardHtml(page, site));
  };
}

function safeDecode(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}
