/**
 * `npm run bench -- library FOLDER [--fractions=0.25,0.5,1]`: how the build
 * grows with the library. For each fraction it assembles a content folder of
 * that share of FOLDER's texts (chosen by a hash of the path, so every folder
 * is represented and a quarter is inside the half), writes its exclusion list
 * with `npm run validate`, builds it from a cold cache, changes one character
 * of one text and builds again. It reports wall time, the phases the build
 * log times (parse, render, search index), the peak memory of the whole
 * process tree (sampled from /proc), dist size and file count by kind, and
 * the largest pages gzipped. Each cold build starts by removing the project's
 * node_modules/.astro/ (Astro's incremental cache and the parse cache), and
 * the folders and sites it builds stay in /tmp/bench-scale/ (or $BENCH_SCALE_DIR) for a look.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { treeRss } from './proc-tree.ts';

export interface Table {
  title: string;
  note?: string;
  head: string[];
  rows: string[][];
}

interface BuildRun {
  wallMs: number;
  /** Peak resident memory of all processes of the build, and of the largest one. */
  peakTreeBytes: number;
  peakProcessBytes: number;
  phases: { parse?: number; render?: number; post?: number; index?: number };
  rendered?: number;
  log: string;
}

interface Step {
  fraction: number;
  texts: number;
  published: number;
  excluded: number;
  cold: BuildRun;
  /** Absent with --no-rebuild. */
  rebuild?: BuildRun;
  dist: DistFigures;
  cacheBytes: number;
}

interface DistFigures {
  bytes: number;
  files: number;
  kinds: Map<string, { bytes: number; files: number }>;
  largest: { url: string; raw: number; gz: number }[];
  htmlPages: number;
}

/** Where the samples and sites go; BENCH_SCALE_DIR moves it (two benches on one machine must not share it). */
const WORK = process.env['BENCH_SCALE_DIR'] ?? '/tmp/bench-scale';

/** Whether a text belongs to the `fraction` sample: nested samples, spread over every folder. */
function inSample(path: string, fraction: number): boolean {
  return createHash('sha256').update(path).digest().readUInt32BE(0) / 2 ** 32 < fraction;
}

function textsOf(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.txt'))
    .map((e) => relative(folder, join(e.parentPath, e.name)))
    .sort();
}

const seconds = (log: string, pattern: RegExp): number | undefined => {
  const m = pattern.exec(log);
  return m ? Number(m[1]) : undefined;
};

/** Astro's "✓ Completed in 6.49s." (or 812ms, or 2m 3s) after "generating static routes". */
function renderSeconds(log: string): number | undefined {
  const at = log.indexOf('generating static routes');
  if (at < 0) return undefined;
  const m = /✓ Completed in (?:(\d+)m\s*(\d+)s|([\d.]+)s|(\d+)ms)/.exec(log.slice(at));
  if (!m) return undefined;
  if (m[1]) return Number(m[1]) * 60 + Number(m[2]);
  return m[3] ? Number(m[3]) : Number(m[4]) / 1000;
}

async function build(root: string, content: string, outDir: string): Promise<BuildRun> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], {
    cwd: root,
    env: { ...process.env, PORTAL_CONTENT: content, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr.on('data', (d: Buffer) => (log += d.toString()));
  let peakTree = 0;
  let peakProcess = 0;
  const sample = () => {
    if (child.pid === undefined) return;
    const { total, largest } = treeRss(child.pid);
    peakTree = Math.max(peakTree, total);
    peakProcess = Math.max(peakProcess, largest);
  };
  const timer = setInterval(sample, 250);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(timer);
  const wallMs = performance.now() - t0;
  if (code !== 0) throw new Error(`build of ${content} failed (exit ${code}):\n${log.slice(-4000)}`);
  const parse = seconds(log, /已载入 \d+ 部法规：.*（用时 ([\d.]+) 秒）/);
  const index = seconds(log, /搜索索引用时 ([\d.]+) 秒/);
  const render = renderSeconds(log);
  const post = seconds(log, /构建后检查（清理、页面预算）用时 ([\d.]+) 秒/);
  const rendered = seconds(log, /本次渲染的 (\d+) 个页面/);
  return {
    wallMs,
    peakTreeBytes: peakTree,
    peakProcessBytes: peakProcess,
    phases: { ...(parse !== undefined ? { parse } : {}), ...(render !== undefined ? { render } : {}), ...(post !== undefined ? { post } : {}), ...(index !== undefined ? { index } : {}) },
    ...(rendered !== undefined ? { rendered } : {}),
    log,
  };
}

function kindOf(rel: string): string {
  if (rel.startsWith('search-index/')) return 'search index (search-index/)';
  if (rel.startsWith('_astro/')) return 'scripts and styles (_astro/)';
  if (rel.startsWith('regulations/')) {
    if (rel.includes('/articles/')) return 'article pages';
    if (rel.endsWith('.json')) return 'clause trees (.json)';
    if (rel.endsWith('.txt')) return 'source texts (.txt)';
    if (rel.endsWith('.html')) return 'full-text pages';
  }
  return rel.endsWith('.html') ? 'other pages' : 'other files';
}

function distFigures(dir: string): DistFigures {
  const kinds = new Map<string, { bytes: number; files: number }>();
  const html: { url: string; raw: number }[] = [];
  let bytes = 0;
  let files = 0;
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const file = join(e.parentPath, e.name);
    const rel = relative(dir, file);
    const size = statSync(file).size;
    bytes += size;
    files++;
    const kind = kindOf(rel);
    const k = kinds.get(kind) ?? { bytes: 0, files: 0 };
    k.bytes += size;
    k.files++;
    kinds.set(kind, k);
    if (rel.endsWith('.html')) html.push({ url: `/${rel.replace(/index\.html$/, '')}`, raw: size });
  }
  // The largest gzipped pages are among the largest raw ones: gzip those, not every page.
  const largest = html
    .sort((a, b) => b.raw - a.raw)
    .slice(0, 40)
    .map((p) => ({ ...p, gz: gzipSync(readFileSync(join(dir, p.url.slice(1), p.url.endsWith('/') ? 'index.html' : ''))).length }))
    .sort((a, b) => b.gz - a.gz)
    .slice(0, 5);
  return { bytes, files, kinds, largest, htmlPages: html.length };
}

function dirBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) if (e.isFile()) n += statSync(join(e.parentPath, e.name)).size;
  return n;
}

/** Change one character of the body of a clean text (the last 的 → 地): its content hash changes, its metadata not. */
function touchOneText(regulations: string, clean: string[]): string {
  for (const rel of clean) {
    const file = join(regulations, rel);
    const text = readFileSync(file, 'utf8');
    const at = text.lastIndexOf('的');
    if (at > text.length / 2) {
      writeFileSync(file, text.slice(0, at) + '地' + text.slice(at + 1));
      return rel;
    }
  }
  throw new Error('no clean text to change for the rebuild');
}

async function step(root: string, folder: string, all: string[], fraction: number, rebuildToo: boolean): Promise<Step> {
  const chosen = fraction >= 1 ? all : all.filter((p) => inSample(p, fraction));
  const content = join(WORK, `f${fraction}`);
  const regulations = join(content, 'regulations');
  rmSync(content, { recursive: true, force: true });
  for (const rel of chosen) {
    mkdirSync(join(regulations, rel, '..'), { recursive: true });
    copyFileSync(join(folder, rel), join(regulations, rel));
  }
  const report = join(WORK, `f${fraction}-validate.json`);
  const v = spawnSync(process.execPath, ['scripts/validate.ts', regulations, '--quiet', '--json', report, '--write-exclusions', join(content, 'exclusions.yaml')], { cwd: root, encoding: 'utf8' });
  if (!existsSync(report)) throw new Error(`validate failed:\n${v.stdout}\n${v.stderr}`);
  const texts = (JSON.parse(readFileSync(report, 'utf8')) as { files: { file: string; status: string }[] }).files;
  const clean = texts.filter((t) => t.status === 'clean').map((t) => t.file);
  // A cold build: no incremental output, no parse cache.
  rmSync(join(root, 'node_modules/.astro'), { recursive: true, force: true });
  const outDir = join(WORK, `dist-f${fraction}`);
  console.log(`library ${fraction}: ${chosen.length} texts, building…`);
  const cold = await build(root, content, outDir);
  const dist = distFigures(outDir);
  writeFileSync(join(WORK, `f${fraction}-cold.log`), cold.log);
  let rebuild: BuildRun | undefined;
  if (rebuildToo) {
    const changed = touchOneText(regulations, clean);
    console.log(`library ${fraction}: rebuilding after changing ${changed}…`);
    rebuild = await build(root, content, outDir);
    writeFileSync(join(WORK, `f${fraction}-rebuild.log`), rebuild.log);
  }
  const cacheBytes = dirBytes(join(root, 'node_modules/.astro'));
  return { fraction, texts: chosen.length, published: clean.length, excluded: texts.length - clean.length, cold, ...(rebuild ? { rebuild } : {}), dist, cacheBytes };
}

const s = (ms: number) => (ms / 1000).toFixed(0);
const gb = (n: number) => `${(n / 1e9).toFixed(2)} GB`;
const mbytes = (n: number) => (n >= 1e9 ? gb(n) : `${(n / 1e6).toFixed(1)} MB`);
const phase = (x?: number) => (x === undefined ? '—' : x.toFixed(0));

function tables(folder: string, steps: Step[]): Table[] {
  const label = (x: Step) => `${x.fraction === 1 ? 'all' : x.fraction === 0.5 ? 'half' : x.fraction === 0.25 ? 'quarter' : String(x.fraction)} (${x.texts} texts, ${x.published} published)`;
  return [
    {
      title: 'Library build',
      note:
        `\`npm run bench -- library ${folder}\`. Cold: no incremental or parse cache. Rebuild: the same folder after one character of one text changed (its body, not its metadata). ` +
        'Phases in s from the build log: parse (loading the corpus), render (Astro generating every route, CSP narrowed in the same pass), post (writing the forwarding pages of dated URLs, pruning what the build no longer writes from the kept dist/, page budgets), index (search indexing, src/search/). ' +
        'Peak memory: resident memory of the build and all its child processes, sampled every 250 ms; in brackets the largest single process.',
      head: ['library', 'pages', 'cold s', 'parse', 'render', 'post', 'index', 'peak memory', 'rebuild s', 'rebuild: parse', 'render', 'post', 'index', 'pages re-rendered', 'rebuild peak'],
      rows: steps.map((x) => [
        label(x),
        String(x.dist.htmlPages),
        s(x.cold.wallMs),
        phase(x.cold.phases.parse),
        phase(x.cold.phases.render),
        phase(x.cold.phases.post),
        phase(x.cold.phases.index),
        `${gb(x.cold.peakTreeBytes)} (${gb(x.cold.peakProcessBytes)})`,
        ...(x.rebuild
          ? [
              s(x.rebuild.wallMs),
              phase(x.rebuild.phases.parse),
              phase(x.rebuild.phases.render),
              phase(x.rebuild.phases.post),
              phase(x.rebuild.phases.index),
              String(x.rebuild.rendered ?? '—'),
              `${gb(x.rebuild.peakTreeBytes)} (${gb(x.rebuild.peakProcessBytes)})`,
            ]
          : ['not run', '', '', '', '', '', '']),
      ]),
    },
    {
      title: 'Library dist',
      note: 'What the published folder holds, by kind (bytes / files), and the incremental build cache kept beside it (node_modules/.astro: a copy of every cached page plus the parse cache).',
      head: ['library', 'dist', 'files', ...[...new Set(steps.flatMap((x) => [...x.dist.kinds.keys()]))].sort(), 'build cache'],
      rows: steps.map((x) => {
        const kinds = [...new Set(steps.flatMap((y) => [...y.dist.kinds.keys()]))].sort();
        return [label(x), mbytes(x.dist.bytes), String(x.dist.files), ...kinds.map((k) => (x.dist.kinds.get(k) ? `${mbytes(x.dist.kinds.get(k)!.bytes)} / ${x.dist.kinds.get(k)!.files}` : '—')), mbytes(x.cacheBytes)];
      }),
    },
    {
      title: 'Library: largest pages',
      note: 'The five largest HTML pages by gzipped size (level 9 default of zlib.gzipSync), per library size.',
      head: ['library', 'page', 'HTML', 'gzipped'],
      rows: steps.flatMap((x) => x.dist.largest.map((p) => [label(x), decodeURI(p.url), mbytes(p.raw), `${(p.gz / 1000).toFixed(1)} kB`])),
    },
  ];
}

/** Runs each fraction in turn; `done` gets the tables so far after each (a half-corpus run takes long: keep what is measured). */
export async function libraryBench(root: string, folder: string, fractions: number[], done: (tables: Table[]) => void, rebuildToo = true): Promise<Table[]> {
  if (!existsSync(folder)) throw new Error(`bench library: no folder ${folder}`);
  const all = textsOf(folder);
  const steps: Step[] = [];
  for (const f of fractions) {
    steps.push(await step(root, folder, all, f, rebuildToo));
    done(tables(relative(root, folder) || folder, steps));
  }
  return tables(relative(root, folder) || folder, steps);
}
