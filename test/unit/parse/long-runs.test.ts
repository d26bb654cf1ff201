/**
 * Whole parses of one-line pathological texts: every stage (body, header, meta,
 * cross-references) must stay linear. The closing article is read for what it
 * repeals (meta.ts): an unclosed 《 run once made that scan quadratic (83 s for
 * 300,000). The bound below only guards against a hang; speed is the bench's.
 */
import { describe, expect, it } from 'vitest';
import { parseRegulation } from '../../../src/parse/index.ts';

const title = '某某管理办法\n';
const cases: [string, string][] = [
  ['an unclosed 《 run in the last article', `${title}第一条　${'《'.repeat(200_000)}\n`],
  ['a 第 + 一… + 条 run', `${title}第${'一'.repeat(200_000)}条\n`],
  ['a run of spaces', `${title}第一条　甲${' '.repeat(200_000)}乙\n`],
];

describe('long runs on one line', () => {
  for (const [name, text] of cases) {
    it(`${name}: parses without crashing, in linear time`, () => {
      const started = performance.now();
      const result = parseRegulation(text, { path: 'long.txt' });
      expect(result.tree ?? result.problems.length).toBeTruthy();
      expect(performance.now() - started).toBeLessThan(10_000);
    });
  }
});
