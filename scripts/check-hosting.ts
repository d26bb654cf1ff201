/**
 * Does an nginx config send the headers of ./hosting-headers.ts? Reads the
 * config the way nginx does for what matters here: blocks and directives,
 * location matching (exact, longest prefix, `^~`, regexes in order) and
 * add_header inheritance (a block with its own add_header inherits none).
 *
 *   node scripts/check-hosting.ts [deploy/nginx.conf]   # exits 1 on problems
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cacheControl, SECURITY_HEADERS } from './hosting-headers.ts';

export interface Block {
  name: string;
  args: string[];
  directives: { name: string; args: string[]; line: number }[];
  blocks: Block[];
}

/** Words, quoted strings, `{`, `}` and `;`; comments dropped. */
function tokens(text: string): { value: string; line: number }[] {
  const out: { value: string; line: number }[] = [];
  const re = /#[^\n]*|"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([{};])|([^\s{};"'#]+)|\n/g;
  let line = 1;
  for (const m of text.matchAll(re)) {
    if (m[0] === '\n') line++;
    else if (m[0].startsWith('#')) continue;
    else out.push({ value: m[1] ?? m[2] ?? m[3] ?? m[4]!, line });
  }
  return out;
}

export function parseNginx(text: string): Block {
  const root: Block = { name: '', args: [], directives: [], blocks: [] };
  const stack = [root];
  let words: { value: string; line: number }[] = [];
  for (const t of tokens(text)) {
    const top = stack[stack.length - 1]!;
    if (t.value === ';') {
      if (words.length) top.directives.push({ name: words[0]!.value, args: words.slice(1).map((w) => w.value), line: words[0]!.line });
      words = [];
    } else if (t.value === '{') {
      const block: Block = { name: words[0]?.value ?? '', args: words.slice(1).map((w) => w.value), directives: [], blocks: [] };
      top.blocks.push(block);
      stack.push(block);
      words = [];
    } else if (t.value === '}') {
      stack.pop();
    } else words.push(t);
  }
  return root;
}

/** The location block nginx picks for `path` (its prefix and regex rules). */
export function matchLocation(server: Block, path: string): Block | undefined {
  const locations = server.blocks.filter((b) => b.name === 'location');
  const exact = locations.find((l) => l.args[0] === '=' && l.args[1] === path);
  if (exact) return exact;
  const prefixes = locations.filter((l) => l.args.length === 1 || l.args[0] === '^~');
  const prefixOf = (l: Block) => l.args[l.args.length - 1]!;
  const longest = prefixes.filter((l) => path.startsWith(prefixOf(l))).sort((a, b) => prefixOf(b).length - prefixOf(a).length)[0];
  if (longest?.args[0] === '^~') return longest;
  for (const l of locations) {
    if (l.args[0] === '~' || l.args[0] === '~*') {
      const re = new RegExp(l.args[1]!, l.args[0] === '~*' ? 'i' : '');
      if (re.test(path)) return l;
    }
  }
  return longest;
}

/** The add_header headers a response for `path` gets (lower-cased names). */
export function headersFor(server: Block, path: string): Map<string, string> {
  const location = matchLocation(server, path);
  const own = location?.directives.filter((d) => d.name === 'add_header') ?? [];
  const used = own.length ? own : server.directives.filter((d) => d.name === 'add_header');
  return new Map(used.map((d) => [d.args[0]!.toLowerCase(), d.args[1]!]));
}

/** Paths of each kind the built site serves. */
export const SAMPLE_PATHS = [
  '/',
  '/search/',
  '/regulations/some-slug/articles/43/',
  '/regulations/some-slug.txt',
  '/regulations/some-slug.json',
  '/404.html',
  '/sitemap-index.xml',
  '/_astro/Layout.Daz3Fs21.css',
  '/_astro/page.DMGB-4R9.js',
  '/search-index/entry.json',
  '/search-index/0123456789abcdef/dir.bin',
  '/search-index/0123456789abcdef/s/12.bin',
  '/search-index/t/Qx3k_9aZ0bC1dE2f.bin',
];

/** What is wrong with `text` as the site's nginx config, one line per problem. */
export function checkNginx(text: string, file = 'nginx.conf'): string[] {
  const problems: string[] = [];
  const server = parseNginx(text).blocks.find((b) => b.name === 'server');
  if (!server) return [`${file}:1:1: no server block [hosting-server]`];
  const directive = (name: string) => server.directives.find((d) => d.name === name);
  if (directive('charset')?.args[0]?.toLowerCase() !== 'utf-8') problems.push(`${file}:1:1: the server does not say charset utf-8 [hosting-charset]`);
  const types = directive('charset_types')?.args ?? [];
  for (const type of ['text/plain', 'application/json']) if (!types.includes(type)) problems.push(`${file}:${directive('charset_types')?.line ?? 1}:1: charset_types lacks ${type} [hosting-charset]`);
  for (const path of SAMPLE_PATHS) {
    const got = headersFor(server, path);
    const wanted: Record<string, string> = { ...SECURITY_HEADERS, 'Cache-Control': cacheControl(path) };
    for (const [name, value] of Object.entries(wanted)) {
      const have = got.get(name.toLowerCase());
      if (have !== value) problems.push(`${file}:1:1: ${path} gets ${name}: ${have ?? '(none)'}, should be ${value} [hosting-header]`);
    }
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2] ?? 'deploy/nginx.conf';
  const problems = checkNginx(readFileSync(file, 'utf8'), file);
  for (const p of problems) console.error(p);
  process.exit(problems.length ? 1 : 0);
}
