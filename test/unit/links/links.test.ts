import { describe, expect, it } from 'vitest';
import { parseRegulation } from '../../../src/parse/index.ts';
import { linkIndex, type LinkCorpus } from '../../../src/links/index.ts';
import { citationReport } from '../../../src/links/report.ts';

const text = (title: string, effective: string, articles: string[]) =>
  `${title}\n${articles.map((a, k) => `第${'一二三四五六七八九十'[k]}条 ${a}`).join('\n')}\n`.replace(/^(.*)\n/, `$1\n（${effective}起施行）\n`);

function reg(slug: string, body: string, extra: { work?: string; version?: string; libraryPath?: string; path?: string; effective?: string } = {}) {
  const { tree, problems } = parseRegulation(body, { path: `${slug}.txt`, slug });
  if (!tree) throw new Error(problems.map((p) => p.reason).join('\n'));
  if (extra.effective) tree.meta.effective = { text: '', date: extra.effective };
  return { slug, tree, ...extra };
}

const TAX = ['为了规范个人所得税，制定本法。', '下列各项个人所得，应当缴纳个人所得税：\n（一）工资、薪金所得；\n（二）劳务报酬所得。', '居民个人取得前款所得，按年计算。', '下列所得免税：\n（一）奖金；\n（二）国债利息。\n前款第一项所得另行规定。'];

function corpus(): LinkCorpus {
  return {
    regulations: [
      reg('个人所得税法/2011-06-30', text('中华人民共和国个人所得税法', '2011', TAX), { work: '个人所得税法', version: '2011-06-30', libraryPath: '个人所得税法(2011-06-30).txt', effective: '2011-09-01' }),
      reg('个人所得税法', text('中华人民共和国个人所得税法', '2019', [...TAX, '本法自2019年1月1日起施行。']), { work: '个人所得税法', version: '2018-08-31', libraryPath: '个人所得税法(2018-08-31).txt', effective: '2019-01-01' }),
      reg('宪法', text('中华人民共和国宪法', '1982', ['中华人民共和国是社会主义国家。', '一切权力属于人民。']), { work: '宪法', libraryPath: '宪法.txt', effective: '1982-12-04' }),
      reg('a', text('甲市办法', '2015', ['根据宪法和个人所得税法第四条第一款第二项，制定本办法。', '依照《中华人民共和国个人所得税法》第二条、第三条办理；本办法第一条另有规定的除外。', '宪法学研究不在此列；个人所得税法第九条不存在。']), { libraryPath: 'a.txt', path: 'a.txt', effective: '2015-01-01' }),
      reg('b', text('乙市办法', '2020', ['依照个人所得税法第二条至第四条的规定，制定本办法。', '适用管理办法。']), { libraryPath: 'b.txt', effective: '2020-01-01' }),
      reg('c', text('丙省管理办法', '2020', ['一。']), { libraryPath: 'x/管理办法.txt', effective: '2020-01-01' }),
      reg('d', text('丁省管理办法', '2020', ['二。']), { libraryPath: 'y/管理办法.txt', effective: '2020-01-01' }),
    ],
  };
}

const linked = (index: ReturnType<typeof linkIndex>, c: LinkCorpus, slug: string) => {
  const tree = c.regulations.find((r) => r.slug === slug)!.tree;
  const out: string[] = [];
  for (const [base, list] of index.linksIn(slug)) {
    for (const l of list) out.push(`${sliceAt(tree, base, l.start, l.end)}→${l.slug}${l.id ? `#${l.id}` : ''}${l.currentSlug ? ` (现行 ${l.currentSlug})` : ''}`);
  }
  return out;
};

function sliceAt(tree: LinkCorpus['regulations'][number]['tree'], base: number, start: number, end: number): string {
  let found = '';
  const walk = (n: { type: string; value?: string; position?: { start: { offset: number } }; children?: unknown[] }) => {
    if (n.type === 'text' && n.position!.start.offset === base) found = n.value!.slice(start, end);
    for (const c of (n.children ?? []) as (typeof n)[]) walk(c);
  };
  walk(tree as never);
  return found;
}

describe('links between regulations', () => {
  const c = corpus();
  const index = linkIndex(c, '2026-12-01');

  it('takes 贯彻/落实 as words that introduce a cited law, as 根据/依照 are', () => {
    const withDuty = { regulations: [...c.regulations, reg('e', text('戊市办法', '2020', ['贯彻宪法，制定本办法。', '落实个人所得税法的规定。']), { libraryPath: 'e.txt', effective: '2020-01-01' })] };
    const links = linked(linkIndex(withDuty, '2026-12-01'), withDuty, 'e');
    expect(links).toContain('宪法→宪法');
    expect(links.some((l) => l.startsWith('个人所得税法→个人所得税法'))).toBe(true);
  });

  it('resolves bare names and clause words to the version in force on the citing text’s date', () => {
    expect(linked(index, c, 'a')).toEqual([
      '宪法→宪法',
      '个人所得税法→个人所得税法/2011-06-30 (现行 个人所得税法)',
      '第四条第一款第二项→个人所得税法/2011-06-30#art-4-p1-i2 (现行 个人所得税法)',
      '《中华人民共和国个人所得税法》→个人所得税法/2011-06-30 (现行 个人所得税法)',
      '第二条→个人所得税法/2011-06-30#art-2 (现行 个人所得税法)',
      '第三条→个人所得税法/2011-06-30#art-3 (现行 个人所得税法)',
      '个人所得税法→个人所得税法/2011-06-30 (现行 个人所得税法)',
    ]);
  });

  it('links each end of a range to the current version after its amendment', () => {
    expect(linked(index, c, 'b')).toEqual(['个人所得税法→个人所得税法', '第二条→个人所得税法#art-2', '第四条→个人所得税法#art-4']);
  });

  it('never links a name two works share, a longer word, or the text’s own clauses', () => {
    expect(index.names.workOf('管理办法')).toBeUndefined();
    expect(linked(index, c, 'b').some((l) => l.startsWith('管理办法'))).toBe(false);
    expect(linked(index, c, 'a').some((l) => l.startsWith('宪法学'))).toBe(false);
    expect(linked(index, c, 'a').some((l) => l.includes('本办法'))).toBe(false);
  });

  it('lists where each article is cited (被引用)', () => {
    expect(index.citedByArticle('个人所得税法/2011-06-30', 'art-4').map((l) => `${l.from.slug}:${l.from.clause}→${l.to.id}`)).toEqual(['a:art-1-p1→art-4-p1-i2']);
    // 第二条至第四条 cites 第三条.
    expect(index.citedByArticle('个人所得税法', 'art-3').map((l) => l.from.slug)).toEqual(['b']);
    expect(index.citedBy('宪法').map((l) => l.from.slug)).toEqual(['a']);
  });

  it('warns, with file:line:column, about cited clauses that do not exist', () => {
    const { warnings, stats } = citationReport(c);
    expect(warnings).toEqual([expect.stringMatching(/^a\.txt:5:\d+: 警告：引用的“第九条”.*\[unresolved-citation\]$/)]);
    expect(stats).toMatchObject({ resolved: 5, clauses: 6, clausesResolved: 5 });
  });

  it('recognises the parser’s missing-clause warnings that are another work’s clauses', () => {
    const { problems } = parseRegulation(text('甲市办法', '2015', ['根据宪法和个人所得税法第四条第一款第二项，制定本办法。', '依照《中华人民共和国个人所得税法》第二条、第三条办理；本办法第一条另有规定的除外。', '宪法学研究不在此列；个人所得税法第九条不存在。']), { path: 'a.txt', slug: 'a' });
    const lines = problems.filter((p) => p.ruleId === 'unresolved-reference').map((p) => `a.txt:${p.line}:${p.column}: ${p.reason} [${p.ruleId}]`);
    expect(lines.length).toBeGreaterThan(0);
    const { citesOtherWork } = citationReport(c);
    expect(lines.every(citesOtherWork)).toBe(true);
    expect(citesOtherWork('a.txt:2:1: 引用的“第八条”在本文中找不到 [unresolved-reference]')).toBe(false);
  });
});
