import { describe, expect, it } from 'vitest';
import { decodeLibrary, encodeLibrary, type ListedWork } from '../../../src/library/compact.ts';
import { applyFilters, filtersFrom, isFiltered, searchOf } from '../../../src/library/filter.ts';

const WORKS: ListedWork[] = [
  { slug: '安全生产法', title: '中华人民共和国安全生产法', kind: '法律', issuer: '全国人民代表大会常务委员会', date: '2021-06-10', status: 'inForce' },
  { slug: '农药管理条例', title: '农药管理条例', kind: '行政法规', issuer: '国务院', date: '2017-03-16', status: 'inForce' },
  { slug: '北京市安全生产条例', title: '北京市安全生产条例', kind: '地方性法规', date: '2022-05-25', status: 'notYetInForce' },
  { slug: '旧办法', title: '《旧》办法', kind: '部门规章', issuer: '公安部', date: '', status: 'repealed' },
];

describe('the compact index', () => {
  it('round-trips every field, storing names once and a title only when it differs from the slug', () => {
    const data = encodeLibrary(WORKS, ['法律', '行政法规', '地方性法规', '部门规章'], ['全国人民代表大会常务委员会', '国务院', '公安部']);
    expect(decodeLibrary(JSON.parse(JSON.stringify(data)))).toEqual(WORKS);
    expect(data.works[1]).toEqual(['农药管理条例', '', 1, 1, '20170316', 0]);
    expect(data.works[2]![3]).toBe(-1);
  });
});

describe('filters', () => {
  it('read from and write to the URL, leaving defaults out', () => {
    const f = filtersFrom(new URLSearchParams('q=安全+生产&kind=法律&sort=title&junk=1'));
    expect(f).toEqual({ q: '安全 生产', kind: '法律', issuer: '', status: '', year: '', sort: 'title' });
    expect(filtersFrom(new URLSearchParams(searchOf(f)))).toEqual(f);
    expect(searchOf(filtersFrom(new URLSearchParams('sort=date')))).toBe('');
    expect(isFiltered(filtersFrom(new URLSearchParams('sort=bogus')))).toBe(false);
  });

  it('need every title word, ignoring 《》 and full-width forms', () => {
    const titles = (q: string) => applyFilters(WORKS, filtersFrom(new URLSearchParams({ q }))).map((w) => w.slug);
    expect(titles('安全 条例')).toEqual(['北京市安全生产条例']);
    expect(titles('安全生产')).toEqual(['北京市安全生产条例', '安全生产法']);
    expect(titles('旧办法')).toEqual(['旧办法']);
    expect(titles('刑法')).toEqual([]);
  });

  it('by kind, issuer (part of the name), status and year', () => {
    const slugs = (s: string) => applyFilters(WORKS, filtersFrom(new URLSearchParams(s))).map((w) => w.slug);
    expect(slugs('kind=行政法规')).toEqual(['农药管理条例']);
    expect(slugs('issuer=全国人民代表大会')).toEqual(['安全生产法']);
    expect(slugs('status=repealed')).toEqual(['旧办法']);
    expect(slugs('year=2021')).toEqual(['安全生产法']);
    expect(slugs('kind=法律&status=repealed')).toEqual([]);
  });

  it('sort newest or oldest first (undated last) or by title', () => {
    const sorted = (sort: string) => applyFilters(WORKS, filtersFrom(new URLSearchParams({ sort }))).map((w) => w.slug);
    expect(sorted('date')).toEqual(['北京市安全生产条例', '安全生产法', '农药管理条例', '旧办法']);
    expect(sorted('date-asc')).toEqual(['农药管理条例', '安全生产法', '北京市安全生产条例', '旧办法']);
    const byTitle = sorted('title');
    expect([...byTitle].sort((a, b) => new Intl.Collator('zh-CN').compare(WORKS.find((w) => w.slug === a)!.title, WORKS.find((w) => w.slug === b)!.title))).toEqual(byTitle);
  });
});
