/** The output guard in a child process: the folder survives a finished build only. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const node = join('node_modules', '.bin', 'node');

function run(body: string): { dir: string; status: number | null; stderr: string } {
  const dir = join(mkdtempSync(join(tmpdir(), 'guard-')), 'dist');
  mkdirSync(dir);
  writeFileSync(join(dir, 'index.html'), 'site');
  const script = `import { pathToFileURL } from 'node:url';
import { guardOutput } from ${JSON.stringify(join(process.cwd(), 'src/integration/output-guard.ts'))};
const DIR = pathToFileURL(${JSON.stringify(dir + '/')});
const done = guardOutput(DIR);
${body}`;
  const result = spawnSync(node, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  return { dir, status: result.status, stderr: result.stderr };
}

describe('guardOutput', () => {
  it('keeps the folder of a build that finished', () => {
    const { dir, status } = run('done();');
    expect(status).toBe(0);
    expect(existsSync(dir)).toBe(true);
  });

  it('removes it when the build never finished, or exits with an error after finishing', () => {
    const unfinished = run('');
    expect(existsSync(unfinished.dir)).toBe(false);
    expect(unfinished.stderr).toContain('构建失败：已删除');
    const failed = run('done(); process.exit(1);');
    expect(failed.status).toBe(1);
    expect(existsSync(failed.dir)).toBe(false);
    const thrown = run('throw new Error("render boom");');
    expect(thrown.status).not.toBe(0);
    expect(existsSync(thrown.dir)).toBe(false);
  });

  it('one guard per folder: arming it again and finishing keeps the folder', () => {
    const { dir, status } = run('const again = guardOutput(DIR); again();');
    expect(status).toBe(0);
    expect(existsSync(dir)).toBe(true);
  });
});
