import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { narrowPagePolicy, withHashes } from '../../../src/integration/csp.ts';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const policyOf = (html: string) => /content-security-policy" content="([^"]*)"/.exec(html)?.[1];

describe('per-page CSP', () => {
  const site = "default-src 'self';object-src 'none'; script-src 'self' 'sha256-AAAA' 'sha256-BBBB='; style-src 'self' 'sha256-CCCC=';";

  it('lists exactly the hashes of the page’s own inline scripts and styles, keeping the other sources', () => {
    const inline = "(function(){document.documentElement.classList.add('js')})();";
    const module = 'import "/_astro/x.js";';
    const css = '.a{color:red}';
    const html =
      `<!doctype html><html><head><meta http-equiv="content-security-policy" content="${site}">` +
      `<script>${inline}</script><style>${css}</style><script type="application/ld+json">{"@type":"Legislation"}</script>` +
      `</head><body><p>条文</p><script type="module" src="/_astro/a.js"></script><script type="module">${module}</script></body></html>`;
    const policy = policyOf(narrowPagePolicy(html));
    expect(policy).toBe(
      `default-src 'self'; object-src 'none'; script-src 'self' ${hash(inline)} ${hash(module)}; style-src 'self' ${hash(css)};`,
    );
    // Nothing else on the page changed.
    expect(narrowPagePolicy(html).replace(policy!, '')).toBe(html.replace(site, ''));
  });

  it('hashes the characters as written (UTF-8), and allows no inline code on a page that runs none', () => {
    const html = `<html><head><meta http-equiv="content-security-policy" content="${site}"><style>.x::before{content:"、"}</style></head><body></body></html>`;
    expect(policyOf(narrowPagePolicy(html))).toBe(`default-src 'self'; object-src 'none'; script-src 'self'; style-src 'self' ${hash('.x::before{content:"、"}')};`);
  });

  it('leaves a page without a policy alone', () => {
    const html = '<html><head><script>1</script></head><body></body></html>';
    expect(narrowPagePolicy(html)).toBe(html);
  });

  it('replaces hashes only in script-src and style-src', () => {
    expect(withHashes("img-src 'self' 'sha256-X='; script-src 'sha256-Y='", { script: ["'sha256-Z='"], style: [] })).toBe(
      "img-src 'self' 'sha256-X='; script-src 'sha256-Z=';",
    );
  });
});
