import { describe, expect, it } from 'vitest';
import { clauseAnchor, parseCitation, resolveTitle, titleKey } from '../../../src/search/citation.ts';
import { REGULATION_PREFIX, RegulationDirectory } from '../../../src/search/scope.ts';
import type { Directory } from '../../../src/search/index-format.ts';

describe('citations', () => {
  it('reads a pasted citation, with or without 《title》, 款 and 项, in either numerals', () => {
    expect(parseCitation('第四十三条第二款')).toEqual({ title: undefined, article: 43, sub: undefined, paragraph: 2, item: undefined });
    expect(parseCitation('《北京市朝阳区人民政府工作规则》第四十三条第二款')).toMatchObject({ title: '北京市朝阳区人民政府工作规则', article: 43, paragraph: 2 });
    expect(parseCitation('监察法第8条')).toMatchObject({ title: '监察法', article: 8 });
    expect(parseCitation('第12条之一第1款第3项')).toMatchObject({ article: 12, sub: 1, paragraph: 1, item: 3 });
    expect(parseCitation('  《 宪法 》 第 ３ 条 ')).toMatchObject({ title: '宪法', article: 3 });
    expect(parseCitation('区长出差谁主持工作')).toBeUndefined();
    expect(parseCitation('第一条的规定')).toBeUndefined();
  });

  it('anchors a 款 or 项 as the article page does', () => {
    expect(clauseAnchor({ article: 43, paragraph: 2 })).toBe('#art-43-p2');
    expect(clauseAnchor({ article: 10, item: 3 })).toBe('#art-10-p1-i3');
    expect(clauseAnchor({ article: 12, sub: 1, paragraph: 2 })).toBe('#art-12-1-p2');
    expect(clauseAnchor({ article: 43 })).toBe('');
  });

  it('resolves a title: exact, then short (no 中华人民共和国), then containing ones only for a title-like query', () => {
    const regs = [
      { title: '中华人民共和国监察法', bases: ['/regulations/监察法/'] },
      { title: '中华人民共和国监察官法', bases: ['/regulations/监察官法/'] },
      { title: '广东省土地管理条例', bases: ['/regulations/广东省土地管理条例/'] },
      { title: '北京市实施《中华人民共和国城市居民委员会组织法》办法', bases: ['/regulations/b/'] },
    ];
    expect(resolveTitle('监察法', regs).map((r) => r.title)).toEqual(['中华人民共和国监察法']);
    expect(resolveTitle('《中华人民共和国监察法》', regs).map((r) => r.title)).toEqual(['中华人民共和国监察法']);
    expect(resolveTitle('土地管理条例', regs).map((r) => r.title)).toEqual(['广东省土地管理条例']);
    expect(resolveTitle('北京市实施中华人民共和国城市居民委员会组织法办法', regs)).toHaveLength(1);
    // Not title-like: a phrase that happens to be inside a title is no title query.
    expect(resolveTitle('土地管理', regs)).toEqual([]);
    expect(resolveTitle('土地管理', regs, true).map((r) => r.title)).toEqual(['广东省土地管理条例']);
    expect(titleKey('刑法修正案(四)')).toBe(titleKey('刑法修正案（四）'));
    // A date line run into the title does not hide it behind a longer title containing the query.
    const more = [
      { title: '中华人民共和国外商投资法2019年3月15日第十三届全国人民代表大会第二次会议通过', bases: ['/regulations/外商投资法/'] },
      { title: '中华人民共和国外商投资法实施条例', bases: ['/regulations/外商投资法实施条例/'] },
    ];
    expect(resolveTitle('外商投资法', more).map((r) => r.bases[0])).toEqual(['/regulations/外商投资法/']);
  });
});

describe('what a query names', () => {
  const regulation = (base: string, title: string, articles: number): Directory['regulations'][number] => [base, title, 0, articles, articles, -1];
  const directory: Directory = {
    version: 2, pages: 5, avgLength: 10, shards: 1, filters: {},
    regulations: [
      regulation('/regulations/j/2018-03-20/', '中华人民共和国监察法', 1),
      regulation('/regulations/j/', '中华人民共和国监察法', 2),
      regulation('/regulations/g/', '国务院组织法', 1),
    ],
  };
  const pages: Record<string, string> = {
    '/regulations/j/2018-03-20/articles/8/': 'a',
    '/regulations/j/articles/8/': 'b',
    '/regulations/j/articles/9/': 'c',
    '/regulations/g/articles/8/': 'd',
    '/regulations/g/#notice': 'e',
  };
  const dir = new RegulationDirectory(directory);
  const resolve = (q: string) => dir.resolve(q, async (base, suffix) => pages[base + suffix]);

  it('opens the cited article of the named regulation, current version first, with the 款 anchor', async () => {
    const r = await resolve('《中华人民共和国监察法》第八条第二款');
    expect(r.results.map((m) => [m.page, m.anchor])).toEqual([
      ['b', '#art-8-p2'],
      ['a', '#art-8-p2'],
    ]);
    expect(r.citation && r.titled).toBe(true);
  });

  it('without a title, that article of every regulation; a title alone, the regulation itself', async () => {
    expect((await resolve('第8条')).results.map((m) => m.page).sort()).toEqual(['a', 'b', 'd']);
    expect((await resolve('监察法')).results.map((m) => m.page)).toEqual([`${REGULATION_PREFIX}/regulations/j/`]);
    expect(dir.byBase.get('/regulations/j/')).toEqual({ title: '中华人民共和国监察法', articles: 2, index: 1 });
  });

  it('names nothing for an unknown title or an ordinary query', async () => {
    expect((await resolve('《民法典》第八条')).results).toEqual([]);
    expect((await resolve('会议纪要')).results).toEqual([]);
  });
});

describe('did you mean', () => {
  it('offers the simplified spelling of a traditional query', async () => {
    const { simplified } = await import('../../../src/search/suggest.ts');
    expect(await simplified('區長辦公會議')).toBe('区长办公会议');
    expect(await simplified('区长')).toBeUndefined();
  });

  it('finds where a query would match but for one character', async () => {
    const { typoSites } = await import('../../../src/search/suggest.ts');
    const { postingsFromTexts } = await import('../../../src/search/match.ts');
    const { postings } = postingsFromTexts(new Map([['p', '甲区长办公会议每周召开']]));
    const sites = typoSites([...'区长办工会议'], postings);
    expect(sites[0]).toEqual({ page: 'p', typo: 3, start: 1 });
    expect(typoSites([...'完全无关的词'], postings)).toEqual([]);
  });
});
