/**
 * Shared by scripts/eval-search.ts and scripts/bench-search.ts when run on
 * their own: make sure the seed-only site (scripts/seed-site.ts: their figures
 * are the seed's) is built and current, serve it with `astro preview` on a
 * private port, and open the system Chromium.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';
import { buildSeedSite, SEED_DIST } from './seed-site.ts';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = SEED_DIST;
const INDEX_ENTRY = join(DIST, 'search-index', 'entry.json');

function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) t = Math.max(t, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return t;
}

/**
 * Build unless the seed-only site (with its search index) is newer than content/ and src/.
 * `reuse`: never build (fails if there is no index). `force`: always build.
 */
export function ensureDist({ reuse = false, force = false } = {}): void {
  const have = existsSync(INDEX_ENTRY);
  if (reuse) {
    if (!have) throw new Error('dist-seed/ has no search index: drop --reuse to build it');
    return;
  }
  const sources = Math.max(newest(join(ROOT, 'content')), newest(join(ROOT, 'src')));
  if (!force && have && statSync(INDEX_ENTRY).mtimeMs > sources) {
    console.log('dist-seed/ is newer than content/ and src/: reusing it (--build to rebuild)');
    return;
  }
  console.log('building the seed-only site (npm run build, PORTAL_CONTENT: content/ with the seed alone)…');
  const r = buildSeedSite(['ignore', 'ignore', 'inherit']);
  if (r.status !== 0) throw new Error(`npm run build failed (exit ${r.status})`);
}

export interface Server {
  baseUrl: string;
  stop(): void;
}

/** `astro preview` of the seed-only site on its own port and process group (--ignore-lock: another preview may be running). */
export async function startPreview(port: number): Promise<Server> {
  const child: ChildProcess = spawn('npx', ['astro', 'preview', '--outDir', DIST, '--host', '127.0.0.1', '--port', String(port), '--ignore-lock'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const stop = () => {
    if (child.pid !== undefined && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`astro preview exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/search/`)).ok) return { baseUrl, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  stop();
  throw new Error(`astro preview did not answer on port ${port} within 60 s`);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
}
