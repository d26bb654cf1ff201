/**
 * A rebuild keeps the output folder (astro.config.mjs: vite.build.emptyOutDir
 * false) and prunes what it no longer writes (src/integration/prune-dist.ts):
 * after a text is taken out of the library, the rebuilt folder holds exactly
 * the files a fresh build of what is left holds — no page, download, kind or
 * issuer page of the withdrawn text, nothing an older build left behind, and
 * nothing of the rest lost.
 */
import { readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { nameParts, slugOf } from '../../src/corpus/identity.ts';
import { buildWith, rebuild, SEED_FILES } from './site-build.ts';

const EXTRA = 'test/library/texts/司法解释/最高人民法院关于内地与香港特别行政区相互执行仲裁裁决的补充安排(2020-11-26).txt';
const EXTRA_NAME = EXTRA.replace(/^.*\//, '');

/** Every file of a site, relative; the search index aside (its own step rewrites its folder whole). */
const filesOf = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .filter((f) => !f.startsWith('pagefind/'))
    .sort();

test.describe.configure({ timeout: 600_000 });

test('a text withdrawn between two builds leaves nothing behind, and nothing else is lost', () => {
  const first = buildWith([...SEED_FILES, EXTRA]);
  expect(first.status, first.output).toBe(0);
  const slug = slugOf(nameParts(EXTRA_NAME).stem);
  expect(filesOf(first.outDir)).toEqual(expect.arrayContaining([`regulations/${slug}/index.html`, `regulations/${slug}.txt`]));
  // A file an older build wrote and no build writes any more, dated as such.
  writeFileSync(join(first.outDir, 'stale.html'), 'stale');
  const hourAgo = new Date(Date.now() - 3600_000);
  utimesSync(join(first.outDir, 'stale.html'), hourAgo, hourAgo);

  rmSync(join(first.dir, 'regulations', EXTRA_NAME));
  const second = rebuild(first);
  expect(second.status, second.output).toBe(0);

  const fresh = buildWith(SEED_FILES);
  expect(fresh.status, fresh.output).toBe(0);
  const after = filesOf(second.outDir);
  expect(after.filter((f) => f.includes(slug))).toEqual([]);
  expect(after).toEqual(filesOf(fresh.outDir));
});
