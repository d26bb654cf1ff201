import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reconcileKeptOutput, recordKeptOutput } from '../../../src/integration/kept-output.ts';

function project() {
  const root = mkdtempSync(join(tmpdir(), 'kept-'));
  const cacheDir = join(root, 'cache');
  const dist = join(root, 'dist');
  mkdirSync(cacheDir);
  const manifest = (text: string) => writeFileSync(join(cacheDir, 'incremental-build.json'), text);
  const site = () => {
    mkdirSync(dist, { recursive: true });
    writeFileSync(join(dist, 'index.html'), 'page');
  };
  return { cacheDir, dist, manifest, site };
}

describe('kept output folder', () => {
  it('keeps the folder the last build wrote with this manifest', () => {
    const p = project();
    p.manifest('{"build":1}');
    p.site();
    recordKeptOutput(p.cacheDir, p.dist);
    expect(reconcileKeptOutput(p.cacheDir, p.dist)).toBe(false);
    expect(existsSync(join(p.dist, 'index.html'))).toBe(true);
  });

  it('empties it when another folder was built since (the manifest is not the one it was built with)', () => {
    const p = project();
    p.manifest('{"build":1}');
    p.site();
    recordKeptOutput(p.cacheDir, p.dist);
    recordKeptOutput(p.cacheDir, `${p.dist}-library`);
    p.manifest('{"build":2}');
    recordKeptOutput(p.cacheDir, `${p.dist}-library`);
    expect(reconcileKeptOutput(p.cacheDir, p.dist)).toBe(true);
    expect(existsSync(p.dist)).toBe(false);
  });

  it('empties a folder no finished build recorded (copied in, or from before the record existed)', () => {
    const p = project();
    p.manifest('{"build":1}');
    p.site();
    expect(reconcileKeptOutput(p.cacheDir, p.dist)).toBe(true);
    expect(existsSync(p.dist)).toBe(false);
  });
});
