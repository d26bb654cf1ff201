/**
 * The metadata of every text in the sample library (test/library/texts/):
 * title, kind, issued and effective dates, and the header's history as
 * "date event" lines, against test/library/expected-meta.yaml — written by
 * reading each text's header and closing article, not from the parser.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseRegulation } from '../../../src/parse/index.ts';

const root = fileURLToPath(new URL('../../library/texts/', import.meta.url));
const expected = parse(readFileSync(fileURLToPath(new URL('../../library/expected-meta.yaml', import.meta.url)), 'utf8')) as Record<
  string,
  { title: string; kind: string; issued?: string; effective?: string; history?: string[] }
>;

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (name.endsWith('.txt')) yield relative(root, path).split('\\').join('/');
  }
}
const texts = [...walk(root)];

describe('sample library metadata', () => {
  it('has an expectation for every text and a text for every expectation', () => {
    expect(texts.length).toBeGreaterThanOrEqual(40);
    expect(Object.keys(expected).sort()).toEqual([...texts].sort());
  });

  describe.each(texts)('%s', (rel) => {
    const source = readFileSync(join(root, rel), 'utf8');
    const meta = parseRegulation(source, { path: rel, folder: dirname(rel) }).tree!.meta;
    const want = expected[rel]!;

    it('has the printed title, the kind and the dates', () => {
      expect(meta.title).toBe(want.title);
      const [first, second] = source.split('\n').map((l) => l.replace(/\s+/g, ''));
      expect([first, `${first}${second}`]).toContain(meta.title);
      expect(meta.kind).toBe(want.kind);
      expect(meta.issued).toBe(want.issued);
      expect(meta.effective?.date).toBe(want.effective);
    });

    it('has the history in printed order, each event where it is printed', () => {
      expect((meta.history ?? []).map((h) => `${h.date ?? '-'} ${h.event}`)).toEqual(want.history ?? []);
      for (const h of meta.history ?? []) {
        expect(source.slice(h.position!.start.offset, h.position!.end.offset).replace(/\n/g, '')).toBe(h.text);
      }
    });
  });
});
