/**
 * Matching and ranking on a small corpus built from strings (the same code the
 * search page runs on Pagefind's postings).
 */
import { describe, expect, it } from 'vitest';
import { ByteWriter, positionalChars, positionOffsets, readPostings, readShard, shardOf, writePosting, writeShard } from '../../../src/search/index-format.ts';
import { excerpt } from '../../../src/search/excerpt.ts';
import { postingsFromTexts } from '../../../src/search/match.ts';
import { fold, parseQuery } from '../../../src/search/query.ts';
import { rankQuery } from '../../../src/search/rank.ts';

const CORPUS = new Map(
  Object.entries({
    a4: '区长领导区政府全面工作。区长离京出访、出差，应按规定报备，并委托常务副区长主持区政府工作。',
    a43: '提请区政府常务会议讨论的议题，主责单位应精心准备书面汇报材料，并于会前3个工作日报送区政府办公室。',
    a52: '拟邀请区政府领导同志出席内事活动的，原则上提前7个工作日以书面形式报区政府。',
    a69: '区长离京出访、出差、脱产学习、休假，须提前向市长请假。原则上须至少提前7天履行书面请假程序。',
    a11: '切实做好教育、医疗、养老、住房等民生保障工作。',
    a19: '区政府在作出涉及群众切身利益的重大决策前，及时向区委请示报告。广泛听取各党派团体意见。',
  }).map(([k, v]) => [k, fold(v)]),
);
const { postings, stats } = postingsFromTexts(CORPUS);
const search = (q: string) => rankQuery(parseQuery(q), postings, stats);
const pages = (q: string) => search(q).results.map((m) => m.page);

describe('terms', () => {
  it('finds every clause containing the term, and only those', () => {
    expect(pages('出差').sort()).toEqual(['a4', 'a69']);
    expect(search('出差').mode).toBe('exact');
  });

  it('finds words across any segmentation (党派 inside 各党派团体)', () => {
    expect(pages('党派')).toEqual(['a19']);
  });

  it('ranks the clause that uses the term more first', () => {
    // 提前: once in a52, twice in a69.
    expect(pages('提前')).toEqual(['a69', 'a52']);
  });

  it('matches numbers in either spelling, never another number', () => {
    expect(pages('三个工作日')).toEqual(['a43']);
    expect(pages('3个工作日')).toEqual(['a43']);
    expect(pages('３个工作日')).toEqual(['a43']);
    expect(pages('七天')).toEqual(['a69']);
    expect(pages('两个工作日')).toEqual([]);
  });

  it('highlights the term itself in an exact match', () => {
    const m = search('三个工作日').results[0]!;
    expect(m.pieces).toEqual(['3个工作日']);
    expect(m.spans).toHaveLength(1);
  });
});

describe('questions', () => {
  it('answers with the clause covering the question, not one with a single word', () => {
    expect(pages('区长出差谁主持工作')[0]).toBe('a4');
    expect(pages('重大决策前要向谁报告')[0]).toBe('a19');
    expect(search('区长出差谁主持工作').mode).toBe('words');
  });

  it('uses synonyms at a lower weight', () => {
    // 离京 is not in the question; 出差 is.
    const m = search('区长出差谁主持工作').results.find((r) => r.page === 'a4')!;
    expect(m.pieces).toEqual(expect.arrayContaining(['区长离京']));
  });
});

describe('absent words', () => {
  it('finds nothing for a word that occurs nowhere', () => {
    expect(search('疫苗')).toMatchObject({ mode: 'none', results: [], related: [] });
  });

  it('does not turn a partial match of a short term into a result, but may offer it as related', () => {
    const r = search('养老保险');
    expect(r.results).toEqual([]);
    expect(r.related.map((m) => m.page)).toEqual(['a11']);
  });

  it('ignores single characters as evidence', () => {
    expect(search('疫苗怎么打').results).toEqual([]);
  });
});

describe('index format', () => {
  it('gives letters and digits positions, in code points; punctuation and whitespace none', () => {
    const text = '“三公”经费，1次 Ab𠀋。';
    expect(positionalChars(text)).toEqual(['三', '公', '经', '费', '1', '次', 'A', 'b', '𠀋']);
    expect(positionOffsets(text).map((o) => String.fromCodePoint(text.codePointAt(o)!))).toEqual(positionalChars(text));
  });

  it('round-trips postings and shards', () => {
    const w = new ByteWriter();
    const postings = [
      { page: 3, length: 120, kinds: 1, positions: [0, 5, 300] },
      { page: 70000, length: 9, kinds: 3, positions: [8] },
    ];
    writePosting(w, 0, postings[0]!);
    writePosting(w, 3, postings[1]!);
    expect(readPostings(w.done())).toEqual(postings);
    const shard = new Map([
      ['会议', { df: 2, postings: w.done() }],
      ['议', { df: 900, blocks: { first: 7, starts: [0, 40, 41, 90000] } }],
    ]);
    expect(readShard(writeShard(shard))).toEqual(shard);
    expect(shardOf('会议', 17)).toBe(shardOf('会议', 17));
    expect(shardOf('会议', 1)).toBe(0);
  });
});

describe('excerpt', () => {
  it('starts at the sentence that answers, not the first one naming the subject', () => {
    const text = '三十九、区长办公会议由区长、副区长组成，由区长召集和主持。区长办公会议主要任务是：研究重要事项。区长办公会议一般每周召开1次。';
    const q = '区长办公会议一般每周召开1次';
    const at = (s: string) => [text.indexOf(s), text.indexOf(s) + s.length] as [number, number];
    const parts = excerpt(text, [at('区长办公会议由'), [text.lastIndexOf('区长办公会议'), text.lastIndexOf('区长办公会议') + 6], at('开1次')]);
    expect(parts[0]!.text).toBe('…');
    expect(parts.map((p) => p.text).join('').startsWith(`…${q.slice(0, 6)}`)).toBe(true);
  });

  it('widens a highlight to the words it touches', () => {
    const text = '区长办公会议一般每周召开1次。';
    const parts = excerpt(text, [[text.indexOf('开'), text.indexOf('开') + 3]]);
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['召开1次']);
  });

  it('marks the matches and never cuts one', () => {
    const text = '甲'.repeat(100) + '会议纪要' + '乙'.repeat(100);
    const parts = excerpt(text, [[100, 104]]);
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['会议纪要']);
    expect(parts[0]!.text).toBe('…');
    expect(parts[parts.length - 1]!.text).toBe('…');
  });
});
