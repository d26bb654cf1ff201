/**
 * The cross-reference scanners on ordinary sentences and on pathological
 * inputs that made the old regexes quadratic. The time bound is only a hang
 * guard (generous, for a loaded 2-core machine); speed figures belong to the bench.
 */
import { describe, expect, it } from 'vitest';
import { findAbbreviations } from '../../../src/parse/xref/abbreviations.ts';
import { findCitations } from '../../../src/parse/xref/citations.ts';
import type { ClauseText } from '../../../src/parse/xref/clause-text.ts';
import { findReferences } from '../../../src/parse/xref/references.ts';
import { findTimeExpressions } from '../../../src/parse/xref/time-expressions.ts';

function texts(value: string): ClauseText[] {
  const end = { line: 1, column: value.length + 1, offset: value.length };
  return [{ clause: 'art-1', article: 'art-1', text: { type: 'text', value, position: { start: { line: 1, column: 1, offset: 0 }, end } } }];
}

const times = (value: string) => findTimeExpressions(texts(value)).map((x) => [x.text, x.amount, x.unit, x.kind]);

describe('time expressions', () => {
  it('finds limits with their prefix, unit and suffix', () => {
    expect(times('须在会前3个工作日报送，至少提前7天请假，发言不超过5分钟，5小时内答复。')).toEqual([
      ['会前3个工作日', 3, 'workingDay', 'before'],
      ['至少提前7天', 7, 'day', 'before'],
      ['不超过5分钟', 5, 'minute', 'limit'],
      ['5小时内', 5, 'hour', 'within'],
    ]);
    expect(times('三个月以内办结，期满后十五日内报告')).toEqual([
      ['三个月以内', 3, 'month', 'within'],
      ['十五日内', 15, 'day', 'within'],
    ]);
  });

  it('skips calendar dates and four-digit years', () => {
    expect(times('2023年4月6日印发，自2023年5月1日起施行')).toEqual([]);
  });

  it('finds frequencies with up to six words between the period and the number', () => {
    expect(times('区政府常务会议一般每周召开1次，每季度至少研究两次')).toEqual([
      ['每周召开1次', 1, 'week', 'frequency'],
      ['每季度至少研究两次', 2, 'quarter', 'frequency'],
    ]);
    expect(times('每周，召开1次')).toEqual([]);
  });

  it('stays linear on a 200,000-character run of 一 and of digits', () => {
    const started = performance.now();
    expect(times(`第${'一'.repeat(200_000)}条`)).toEqual([]);
    expect(times(`每周${'一'.repeat(200_000)}次`)).toEqual([]);
    expect(times(`会前${'1'.repeat(200_000)}天`)).toEqual([]); // not a safe integer: no limit
    expect(times('会前3天'.repeat(50_000))).toHaveLength(50_000);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe('citations', () => {
  const titles = (value: string) => findCitations(texts(value)).map((c) => c.title);

  it('reads nested titles and the document number after them', () => {
    const [doc] = findCitations(texts('依据《北京城市总体规划（2016年—2035年）》（京政发〔2017〕27号）'));
    expect(doc?.title).toBe('北京城市总体规划（2016年—2035年）');
    expect(doc?.occurrences[0]?.docNumber).toBe('京政发〔2017〕27号');
    expect(titles('《关于〈某条例〉的说明》')).toEqual(['关于〈某条例〉的说明']);
  });

  it('skips unbalanced or mismatched marks', () => {
    expect(titles('《甲〈乙》丙〉')).toEqual([]);
    expect(titles('《《甲》')).toEqual(['甲']);
  });

  it('stays linear on 200,000 unclosed 《 and on 100,000 short titles', () => {
    const started = performance.now();
    expect(titles('《'.repeat(200_000))).toEqual([]);
    expect(findCitations(texts('《甲》'.repeat(100_000)))[0]?.occurrences).toHaveLength(100_000);
    expect(titles(`${'《'.repeat(100_000)}甲》`)).toEqual(['甲']);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe('references and abbreviations on long runs', () => {
  it('do not hang', () => {
    const started = performance.now();
    expect(findReferences(texts(`第${'一'.repeat(200_000)}条`), () => true)).toHaveLength(1);
    expect(findAbbreviations(texts('（简称'.repeat(70_000)))).toEqual([]);
    expect(findAbbreviations(texts(`${'甲'.repeat(200_000)}（以下简称乙）`))[0]?.short).toBe('乙');
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
