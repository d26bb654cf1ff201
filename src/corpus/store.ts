/**
 * Parse once: parse results cached by the text's content hash (and the
 * options that shape the tree), on globalThis so that every module instance
 * in the build process — the integration, and the prerender bundle that
 * carries its own copy of this module — shares one parse per text.
 *
 * Across builds, the build also keeps each result on disk (useDiskCache),
 * keyed by the content hash and by a hash of the parser's own source, so a
 * rebuild after one changed text parses that text and reads the rest. JSON,
 * not v8.serialize: on the whole collection (2,397 texts, 41 MB) JSON.parse
 * read the 128 MB of results in 4.4 s against 8.5 s for v8.deserialize, and
 * parsing them took 21.6 s (docs/performance.md).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRegulation, type ParseOptions, type ParseResult } from '../parse/index.ts';

interface Store {
  results: Map<string, StoredParse>;
  parsed: number;
  reused: number;
  /** Results read from the disk cache. */
  read: number;
  disk?: string;
}

const KEY = Symbol.for('regulations-portal/parse-store');

function store(): Store {
  const g = globalThis as { [KEY]?: Store };
  g[KEY] ??= { results: new Map(), parsed: 0, reused: 0, read: 0 };
  return g[KEY];
}

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The folders whose code decides what a parse returns. */
const PARSER_CODE = ['../parse/', '../tree/'];

/** SHA-256 of the parser's source files; undefined when they are not beside this module (a bundled copy). */
export function parserHash(): string | undefined {
  const hash = createHash('sha256');
  for (const folder of PARSER_CODE) {
    const dir = fileURLToPath(new URL(folder, import.meta.url));
    if (!existsSync(dir)) return undefined;
    const files = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.ts'))
      .map((e) => join(e.parentPath, e.name))
      .sort();
    for (const file of files) hash.update(file.slice(dir.length)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * Keep parse results under `dir` between builds. Results of another parser
 * version are removed. Without a call, results live in memory only (tests, CLI).
 */
export function useDiskCache(dir: string): void {
  const s = store();
  const version = parserHash();
  if (!version) return;
  const disk = join(dir, version);
  if (s.disk === disk) return;
  if (existsSync(dir)) for (const old of readdirSync(dir)) if (old !== version) rmSync(join(dir, old), { recursive: true, force: true });
  mkdirSync(disk, { recursive: true });
  s.disk = disk;
}

function fromDisk(disk: string, key: string): ParseResult | undefined {
  try {
    return JSON.parse(readFileSync(join(disk, `${key}.json`), 'utf8')) as ParseResult;
  } catch {
    return undefined;
  }
}

function toDisk(disk: string, key: string, result: StoredParse): void {
  // Write then rename, so a build stopped halfway never leaves half a file to read back.
  const file = join(disk, `${key}.json`);
  writeFileSync(`${file}.tmp`, JSON.stringify(result));
  renameSync(`${file}.tmp`, file);
}

/**
 * What the store keeps of a parse: everything but the decoded source. The
 * tree holds the text already, and the bytes are on disk (the `.txt`
 * download reads them there, load.ts sourceBytes): a third copy of every
 * text in memory for the whole build is what the "three forms per
 * text" was.
 */
export type StoredParse = Omit<ParseResult, 'source'>;

function stored(result: ParseResult): StoredParse {
  const { source: _source, ...kept } = result;
  return kept;
}

/** The parse of `bytes`, from the cache when the same bytes were parsed with the same options; without its source (StoredParse). */
export function parseCached(bytes: Uint8Array, hash: string, options: ParseOptions & { folder?: string }): StoredParse {
  const s = store();
  const key = `${hash}\0${options.slug ?? ''}\0${options.folder ?? ''}`;
  const hit = s.results.get(key);
  if (hit) {
    s.reused++;
    return hit;
  }
  const diskKey = s.disk ? createHash('sha256').update(key).digest('hex') : '';
  // A cache written before sources were dropped still carries one: dropped as it is read.
  let result = s.disk ? fromDisk(s.disk, diskKey) : undefined;
  if (result) {
    result = stored(result);
    s.read++;
  } else {
    result = stored(parseRegulation(bytes, options));
    s.parsed++;
    if (s.disk) toDisk(s.disk, diskKey, result);
  }
  s.results.set(key, result);
  return result;
}

/** Forget every parse and the disk cache setting, as a new build process would start (tests). */
export function resetParseStore(): void {
  delete (globalThis as { [KEY]?: Store })[KEY];
}

/** How many texts this process parsed, read from the disk cache, and reused from memory (build log, bench). */
export function parseCounts(): { parsed: number; read: number; reused: number } {
  const { parsed, read, reused } = store();
  return { parsed, read, reused };
}
