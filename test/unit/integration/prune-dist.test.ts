import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { outputsOf, pruneStale } from '../../../src/integration/prune-dist.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A site folder with `files`; those in `old` dated an hour before now (an earlier build's). */
function site(files: string[], old: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'prune-'));
  dirs.push(dir);
  const hourAgo = new Date(Date.now() - 3600_000);
  for (const f of files) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), f);
    if (old.includes(f)) utimesSync(join(dir, f), hourAgo, hourAgo);
  }
  return dir;
}

const listing = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();

describe('pruneStale', () => {
  it('removes what an earlier build wrote and this one did not, with the folders it empties', async () => {
    const files = ['index.html', 'regulations/a/index.html', 'regulations/gone/index.html', 'regulations/gone/articles/1/index.html', '_astro/old.js', '_astro/new.js', 'robots.txt'];
    const old = ['regulations/a/index.html', 'regulations/gone/index.html', 'regulations/gone/articles/1/index.html', '_astro/old.js'];
    const dir = site(files, old);
    // regulations/a is a cached page left in place (old, but an output of this build); index.html was rendered now.
    const outputs = new Set([join(dir, 'index.html'), join(dir, 'regulations/a/index.html')]);
    const { removed, kept } = await pruneStale(dir, outputs, Date.now());
    expect(removed).toEqual(['_astro/old.js', 'regulations/gone/articles/1/index.html', 'regulations/gone/index.html']);
    expect(kept).toBe(4);
    expect(listing(dir)).toEqual(['_astro', '_astro/new.js', 'index.html', 'regulations', 'regulations/a', 'regulations/a/index.html', 'robots.txt']);
  });

  it('leaves the folders a later step owns', async () => {
    const dir = site(['search-index/old.bin', 'a/b/stale.html'], ['search-index/old.bin', 'a/b/stale.html']);
    // Given as Astro gives it, with a trailing separator.
    const { removed } = await pruneStale(`${dir}/`, new Set(), Date.now(), ['search-index']);
    expect(removed).toEqual(['a/b/stale.html']);
    expect(listing(dir)).toEqual(['search-index', 'search-index/old.bin']);
  });

  it('keeps a file written just before the recorded start (timestamps trail the clock)', async () => {
    const dir = site(['fresh.html'], []);
    const { removed } = await pruneStale(dir, new Set(), Date.now() + 500);
    expect(removed).toEqual([]);
  });
});

describe('outputsOf', () => {
  it('turns the routes’ output URLs into paths', () => {
    const a = pathToFileURL('/site/regulations/法规/index.html');
    expect([...outputsOf(new Map([['/regulations/[...slug]', [a]]]))]).toEqual(['/site/regulations/法规/index.html']);
  });
});
