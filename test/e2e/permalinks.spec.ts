/**
 * The permalink register (content/permalinks/*.tsv) is checked against the
 * parsed texts by the build itself (src/integration/permalinks.ts): a clause
 * that changes its words or disappears fails the build. This checks the other
 * half over the built dist/: every registered URL is a page with that element
 * id, i.e. the pages render the ids the tree has.
 * Runs in the browserless "dist" project (its name ends in links.spec.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { parseRegister } from '../../src/render/permalink-register.ts';

// DIST_DIR: test another build output (e.g. a private one while others rebuild dist/).
const DIST = process.env['DIST_DIR'] ?? 'dist';
const REGISTER = 'content/permalinks';

const ids = new Map<string, Set<string>>();
/** Ids of elements in an HTML file. Astro writes attributes as id="…", so a regex is enough. */
function idsIn(file: string): Set<string> {
  let found = ids.get(file);
  if (!found) ids.set(file, (found = new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!))));
  return found;
}

/** The page's files: itself and, for a long text in parts (docs/urls.md), its later parts `page/<n>/`, where its fragments may be. */
function partsOf(path: string): string[] {
  const files = [join(DIST, path, 'index.html')];
  while (existsSync(join(DIST, path, 'page', String(files.length + 1), 'index.html'))) files.push(join(DIST, path, 'page', String(files.length + 1), 'index.html'));
  return files;
}

test('every registered permalink resolves to a page and an element id in dist/', () => {
  const files = readdirSync(REGISTER).filter((f) => f.endsWith('.tsv'));
  expect(files.length, `${REGISTER}/ 下没有永久链接登记`).toBeGreaterThan(0);
  const missing: string[] = [];
  let checked = 0;
  for (const name of files) {
    for (const { url, line } of parseRegister(readFileSync(join(REGISTER, name), 'utf8')).entries) {
      const [path, fragment] = url.split('#') as [string, string | undefined];
      const file = join(DIST, path, 'index.html');
      checked++;
      if (!existsSync(file)) missing.push(`${REGISTER}/${name}:${line}: ${url}: ${file} 不存在`);
      else if (fragment !== undefined && !partsOf(path).some((f) => idsIn(f).has(fragment))) missing.push(`${REGISTER}/${name}:${line}: ${url}: 页面中没有 id="${fragment}"`);
    }
  }
  expect(missing, `登记的永久链接在 dist/ 中找不到：\n${missing.join('\n')}`).toEqual([]);
  expect(checked).toBeGreaterThan(0);
});
