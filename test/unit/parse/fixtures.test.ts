/**
 * Golden tests: every folder in test/fixtures/ that holds an input.txt is one case.
 *
 *   input.txt              the raw bytes (read as bytes: some cases are
 *                          UTF-16 or GB18030, or deliberately undecodable)
 *   expected.json          the tree, as published at /regulations/<slug>.json
 *   expected-problems.txt  one `formatProblem()` line per problem; absent
 *                          means the case must parse without any problem
 *   expected-encoding.txt  the detected encoding (encoding-* cases)
 *
 * A case without expected.json must expect at least one error.
 * The slug of each case is its folder name.
 *
 * `UPDATE_FIXTURES=1 npx vitest run test/unit/parse/fixtures.test.ts` rewrites
 * the expected files from the parser's current output (`UPDATE_FIXTURES=a,b`
 * only those cases). The result is a proposal: read every changed file and
 * keep it only if it is what is *correct* — several expected files were
 * written by hand where the parser is wrong, and updating would overwrite them.
 *
 * Binary inputs were made with `new TextEncoder()` (UTF-8, BOM, CRLF, CR),
 * by hand-swapping UTF-16 code units (UTF-16LE/BE with BOM), and with
 * `python3 -c "…encode('gb18030')"` (GB18030).
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatProblem, hasErrors, parseRegulation, type ParseResult } from '../../../src/parse/index.ts';
import { toChineseNumeral } from '../../../src/parse/numerals.ts';
import { articles } from '../../../src/tree/query.ts';
import { labelViolations, positionViolations, stableJson, treeViolations } from './helpers.ts';

const root = fileURLToPath(new URL('../../fixtures/', import.meta.url));
// Other suites keep their own data in test/fixtures/ too: a parser case is a folder with an input.txt.
const cases = readdirSync(root)
  .filter((name) => statSync(join(root, name)).isDirectory() && existsSync(join(root, name, 'input.txt')))
  .sort();
const update = process.env['UPDATE_FIXTURES'];
const shouldUpdate = (name: string) => update === '1' || (update?.split(',').includes(name) ?? false);

function readOptional(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

function writeOrRemove(file: string, content: string | undefined): void {
  if (content === undefined) rmSync(file, { force: true });
  else writeFileSync(file, content);
}

describe('fixtures', () => {
  it('finds the fixture folders', () => {
    expect(cases.length).toBeGreaterThan(30);
  });

  describe.each(cases)('%s', (name) => {
    const dir = join(root, name);
    const path = `test/fixtures/${name}/input.txt`;
    // A crash must fail this case only, not the collection of the whole file.
    let result: ParseResult;
    try {
      result = parseRegulation(readFileSync(join(dir, 'input.txt')), { path, slug: name });
    } catch (error) {
      it('parses without crashing', () => {
        throw error;
      });
      return;
    }
    const problems = result.problems.map((p) => formatProblem(path, p));
    const tree = result.tree && (JSON.parse(JSON.stringify(result.tree)) as unknown);

    if (shouldUpdate(name)) {
      writeOrRemove(join(dir, 'expected-problems.txt'), problems.length ? problems.join('\n') + '\n' : undefined);
      writeOrRemove(join(dir, 'expected.json'), tree && !hasErrors(result.problems) ? stableJson(tree) : undefined);
      if (name.startsWith('encoding-')) writeOrRemove(join(dir, 'expected-encoding.txt'), `${result.encoding}\n`);
    }

    const expectedProblems = readOptional(join(dir, 'expected-problems.txt'));
    const expectedTree = readOptional(join(dir, 'expected.json'));
    const expectedEncoding = readOptional(join(dir, 'expected-encoding.txt'));

    it('reports the expected problems', () => {
      const expected = expectedProblems?.split('\n').filter(Boolean) ?? [];
      expect(problems).toEqual(expected);
      if (expectedTree === undefined) {
        expect(expected.some((line) => !line.includes(': 警告：')), 'a case without expected.json must expect an error').toBe(true);
      }
    });

    if (expectedTree !== undefined) {
      it('builds the expected tree', () => {
        expect(tree).toEqual(JSON.parse(expectedTree));
      });
    }

    if (expectedEncoding !== undefined) {
      it('detects the encoding', () => {
        expect(result.encoding).toBe(expectedEncoding.trim());
      });
    }

    if (result.tree && result.source !== undefined) {
      const { tree: parsed, source } = result;
      it('keeps positions consistent with the source', () => {
        expect(positionViolations(parsed, source, { order: !hasErrors(result.problems) })).toEqual([]);
      });
      it('leaves no label as plain text unless a problem says so', () => {
        expect(labelViolations(parsed, source, result.problems)).toEqual([]);
      });
      if (!hasErrors(result.problems)) {
        it('loses nothing (fidelity) and has unique ids', () => {
          expect(treeViolations(parsed, source)).toEqual([]);
        });
      }
    }
  });
});

describe('generated long outline text (numerals beyond 100)', () => {
  const count = 123;
  const lines = ['北京市某区人民政府工作规则', ''];
  for (let n = 1; n <= count; n++) {
    if (n === 1) lines.push('第一章　总　　则');
    if (n === 100) lines.push('第二章　附　　则');
    lines.push(`${toChineseNumeral(n)}、区政府各部门应当按照职责分工做好编号为${n}的工作事项。`);
  }
  const source = lines.join('\n') + '\n';
  const result = parseRegulation(source, { path: 'generated.txt' });

  it('parses without problems', () => {
    expect(result.problems).toEqual([]);
    expect(result.tree!.numbering).toBe('outline');
  });

  it('numbers every article, including 一百零一、 and 一百一十、', () => {
    const all = articles(result.tree!);
    expect(all.map((a) => a.number)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    expect(all.map((a) => a.id)).toEqual(Array.from({ length: count }, (_, i) => `art-${i + 1}`));
    const byNumber = new Map(all.map((a) => [a.number, a]));
    expect(byNumber.get(100)!.label).toBe('一百、');
    expect(byNumber.get(101)!.label).toBe('一百零一、');
    expect(byNumber.get(110)!.label).toBe('一百一十、');
    expect(byNumber.get(111)!.label).toBe('一百一十一、');
    expect(byNumber.get(120)!.label).toBe('一百二十、');
  });

  it('puts articles 100–123 in chapter 2', () => {
    const chapters = result.tree!.children.filter((c) => c.type === 'chapter');
    expect(chapters.map((c) => c.id)).toEqual(['ch-1', 'ch-2']);
    expect(chapters[1]!.children.map((a) => a.id)).toEqual(Array.from({ length: 24 }, (_, i) => `art-${i + 100}`));
  });

  it('loses nothing', () => {
    expect(treeViolations(result.tree!, result.source!)).toEqual([]);
  });

  it('reports 一百十、 (not how 110 is printed) as a numbering gap rather than as article 110', () => {
    const broken = source.replace('一百一十、', '一百十、');
    const r = parseRegulation(broken, { path: 'generated.txt' });
    expect(r.problems.map((p) => [p.ruleId, p.reason])).toEqual([['article-sequence', '条文编号不连续：应为“一百一十、”，实为“一百一十一、”']]);
    expect(articles(r.tree!).some((a) => a.label === '一百十、')).toBe(false);
  });
});
