/**
 * `JSON.stringify(value, null, indent)` as a stream of small chunks, written
 * with back-pressure: a tree of a million paragraphs is larger than the
 * longest string V8 can build (`Invalid string length`).
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** The same text as JSON.stringify(value, null, indent), in pieces. For plain data (no toJSON). */
export function* jsonChunks(value: unknown, indent = 2, depth = 0): Generator<string> {
  if (value === null || typeof value !== 'object') {
    // Numbers, strings, booleans; NaN/Infinity become null as in JSON.stringify.
    yield JSON.stringify(value) ?? 'null';
    return;
  }
  const inner = '\n' + ' '.repeat(indent * (depth + 1));
  const outer = '\n' + ' '.repeat(indent * depth);
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    yield '[';
    for (let i = 0; i < value.length; i++) {
      yield (i ? ',' : '') + inner;
      const item: unknown = value[i];
      // As JSON.stringify: holes, undefined and functions in arrays print as null.
      yield* jsonChunks(item === undefined || typeof item === 'function' ? null : item, indent, depth + 1);
    }
    yield outer + ']';
    return;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function');
  if (entries.length === 0) {
    yield '{}';
    return;
  }
  yield '{';
  for (let i = 0; i < entries.length; i++) {
    const [key, v] = entries[i]!;
    yield `${i ? ',' : ''}${inner}${JSON.stringify(key)}: `;
    yield* jsonChunks(v, indent, depth + 1);
  }
  yield outer + '}';
}

/** Write the chunks to `out` in ~64 KB writes, waiting for 'drain' when it is full. */
export async function writeJson(out: Writable, value: unknown, indent = 2): Promise<void> {
  let buffer = '';
  for (const chunk of jsonChunks(value, indent)) {
    buffer += chunk;
    if (buffer.length < 65_536) continue;
    if (!out.write(buffer)) await once(out, 'drain');
    buffer = '';
  }
  if (!out.write(buffer + '\n')) await once(out, 'drain');
}
