import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { jsonChunks, writeJson } from '../../scripts/json-stream.ts';
import { parseRegulation } from '../../src/parse/index.ts';

describe('streamed JSON (npm run parse)', () => {
  it('prints exactly what JSON.stringify(value, null, 2) prints', () => {
    const samples: unknown[] = [
      { a: [1, 'x', null, true, { b: [] }, {}], c: undefined, d: '“引号”\n\u200b', e: [undefined, NaN] },
      [],
      'text',
      parseRegulation(readFileSync('content/regulations/chaoyang-government-work-rules.txt'), { path: 'x.txt' }).tree,
    ];
    for (const value of samples) expect([...jsonChunks(value)].join('')).toBe(JSON.stringify(value, null, 2));
  });

  it('writes in bounded pieces, waiting for drain, never the whole text at once', async () => {
    // A million such paragraphs make JSON longer than V8's longest string; 50,000 show the pieces stay small.
    const big = { children: Array.from({ length: 50_000 }, (_, i) => ({ type: 'paragraph', id: `art-${i}-p1`, text: '区政府工作规则' })) };
    const pieces: string[] = [];
    let drains = 0;
    const out = new Writable({
      highWaterMark: 256 * 1024,
      write(chunk: Buffer, _encoding, done) {
        pieces.push(chunk.toString('utf8'));
        setImmediate(done);
      },
    });
    out.on('drain', () => drains++);
    await writeJson(out, big);
    out.end();
    await once(out, 'finish');
    expect(pieces.join('')).toBe(JSON.stringify(big, null, 2) + '\n');
    expect(pieces.length).toBeGreaterThan(50);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(70_000);
    expect(drains).toBeGreaterThan(0);
  });
});
