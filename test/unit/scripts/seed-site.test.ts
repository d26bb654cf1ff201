/** The seed-only content folder the seed's figures are measured on (scripts/seed-site.ts). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED, seedContent } from '../../../scripts/seed-site.ts';

describe('seedContent', () => {
  const dir = seedContent();

  it('holds the seed alone, byte for byte, while content/ holds more', () => {
    expect(readdirSync('content/regulations', { recursive: true }).filter((f) => String(f).endsWith('.txt')).length).toBeGreaterThan(1);
    expect(readdirSync(join(dir, 'regulations'), { recursive: true })).toEqual(['chaoyang-government-work-rules.txt']);
    expect(readFileSync(join(dir, 'regulations/chaoyang-government-work-rules.txt')).equals(readFileSync(SEED))).toBe(true);
  });

  it("keeps the seed's permalink register only, and the rest of content/", () => {
    expect(readdirSync(join(dir, 'permalinks'))).toEqual(['chaoyang-government-work-rules.tsv']);
    const rest = readdirSync('content').filter((e) => e !== 'regulations' && e !== 'permalinks');
    expect(rest.length).toBeGreaterThan(0);
    expect(readdirSync(dir).sort()).toEqual([...rest, 'regulations', 'permalinks'].sort());
    expect(readFileSync(join(dir, 'topics.yaml'), 'utf8')).toBe(readFileSync('content/topics.yaml', 'utf8'));
  });
});
