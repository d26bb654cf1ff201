import type { Link, Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkClauseLinks from '../../../src/render/remark-clause-links.ts';
import type { CorpusLike } from '../../../src/render/xref-index.ts';
import { ROOT, SEED_SLUG, seedCorpus, statuteCorpus } from './helpers.ts';

const SEED = `/regulations/${SEED_SLUG}/`;

async function run(markdown: string, corpus: CorpusLike, frontmatter: Record<string, unknown> = {}): Promise<{ links: { text: string; url: string; title: string | null | undefined }[]; tree: Root }> {
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkClauseLinks, { corpus });
  const file = new VFile({ value: markdown, path: `${ROOT}/content/notes/example.mdx`, data: { astro: { frontmatter } } });
  const tree = (await processor.run(processor.parse(file), file)) as Root;
  const links: { text: string; url: string; title: string | null | undefined }[] = [];
  visit(tree, 'link', (node: Link) => {
    links.push({ text: node.children.map((c) => ('value' in c ? c.value : '')).join(''), url: node.url, title: node.title });
  });
  return { links, tree };
}

async function failure(markdown: string, corpus: CorpusLike, frontmatter: Record<string, unknown> = {}): Promise<string> {
  try {
    await run(markdown, corpus, frontmatter);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the plugin to fail');
}

describe('remarkClauseLinks', () => {
  const seed = seedCorpus();

  it('turns 第四十三条, 第四十三条第二款, 四十三、 and [[slug#id]] into permalinks', async () => {
    const { links } = await run(
      [
        '根据第四十三条第二款，材料应当在会前报送。',
        '',
        '第四十三条规定了征求意见的程序，与四十二、报批程序衔接；另见第三十八条第五项。',
        '',
        '参见 [[chaoyang-government-work-rules#art-43-p2]] 和 [[#art-2-p1]]。',
      ].join('\n'),
      seed,
      { regulation: SEED_SLUG },
    );
    expect(links).toEqual([
      { text: '第四十三条第二款', url: `${SEED}#art-43-p2`, title: '《北京市朝阳区人民政府工作规则》第四十三条第二款' },
      { text: '第四十三条', url: `${SEED}#art-43`, title: '《北京市朝阳区人民政府工作规则》第四十三条' },
      { text: '四十二、', url: `${SEED}#art-42`, title: '《北京市朝阳区人民政府工作规则》第四十二条' },
      { text: '第三十八条第五项', url: `${SEED}#art-38-p1-i5`, title: '《北京市朝阳区人民政府工作规则》第三十八条第一款第五项' },
      { text: '第四十三条第二款', url: `${SEED}#art-43-p2`, title: '《北京市朝阳区人民政府工作规则》第四十三条第二款' },
      { text: '第二条', url: `${SEED}#art-2-p1`, title: '《北京市朝阳区人民政府工作规则》第二条' },
    ]);
  });

  it('uses the only regulation when the frontmatter names none', async () => {
    const { links } = await run('见第七十二条。', seed);
    expect(links.map((l) => l.url)).toEqual([`${SEED}#art-72`]);
  });

  it('leaves enumerations, list markers, links, code and other documents alone', async () => {
    const { links } = await run(
      [
        '一、背景',
        '',
        '分为一、二、三类；如下：一、报送材料。调休上班的周六、周日，正月初六、初七。',
        '',
        '`第四十三条` 与 [第四十三条](/elsewhere/)。',
        '',
        '依照《中华人民共和国宪法》第十条。',
      ].join('\n'),
      seed,
    );
    expect(links).toEqual([{ text: '第四十三条', url: '/elsewhere/', title: null }]);
  });

  it('fails with file:line:column on a clause that does not exist', async () => {
    const message = await failure('第一段。\n\n按照第九十九条的规定。', seed, { regulation: SEED_SLUG });
    expect(message).toMatch(/^content\/notes\/example\.mdx:3:3: “第九十九条”：《北京市朝阳区人民政府工作规则》中没有编号为 art-99 的条文/);
    expect(await failure('见第四十三条第九款。', seed)).toMatch(/example\.mdx:1:2: .*art-43-p9/);
    expect(await failure('见 [[chaoyang-government-work-rules#art-43-p9]]。', seed)).toMatch(/example\.mdx:1:3: .*art-43-p9/);
    expect(await failure('见 [[no-such-rules#art-1]]。', seed)).toMatch(/本站没有网址名为“no-such-rules”的法规/);
  });

  it('checks <Clause ref> and fails on a missing clause', async () => {
    await expect(run('<Clause ref="chaoyang-government-work-rules#art-43-p2" />', seed)).resolves.toBeDefined();
    expect(await failure('正文\n\n<Clause ref="chaoyang-government-work-rules#art-43-p7" />', seed)).toMatch(/example\.mdx:3:1: <Clause ref=.*art-43-p7/);
    expect(await failure('<Clause />', seed)).toMatch(/需要文字属性 ref/);
  });

  it('checks the frontmatter: regulation and clauses must exist', async () => {
    expect(await failure('正文', seed, { regulation: 'nope' })).toMatch(/regulation “nope”不是本站的法规/);
    expect(await failure('正文', seed, { regulation: SEED_SLUG, clauses: ['art-43-p2', 'art-43-p5'] })).toMatch(/clauses：.*art-43-p5/);
  });

  it('needs a regulation when the portal has several and the page names none', async () => {
    const corpus = statuteCorpus();
    expect(await failure('见第三条。', corpus)).toMatch(/example\.mdx:1:2: 无法确定“第三条”指哪部法规/);
    const { links } = await run('见第三条第一款第二项；会议规则的二、。《示例市行政机关会议规则》第二条', corpus, { regulation: 'sample-statute-rules' });
    expect(links.map((l) => l.url)).toEqual(['/regulations/sample-statute-rules/#art-3-p1-i2', '/regulations/sample-meeting-rules/#art-2']);
  });
});
