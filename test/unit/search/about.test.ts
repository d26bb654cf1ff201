/**
 * The "defines or governs" signal (about.ts, definitions.ts) on strings, and
 * its effect on ranking (rank.ts).
 */
import { describe, expect, it } from 'vitest';
import { ABOUT, aboutFactor, headingShare, LEAD_WINDOW, type ClauseAbout } from '../../../src/search/about.ts';
import { definedTerms } from '../../../src/search/definitions.ts';
import { postingsFromTexts } from '../../../src/search/match.ts';
import { fold, parseQuery } from '../../../src/search/query.ts';
import { rankQuery } from '../../../src/search/rank.ts';

describe('definedTerms', () => {
  it('reads short forms', () => {
    expect(definedTerms('按规定报市司法局、北京市朝阳区人民代表大会（以下简称区人大）及其常委会备案')).toEqual(['区人大']);
  });

  it('reads the subject of 是指 and of 所称…包括, without the 所称 before it', () => {
    expect(definedTerms('第二条　本规定所称主管部门，是指县级以上人民政府的有关部门。')).toEqual(['主管部门']);
    expect(definedTerms('行政规范性文件是指除规章外的公文。')).toEqual(['行政规范性文件']);
    expect(definedTerms('本法所称行政机关包括各级人民政府。')).toEqual(['行政机关']);
    expect(definedTerms('前款所称受让人，是指最先通知的人。')).toEqual(['受让人']);
  });

  it('finds nothing in a clause that only uses a term', () => {
    expect(definedTerms('区政府要依法接受区人大及其常委会的工作监督。')).toEqual([]);
    expect(definedTerms('行政规范性文件包括哪些，由区司法局审查。')).toEqual([]);
  });
});

describe('headingShare', () => {
  it('is the share of the term inside stretches of 2+ characters the heading has, without 第N章', () => {
    expect(headingShare(['公文'], '第十章 公文审批制度')).toBe(1);
    expect(headingShare(['政府信息公开'], '第六章  推进政务公开')).toBeCloseTo(2 / 6);
    // One shared character is no evidence; the chapter number is not the heading's name.
    expect(headingShare(['政府'], '第六章 推进政务公开')).toBe(0);
    expect(headingShare(['第六章'], '第六章 推进政务公开')).toBe(0);
  });
});

describe('aboutFactor', () => {
  const about: ClauseAbout = { defines: () => ['区人大'], heading: () => '第四章 坚持依法行政' };

  it('adds each signal, bounded by their sum', () => {
    expect(aboutFactor('p', ['区人大'], 100, about)).toBe(1 + ABOUT.defines);
    expect(aboutFactor('p', ['区人大'], 3, about)).toBe(1 + ABOUT.defines + ABOUT.lead);
    expect(aboutFactor('p', ['依法行政'], 3, about)).toBe(1 + ABOUT.heading + ABOUT.lead);
    expect(aboutFactor('p', ['审计'], 100, about)).toBe(1);
  });

  it('counts a term as leading when it starts within the first LEAD_WINDOW positions, with or without facts', () => {
    expect(aboutFactor('p', ['民生'], LEAD_WINDOW - 1)).toBe(1 + ABOUT.lead);
    expect(aboutFactor('p', ['民生'], LEAD_WINDOW)).toBe(1);
    expect(aboutFactor('p', [], 0)).toBe(1);
  });
});

describe('ranking', () => {
  // Clauses shaped like the seed's: the one about a term, and longer ones using it more.
  const texts = new Map(
    Object.entries({
      defines: '十四、区政府根据需要制定文件，报市司法局、北京市朝阳区人民代表大会（以下简称区人大）备案。',
      mentions: '三十九、区长办公会议研究需提请区人大常委会审议的议案，向区人大常委会报告，邀请区人大代表列席。',
      leads: '三十八、区政府常务会议由区长、副区长组成。',
      uses: '四十、凡属重大决策事项，都应由区政府常务会议或区长办公会议讨论决定；来不及召开区政府常务会议的，先作出安排。',
      governs: '四十八、报送区政府的文件，由区政府办公室统一处理，按照区政府领导分工送呈公文。',
      elsewhere: '六十六、精简文件，没有实质内容的公文一律不发。',
    }).map(([k, v]) => [k, fold(v)]),
  );
  const { postings, stats } = postingsFromTexts(texts);
  const facts: ClauseAbout = { defines: (p) => definedTerms(texts.get(p)!), heading: (p) => (p === 'governs' ? '第十章 公文审批制度' : '第十四章 纪律和作风') };
  const pages = (q: string, about?: ClauseAbout) => rankQuery(parseQuery(q), postings, stats, () => '', about).results.map((m) => m.page);

  it('lists the clause that defines a term before one that uses it more', () => {
    expect(pages('区人大')).toEqual(['mentions', 'defines']);
    expect(pages('区人大', facts)).toEqual(['defines', 'mentions']);
  });

  it('lists the clause that opens with a term before one that uses it more, from positions alone', () => {
    expect(pages('区政府常务会议')).toEqual(['leads', 'uses']);
  });

  it('lists the clause under a heading naming the term before a shorter one elsewhere', () => {
    expect(pages('公文')).toEqual(['elsewhere', 'governs']);
    expect(pages('公文', facts)).toEqual(['governs', 'elsewhere']);
  });

  it('never admits a clause that does not contain the term', () => {
    // 公文 is in two clauses, 审批 in none: a four-character term needs all of it.
    const all: ClauseAbout = { defines: () => ['公文审批'], heading: () => '第十章 公文审批制度' };
    expect(pages('公文审批', all)).toEqual([]);
    expect(pages('公文 审批', all)).toEqual([]);
  });
});
