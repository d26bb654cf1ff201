/**
 * A reviewed YAML data file in content/: parsed with positions, validated by a
 * zod schema, every problem reported as `file:line:column: message` so a
 * reviewer can jump straight to the offending node.
 */
import { isAbsolute, relative, sep } from 'node:path';
import { z } from 'astro/zod';
import { escapeForMessage } from './escape.ts';
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';

/** A problem at a path into the parsed data (after the schema, or found by a caller's check). */
export interface DataIssue {
  path: readonly PropertyKey[];
  message: string;
}

/** 1-based, as editors count. */
export interface SourcePosition {
  line: number;
  column: number;
}

export interface SourceProblem extends SourcePosition {
  message: string;
}

/** One `file:line:column: message` line per problem in `message`. */
export class YamlFileError extends Error {
  readonly file: string;
  readonly problems: readonly SourceProblem[];

  constructor(file: string, problems: readonly SourceProblem[]) {
    super(problems.map((p) => `${file}:${p.line}:${p.column}: ${escapeForMessage(p.message)}`).join('\n'));
    this.name = 'YamlFileError';
    this.file = file;
    this.problems = problems;
  }
}

/**
 * Where a map entry on a path is pointed at: its key (`amount:`, where a reader
 * looks for the field) or its value (the offending word itself).
 */
export type PointAt = 'key' | 'value';

export interface Located extends SourcePosition {
  /** How many leading segments of the path exist; the position is of the last of them (0: the document). */
  depth: number;
}

export interface YamlFile {
  readonly file: string;
  /** The document as plain data (`toJS`). */
  readonly data: unknown;
  /**
   * Position of the node at `path`; a path that does not exist all the way
   * stops at the deepest node that does (a missing key points at its map).
   */
  locate(path: readonly PropertyKey[], point?: PointAt): Located;
  /** `file:line:column` of `locate(path, point)`. */
  at(path: readonly PropertyKey[], point?: PointAt): string;
}

/** Parses YAML text keeping positions; throws YamlFileError (`YAML 语法错误：…`) on syntax errors. */
export function readYamlFile(file: string, source: string): YamlFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false });
  const position = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  if (doc.errors.length > 0) {
    throw new YamlFileError(
      file,
      doc.errors.map((e) => ({ ...position(e.pos[0]), message: `YAML 语法错误：${e.message}` })),
    );
  }
  const locate = (path: readonly PropertyKey[], point: PointAt = 'key'): Located => {
    const { offset, depth } = walk(doc, path, point);
    return { ...position(offset), depth };
  };
  return {
    file,
    data: doc.toJS(),
    locate,
    at: (path, point) => {
      const { line, column } = locate(path, point);
      return `${file}:${line}:${column}`;
    },
  };
}

function walk(doc: Document, path: readonly PropertyKey[], point: PointAt): { offset: number; depth: number } {
  let node: unknown = doc.contents;
  let offset = isNode(node) && node.range ? node.range[0] : 0;
  let depth = 0;
  for (const key of path) {
    let keyNode: unknown;
    let value: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
      if (!pair) break;
      keyNode = pair.key;
      value = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      value = node.items[key];
    } else break;
    const target = point === 'key' && keyNode !== undefined ? keyNode : value;
    if (!isNode(target) || !target.range) break;
    offset = target.range[0];
    depth++;
    node = value;
  }
  return { offset, depth };
}

/** `rules[0].amount`; the empty path is `（根）`. */
export function pathLabel(path: readonly PropertyKey[]): string {
  const label = path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('');
  return label.replace(/^\./, '') || '（根）';
}

/** `path` relative to the working directory with `/` separators, or as given when outside it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel.split(sep).join('/');
}

export interface ParseOptions {
  /** Where problems at a map entry point (default: its key). An unknown key is always pointed at itself. */
  point?: PointAt;
}

// Per-call error map so zod's built-in messages are Chinese without touching zod's global config.
const zhCN = z.locales.zhCN().localeError;

/**
 * Parses YAML text against a schema, then runs `check` on the valid data.
 * Throws one YamlFileError listing every problem as `file:line:column: path：message`.
 */
export function parseYaml<S extends z.ZodType>(
  file: string,
  source: string,
  schema: S,
  check: (data: z.output<S>) => DataIssue[] = () => [],
  options: ParseOptions = {},
): z.output<S> {
  const yaml = readYamlFile(file, source);
  function fail(issues: readonly (DataIssue & { point?: PointAt })[]): never {
    throw new YamlFileError(
      file,
      issues.map((i) => {
        const { line, column } = yaml.locate(i.path, i.point ?? options.point);
        return { line, column, message: `${pathLabel(i.path)}：${i.message}` };
      }),
    );
  }
  const result = schema.safeParse(yaml.data, { error: zhCN });
  if (!result.success) {
    fail(
      result.error.issues.map((i) =>
        // Point an unknown key at the key itself rather than at its map.
        i.code === 'unrecognized_keys' && i.keys[0] !== undefined
          ? { path: [...i.path, i.keys[0]], message: i.message, point: 'key' as const }
          : { path: i.path, message: i.message },
      ),
    );
  }
  const issues = check(result.data);
  if (issues.length > 0) fail(issues);
  return result.data;
}
