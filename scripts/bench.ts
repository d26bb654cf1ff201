/**
 * `npm run bench`: measurements for docs/performance.md. Prints each table and
 * rewrites that file with the machine it ran on. Numbers, not pass/fail: no
 * test asserts on timings (a 2-core CI box is too noisy for that).
 *
 *   npm run bench                         everything
 *   npm run bench -- --only=parser,size   some sections: parser, build, size, lighthouse, search
 *   npm run bench -- --reuse-dist         skip the clean build, measure the existing dist/
 *   npm run bench -- --only=library --library=FOLDER [--library-out=DIR] [--reuse-library]
 *                                         library search over a content folder (scripts/bench-library.ts)
 *
 * Pages measured (size, Lighthouse) come from test/e2e/pages.ts, the same list
 * the e2e accessibility checks use.
 */
import { toChineseNumeral } from '../src/parse/numerals.ts';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { SITE_PAGES, type SitePage } from '../test/e2e/pages.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const SEED = join(ROOT, 'content/regulations/chaoyang-government-work-rules.txt');
const REPORT = join(ROOT, 'docs/performance.md');
const PREVIEW_PORT = Number(process.env['BENCH_PORT'] ?? 4339);

type Section = 'parser' | 'build' | 'size' | 'lighthouse' | 'search' | 'library';
const ALL_SECTIONS: Section[] = ['parser', 'build', 'size', 'lighthouse', 'search', 'library'];

interface Table {
  title: string;
  note?: string;
  head: string[];
  rows: string[][];
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
  const sections = only ? ALL_SECTIONS.filter((s) => only.includes(s)) : ALL_SECTIONS;
  const reuseDist = args.includes('--reuse-dist');

  const tables: Table[] = [machineTable()];
  print(tables[0]!);
  const add = (t: Table): void => {
    tables.push(t);
    print(t);
  };

  if (sections.includes('parser')) add(await parserTable());
  if (sections.includes('build')) add(reuseDist ? skipped('Build time', '--reuse-dist given') : buildTable());
  const needDist = sections.includes('size') || sections.includes('lighthouse') || sections.includes('search');
  if (needDist && !existsSync(join(DIST, 'index.html'))) {
    console.log('dist/ missing: building it for the size and Lighthouse sections…');
    runBuild();
  }
  if (sections.includes('size')) add(sizeTable(SITE_PAGES));
  if (sections.includes('lighthouse')) add(await lighthouseTable(SITE_PAGES));
  if (sections.includes('search')) add(await searchTable());
  if (sections.includes('library')) add(await libraryTable(args));

  mkdirSync(dirname(REPORT), { recursive: true });
  writeFileSync(REPORT, renderReport(tables, sections));
  console.log(`\nwrote ${relative(ROOT, REPORT)}`);
}

// ---------------------------------------------------------------- machine

function machineTable(): Table {
  const cpus = os.cpus();
  const chromium = spawnSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' });
  const astroVersion = readJson<{ version: string }>(join(ROOT, 'node_modules/astro/package.json'))?.version;
  return {
    title: 'Machine',
    head: ['what', 'value'],
    rows: [
      ['date', new Date().toISOString()],
      ['CPU', cpus[0]?.model.trim() ?? 'unknown'],
      ['cores', String(cpus.length)],
      ['memory', `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`],
      ['OS', `${os.type()} ${os.release()} (${os.arch()})`],
      ['Node', process.version],
      ['Astro', astroVersion ?? 'unknown'],
      ['Chromium', chromium.status === 0 ? chromium.stdout.trim() : `not found at ${CHROMIUM_PATH}`],
    ],
  };
}

// ---------------------------------------------------------------- parser

type ParseFn = typeof import('../src/parse/index.ts').parseRegulation;

/** Imported lazily so the other sections still run while the parser is broken or absent. */
async function loadParser(): Promise<ParseFn | string> {
  try {
    const mod: { parseRegulation?: unknown } = await import('../src/parse/index.ts');
    return typeof mod.parseRegulation === 'function'
      ? (mod.parseRegulation as ParseFn)
      : 'src/parse/index.ts does not export parseRegulation';
  } catch (error) {
    return `cannot import src/parse/index.ts: ${error instanceof Error ? error.message : String(error)}`;
  }
}

async function parserTable(): Promise<Table> {
  const table: Table = {
    title: 'Parser throughput',
    note: 'parseRegulation(bytes) incl. decoding and cross-referencing; median of the timed runs after one warm-up; MB = 10^6 bytes of UTF-8 input.',
    head: ['input', 'size', 'runs', 'median ms', 'MB/s', 'errors reported'],
    rows: [],
  };
  const parseRegulation = await loadParser();
  if (typeof parseRegulation === 'string') {
    table.note = `SKIPPED — ${parseRegulation}`;
    return table;
  }
  const inputs: { name: string; bytes: Uint8Array; runs: number }[] = [
    { name: 'seed (chaoyang-government-work-rules.txt)', bytes: readFileSync(SEED), runs: 50 },
    { name: 'generated statute, 999 articles', bytes: Buffer.from(generateRegulation(readFileSync(SEED, 'utf8'))), runs: 5 },
  ];
  for (const { name, bytes, runs } of inputs) {
    const options = { path: `bench/${name}.txt`, slug: 'bench' };
    const first = parseRegulation(bytes, options); // warm-up (JIT), and the error count
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      parseRegulation(bytes, options);
      times.push(performance.now() - t0);
    }
    const ms = median(times);
    const errors = first.problems.filter((p) => p.severity === 'error').length;
    table.rows.push([name, mb(bytes.length), String(runs), ms.toFixed(1), (bytes.length / 1e6 / (ms / 1000)).toFixed(1), String(errors)]);
  }
  return table;
}

/**
 * A multi-MB statute-style regulation (第N章 / 第N条 / paragraphs / （N） items)
 * built from the seed's own sentences, deterministic so runs compare.
 */
function generateRegulation(seed: string, articles = 999, chapters = 20): string {
  const cn = toChineseNumeral;
  const sentences = seed
    .split(/(?<=[。；])/)
    .map((s) => s.replace(/\s+/g, '').replace(/^[一二三四五六七八九十百（）()0-9、.]+/, ''))
    .filter((s) => s.length >= 12 && /。$/.test(s));
  let state = 42;
  const pick = (): string => {
    state = (state * 1103515245 + 12345) % 2 ** 31; // tiny LCG: same text every run
    return sentences[state % sentences.length] ?? '';
  };
  const out: string[] = ['北京市朝阳区基准测试规则（生成文本）', ''];
  const perChapter = Math.ceil(articles / chapters);
  for (let n = 1; n <= articles; n++) {
    if ((n - 1) % perChapter === 0) out.push(`第${cn((n - 1) / perChapter + 1)}章  第${cn((n - 1) / perChapter + 1)}部分`);
    out.push(`第${cn(n)}条  ${pick()}${pick()}`);
    for (let p = 0; p < 3; p++) out.push(`　　${pick()}${pick()}${pick()}`);
    out.push('　　有下列情形之一的，依照本规则处理：');
    for (let i = 1; i <= 5; i++) out.push(`　　（${cn(i)}）${pick().replace(/。$/, i < 5 ? '；' : '。')}`);
  }
  return out.join('\n') + '\n';
}


// ---------------------------------------------------------------- build

function buildTable(): Table {
  rmSync(DIST, { recursive: true, force: true });
  const ms = runBuild();
  const pages = listFiles(DIST).filter((f) => f.endsWith('.html')).length;
  return {
    title: 'Build time',
    note: 'Wall time of `rm -rf dist && npm run build` (the build script, so any post-step such as Pagefind indexing counts); caches in node_modules/.astro kept.',
    head: ['site', 'wall s', 'HTML pages', 'dist size'],
    rows: [['seed', (ms / 1000).toFixed(1), String(pages), mb(dirSize(DIST))]],
  };
}

function runBuild(): number {
  const t0 = performance.now();
  const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`npm run build failed:\n${r.stdout}\n${r.stderr}`);
  return ms;
}

// ---------------------------------------------------------------- transfer size

type Element = DefaultTreeAdapterMap['element'];

/** Budgets from issue #7, in bytes (KB = 1000 B, as the 12.6 KB of the gzipped seed text). */
const SIZE_TARGETS: Record<string, { total: number; js: number }> = { regulation: { total: 25_000, js: 5_000 } };

function targetCell(name: string, total: number, js: number): string {
  const t = SIZE_TARGETS[name];
  if (!t) return '—';
  const met = total <= t.total && js <= t.js;
  return `≤ ${t.total / 1000} KB in all, JS ≤ ${t.js / 1000} KB: ${met ? 'met' : 'MISSED'}`;
}

/** What a first visit downloads, from the dist/ files the page references (gzip -6, as servers default). */
function sizeTable(pages: readonly SitePage[]): Table {
  const table: Table = {
    title: 'Transfer size',
    note: 'gzip level 6 (zlib) of the HTML plus the CSS and JS it references (stylesheets, module scripts, modulepreloads and their static imports). Lazy loads (dynamic import(), Pagefind index/WASM) and images are not included.',
    head: ['page', 'HTML gz', 'CSS gz', 'JS gz', 'total gz', 'total bytes', 'JS raw', 'files', 'target'],
    rows: [],
  };
  for (const page of pages) {
    const htmlFile = join(DIST, page.path.replace(/^\//, ''), page.path.endsWith('/') ? 'index.html' : '');
    if (!existsSync(htmlFile)) {
      table.rows.push([page.name, `missing ${relative(ROOT, htmlFile)}`, '', '', '', '', '', '', '']);
      continue;
    }
    const html = readFileSync(htmlFile);
    const css = new Set<string>();
    const js = new Set<string>();
    walkElements(parse(html.toString('utf8')), (el) => {
      const attr = (n: string): string | undefined => el.attrs.find((a) => a.name === n)?.value;
      const rel = attr('rel')?.toLowerCase().split(/\s+/) ?? [];
      const href = attr('href');
      const src = attr('src');
      if (el.tagName === 'link' && href && rel.includes('stylesheet')) addLocal(css, href, page.path);
      if (el.tagName === 'link' && href && rel.includes('modulepreload')) addLocal(js, href, page.path);
      if (el.tagName === 'script' && src) addLocal(js, src, page.path);
    });
    for (const file of [...js]) followImports(file, js);
    const cssGz = sum([...css].map((f) => gz(readFileSync(f))));
    const jsGz = sum([...js].map((f) => gz(readFileSync(f))));
    const htmlGz = gz(html);
    table.rows.push([
      page.name,
      kb(htmlGz),
      kb(cssGz),
      kb(jsGz),
      kb(htmlGz + cssGz + jsGz),
      String(htmlGz + cssGz + jsGz),
      kb(sum([...js].map((f) => readFileSync(f).length))),
      String(1 + css.size + js.size),
      targetCell(page.name, htmlGz + cssGz + jsGz, jsGz),
    ]);
  }
  return table;
}

function addLocal(set: Set<string>, url: string, pagePath: string): void {
  const u = new URL(url, `http://local${pagePath}`);
  if (u.host !== 'local') return;
  const file = join(DIST, decodeURIComponent(u.pathname));
  if (existsSync(file)) set.add(file);
}

/** Static imports in (minified) ESM: `import{a}from"./x.js"`, `import"./y.js"`, `export*from"./z.js"`. */
function followImports(file: string, seen: Set<string>): void {
  const code = readFileSync(file, 'utf8');
  for (const m of code.matchAll(/\b(?:import|export)\s*(?:[\w*{}\s,$]*?\bfrom\s*)?["']([^"']+)["']/g)) {
    const spec = m[1]!;
    if (!spec.startsWith('.') && !spec.startsWith('/')) continue;
    const target = spec.startsWith('/') ? join(DIST, spec) : join(dirname(file), spec);
    if (existsSync(target) && !seen.has(target)) {
      seen.add(target);
      followImports(target, seen);
    }
  }
}

function walkElements(node: DefaultTreeAdapterMap['node'], visit: (el: Element) => void): void {
  if ('tagName' in node) visit(node);
  if ('childNodes' in node) for (const c of node.childNodes) walkElements(c, visit);
}

// ---------------------------------------------------------------- Lighthouse

const LH_CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

async function lighthouseTable(pages: readonly SitePage[]): Promise<Table> {
  const table: Table = {
    title: 'Lighthouse',
    note: `Lighthouse default mobile settings (emulated phone, simulated slow 4G and 4× CPU slowdown), system Chromium, served by \`astro preview\` on 127.0.0.1. Scores 0–100; metrics are simulated.`,
    head: ['page', ...LH_CATEGORIES, 'FCP ms', 'LCP ms', 'TBT ms', 'CLS'],
    rows: [],
  };
  // Lazy: lighthouse is big, and --only=parser should not pay for loading it.
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');

  const server = await startPreview();
  let chrome: Awaited<ReturnType<typeof chromeLauncher.launch>> | undefined;
  try {
    chrome = await chromeLauncher.launch({
      chromePath: CHROMIUM_PATH,
      chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
    });
    for (const page of pages) {
      const url = `http://127.0.0.1:${PREVIEW_PORT}${page.path}`;
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        formFactor: 'mobile',
        onlyCategories: [...LH_CATEGORIES],
      });
      const lhr = result?.lhr;
      if (!lhr) {
        table.rows.push([page.name, 'no result', '', '', '', '', '', '', '']);
        continue;
      }
      if (lhr.runtimeError) console.warn(`lighthouse ${page.path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      const score = (c: string): string => {
        const s = lhr.categories[c]?.score;
        return s === null || s === undefined ? 'n/a' : String(Math.round(s * 100));
      };
      const metric = (id: string, digits = 0): string => {
        const v = lhr.audits[id]?.numericValue;
        return v === undefined ? 'n/a' : v.toFixed(digits);
      };
      // Name what cost points, so a dropped score says where to look.
      const failing = LH_CATEGORIES.flatMap((c) => lhr.categories[c]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => ref.id);
      if (failing.length > 0) console.log(`lighthouse ${page.path}: audits below 100: ${[...new Set(failing)].join(', ')}`);
      table.rows.push([
        page.name,
        ...LH_CATEGORIES.map(score),
        metric('first-contentful-paint'),
        metric('largest-contentful-paint'),
        metric('total-blocking-time'),
        metric('cumulative-layout-shift', 3),
      ]);
    }
  } finally {
    chrome?.kill();
    stopProcess(server);
  }
  return table;
}

/** Search in headless Chromium on the seed site: a cold first query, then later ones (scripts/bench-search.ts). */
async function searchTable(): Promise<Table> {
  const { benchSearch, searchBenchRows } = await import('./bench-search.ts');
  const server = await startPreview();
  try {
    return {
      title: 'Search',
      note: 'Through the site\'s own search page in the system Chromium, cache disabled for the cold query; bytes as transferred.',
      head: ['measure', 'value', 'target'],
      rows: searchBenchRows(await benchSearch(`http://127.0.0.1:${PREVIEW_PORT}`)),
    };
  } finally {
    stopProcess(server);
  }
}

/** Library search over a content folder given with --library=FOLDER (scripts/bench-library.ts). */
async function libraryTable(args: string[]): Promise<Table> {
  const opt = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const folder = opt('library');
  if (!folder) return skipped('Library search', 'no --library=FOLDER given');
  const out = opt('library-out') ?? join(os.tmpdir(), 'bench-library-site');
  if (!args.includes('--reuse-library')) {
    const r = spawnSync('npx', ['astro', 'build', '--outDir', out], { cwd: ROOT, env: { ...process.env, PORTAL_CONTENT: folder }, stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error(`library build failed (exit ${r.status})`);
  }
  const { benchLibrary, libraryBenchRows } = await import('./bench-library.ts');
  const b = await benchLibrary(folder, out, PREVIEW_PORT);
  return {
    title: `Library search (${relative(ROOT, folder) || folder})`,
    note: `test/search/library-queries.json (${b.skipped} of its queries skipped: text not published in the folder), through the site's own search page in the system Chromium; first query cache off, bytes as transferred.`,
    head: ['measure', 'value', 'target'],
    rows: libraryBenchRows(b),
  };
}

/** Our own preview server on its own port; --ignore-lock so it can run beside a dev's preview. */
async function startPreview(): Promise<ChildProcess> {
  const child = spawn('npx', ['astro', 'preview', '--host', '127.0.0.1', '--port', String(PREVIEW_PORT), '--ignore-lock'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true, // own process group, so stopProcess ends npx and astro together
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`astro preview exited with ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${PREVIEW_PORT}/`);
      if (res.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  stopProcess(child);
  throw new Error(`astro preview did not answer on port ${PREVIEW_PORT} within 60 s`);
}

function stopProcess(child: ChildProcess): void {
  if (child.pid !== undefined && child.exitCode === null) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

// ---------------------------------------------------------------- output

function skipped(title: string, why: string): Table {
  return { title, note: `SKIPPED — ${why}`, head: [], rows: [] };
}

function markdownTable(t: Table): string {
  if (t.head.length === 0) return '';
  const line = (cells: string[]): string => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  const rows = t.rows.length > 0 ? t.rows : [t.head.map((_, i) => (i === 0 ? '—' : ''))];
  return [line(t.head), line(t.head.map(() => '---')), ...rows.map(line)].join('\n');
}

function print(t: Table): void {
  console.log(`\n## ${t.title}`);
  if (t.note) console.log(t.note);
  const md = markdownTable(t);
  if (md) console.log(md);
}

function renderReport(tables: Table[], sections: Section[]): string {
  const parts = [
    '# Performance',
    '',
    '<!-- Generated by `npm run bench` (scripts/bench.ts). Do not edit by hand: rerun it. -->',
    '',
    `Sections run: ${sections.join(', ')}. Single runs on the machine below; compare numbers only between runs on the same kind of machine.`,
  ];
  for (const t of tables) {
    parts.push('', `## ${t.title}`, '');
    if (t.note) parts.push(t.note, '');
    const md = markdownTable(t);
    if (md) parts.push(md);
  }
  return parts.join('\n') + '\n';
}

// ---------------------------------------------------------------- utils

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
const gz = (b: Buffer): number => gzipSync(b, { level: 6 }).length;
const kb = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;
const mb = (n: number): string => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} MB` : `${(n / 1e3).toFixed(1)} kB`);

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));
}

function dirSize(dir: string): number {
  return sum(listFiles(dir).map((f) => statSync(f).size));
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

await main();
