import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRegulation } from '../../../src/parse/index.ts';
import { contentHash, parseCached, parseCounts, parserHash, resetParseStore, useDiskCache } from '../../../src/corpus/store.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const LIBRARY = join(ROOT, 'test/library/texts');
const texts = readdirSync(LIBRARY, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.txt'))
  .map((e) => join(e.parentPath, e.name))
  .slice(0, 12);

describe('parse store', () => {
  it('reads back from the disk cache exactly what the parser returns, parsing each text once across builds', () => {
    const dir = mkdtempSync(join(tmpdir(), 'portal-store-'));
    resetParseStore();
    useDiskCache(dir);
    const first = texts.map((file) => {
      const bytes = readFileSync(file);
      return parseCached(bytes, contentHash(bytes), { path: file });
    });
    expect(parseCounts()).toEqual({ parsed: texts.length, read: 0, reused: 0 });
    // A new build process: memory empty, the disk cache kept.
    resetParseStore();
    useDiskCache(dir);
    texts.forEach((file, i) => {
      const bytes = readFileSync(file);
      const again = parseCached(bytes, contentHash(bytes), { path: file });
      expect(again).not.toBe(first[i]);
      // Everything the parser returns but the decoded source, which the store does not keep.
      const { source, ...fresh } = parseRegulation(bytes, { path: file });
      expect(source).toBeTypeOf('string');
      expect(again).toStrictEqual(fresh);
      expect(first[i]).not.toHaveProperty('source');
    });
    expect(parseCounts()).toEqual({ parsed: 0, read: texts.length, reused: 0 });
    resetParseStore();
  });

  it('keys the disk cache by the parser’s own source', () => {
    expect(parserHash()).toMatch(/^[0-9a-f]{16}$/);
  });

  it('shares one parse between module instances of the store (the integration and the prerender bundle)', async () => {
    resetParseStore();
    // A query string makes Vite load a second instance of the module, as the prerender bundle carries its own copy.
    const second: string = '../../../src/corpus/store.ts?instance=prerender';
    const other = (await import(/* @vite-ignore */ second)) as typeof import('../../../src/corpus/store.ts');
    expect(other.parseCached).not.toBe(parseCached);
    const bytes = readFileSync(texts[0]!);
    const a = parseCached(bytes, contentHash(bytes), { path: texts[0]! });
    const b = other.parseCached(bytes, contentHash(bytes), { path: texts[0]! });
    expect(b).toBe(a);
    expect(parseCounts()).toEqual({ parsed: 1, read: 0, reused: 1 });
    resetParseStore();
  });
});
