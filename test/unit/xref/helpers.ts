/** Small corpora for the xref tests, parsed straight from files (never the build's getCorpus()). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadLibrary } from '../../../src/corpus/load.ts';
import { parseRegulation } from '../../../src/parse/index.ts';
import type { Regulation } from '../../../src/tree/types.ts';
import type { CorpusLike } from '../../../src/render/xref-index.ts';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const SEED_SLUG = 'chaoyang-government-work-rules';

export function parseFile(path: string): Regulation {
  const { tree, problems } = parseRegulation(readFileSync(resolve(ROOT, path)), { path });
  const errors = problems.filter((p) => p.severity === 'error');
  if (!tree || errors.length) throw new Error(`${path}: ${JSON.stringify(errors)}`);
  return tree;
}

let seed: CorpusLike | undefined;
export function seedCorpus(): CorpusLike {
  seed ??= { regulations: [{ slug: SEED_SLUG, tree: parseFile(`content/regulations/${SEED_SLUG}.txt`) }] };
  return seed;
}

let statute: CorpusLike | undefined;
export function statuteCorpus(): CorpusLike {
  statute ??= loadLibrary({ dir: resolve(ROOT, 'test/fixtures/site-statute/regulations'), root: ROOT });
  return statute;
}
