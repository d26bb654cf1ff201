import { describe, expect, it } from 'vitest';
import { packPages, unpackPages, type PagesData } from '../../../src/search/page-table.ts';

const pages: PagesData = {
  p1: ['/regulations/a/#notice', '印发通知 · 甲法', 30, { regulation: ['甲法'], kind: ['法律'] }, ''],
  p2: ['/regulations/a/articles/1/', '第一条 · 第一章 总则 · 甲法', 12, { regulation: ['甲法'], chapter: ['第一章 总则'], kind: ['法律'] }, 't'],
  p3: ['/regulations/a/articles/2/', '第二条 · 第一章 总则 · 甲法', 8, { regulation: ['甲法'], chapter: ['第一章 总则'], kind: ['法律'] }, 'tn'],
  p4: ['/regulations/a/2018-01-01/articles/1/', '第一条 · 甲法', 9, { regulation: ['甲法'], kind: ['法律'], status: ['已修改'] }, ''],
  // A citation not in the usual form, and a page with two chapters: kept whole.
  p5: ['/regulations/b/articles/1/', '乙规定第一条', 5, { regulation: ['乙规定'], chapter: ['第一章', '第二章'] }, 'n'],
  p6: ['/regulations/b/articles/2/', '第二条 · 第二章 · 乙规定', 5, { regulation: ['乙规定'], chapter: ['第二章'] }, ''],
};
const meta = Object.entries(pages).map(([id, p]) => ({ id, words: p[2] }));

describe('page table and directory', () => {
  const { directory, table } = packPages(Object.values(pages));

  it('read back the pages exactly, in the meta’s order', () => {
    const back = unpackPages(meta, directory, table);
    expect(back).toEqual(pages);
    expect(Object.keys(back)).toEqual(Object.keys(pages));
  });

  it('name each regulation version once, with its chapters, and store labels instead of citations', () => {
    expect(directory.map(([base]) => base)).toEqual(['/regulations/a/', '/regulations/a/2018-01-01/', '/regulations/b/', '/regulations/b/']);
    expect(directory[0]![2]).toEqual(['第一章 总则']);
    expect(table.l).toEqual(['印发通知', '第一条', '第二条', '第一条', '乙规定第一条', '第二条']);
    expect(table.w).toEqual([4]);
    expect(table.u).toEqual(['#notice', 'articles/1/', 'articles/2/', 'articles/1/', 'articles/1/', 'articles/2/']);
  });

  it('refuse a table that does not match the meta', () => {
    expect(() => unpackPages(meta.slice(1), directory, table)).toThrow(/不一致/);
  });
});
