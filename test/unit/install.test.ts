/**
 * The Node 22 pin: the npm package `node` (its preinstall fetches nothing: it
 * links the platform's binary package) must stay approved in allowScripts, or
 * npm's install-script policy skips it and every script runs on the machine's
 * own Node; .nvmrc and engines must name the same Node.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  engines: { node: string };
  devDependencies: Record<string, string>;
  allowScripts?: Record<string, boolean>;
};

describe('the Node 22 pin', () => {
  const pinned = pkg.devDependencies['node']!;

  const version = (v: string) => v.split('.').map(Number);
  const compare = (a: number[], b: number[]) => a.map((x, i) => x - (b[i] ?? 0)).find((d) => d !== 0) ?? 0;

  it('is an exact version that engines and .nvmrc agree with', () => {
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    // engines: ">=22.12 <23"
    const range = /^>=([\d.]+) <([\d.]+)$/.exec(pkg.engines.node);
    expect(range, 'engines.node in the form ">=A.B <C"').not.toBeNull();
    expect(compare(version(pinned), version(range![1]!))).toBeGreaterThanOrEqual(0);
    expect(compare(version(pinned), version(range![2]!))).toBeLessThan(0);
    const nvmrc = readFileSync(join(ROOT, '.nvmrc'), 'utf8').trim();
    expect(pinned === nvmrc || pinned.startsWith(`${nvmrc}.`)).toBe(true);
  });

  it('is the Node that runs the tests', () => {
    expect(process.version).toBe(`v${pinned}`);
  });

  it('has its install script approved', () => {
    expect(pkg.allowScripts?.['node']).toBe(true);
  });
});
