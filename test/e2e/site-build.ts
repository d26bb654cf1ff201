/**
 * Build the site from another set of regulation texts into a temporary
 * folder, for tests that need content the real portal must not publish.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface FixtureBuild {
  dir: string;
  outDir: string;
  status: number | null;
  output: string;
}

/** Copy `files` into a fresh regulations folder and run `astro build --outDir` on it. */
export function buildWith(files: string[], prepare?: (outDir: string) => void): FixtureBuild {
  const dir = mkdtempSync(join(tmpdir(), 'portal-site-'));
  const regulations = join(dir, 'regulations');
  mkdirSync(regulations);
  for (const file of files) copyFileSync(file, join(regulations, file.replace(/^.*\//, '')));
  const outDir = join(dir, 'out');
  prepare?.(outDir);
  const run = spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
    env: { ...process.env, PORTAL_CONTENT: dir },
    encoding: 'utf8',
    timeout: 240_000,
  });
  return { dir, outDir, status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

export const SEED_FILES = readdirSync('content/regulations')
  .filter((f) => f.endsWith('.txt'))
  .map((f) => join('content/regulations', f));

/** Serve a built folder with astro preview; resolves once it answers. */
export async function serve(outDir: string, port: number): Promise<ChildProcess> {
  const child = spawn('npx', ['astro', 'preview', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(port), '--ignore-lock'], {
    stdio: 'ignore',
    detached: true,
  });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  stop(child);
  throw new Error(`astro preview did not start on port ${port}`);
}

export function stop(child: ChildProcess): void {
  if (child.pid) process.kill(-child.pid, 'SIGTERM');
}
