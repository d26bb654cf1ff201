import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../../src/integration/memory.ts';

describe('collectGarbage', () => {
  it('collects what is no longer referenced, in a process started without --expose-gc', () => {
    let garbage: { n: number; s: string }[] | undefined = Array.from({ length: 1_000_000 }, (_, n) => ({ n, s: `第${n}条` }));
    const before = process.memoryUsage().heapUsed;
    expect(garbage.length).toBe(1_000_000);
    garbage = undefined;
    collectGarbage();
    // A million small objects are tens of megabytes: at least most of them are gone at once.
    expect(before - process.memoryUsage().heapUsed).toBeGreaterThan(30 * 1024 * 1024);
  });
});
