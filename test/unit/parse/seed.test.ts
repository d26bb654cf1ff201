/**
 * The seed regulation, content/regulations/chaoyang-government-work-rules.txt:
 * a 印发通知 wrapping an outline-numbered (一、…七十二、) work rule in 15 chapters.
 * Expected numbers are read off the published text, not off the parser.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseRegulation } from '../../../src/parse/index.ts';
import { articles, clauseIndex, plainText } from '../../../src/tree/query.ts';
import type { Article, Chapter, Item, Notice, Paragraph, Text } from '../../../src/tree/types.ts';
import { visit } from '../../../src/tree/walk.ts';
import { crossrefViolations, duplicateIds, fidelityViolation, lineStarts, positionViolations, textNodes } from './helpers.ts';

const path = 'content/regulations/chaoyang-government-work-rules.txt';
const bytes = readFileSync(fileURLToPath(new URL(`../../../${path}`, import.meta.url)));
const result = parseRegulation(bytes, { path });
const tree = result.tree!;
const source = result.source!;
const index = clauseIndex(tree);
const all = articles(tree);

function article(n: number): Article {
  const a = all.find((x) => x.number === n);
  if (!a) throw new Error(`no article ${n}`);
  return a;
}
const items = (node: Paragraph | Article): Item[] => {
  const out: Item[] = [];
  visit(node, (n) => {
    if (n.type === 'item') out.push(n);
  });
  return out;
};

describe('seed regulation', () => {
  it('decodes as UTF-8 and parses without problems', () => {
    expect(result.encoding).toBe('utf-8');
    expect(result.problems).toEqual([]);
    expect(tree.slug).toBe('chaoyang-government-work-rules');
    expect(tree.numbering).toBe('outline');
  });

  it('has the notice, the header and 15 chapters, in that order', () => {
    expect(tree.children.map((c) => c.type)).toEqual(['notice', 'header', ...Array<string>(15).fill('chapter')]);
    const chapters = tree.children.filter((c): c is Chapter => c.type === 'chapter');
    expect(chapters.map((c) => c.id)).toEqual(Array.from({ length: 15 }, (_, i) => `ch-${i + 1}`));
    expect(chapters[0]!.label).toBe('第一章');
    expect(chapters[0]!.title).toBe('总则');
    expect(chapters[0]!.titlePrinted).toBe('总    则');
    expect(chapters[9]!.title).toBe('公文审批制度');
    expect(chapters[14]!.title).toBe('附则');
  });

  it('has 72 articles numbered 1–72 in order, labelled 一、…七十二、', () => {
    expect(all.map((a) => a.number)).toEqual(Array.from({ length: 72 }, (_, i) => i + 1));
    expect(all.map((a) => a.id)).toEqual(Array.from({ length: 72 }, (_, i) => `art-${i + 1}`));
    expect(all[0]!.label).toBe('一、');
    expect(all[9]!.label).toBe('十、');
    expect(all[10]!.label).toBe('十一、');
    expect(all[71]!.label).toBe('七十二、');
  });

  it('puts articles 36–45 in chapter 9 (会议制度)', () => {
    const ch9 = index.get('ch-9') as Chapter;
    expect(ch9.type).toBe('chapter');
    expect(ch9.title).toBe('会议制度');
    expect(ch9.children.map((a) => a.number)).toEqual([36, 37, 38, 39, 40, 41, 42, 43, 44, 45]);
  });

  it('has 24 items: 6 in article 3, 4 in 37, 8 in 38, 6 in 39', () => {
    expect(items(article(3)).length).toBe(6);
    expect(items(article(37)).length).toBe(4);
    expect(items(article(38)).length).toBe(8);
    expect(items(article(39)).length).toBe(6);
    let total = 0;
    visit(tree, (n) => {
      if (n.type === 'item') total++;
    });
    expect(total).toBe(24);
  });

  it('article 37: a lead paragraph with 4 items, then a closing paragraph', () => {
    const a = article(37);
    expect(a.children.map((p) => p.id)).toEqual(['art-37-p1', 'art-37-p2']);
    const [lead, closing] = a.children as [Paragraph, Paragraph];
    expect(lead.children.map((c) => c.type)).toEqual(['text', 'item', 'item', 'item', 'item']);
    expect(items(lead).map((i) => [i.id, i.label])).toEqual([
      ['art-37-p1-i1', '（一）'],
      ['art-37-p1-i2', '（二）'],
      ['art-37-p1-i3', '（三）'],
      ['art-37-p1-i4', '（四）'],
    ]);
    expect(plainText(lead.children[0]!)).toBe(
      '区政府全体会议由区长、副区长、区政府办公室主任、区政府组成部门和各街道办事处、地区办事处（乡政府）、重点区属机构和国有企业的主要负责人组成，由区长召集和主持。区政府全体会议主要任务是：',
    );
    expect(plainText(closing)).toBe('区政府全体会议根据工作需要择时召开。安排区有关部门、单位负责人列席会议。');
  });

  it('article 38 has 8 items; item headings drop the closing punctuation', () => {
    const list = items(article(38));
    expect(list.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(list[6]!.heading).toBe('研究有关人事任免事项');
    expect(list[7]!.label).toBe('（八）');
    const item3 = items(article(3))[0]!;
    expect(item3.heading).toBe('坚持和加强党的全面领导');
  });

  it('article 43 has 3 paragraphs; 55 has no items (its inline （…） stays text)', () => {
    expect(article(43).children.map((p) => p.id)).toEqual(['art-43-p1', 'art-43-p2', 'art-43-p3']);
    expect(items(article(55))).toEqual([]);
    expect(article(55).children.length).toBe(1);
    expect(plainText(article(55))).toContain('（区长出国访问，经分管外事工作的副区长审核，报区委书记同意。');
  });

  it('reads the metadata', () => {
    expect(tree.meta).toEqual({
      title: '北京市朝阳区人民政府工作规则',
      issuer: '北京市朝阳区人民政府',
      docNumber: '朝政发〔2023〕5号',
      issued: '2023-04-06',
      adopted: { date: '2023-03-27', body: '第3次区政府常务会议', text: '2023年3月27日第3次区政府常务会议通过' },
      effective: { text: '自印发之日起施行', date: '2023-04-06' },
      repeals: {
        title: '北京市朝阳区人民政府工作规则',
        docNumber: '朝政发〔2018〕9号',
        date: '2018-10-22',
        text: '2018年10月22日北京市朝阳区人民政府印发的《北京市朝阳区人民政府工作规则》（朝政发〔2018〕9号）同时废止',
      },
      disclosure: '此件公开发布',
      // Added with the header history (issue 11): the notice's date, then the 题注, in printed order.
      kind: '规范性文件',
      history: [
        {
          date: '2023-04-06',
          event: '公布',
          body: '北京市朝阳区人民政府',
          docNumber: '朝政发〔2023〕5号',
          text: '2023年4月6日',
          position: { start: { line: 13, column: 1, offset: 164 }, end: { line: 13, column: 10, offset: 173 } },
        },
        {
          date: '2023-03-27',
          event: '通过',
          body: '第3次区政府常务会议',
          text: '2023年3月27日第3次区政府常务会议通过',
          position: { start: { line: 24, column: 2, offset: 207 }, end: { line: 24, column: 24, offset: 229 } },
        },
      ],
    });
    for (const h of tree.meta.history!) expect(source.slice(h.position!.start.offset, h.position!.end.offset)).toBe(h.text);
  });

  it('reads the notice fields and gives each notice line its role', () => {
    const notice = tree.children[0] as Notice;
    expect(notice).toMatchObject({
      type: 'notice',
      id: 'notice',
      title: '北京市朝阳区人民政府关于印发《北京市朝阳区人民政府工作规则》的通知',
      docNumber: '朝政发〔2023〕5号',
      addressees: '各街道办事处、地区办事处（乡政府），区政府各委、办、局，各区属机构',
      signer: '北京市朝阳区人民政府',
      date: '2023-04-06',
      disclosure: '此件公开发布',
    });
    expect(notice.children.map((t) => t.role)).toEqual(['title', 'title', 'docNumber', 'addressee', 'body', 'signer', 'date', 'disclosure']);
    const signer = notice.children[5]!;
    expect(signer.position.start).toEqual({ line: 12, column: 31, offset: signer.position.start.offset });
    const header = tree.children[1]!;
    expect(header.type).toBe('header');
    expect((header as { children: Text[] }).children.map((t) => [t.role, t.value])).toEqual([
      ['title', '北京市朝阳区人民政府工作规则'],
      ['adoption', '（2023年3月27日第3次区政府常务会议通过）'],
    ]);
  });

  it('finds the 4 abbreviations with their full names and defining clauses', () => {
    expect(tree.crossrefs.abbreviations.map(({ short, full, clause }) => ({ short, full, clause }))).toEqual([
      { short: '区政府', full: '北京市朝阳区人民政府', clause: 'art-2-p1' },
      { short: '区委', full: '中共北京市朝阳区委', clause: 'art-2-p1' },
      { short: '区人大', full: '北京市朝阳区人民代表大会', clause: 'art-14-p1' },
      { short: '区政协', full: '政协北京市朝阳区委员会', clause: 'art-19-p1' },
    ]);
    const zqw = tree.crossrefs.abbreviations[1]!;
    expect(source.slice(zqw.span.start, zqw.span.end)).toBe('中共北京市朝阳区委（以下简称区委）');
  });

  it('finds the time expressions in the right clauses', () => {
    const found = tree.crossrefs.timeExpressions.map(({ text, clause, amount, unit, kind }) => ({ text, clause, amount, unit, kind }));
    // In document order; dates (2023年4月6日), 第3次 and 1至2个 are not time limits.
    expect(found).toEqual([
      { text: '5小时内', clause: 'art-25-p1', amount: 5, unit: 'hour', kind: 'within' },
      { text: '24小时内', clause: 'art-25-p1', amount: 24, unit: 'hour', kind: 'within' },
      { text: '每周召开1次', clause: 'art-39-p2', amount: 1, unit: 'week', kind: 'frequency' },
      { text: '会前3个工作日', clause: 'art-43-p2', amount: 3, unit: 'workingDay', kind: 'before' },
      { text: '不超过5分钟', clause: 'art-43-p2', amount: 5, unit: 'minute', kind: 'limit' },
      { text: '不超过3分钟', clause: 'art-43-p2', amount: 3, unit: 'minute', kind: 'limit' },
      { text: '提前7个工作日', clause: 'art-52-p1', amount: 7, unit: 'workingDay', kind: 'before' },
      { text: '提前5个工作日', clause: 'art-54-p1', amount: 5, unit: 'workingDay', kind: 'before' },
      { text: '不少于1周', clause: 'art-64-p1', amount: 1, unit: 'week', kind: 'minimum' },
      { text: '至少提前7天', clause: 'art-69-p1', amount: 7, unit: 'day', kind: 'before' },
    ]);
    const spans = tree.crossrefs.timeExpressions.map((t) => t.span.start);
    expect(spans).toEqual([...spans].sort((a, b) => a - b));
  });

  it('finds the citations, nested brackets included, with the repealed document number', () => {
    const titles = tree.crossrefs.citations.map((c) => c.title);
    expect(titles).toContain('北京城市总体规划（2016年—2035年）');
    expect(titles).toContain('中华人民共和国宪法');
    expect(titles).toContain('党政机关公文格式');
    const plan = tree.crossrefs.citations.find((c) => c.title === '北京城市总体规划（2016年—2035年）')!;
    expect(plan.occurrences.map((o) => o.clause)).toEqual(['art-3-p1-i3']);
    const self = tree.crossrefs.citations.find((c) => c.title === '北京市朝阳区人民政府工作规则')!;
    expect(self.occurrences.map((o) => [o.clause, o.docNumber])).toEqual([
      ['notice', undefined],
      ['notice', undefined],
      ['art-72-p1', '朝政发〔2018〕9号'],
    ]);
  });

  it('has no internal references (the seed has none)', () => {
    expect(tree.crossrefs.references).toEqual([]);
  });

  it('positions the text of art-43-p2 at line 105, column 1', () => {
    const p = index.get('art-43-p2') as Paragraph;
    const text = p.children[0] as Text;
    expect(text.value.startsWith('提请区政府常务会议、区长办公会议讨论的议题')).toBe(true);
    expect(text.position.start).toEqual({ line: 105, column: 1, offset: 7559 });
    expect(text.position.end).toEqual({ line: 105, column: 132, offset: 7690 });
    expect(lineStarts(source)[104]).toBe(7559);
    const meeting = tree.crossrefs.timeExpressions.find((t) => t.text === '会前3个工作日')!;
    expect(meeting.span).toEqual({ start: 7599, end: 7606 });
  });

  it('positions article texts after the label: 一、 on line 27 starts the text at column 3', () => {
    const text = (article(1).children[0]!.children[0] as Text).position.start;
    expect(text).toEqual({ line: 27, column: 3, offset: lineStarts(source)[26]! + 2 });
    expect(article(1).position.start.column).toBe(1);
  });

  it('every text node slices back to its value, and every point matches its offset', () => {
    expect(textNodes(tree).length).toBeGreaterThan(100);
    expect(positionViolations(tree, source)).toEqual([]);
  });

  it('has unique ids', () => {
    expect(duplicateIds(tree)).toEqual([]);
  });

  it('loses nothing: the printed pieces are the source minus whitespace', () => {
    expect(fidelityViolation(tree, source)).toBeUndefined();
  });

  it('cross-reference spans slice back to their text', () => {
    expect(crossrefViolations(tree, source)).toEqual([]);
  });

  it('parses the same from a string as from bytes', () => {
    const fromString = parseRegulation(bytes.toString('utf8'), { path });
    expect(fromString.tree).toEqual(tree);
  });
});
