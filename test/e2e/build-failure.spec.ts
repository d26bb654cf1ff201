/**
 * Any failed build leaves no site behind — not a partial one, not an earlier
 * one: one build per failure path (a text with errors, a bad content file, a
 * clause that changed meaning under a registered permalink, a page that
 * throws while rendering, a search-index error). Content errors come as
 * located lines and a hint, without an internal stack trace. And a rebuild
 * that succeeds leaves nothing of a withdrawn text behind.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { expect, test } from '@playwright/test';
import { insertArticle37 } from '../unit/permalinks/renumber.ts';
import { nameParts, slugOf } from '../../src/corpus/identity.ts';
import { buildWith as build, rebuild, SEED_FILES } from './site-build.ts';

/** The fixture build, its output without terminal colours (Astro colours the hint). */
function buildWith(...args: Parameters<typeof build>): ReturnType<typeof build> {
  const result = build(...args);
  return { ...result, output: stripVTControlCharacters(result.output) };
}

const SLUG = 'chaoyang-government-work-rules';

/** A site from an earlier build, which must not survive to be published with the error. */
function staleSite(outDir: string): void {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(`${outDir}/index.html`, 'stale');
}

/** content/pages plus one extra page, as a pages folder. */
function pagesWith(name: string, mdx: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'portal-pages-'));
  cpSync('content/pages', dir, { recursive: true });
  writeFileSync(join(dir, name), mdx);
  return dir;
}

test.describe.configure({ timeout: 300_000 });

test('a text with a numbering error fails the build and leaves no site behind', () => {
  const build = buildWith([...SEED_FILES, 'test/fixtures/site-broken/broken-rules.txt'], staleSite);
  expect(build.status).not.toBe(0);
  expect(build.output).toMatch(/regulations\/broken-rules\.txt:4:1: 条文编号不连续：应为“第二条”，实为“第三条” \[article-sequence\]/);
  expect(existsSync(build.outDir)).toBe(false);
});

test('a bad content/topics.yaml fails before rendering, located, with a hint and no stack trace', () => {
  const topics = join(mkdtempSync(join(tmpdir(), 'portal-topics-')), 'topics.yaml');
  writeFileSync(topics, '- id: Meetings\n  name: 会议\n  description: 会议制度\n  terms: [会议, 会议]\n');
  const build = buildWith(SEED_FILES, staleSite, { 'topics.yaml': topics });
  expect(build.status).not.toBe(0);
  // The fixture's topics.yaml is copied into its content folder: messages name that file.
  const shown = join(build.dir, 'topics.yaml');
  expect(build.output).toContain(`${shown}:1:7: id 只能用小写英文字母、数字和连字符（它是网址）：Meetings`);
  expect(build.output).toContain(`${shown}:4:15: 匹配词重复：会议`);
  expect(build.output).toMatch(/Hint:\s+改正 content\/topics\.yaml 中标出的位置/);
  expect(build.output).not.toContain('Stack trace');
  expect(build.output).not.toContain('route-cache');
  expect(existsSync(build.outDir)).toBe(false);
});

test('an MDX reference to a missing clause and bad front matter fail before rendering, located', () => {
  const pages = pagesWith('bad-ref.mdx', '---\ntitle: 引用\ndescription: 引用\norder: first\n---\n\n见第九十九条。\n');
  const notes = mkdtempSync(join(tmpdir(), 'portal-notes-'));
  writeFileSync(join(notes, 'bad-date.mdx'), `---\ntitle: 解读\nregulation: ${SLUG}\nclauses: [art-43-p2]\ndate: 2026/10/01\nsummary: 摘要\n---\n\n正文\n`);
  const build = buildWith(SEED_FILES, staleSite, { pages, notes });
  expect(build.status).not.toBe(0);
  expect(build.output).toMatch(/bad-ref\.mdx:4:8: order：.*\[frontmatter\]/);
  expect(build.output).toMatch(/bad-date\.mdx:5:7: date：日期写作带引号的 YYYY-MM-DD \[frontmatter\]/);
  expect(build.output).not.toContain('Stack trace');
  expect(existsSync(build.outDir)).toBe(false);

  const refOnly = pagesWith('bad-ref.mdx', '---\ntitle: 引用\ndescription: 引用\n---\n\n见第九十九条。\n');
  const second = buildWith(SEED_FILES, undefined, { pages: refOnly });
  expect(second.status).not.toBe(0);
  expect(second.output).toMatch(/bad-ref\.mdx:6:2: “第九十九条”：.*\[clause-ref\]/);
  expect(existsSync(second.outDir)).toBe(false);
});

test('an article 37 inserted and the rest renumbered fails the build, naming the first clause that changed meaning', () => {
  const dir = mkdtempSync(join(tmpdir(), 'portal-renumbered-'));
  const text = join(dir, `${SLUG}.txt`);
  writeFileSync(text, insertArticle37(readFileSync(`content/regulations/${SLUG}.txt`, 'utf8')));
  // The fixture's content folder gets the committed register beside its regulations.
  const build = buildWith([text], (outDir) => cpSync('content/permalinks', join(dirname(outDir), 'permalinks'), { recursive: true }));
  expect(build.status).not.toBe(0);
  const first = build.output.split('\n').find((l) => l.includes('[permalink-changed]'));
  expect(first).toMatch(new RegExp(`permalinks/${SLUG}\\.tsv:\\d+:1: 永久链接 /regulations/${SLUG}/#art-37（第三十七条）的条文变了：登记为“区政府全体会议由区长`));
  expect(build.output).toMatch(/Hint:[\s\S]*已发布的永久链接必须保持原义[\s\S]*npm run permalinks -- --update/);
  expect(build.output).not.toContain('Browser APIs');
  expect(existsSync(build.outDir)).toBe(false);
});

test('a page that throws while rendering leaves no site, not even the part already written', () => {
  const pages = pagesWith('crash.mdx', '---\ntitle: 崩溃\ndescription: 渲染时抛出错误\n---\n\n正文 {(() => { throw new Error("render boom"); })()}\n');
  const build = buildWith(SEED_FILES, staleSite, { pages });
  expect(build.status).not.toBe(0);
  expect(build.output).toContain('render boom');
  expect(existsSync(build.outDir)).toBe(false);
});

test('a search-index error after rendering leaves no site', () => {
  const pages = pagesWith('bogus-kind.mdx', '---\ntitle: 索引\ndescription: 未知的结果类型\n---\n\n<div data-pagefind-body><span data-pagefind-meta="kind:bogus"></span>正文</div>\n');
  const build = buildWith(SEED_FILES, staleSite, { pages });
  expect(build.status).not.toBe(0);
  expect(build.output).toContain('声明的结果类型“bogus”未知');
  expect(existsSync(build.outDir)).toBe(false);
});

// A rebuild keeps the output folder (astro.config.mjs: vite.build.emptyOutDir false) and prunes what it
// no longer writes (src/integration/prune-dist.ts): after a text is taken out of the library, the rebuilt
// folder holds exactly the files a fresh build of what is left holds. In this file because fixture builds
// share node_modules/.astro (Astro's content store among it) and must not run at once.
const EXTRA = 'test/library/texts/司法解释/最高人民法院关于内地与香港特别行政区相互执行仲裁裁决的补充安排(2020-11-26).txt';
const EXTRA_NAME = EXTRA.replace(/^.*\//, '');

/** Every file of a site, relative; the search index aside (its own step rewrites its folder whole). */
const filesOf = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .filter((f) => !f.startsWith('search-index/'))
    .sort();

test('a text withdrawn between two builds leaves nothing behind in the kept output folder, nothing else is lost, and a text edited in place patches the search index to what a build from nothing writes', () => {
  test.setTimeout(600_000);
  const first = buildWith([...SEED_FILES, EXTRA]);
  expect(first.status, first.output).toBe(0);
  const slug = slugOf(nameParts(EXTRA_NAME).stem);
  expect(filesOf(first.outDir)).toEqual(expect.arrayContaining([`regulations/${slug}/index.html`, `regulations/${slug}.txt`]));
  // A file an older build wrote and no build writes any more, dated as such.
  writeFileSync(join(first.outDir, 'stale.html'), 'stale');
  const hourAgo = new Date(Date.now() - 3600_000);
  utimesSync(join(first.outDir, 'stale.html'), hourAgo, hourAgo);

  // Pages are taken for the search index as they are rendered: only the few checked against the files are read back.
  expect(first.output).toMatch(/读页面文件 [0-9] 个/);

  rmSync(join(first.dir, 'regulations', EXTRA_NAME));
  const second = rebuild(first);
  expect(second.status, second.output).toBe(0);
  // Pages went away: the index's lists are built afresh, not patched.
  expect(second.output).not.toContain('只重做了改动页面的索引项');

  // One character of a text changed in place: the index is patched from the last build's state (index-state.ts) …
  const seed = join(first.dir, 'regulations', SEED_FILES[0]!.replace(/^.*\//, ''));
  const text = readFileSync(seed, 'utf8');
  const at = text.indexOf('会议', text.indexOf('二、'));
  writeFileSync(seed, `${text.slice(0, at)}会晤${text.slice(at + 2)}`);
  const third = rebuild(second);
  expect(third.status, third.output).toBe(0);
  expect(third.output).toContain('只重做了改动页面的索引项');

  // … and is the index a build from nothing writes (no state, no earlier folder to link from): the same name, the same files.
  rmSync('node_modules/.astro/regulations-portal/search-state.bin', { force: true });
  const fresh = buildWith([seed]);
  expect(fresh.status, fresh.output).toBe(0);
  expect(fresh.output).not.toContain('只重做了改动页面的索引项');
  const index = (dir: string) => readFileSync(join(dir, 'search-index/entry.json'), 'utf8');
  expect(index(third.outDir)).toEqual(index(fresh.outDir));
  const after = filesOf(third.outDir);
  expect(after.filter((f) => f.includes(slug))).toEqual([]);
  expect(after).toEqual(filesOf(fresh.outDir));
});
