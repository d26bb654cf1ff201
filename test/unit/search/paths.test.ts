import { describe, expect, it } from 'vitest';
import { PathIndex, type PathEntry } from '../../../src/search/paths.ts';
import { parseQuery } from '../../../src/search/query.ts';

const entry = (id: string, title: string, text: string, regulation = '规则'): PathEntry => [`/helpers/approvals/${id}/`, `审批路径 · ${title}`, text, { regulation: [regulation] }];

const PATHS = new PathIndex([
  entry('leave/mayor', '离京请假和报备 · 区长', '离京请假和报备：区长 区长 向市长、区委书记请假 区长离京出差 请假 批准后报备 ＡＢＣ系统'),
  entry('leave/deputy', '离京请假和报备 · 副区长', '离京请假和报备：副区长 副区长 向区长请假 副区长离京出差 请假 会前7个工作日书面报告'),
  entry('visit/mayor', '出国访问审批 · 区长本人', '出国访问审批：区长本人 区长 报市政府审批 出国访问'),
  entry('document/order', '以区政府名义发文 · 令', '以区政府名义发文：令 区长 签发 令'),
]);
const urls = (q: string) => PATHS.search(parseQuery(q)).map((r) => r.url.replace(/^\/helpers\/approvals\/|\/$/g, ''));

describe('approval paths in search', () => {
  it('finds the paths containing a term verbatim, and only those', () => {
    expect(urls('请假').sort()).toEqual(['leave/deputy', 'leave/mayor']);
    expect(urls('出国访问')).toEqual(['visit/mayor']);
  });

  it('reads numbers and full-width letters as the clauses do', () => {
    expect(urls('七个工作日')).toEqual(['leave/deputy']);
    expect(urls('abc')).toEqual(['leave/mayor']);
  });

  it('answers a question from the words it contains', () => {
    expect(urls('副区长离京要向谁请假')[0]).toBe('leave/deputy');
  });

  it('finds nothing for words no path contains, and offers no "related" paths', () => {
    expect(urls('疫苗')).toEqual([]);
    expect(urls('养老保险')).toEqual([]);
  });

  it('lists a few at most, with their citation and filters', () => {
    expect(PATHS.search(parseQuery('区长'), 2)).toHaveLength(2);
    const [first] = PATHS.search(parseQuery('签发'));
    expect(first).toMatchObject({ url: '/helpers/approvals/document/order/', citation: '审批路径 · 以区政府名义发文 · 令', filters: { regulation: ['规则'] } });
  });
});
