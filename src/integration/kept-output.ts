/**
 * dist/ is kept between builds (prune-dist.ts), and Astro's incremental build
 * leaves a page in place when its manifest (node_modules/.astro/
 * incremental-build.json) says the page's key is unchanged. That is right
 * only if the folder holds what the build that wrote the manifest produced.
 * The manifest is one per project, not per output folder: a build into
 * another folder in between (dist-library/, a test fixture) writes its own,
 * and a page left here could then be kept under a key it was not rendered
 * with. So each finished build records, per output folder, a digest of the
 * manifest it left; a build whose folder does not match the manifest starts
 * from an empty folder, and Astro restores unchanged pages from its cache.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const MANIFEST = 'incremental-build.json';
const RECORD = 'regulations-portal/kept-output.json';

function manifestDigest(cacheDir: string): string | undefined {
  const file = join(cacheDir, MANIFEST);
  return existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : undefined;
}

function records(cacheDir: string): Record<string, string> {
  try {
    return JSON.parse(readFileSync(join(cacheDir, RECORD), 'utf8')) as Record<string, string>;
  } catch {
    return {};
  }
}

/** Before a build: empties `outDir` unless it is what the build that left the manifest wrote. Returns whether it did. */
export function reconcileKeptOutput(cacheDir: string, outDir: string): boolean {
  const digest = manifestDigest(cacheDir);
  if (!existsSync(outDir) || (digest !== undefined && records(cacheDir)[resolve(outDir)] === digest)) return false;
  rmSync(outDir, { recursive: true, force: true });
  return true;
}

/** After a finished build (the manifest written): `outDir` is what this manifest describes. */
export function recordKeptOutput(cacheDir: string, outDir: string): void {
  const digest = manifestDigest(cacheDir);
  if (!digest) return;
  const file = join(cacheDir, RECORD);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ ...records(cacheDir), [resolve(outDir)]: digest }, null, 1));
}
