/**
 * The CSP narrowing reads pages with a one-pass scanner (html-scan.ts), not a
 * full parser: checked here against parse5 — on hand-picked traps and on
 * generated pages — for what the CSP needs: the policy and the text of each
 * inline script and style.
 */
import fc from 'fast-check';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { scanElements } from '../../../src/integration/html-scan.ts';

type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

function parse5View(html: string) {
  const out: { name: string; attrs: Record<string, string>; text?: string }[] = [];
  const walk = (node: ParentNode) => {
    for (const child of node.childNodes) {
      if (!('tagName' in child)) continue;
      const el = child as Element;
      if (['meta', 'script', 'style'].includes(el.tagName)) {
        const text = el.childNodes.map((n) => ('value' in n && n.nodeName === '#text' ? n.value : '')).join('');
        out.push({ name: el.tagName, attrs: Object.fromEntries(el.attrs.map((a) => [a.name, a.value])), ...(el.tagName === 'meta' ? {} : { text }) });
      }
      walk('content' in el ? (el.content as ParentNode) : el);
    }
  };
  walk(parse(html));
  return out;
}

const scanView = (html: string) =>
  scanElements(html).map((el) => ({ name: el.name, attrs: Object.fromEntries(el.attrs), ...(el.name === 'meta' ? {} : { text: el.text ?? '' }) }));

describe('html-scan against parse5', () => {
  const traps = [
    // A tag inside an attribute value, a comment or a title is not a tag.
    `<html><head><title>a <script>x</script></title><meta http-equiv="content-security-policy" content="script-src 'self' &amp; 'sha256-A='"></head><body data-x="<script>no</script>"><!-- <style>no</style> --><p title='<style>'>t</p></body></html>`,
    // End tags in any case and with spaces; a script that mentions its own end tag in a string.
    `<!doctype html><script type="module">let s = "<\\/script>"; if (a < b) {}</SCRIPT ><style>a>b{color:red}</style >`,
    // CR LF inside an inline script is hashed as LF, as browsers do.
    `<head><script>a\r\nb\rc</script></head>`,
    // Unquoted values, duplicate attributes (the first wins), a slash between attributes.
    `<meta http-equiv=Content-Security-Policy content=default-src/><script src=/a.js type=module/></script><script type=text/javascript type=x>1</script>`,
    // JSON-LD and a textarea holding markup.
    `<body><textarea><script>not a script</script></textarea><script type="application/ld+json">{"a":"<b>"}</script></body>`,
    `<!--> <script>1</script><!---> <style>s</style><!-- a --!> <script>2</script>`,
    // Tags that are not kept, skipped by character: a '>' in single and double quotes, unquoted values, a name
    // starting with '=', spaces around '=', an end tag with attributes, a quote left open.
    `<p a='x>y' b=c>z<script>1</script></p ><div =x data-y = "a>b" / ><style>s</style></div class="q>r"><span c=d/e f>t</span><script>2</script><a href="x`,
  ];
  it.each(traps.map((t, i) => [i, t]))('trap %i', (_i, html) => {
    expect(scanView(html as string)).toEqual(parse5View(html as string));
  });

  it('agrees on generated pages', () => {
    const text = fc.stringMatching(/^[a-z 条文<>&"'=/-]{0,12}$/);
    const safeText = text.map((t) => t.replace(/</g, '&lt;'));
    const value = fc.stringMatching(/^[a-z <>'/=&-]{0,10}$/).map((v) => v.replace(/"/g, ''));
    const attr = fc.tuple(fc.constantFrom('type', 'src', 'content', 'http-equiv', 'data-x', 'class'), value).map(([n, v]) => ` ${n}="${v}"`);
    // Other tags' attributes also single-quoted, unquoted or without a value.
    const anyAttr = fc.oneof(
      attr,
      fc.tuple(fc.constantFrom('title', 'data-y'), value).map(([n, v]) => ` ${n}='${v.replace(/'/g, '')}'`),
      fc.tuple(fc.constantFrom('id', 'lang'), fc.stringMatching(/^[a-z/=<'-]{1,6}$/)).map(([n, v]) => ` ${n}=${v}`),
      fc.constantFrom(' hidden', ' =x', ' /'),
    );
    const code = fc.stringMatching(/^[a-z {}();<>"'=/\r\n-]{0,20}$/).map((c) => c.replace(/<\/(script|style)/gi, '<\\/$1').replace(/<!--/g, ''));
    const piece = fc.oneof(
      safeText,
      fc.tuple(fc.constantFrom('p', 'div', 'span', 'a'), fc.array(anyAttr, { maxLength: 3 }), safeText).map(([t, a, x]) => `<${t}${a.join('')}>${x}</${t}>`),
      fc.tuple(fc.array(attr, { maxLength: 3 }), code).map(([a, c]) => `<script${a.join('')}>${c}</script>`),
      fc.tuple(fc.array(attr, { maxLength: 1 }), code).map(([a, c]) => `<style${a.join('')}>${c.replace(/</g, '')}</style>`),
      fc.array(attr, { maxLength: 3 }).map((a) => `<meta${a.join('')}>`),
      safeText.map((t) => `<!--${t.replace(/-/g, '')}-->`),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const html = `<!doctype html><html><head></head><body>${pieces.join('')}</body></html>`;
        expect(scanView(html)).toEqual(parse5View(html));
      }),
      { numRuns: 400 },
    );
  });
});
