/**
 * The output folder is kept between builds (astro.config.mjs:
 * vite.build.emptyOutDir false) so that Astro's incremental build leaves an
 * unchanged page where it is, instead of emptying dist/ and copying every
 * cached page back (2 min 49 s for 47,213 files at a quarter of the
 * collection). What an earlier build wrote and this one did not — a withdrawn
 * text's pages, bundles under old hashes, a sitemap part no longer needed —
 * must not stay published, so after generation every file that is neither an
 * output of this build's routes nor written during this build is deleted,
 * and folders left empty with it.
 *
 * Cost: one recursive listing; a stat only for files that are not route
 * outputs (bundles, public files, sitemaps: a few dozen). Folders named in
 * `leave` belong to a later step that rewrites them (the search index).
 */
import { type Dirent, statSync } from 'node:fs';
import { readdir, rm, rmdir } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Filesystem timestamps can trail the clock a little: a file this much older than the build's start is from an earlier build. */
const CLOCK_SLACK_MS = 2000;

export interface PruneResult {
  /** Paths relative to the site folder, sorted. */
  removed: string[];
  kept: number;
}

/** Every route's output files (the `assets` of astro:build:done), as paths. */
export function outputsOf(assets: ReadonlyMap<string, readonly URL[]>): Set<string> {
  const files = new Set<string>();
  for (const urls of assets.values()) for (const url of urls) files.add(fileURLToPath(url));
  return files;
}

/**
 * Deletes from `siteDir` every file not in `outputs` whose modification time
 * is before `startedAt` (ms since the epoch), except under the top-level
 * folders `leave`; then removes the folders that became empty.
 */
export async function pruneStale(site: string, outputs: ReadonlySet<string>, startedAt: number, leave: readonly string[] = []): Promise<PruneResult> {
  const siteDir = resolve(site); // no trailing separator (Astro's dir URL has one)
  const removed: string[] = [];
  let kept = 0;
  // The folders left alone are not even listed (the search index alone is 140,000 files at the whole collection).
  const entries: Dirent[] = [];
  for (const top of await readdir(siteDir, { withFileTypes: true })) {
    if (leave.includes(top.name)) continue;
    entries.push(top);
    // One at a time: a folder of the library holds hundreds of thousands of entries, too many to spread as arguments.
    if (top.isDirectory()) for (const entry of await readdir(join(siteDir, top.name), { recursive: true, withFileTypes: true })) entries.push(entry);
  }
  const emptied = new Set<string>();
  for (const entry of entries) {
    if (entry.isDirectory()) continue;
    const file = join(entry.parentPath, entry.name);
    const rel = relative(siteDir, file);
    if (outputs.has(file)) {
      kept++;
      continue;
    }
    // Synchronous: an awaited fs/promises stat per file is mostly thread-pool round trip.
    if (statSync(file).mtimeMs >= startedAt - CLOCK_SLACK_MS) {
      kept++;
      continue;
    }
    await rm(file, { force: true });
    removed.push(rel);
    emptied.add(entry.parentPath);
  }
  for (const dir of emptied) await removeIfEmpty(siteDir, dir);
  return { removed: removed.sort(), kept };
}

/** Removes `dir` and its parents up to `root` (exclusive) while they are empty. */
async function removeIfEmpty(root: string, dir: string): Promise<void> {
  for (let d = dir; d !== root && d.startsWith(root + sep); d = dirname(d)) {
    try {
      await rmdir(d);
    } catch (error) {
      // Gone already (a sibling's pass removed it): look at its parent; not empty: neither are its parents.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return;
    }
  }
}
