/**
 * One linear pass over a page's HTML that finds what the CSP narrowing needs:
 * the policy `<meta>` and the text of every inline `<script>` and `<style>`.
 * A full HTML parser (parse5) builds a tree of every element of the page and
 * cost ~2 ms a page — minutes at the library's 130,000 pages — while this
 * follows only the tokenizer states that decide where a tag or a raw-text
 * element starts and ends (comments, quoted attribute values, script/style
 * raw text, CR LF normalisation), skipping everything else with indexOf.
 * test/unit/integration/html-scan.test.ts checks it against parse5.
 */

export interface ScannedElement {
  /** Lower-cased. */
  name: string;
  /** Attributes as the browser reads them (first of duplicates wins), values decoded. */
  attrs: Map<string, string>;
  /** For the `content` attribute of a `<meta>`: where `content="…"` is written. */
  contentAt?: { start: number; end: number };
  /** Raw text of a script or style, CR LF normalised as the browser does before hashing. */
  text?: string;
}

/** Elements whose content is raw text up to their end tag (parse5's defaults: scripting on). */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript']);
const WANTED = new Set(['meta', 'script', 'style']);
const SPACE = /[\t\n\f\r ]/;
const ATTRIBUTE = /[\t\n\f\r /]*([^\t\n\f\r />][^\t\n\f\r /=>]*)(?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:"([^"]*)"?|'([^']*)'?|([^\t\n\f\r >]*)))?/y;
const TAG_NAME = /[^\t\n\f\r />]*/y;
const ENTITY = /&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|(amp|quot|apos|lt|gt|nbsp));?/g;
const NAMED: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: '\u00a0' };

function decode(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(ENTITY, (whole, dec?: string, hex?: string, name?: string) => {
    if (name) return NAMED[name]!;
    const code = dec ? Number.parseInt(dec, 10) : Number.parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Reads a tag's attributes from `at` (just after its name); returns them and the index after `>`. */
function readAttributes(html: string, at: number): { attrs: Map<string, string>; end: number; contentAt?: { start: number; end: number } } {
  const attrs = new Map<string, string>();
  let contentAt: { start: number; end: number } | undefined;
  let i = at;
  for (;;) {
    ATTRIBUTE.lastIndex = i;
    const m = ATTRIBUTE.exec(html);
    if (!m || m[0].length === 0) break;
    const start = i + m[0].search(/[^\t\n\f\r /]/);
    i += m[0].length;
    const name = m[1]!.toLowerCase();
    if (attrs.has(name)) continue;
    attrs.set(name, decode(m[2] ?? m[3] ?? m[4] ?? ''));
    if (name === 'content') contentAt = { start, end: i };
  }
  // Whatever is left before `>` is separators (`/`, spaces): the pattern consumed all else.
  const close = html.indexOf('>', i);
  return { attrs, end: close === -1 ? html.length : close + 1, ...(contentAt ? { contentAt } : {}) };
}

const isSpace = (c: number) => c === 9 || c === 10 || c === 12 || c === 13 || c === 32;

/**
 * The index after the `>` that ends a tag whose attributes are not wanted,
 * from `at` (just after its name): the tokenizer's attribute states walked
 * by character code, quoted values skipped with indexOf. The same end as
 * readAttributes finds (most tags of a page are not kept: this is the
 * scan's hot loop).
 */
function skipTag(html: string, at: number): number {
  const n = html.length;
  let i = at;
  for (;;) {
    // Before an attribute name: separators.
    while (i < n && (isSpace(html.charCodeAt(i)) || html.charCodeAt(i) === 47)) i++;
    if (i >= n) return n;
    if (html.charCodeAt(i) === 62 /* > */) return i + 1;
    // The name: its first character may be `=`; then up to a separator, `>` or `=`.
    i++;
    for (let c = html.charCodeAt(i); i < n && !isSpace(c) && c !== 47 && c !== 62 && c !== 61; c = html.charCodeAt(++i));
    let j = i;
    while (j < n && isSpace(html.charCodeAt(j))) j++;
    if (html.charCodeAt(j) !== 61 /* = */) continue;
    // A value: quoted, or up to a space or `>`.
    j++;
    while (j < n && isSpace(html.charCodeAt(j))) j++;
    const q = html.charCodeAt(j);
    if (q === 34 || q === 39) {
      const close = html.indexOf(q === 34 ? '"' : "'", j + 1);
      i = close === -1 ? n : close + 1;
    } else {
      i = j;
      for (let c = html.charCodeAt(i); i < n && !isSpace(c) && c !== 62; c = html.charCodeAt(++i));
    }
  }
}

/** Index of `</name` (any case) followed by a space, `/` or `>`, from `from`; -1 if none. */
function endTagAt(html: string, name: string, from: number): number {
  const lower = `</${name}`;
  let i = from;
  for (;;) {
    const j = html.indexOf('</', i);
    if (j === -1) return -1;
    const after = html.charAt(j + lower.length);
    if (html.slice(j, j + lower.length).toLowerCase() === lower && (after === '>' || after === '/' || SPACE.test(after))) return j;
    i = j + 2;
  }
}

/** Every `<meta>`, `<script>` and `<style>` of the page, in document order. */
export function scanElements(html: string): ScannedElement[] {
  const out: ScannedElement[] = [];
  let i = 0;
  for (;;) {
    i = html.indexOf('<', i);
    if (i === -1 || i + 1 >= html.length) return out;
    const next = html.charCodeAt(i + 1);
    if (html.startsWith('<!--', i)) {
      // `<!-->` and `<!--->` end at once; otherwise at `-->` or `--!>`.
      if (html.startsWith('<!-->', i)) i += 5;
      else if (html.startsWith('<!--->', i)) i += 6;
      else {
        const ends = [html.indexOf('-->', i + 4), html.indexOf('--!>', i + 4)].filter((e) => e !== -1);
        if (!ends.length) return out;
        const end = Math.min(...ends);
        i = end + (html.startsWith('-->', end) ? 3 : 4);
      }
    } else if (next === 33 /* ! */ || next === 63 /* ? */) {
      const end = html.indexOf('>', i + 2);
      if (end === -1) return out;
      i = end + 1;
    } else if (next === 47 /* / */) {
      if (isLetter(html.charCodeAt(i + 2))) {
        TAG_NAME.lastIndex = i + 2;
        TAG_NAME.exec(html);
        i = skipTag(html, TAG_NAME.lastIndex);
      } else {
        const end = html.indexOf('>', i + 2);
        if (end === -1) return out;
        i = end + 1;
      }
    } else if (isLetter(next)) {
      TAG_NAME.lastIndex = i + 1;
      const name = TAG_NAME.exec(html)![0].toLowerCase();
      const keep = WANTED.has(name);
      let element: ScannedElement | undefined;
      if (keep) {
        const tag = readAttributes(html, TAG_NAME.lastIndex);
        i = tag.end;
        element = { name, attrs: tag.attrs, ...(tag.contentAt ? { contentAt: tag.contentAt } : {}) };
      } else {
        i = skipTag(html, TAG_NAME.lastIndex);
      }
      if (RAW_TEXT.has(name)) {
        const end = endTagAt(html, name, i);
        const stop = end === -1 ? html.length : end;
        if (element) element.text = html.slice(i, stop).replace(/\r\n?/g, '\n');
        i = stop;
      }
      if (element) out.push(element);
    } else {
      i++;
    }
  }
}
