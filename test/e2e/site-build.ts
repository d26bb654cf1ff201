/**
 * Build the site from another set of regulation texts into a temporary
 * folder, for tests that need content the real portal must not publish.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface FixtureBuild {
  dir: string;
  outDir: string;
  status: number | null;
  output: string;
}

/**
 * Copy `files` into a fresh content folder's regulations/ and run `astro build --outDir`
 * on it (PORTAL_CONTENT). `prepare` runs first, with the output folder (inside the
 * fixture's folder); `content` copies other content in: `{ 'topics.yaml': file, pages: dir }`.
 */
export function buildWith(files: string[], prepare?: (outDir: string) => void, content: Record<string, string> = {}): FixtureBuild {
  const dir = mkdtempSync(join(tmpdir(), 'portal-site-'));
  const regulations = join(dir, 'regulations');
  mkdirSync(regulations);
  for (const file of files) copyFileSync(file, join(regulations, file.replace(/^.*\//, '')));
  for (const [name, from] of Object.entries(content)) cpSync(from, join(dir, name), { recursive: true });
  const outDir = join(dir, 'out');
  prepare?.(outDir);
  const run = spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
    env: { ...process.env, PORTAL_CONTENT: dir },
    encoding: 'utf8',
    timeout: 240_000,
  });
  return { dir, outDir, status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

/** Build the same fixture folder again into the same output folder (a rebuild: its content changed in between, or not). */
export function rebuild(build: FixtureBuild): FixtureBuild {
  const run = spawnSync('npx', ['astro', 'build', '--outDir', build.outDir], {
    env: { ...process.env, PORTAL_CONTENT: build.dir },
    encoding: 'utf8',
    timeout: 240_000,
  });
  return { ...build, status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

export const SEED_FILES = readdirSync('content/regulations')
  .filter((f) => f.endsWith('.txt'))
  .map((f) => join('content/regulations', f));

const SERVE_SCRIPT = join(dirname(fileURLToPath(import.meta.url)), '../../scripts/serve.ts');

/** Serve a built folder with scripts/serve.ts (port 0: a free one); resolves with the server and its origin once it answers. */
export async function serve(outDir: string, port = 0): Promise<{ server: ChildProcess; origin: string }> {
  const child = spawn('node', [SERVE_SCRIPT, '--dir', outDir, '--host', '127.0.0.1', '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  const origin = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /at (http:\/\/[^/\s]+)\//.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`scripts/serve.ts exited with ${code}`)));
  });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${origin}/`)).ok) return { server: child, origin };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  stop(child);
  throw new Error(`scripts/serve.ts did not answer at ${origin}`);
}

export function stop(child: ChildProcess): void {
  if (child.pid) process.kill(-child.pid, 'SIGTERM');
}
