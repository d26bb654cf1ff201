/**
 * The seed-only portal, for the figures that are defined on it (issue #13's
 * "seed-only" budgets, `npm run eval:search`, the size, Lighthouse and search
 * sections of `npm run bench`): content/ holds a small real library, so these
 * build from a copy of content/ whose regulations/ is the seed alone (through
 * PORTAL_CONTENT) into their own output folder, never dist/.
 */
import { spawnSync, type SpawnSyncReturns, type StdioOptions } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nameParts, slugOf } from '../src/corpus/identity.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CONTENT = join(ROOT, 'content');
/** The seed: the one regulation the portal was designed on. */
export const SEED = join(CONTENT, 'regulations/chaoyang-government-work-rules.txt');
/** Where the seed-only site is built (git-ignored). */
export const SEED_DIST = join(ROOT, 'dist-seed');
// Under node_modules/: ignored by git and by the sources' freshness checks.
const SEED_CONTENT = join(ROOT, 'node_modules/.cache/seed-content');

/**
 * Assemble the seed-only content folder afresh and return its path: everything
 * of content/ but regulations/ (the seed only) and permalinks/ (the seed's
 * register only: another work's registered URLs would be "gone").
 */
export function seedContent(): string {
  rmSync(SEED_CONTENT, { recursive: true, force: true });
  mkdirSync(join(SEED_CONTENT, 'regulations'), { recursive: true });
  for (const entry of readdirSync(CONTENT)) {
    if (entry !== 'regulations' && entry !== 'permalinks') cpSync(join(CONTENT, entry), join(SEED_CONTENT, entry), { recursive: true });
  }
  copyFileSync(SEED, join(SEED_CONTENT, 'regulations', basename(SEED)));
  const register = join(CONTENT, 'permalinks', `${slugOf(nameParts(SEED).stem)}.tsv`);
  if (existsSync(register)) {
    mkdirSync(join(SEED_CONTENT, 'permalinks'));
    copyFileSync(register, join(SEED_CONTENT, 'permalinks', basename(register)));
  }
  return SEED_CONTENT;
}

/** `npm run build` (whatever it adds after Astro counts) of the seed-only portal into SEED_DIST. */
export function buildSeedSite(stdio: StdioOptions = 'pipe'): SpawnSyncReturns<string> {
  return spawnSync('npm', ['run', '--silent', 'build', '--', '--outDir', SEED_DIST], {
    cwd: ROOT,
    env: { ...process.env, PORTAL_CONTENT: seedContent() },
    encoding: 'utf8',
    stdio,
  });
}
