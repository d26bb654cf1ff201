import { describe, expect, it } from 'vitest';
import { fold, parseQuery, PARTICLES, QUESTION_WORDS, termChunk } from '../../../src/search/query.ts';
import { SYNONYM_GROUPS, synonymsOf } from '../../../src/search/synonyms.ts';

const spellings = (text: string) => termChunk(text).variants.map((v) => v.text);

describe('fold', () => {
  it('makes full-width digits and letters half-width, and lower case', () => {
    expect(fold('３个工作日')).toBe('3个工作日');
    expect(fold('ＰＰＰ项目')).toBe('ppp项目');
    expect(fold('（一）')).toBe('(一)');
  });
});

describe('numbers either way', () => {
  it('spells Chinese numerals before a counter in Arabic digits', () => {
    expect(spellings('三个工作日')).toEqual(['三个工作日', '3个工作日']);
    expect(spellings('二十四小时')).toEqual(['二十四小时', '24小时']);
    expect(spellings('每周召开一次')).toEqual(['每周召开一次', '每周召开1次']);
    expect(spellings('第四十三条')).toEqual(['第四十三条', '第43条']);
  });

  it('spells Arabic digits in Chinese', () => {
    expect(spellings('3个工作日')).toEqual(['3个工作日', '三个工作日']);
    expect(spellings('7天')).toEqual(['7天', '七天']);
    expect(spellings('2023年')).toEqual(['2023年', '二〇二三年']);
    expect(spellings('2个工作日')).toEqual(['2个工作日', '二个工作日', '两个工作日']);
  });

  it('takes full-width digits like half-width ones', () => {
    expect(parseQuery('３个工作日').terms[0]!.variants.map((v) => v.text)).toEqual(['3个工作日', '三个工作日']);
  });

  it('leaves numerals that do not count alone', () => {
    for (const word of ['统一', '一般', '三重一大', '一体化', '四风']) expect(spellings(word)).toEqual([word]);
  });

  it('maps every character of a spelling back to the characters it stands for', () => {
    const v = termChunk('二十四小时').variants[1]!;
    expect(v.text).toBe('24小时');
    expect(v.map).toEqual([
      [0, 3],
      [0, 3],
      [3, 4],
      [4, 5],
    ]);
  });

  it('marks a term with a number as exact: a different number is no match', () => {
    expect(termChunk('三个工作日').exact).toBe(true);
    expect(termChunk('工作日').exact).toBe(false);
  });
});

describe('parseQuery', () => {
  it('keeps a plain term whole, with no synonyms', () => {
    const q = parseQuery('会议纪要');
    expect(q.questionWords).toEqual([]);
    expect(q.particles).toEqual([]);
    expect(q.terms.map((c) => c.text)).toEqual(['会议纪要']);
    expect(q.content.map((c) => c.variants.map((v) => v.text))).toEqual([['会议纪要']]);
  });

  it('splits at spaces and punctuation', () => {
    expect(parseQuery(' 会议，材料  报送! ').terms.map((c) => c.text)).toEqual(['会议', '材料', '报送']);
    expect(parseQuery('。，！').terms).toEqual([]);
  });

  it('removes question words and particles from questions, keeping the words they sit in', () => {
    const q = parseQuery('区长出差谁主持工作');
    expect(q.questionWords).toEqual(['谁']);
    expect(q.content.map((c) => c.text)).toEqual(['区长出差', '主持工作']);

    const q2 = parseQuery('会议材料提前几天报送');
    expect(q2.questionWords).toContain('几天');
    expect(q2.content.map((c) => c.text)).toEqual(['会议材料提前', '报送']);

    const q3 = parseQuery('重大决策前要向谁报告');
    expect(q3.content.map((c) => c.text)).toEqual(['重大决策前', '报告']);
    expect(q3.particles).toEqual(expect.arrayContaining(['要', '向']));

    expect(parseQuery('行政规范性文件能不能设定行政处罚').content.map((c) => c.text)).toEqual(['行政规范性文件', '设定行政处罚']);
    expect(parseQuery('公文圈阅是什么意思').content.map((c) => c.text)).toEqual(['公文圈阅']);
    expect(parseQuery('出国访问收到的礼品怎么处理').content.map((c) => c.text)).toEqual(['出国访问收到', '礼品', '处理']);
  });

  it('does not cut content words that contain a particle', () => {
    for (const word of ['要求', '重要', '主要', '目的', '请销假', '有关']) {
      expect(parseQuery(word).content.map((c) => c.text)).toEqual([word]);
    }
  });

  it('adds synonyms to the words of a question only', () => {
    const question = parseQuery('区长出差谁主持工作').content[0]!;
    expect(question.variants.map((v) => v.text)).toEqual(expect.arrayContaining(['区长出差', '区长离京']));
    expect(question.variants[0]!.text).toBe('区长出差');
    expect(question.variants.find((v) => v.text === '区长离京')!.weight).toBeLessThan(1);

    expect(parseQuery('出差').content[0]!.variants.map((v) => v.text)).toEqual(['出差']);
  });

  it('a query made only of question words has no content', () => {
    expect(parseQuery('是什么').content).toEqual([]);
    expect(parseQuery('怎么办？').content).toEqual([]);
  });

  it('keeps its lists free of duplicates and of the empty word', () => {
    expect(new Set(QUESTION_WORDS).size).toBe(QUESTION_WORDS.length);
    expect([...QUESTION_WORDS, ...PARTICLES].every((w) => w.length > 0)).toBe(true);
  });
});

describe('synonyms', () => {
  it('are symmetric within a group', () => {
    for (const group of SYNONYM_GROUPS) {
      for (const word of group) for (const other of group) if (other !== word) expect(synonymsOf(word)).toContain(other);
    }
  });

  it('has no single-character members (they would match everywhere)', () => {
    expect(SYNONYM_GROUPS.flat().every((w) => [...w].length >= 2)).toBe(true);
  });
});
