/**
 * Parse once: parse results cached by the text's content hash (and the
 * options that shape the tree), on globalThis so that every module instance
 * in the build process — the integration, and the prerender bundle that
 * carries its own copy of this module — shares one parse per text.
 */
import { createHash } from 'node:crypto';
import { parseRegulation, type ParseOptions, type ParseResult } from '../parse/index.ts';

interface Store {
  results: Map<string, ParseResult>;
  parsed: number;
  reused: number;
}

const KEY = Symbol.for('regulations-portal/parse-store');

function store(): Store {
  const g = globalThis as { [KEY]?: Store };
  g[KEY] ??= { results: new Map(), parsed: 0, reused: 0 };
  return g[KEY];
}

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The parse of `bytes`, from the cache when the same bytes were parsed with the same options. */
export function parseCached(bytes: Uint8Array, hash: string, options: ParseOptions & { folder?: string }): ParseResult {
  const s = store();
  const key = `${hash}\0${options.slug ?? ''}\0${options.folder ?? ''}`;
  const hit = s.results.get(key);
  if (hit) {
    s.reused++;
    return hit;
  }
  const result = parseRegulation(bytes, options);
  s.results.set(key, result);
  s.parsed++;
  return result;
}

/** How many texts this process parsed and how many parses it reused (build log, bench). */
export function parseCounts(): { parsed: number; reused: number } {
  const { parsed, reused } = store();
  return { parsed, reused };
}
