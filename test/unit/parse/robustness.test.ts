/**
 * No crash, ever (#16): generated pathological inputs give located problems or
 * a tree. Correctness only — how long they take is `npm run bench`'s concern.
 */
import { describe, expect, it } from 'vitest';
import { formatProblem, hasErrors, parseRegulation } from '../../../src/parse/index.ts';
import { splitLines } from '../../../src/parse/lines.ts';
import { toChineseNumeral } from '../../../src/parse/numerals.ts';
import { isTableRow, looksLikeArticle, matchAppendix, matchHeading, matchItem, matchOutlineArticle, matchStatuteArticle, matchSubitem } from '../../../src/parse/patterns.ts';
import { clauseInWords } from '../../../src/render/urls.ts';
import { articles } from '../../../src/tree/query.ts';
import { labelViolations, positionViolations, treeViolations } from './helpers.ts';

const parse = (input: string | Uint8Array) => parseRegulation(input, { path: 'x.txt' });

// The cross-reference scanners (src/parse/xref/, another area) are still quadratic on long runs
// of 一 and 《 (#16): whole-parser cases use 5,000; this parser's own matchers get 200,000 below.
describe('pathological inputs', () => {
  it.each([
    ['a line of 第 + 5,000 一 + 条', `某某办法\n第${'一'.repeat(5_000)}条\n`],
    ['5,000 《', `某某办法\n第一条　${'《'.repeat(5_000)}\n`],
    ['200,000 spaces', `某某办法\n第一条　甲${' '.repeat(200_000)}乙\n${' '.repeat(200_000)}\n`],
    ['附件 + 200,000 spaces', `某某办法\n第一条　甲。\n附件${' '.repeat(200_000)}x\n`],
    ['200,000 U+200B', `某某办法\n${'\u200b'.repeat(200_000)}第一条　甲。\n`],
    ['200,000 TABs', `某某办法\n第一条　甲。\n${'\t'.repeat(200_000)}乙\n`],
  ])('%s: parses, positions hold', (_, text) => {
    const r = parse(text);
    expect(r.tree).toBeDefined();
    expect(positionViolations(r.tree!, r.source!, { order: false })).toEqual([]);
  });

  it('第1条…第10000条: every article, and every clause id can be put in words', () => {
    const lines = ['某某办法'];
    for (let n = 1; n <= 10_000; n++) lines.push(`第${n}条　第${n}条的内容。`);
    const r = parse(lines.join('\n'));
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const all = articles(r.tree!);
    expect(all).toHaveLength(10_000);
    expect(all.at(-1)!.id).toBe('art-10000');
    expect(() => all.map((a) => clauseInWords(a.id))).not.toThrow();
    expect(toChineseNumeral(10_000)).toBe('一万');
    expect(treeViolations(r.tree!, r.source!)).toEqual([]);
  });

  it('the line matchers on 200,000-character runs of 一, 《, spaces and 第', () => {
    for (const run of ['一'.repeat(200_000), '《'.repeat(200_000), ' '.repeat(200_000), '\u3000'.repeat(200_000), '第'.repeat(200_000)]) {
      for (const line of [`第${run}条`, `第${run}章x`, `附件${run}x`, `（${run}）`, `${run}、`, `${run}`, `1${run}.`]) {
        expect(() => [matchHeading(line), matchStatuteArticle(line), matchOutlineArticle(line), matchItem(line), matchSubitem(line), matchAppendix(line), looksLikeArticle(line, true, 1), isTableRow(line)]).not.toThrow();
      }
    }
    expect(splitLines(' '.repeat(200_000) + '甲' + '\u3000'.repeat(200_000))[0]!.content).toBe('甲');
  });

  it('1,000,000 short paragraphs', () => {
    const text = '某某办法\n第一条　甲。\n' + '乙。\n'.repeat(1_000_000);
    const r = parse(text);
    expect(r.problems).toEqual([]);
    expect(articles(r.tree!)[0]!.children).toHaveLength(1_000_001);
  }, 120_000);

  it.each([
    ['UTF-8 BOM then an invalid byte', [0xef, 0xbb, 0xbf, 0x41, 0xff], 1, 2],
    ['UTF-16LE BOM, odd byte count', [0xff, 0xfe, 0x41, 0x00, 0x42], 1, 2],
    ['UTF-16LE BOM, lone high surrogate', [0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x42, 0x00], 1, 2],
    ['UTF-16BE BOM, lone low surrogate', [0xfe, 0xff, 0xdc, 0x00], 1, 1],
    ['UTF-16BE BOM, surrogate at the very end', [0xfe, 0xff, 0x00, 0x41, 0xd8, 0x00], 1, 2],
    ['only a UTF-8 BOM', [0xef, 0xbb, 0xbf], 1, 1],
    ['no bytes', [], 1, 1],
  ])('%s: a located error, no crash', (_, bytes, line, column) => {
    const r = parse(new Uint8Array(bytes));
    expect(hasErrors(r.problems)).toBe(true);
    expect(r.problems[0]).toMatchObject({ line, column });
  });

  it('random bytes never crash', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
    for (let k = 0; k < 300; k++) {
      const bytes = new Uint8Array(next() % 400);
      for (let i = 0; i < bytes.length; i++) bytes[i] = next() & 0xff;
      if (k % 3 === 0) bytes.set([0xff, 0xfe].slice(0, bytes.length));
      if (k % 3 === 1) bytes.set([0xef, 0xbb, 0xbf].slice(0, bytes.length));
      const r = parse(bytes);
      if (r.tree) expect(positionViolations(r.tree, r.source!, { order: false })).toEqual([]);
      else expect(hasErrors(r.problems)).toBe(true);
    }
  });
});

describe('control and invisible characters', () => {
  it.each([
    ['NUL', '\x00', '\\x00'],
    ['BEL', '\x07', '\\x07'],
    ['ESC', '\x1b', '\\x1b'],
    ['DEL', '\x7f', '\\x7f'],
    ['C1 NEL', '\u0085', '\\x85'],
    ['C1 CSI', '\u009b', '\\x9b'],
    ['form feed', '\f', '\\x0c'],
  ])('%s is an error at its place, printed escaped', (_, ch, shown) => {
    const r = parse(`某某办法\n第一条　甲${ch}乙。\n`);
    const p = r.problems.find((x) => x.ruleId === 'control-character');
    expect(p).toMatchObject({ severity: 'error', line: 2, column: 6 });
    expect(p!.reason).toContain(shown);
    expect(formatProblem('x.txt', p!)).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
  });

  it('an orphan line with terminal escapes and U+200B is echoed escaped, never raw', () => {
    const r = parse('某某办法\n\x1b[2J\u200b甲乙\n第一条　甲。\n');
    const lines = r.problems.map((p) => formatProblem('x.txt', p));
    expect(lines.join('\n')).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b]/);
    expect(lines.join('\n')).toContain('\\x1b');
  });

  it('U+200B before 第十五章 or 七十二、 is ignored with a warning, and the label stays structure', () => {
    const r = parse('某某办法\n第一章　总则\n一、甲。\n\u200b第二章　附则\n\u200b二、乙。\n');
    expect(r.problems.map((p) => [p.ruleId, p.severity, p.line, p.column])).toEqual([
      ['invisible-character', 'warning', 4, 1],
      ['invisible-character', 'warning', 5, 1],
    ]);
    expect(articles(r.tree!).map((a) => a.id)).toEqual(['art-1', 'art-2']);
    expect(r.tree!.children.filter((c) => c.type === 'chapter').map((c) => c.id)).toEqual(['ch-1', 'ch-2']);
  });
});

describe('the label invariant check', () => {
  it('catches an article label hidden in plain text', () => {
    const r = parse('某某办法\n第一条　甲。\n第二条　乙。\n');
    const tree = r.tree!;
    const [first, second] = articles(tree);
    // Simulate the bug #16 describes: article 2 swallowed as a paragraph of article 1.
    first!.children.push({ type: 'paragraph', number: 2, id: 'art-1-p2', children: [{ type: 'text', value: '第二条　乙。', position: second!.position }], position: second!.position });
    tree.children = tree.children.filter((c) => c !== second);
    expect(labelViolations(tree, r.source!, r.problems)).toEqual([expect.stringContaining('line 3: article label')]);
    expect(labelViolations(tree, r.source!, [...r.problems, { severity: 'error', ruleId: 'x', reason: 'x', line: 3, column: 1 }])).toEqual([]);
  });
});
