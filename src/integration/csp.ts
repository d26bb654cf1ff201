/**
 * Each page's Content-Security-Policy lists the hashes of its own inline
 * scripts and styles only. Astro (security.csp) writes the same policy into
 * every page, with the hashes of every inline script and style of the whole
 * site: ~30 incompressible hashes (1.5 kB gzipped) on each page, and a page
 * allowing code that only another page carries. Run on each page as it is
 * rendered (csp-middleware.ts: no second pass reading every page back), this
 * rewrites its `<meta http-equiv="content-security-policy">` so that
 * `script-src` and `style-src` keep their sources ('self') and list exactly
 * the hashes of the page's inline `<script>` and `<style>` elements.
 * External scripts and stylesheets are allowed by 'self'; JSON-LD is data,
 * not script, and needs no hash. No page runs WebAssembly (the search index
 * is read by plain script: src/search/index-client.ts).
 */
import { createHash } from 'node:crypto';
import { scanElements } from './html-scan.ts';

const HASH = /^'sha(?:256|384|512)-[A-Za-z0-9+/=]+'$/;
/** Script types the browser runs (no type, a JavaScript MIME type, or module). */
const RUNS = /^(?:|module|(?:text|application)\/(?:x-)?(?:java|ecma)script)$/i;

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The policy with `script-src` and `style-src` hashes replaced by these. */
export function withHashes(policy: string, hashes: { script: string[]; style: string[] }): string {
  return policy
    .split(';')
    .map((directive) => {
      const [name = '', ...sources] = directive.trim().split(/\s+/);
      const own = name === 'script-src' ? hashes.script : name === 'style-src' ? hashes.style : undefined;
      if (!own) return directive.trim();
      return [name, ...sources.filter((s) => !HASH.test(s)), ...new Set(own)].join(' ');
    })
    .filter(Boolean)
    .join('; ')
    .concat(';');
}

/**
 * The page with its CSP narrowed to its own inline scripts and styles; unchanged if it has no CSP meta.
 * Run on each page as it is rendered (csp-middleware.ts), so no page is read back from disk.
 */
export function narrowPagePolicy(html: string): string {
  const all = scanElements(html);
  const meta = all.find((el) => el.name === 'meta' && el.attrs.get('http-equiv')?.toLowerCase() === 'content-security-policy');
  const location = meta?.contentAt;
  const policy = meta?.attrs.get('content');
  if (!location || policy === undefined) return html;
  const script = all.filter((el) => el.name === 'script' && !el.attrs.has('src') && RUNS.test(el.attrs.get('type') ?? '')).map((el) => sha256(el.text ?? ''));
  const style = all.filter((el) => el.name === 'style').map((el) => sha256(el.text ?? ''));
  const narrowed = withHashes(policy, { script, style }).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `${html.slice(0, location.start)}content="${narrowed}"${html.slice(location.end)}`;
}
