/**
 * Build the committed sample library (test/library/texts, 54 real texts) as a
 * site, once, for the library e2e spec. The texts the parser still refuses
 * are listed in a fresh exclusion list first (`npm run validate --
 * --write-exclusions`), as a library's staff would; the sample is copied so
 * that list is never written into the repository.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SAMPLE_LIBRARY = 'test/library/texts';

export interface LibraryBuild {
  outDir: string;
  status: number | null;
  output: string;
}

export function buildSampleLibrary(): LibraryBuild {
  const dir = mkdtempSync(join(tmpdir(), 'portal-library-'));
  const content = join(dir, 'texts');
  cpSync(SAMPLE_LIBRARY, content, { recursive: true, filter: (src) => !src.endsWith('exclusions.yaml') });
  const exclusions = join(content, 'exclusions.yaml');
  // Exits 1 when some text is refused: that is what the list is for.
  const validate = spawnSync('npm', ['run', '-s', 'validate', '--', content, '--quiet', '--write-exclusions', exclusions], { encoding: 'utf8', timeout: 120_000 });
  if (!existsSync(exclusions)) return { outDir: '', status: validate.status, output: `${validate.stdout}\n${validate.stderr}` };
  const outDir = join(dir, 'out');
  const run = spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
    env: { ...process.env, PORTAL_CONTENT: content },
    encoding: 'utf8',
    timeout: 300_000,
  });
  return { outDir, status: run.status, output: `${run.stdout}\n${run.stderr}` };
}
