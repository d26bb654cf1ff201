/**
 * Permalinks never disappear. test/permalinks/<slug>.txt lists every article
 * page and every `/regulations/<slug>/#id` fragment we have published; this
 * fails when the built dist/ lacks one. New permalinks may appear freely:
 *   UPDATE_PERMALINKS=1 npx playwright test permalinks   appends them.
 * Runs in the browserless "dist" project (its name ends in links.spec.ts).
 */
import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { CLAUSE_ID, permalinkLines } from '../../src/render/permalinks.ts';

// DIST_DIR: test another build output (e.g. a private one while others rebuild dist/).
const DIST = process.env['DIST_DIR'] ?? 'dist';
const LISTS = 'test/permalinks';

/** Ids of elements in an HTML file. Astro writes attributes as id="…", so a regex is enough. */
function idsIn(file: string): Set<string> {
  const html = readFileSync(file, 'utf8');
  return new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
}

/** What dist/ publishes for one regulation, as permalink lines. */
function published(slug: string): string[] {
  const articlesDir = join(DIST, 'regulations', slug, 'articles');
  const articles = existsSync(articlesDir)
    ? readdirSync(articlesDir)
        .filter((n) => existsSync(join(articlesDir, n, 'index.html')))
        .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    : [];
  const page = join(DIST, 'regulations', slug, 'index.html');
  const html = readFileSync(page, 'utf8');
  // Document order, not Set order: the list reads like the regulation.
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!).filter((id) => CLAUSE_ID.test(id));
  return permalinkLines(slug, articles, [...new Set(ids)]);
}

function resolves(line: string): string | undefined {
  const [path, fragment] = line.split('#') as [string, string | undefined];
  const file = join(DIST, path, 'index.html');
  if (!existsSync(file)) return `${line}: ${file} 不存在`;
  if (fragment !== undefined && !idsIn(file).has(fragment)) return `${line}: 页面中没有 id="${fragment}"`;
  return undefined;
}

const regulations = readdirSync(join(DIST, 'regulations'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

test('every committed permalink still resolves in dist/', () => {
  const lists = readdirSync(LISTS).filter((f) => f.endsWith('.txt'));
  expect(lists.length, `${LISTS}/ 下没有任何永久链接清单`).toBeGreaterThan(0);
  const missing: string[] = [];
  for (const list of lists) {
    const lines = readFileSync(join(LISTS, list), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
    for (const line of lines) {
      const problem = resolves(line);
      if (problem) missing.push(`${list}: ${problem}`);
    }
  }
  expect(missing, `这些永久链接消失了（链接一经发布就不能失效）：\n${missing.join('\n')}`).toEqual([]);
});

test('every published regulation has a permalink list (UPDATE_PERMALINKS=1 appends new ones)', () => {
  const update = process.env['UPDATE_PERMALINKS'] === '1';
  const unlisted: string[] = [];
  for (const slug of regulations) {
    const file = join(LISTS, `${slug}.txt`);
    const known = existsSync(file) ? new Set(readFileSync(file, 'utf8').split('\n')) : new Set<string>();
    const fresh = published(slug).filter((l) => !known.has(l));
    if (fresh.length === 0) continue;
    if (update) {
      if (!existsSync(file)) writeFileSync(file, `# Permalinks of /regulations/${slug}/ — never remove a line (test/e2e/permalinks.spec.ts).\n`);
      appendFileSync(file, fresh.join('\n') + '\n');
    } else if (!existsSync(file)) {
      unlisted.push(slug);
    }
  }
  expect(unlisted, `没有永久链接清单：${unlisted.join('、')}。运行 UPDATE_PERMALINKS=1 npx playwright test permalinks 生成。`).toEqual([]);
});
