/**
 * Each page's Content-Security-Policy lists the hashes of its own inline
 * scripts and styles only. Astro (security.csp) writes the same policy into
 * every page, with the hashes of every inline script and style of the whole
 * site: ~30 incompressible hashes (1.5 kB gzipped) on each page, and a page
 * allowing code that only another page carries. Run after the build, this
 * rewrites each page's `<meta http-equiv="content-security-policy">` so that
 * `script-src` and `style-src` keep their sources ('self', 'wasm-unsafe-eval')
 * and list exactly the hashes of the page's inline `<script>` and `<style>`
 * elements. External scripts and stylesheets are allowed by 'self'; JSON-LD
 * is data, not script, and needs no hash. 'wasm-unsafe-eval' (Pagefind
 * compiles WebAssembly) stays only on pages that run search: those that mark
 * an element with RUNS_WASM.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';

type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

const HASH = /^'sha(?:256|384|512)-[A-Za-z0-9+/=]+'$/;
/** The attribute a page that runs WebAssembly (the search engine) carries on some element. */
export const RUNS_WASM = 'data-runs-wasm';
const WASM = "'wasm-unsafe-eval'";
/** Script types the browser runs (no type, a JavaScript MIME type, or module). */
const RUNS = /^(?:|module|(?:text|application)\/(?:x-)?(?:java|ecma)script)$/i;

function elements(node: ParentNode, out: Element[] = []): Element[] {
  for (const child of node.childNodes) {
    if ('tagName' in child) {
      out.push(child);
      elements('content' in child ? child.content : child, out);
    }
  }
  return out;
}

const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The policy with `script-src` and `style-src` hashes replaced by these (and without 'wasm-unsafe-eval' unless `wasm`). */
export function withHashes(policy: string, hashes: { script: string[]; style: string[] }, wasm = true): string {
  return policy
    .split(';')
    .map((directive) => {
      const [name = '', ...sources] = directive.trim().split(/\s+/);
      const own = name === 'script-src' ? hashes.script : name === 'style-src' ? hashes.style : undefined;
      if (!own) return directive.trim();
      return [name, ...sources.filter((s) => !HASH.test(s) && (wasm || s !== WASM)), ...new Set(own)].join(' ');
    })
    .filter(Boolean)
    .join('; ')
    .concat(';');
}

/** The page with its CSP narrowed to its own inline scripts and styles; unchanged if it has no CSP meta. */
export function narrowPagePolicy(html: string): string {
  const document = parse(html, { sourceCodeLocationInfo: true });
  const all = elements(document);
  const meta = all.find((el) => el.tagName === 'meta' && attr(el, 'http-equiv')?.toLowerCase() === 'content-security-policy');
  const location = meta?.sourceCodeLocation?.attrs?.['content'];
  const policy = meta && attr(meta, 'content');
  if (!location || policy === undefined) return html;
  const inline = (el: Element) => el.childNodes.map((n) => ('value' in n && n.nodeName === '#text' ? n.value : '')).join('');
  const script = all.filter((el) => el.tagName === 'script' && attr(el, 'src') === undefined && RUNS.test(attr(el, 'type') ?? '')).map((el) => sha256(inline(el)));
  const style = all.filter((el) => el.tagName === 'style').map((el) => sha256(inline(el)));
  const wasm = all.some((el) => attr(el, RUNS_WASM) !== undefined);
  const narrowed = withHashes(policy, { script, style }, wasm).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `${html.slice(0, location.startOffset)}content="${narrowed}"${html.slice(location.endOffset)}`;
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

/** Narrow the policy of every page of the built site; returns how many pages were rewritten. */
export async function narrowSitePolicies(siteDir: string): Promise<number> {
  let changed = 0;
  for (const file of await htmlFiles(siteDir)) {
    const html = await readFile(file, 'utf8');
    const narrowed = narrowPagePolicy(html);
    if (narrowed !== html) {
      await writeFile(file, narrowed);
      changed++;
    }
  }
  return changed;
}
