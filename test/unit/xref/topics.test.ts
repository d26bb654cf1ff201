import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRegulation } from '../../../src/parse/index.ts';
import { segmentText } from '../../../src/render/links.ts';
import { relatedArticles, topicsOfArticle, CANDIDATES_PER_TOPIC } from '../../../src/render/related.ts';
import { AhoCorasick, buildTopicIndex, parseTopics, TopicsError, type Topic } from '../../../src/render/topics.ts';
import { textsWithClause } from '../../../src/tree/walk.ts';
import type { CorpusLike } from '../../../src/render/xref-index.ts';
import { ROOT, SEED_SLUG, seedCorpus } from './helpers.ts';

const TOPICS = parseTopics(readFileSync(resolve(ROOT, 'content/topics.yaml'), 'utf8'));

describe('AhoCorasick', () => {
  it('finds every occurrence, overlapping ones included, in one pass', () => {
    const ac = new AhoCorasick<string>([
      ['行政规范性文件', 'A'],
      ['规范性文件', 'B'],
      ['文件', 'C'],
      ['he', 'he'],
      ['she', 'she'],
      ['hers', 'hers'],
    ]);
    const found: [string, number][] = [];
    ac.scan('制定行政规范性文件；ushers', (v, end) => found.push([v, end]));
    expect(found).toEqual([
      ['A', 9],
      ['B', 9],
      ['C', 9],
      ['she', 14],
      ['he', 14],
      ['hers', 16],
    ]);
  });
});

describe('content/topics.yaml', () => {
  it('is valid: ASCII unique ids, names, descriptions, terms', () => {
    expect(TOPICS.length).toBeGreaterThanOrEqual(14);
    for (const name of ['区政府全体会议', '区政府常务会议', '区长办公会议', '区政府专题会议', '公文', '请假', '出国访问', '合法性审查', '政务公开', '督促检查', '重大行政决策', '行政规范性文件', '舆情回应', '内事活动', '外事活动']) {
      expect(TOPICS.map((t) => t.name)).toContain(name);
    }
  });

  it('reports mistakes with file:line:column', () => {
    const bad = '- id: Bad Id\n  name: 名称\n  description: 说明\n  terms: [词]\n- id: ok\n  name: 名称\n  description: 说明\n  terms: []\n';
    expect(() => parseTopics(bad, 'topics.yaml')).toThrow(TopicsError);
    try {
      parseTopics(bad, 'topics.yaml');
    } catch (e) {
      expect((e as Error).message).toContain('topics.yaml:1:7: id 只能用小写英文字母');
      expect((e as Error).message).toContain('topics.yaml:8:10: terms 应为至少一个匹配词的列表');
    }
  });
});

describe('topic index on the seed', () => {
  const corpus = seedCorpus();
  const index = buildTopicIndex(corpus, TOPICS);

  it('lists each topic\'s articles with the matching paragraphs/items', () => {
    const plenary = index.members('plenary-meeting').map((m) => [m.article, m.clauses]);
    expect(plenary).toContainEqual(['art-37', ['art-37-p1', 'art-37-p1-i4', 'art-37-p2']]);
    const executive = index.members('executive-meeting');
    expect(executive.find((m) => m.article === 'art-43')!.clauses).toEqual(['art-43-p2']);
    expect(index.members('domestic-events').map((m) => m.article)).toEqual(['art-52']);
    expect(index.members('leave').map((m) => m.article)).toEqual(['art-4', 'art-44', 'art-69']);
  });

  it('gives an article its topics', () => {
    const names = topicsOfArticle(SEED_SLUG, 'art-43', index).map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['区政府常务会议', '区长办公会议', '会议议题和材料']));
    expect(topicsOfArticle(SEED_SLUG, 'art-43', index)[0]!.href).toMatch(/^\/topics\/[a-z-]+\/$/);
  });

  it('ranks related articles by shared topics, then document order, never the article itself', () => {
    const related = relatedArticles(SEED_SLUG, 'art-43', 5, index, corpus);
    expect(related).toHaveLength(5);
    expect(related.map((r) => r.articleId)).not.toContain('art-43');
    const counts = related.map((r) => r.sharedTopics.length);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    expect(related[0]!.articleId).toBe('art-42'); // 常务会议, 区长办公会议 and 议题
    expect(related[0]!).toMatchObject({ href: `/regulations/${SEED_SLUG}/articles/42/`, label: '第四十二条', printedLabel: '四十二、', sameRegulation: true });
    expect(related[0]!.excerpt.length).toBeGreaterThan(10);
    expect(relatedArticles(SEED_SLUG, 'art-55', 3, index, corpus).map((r) => r.articleId)).toEqual(['art-56', 'art-4', 'art-54']);
  });
});

/** `regulations` statute-numbered texts of `perRegulation` articles, each using a few topic terms. */
function syntheticCorpus(regulations: number, perRegulation: number, topics: readonly Topic[]): CorpusLike {
  let seed = 12345;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const terms = topics.flatMap((t) => t.terms);
  const out: CorpusLike['regulations'][number][] = [];
  for (let r = 0; r < regulations; r++) {
    const lines = [`合成测试规则第${r + 1}号`, '', '第一条　为了测试，某某区人民政府（以下简称区政府）制定本规则。'];
    for (let a = 2; a <= perRegulation; a++) {
      const parts = Array.from({ length: 3 }, () => terms[rand(terms.length)]);
      lines.push(`第${a}条　区政府办理${parts[0]}事项，应当依照第${1 + rand(a - 1)}条和《某某管理办法》处理${parts[1]}和${parts[2]}。`);
      if (a % 3 === 0) lines.push(`前款规定的${parts[0]}，由区政府统一组织。`);
    }
    const slug = `synthetic-${r + 1}`;
    const { tree } = parseRegulation(lines.join('\n'), { path: `${slug}.txt`, slug });
    out.push({ slug, tree: tree! });
  }
  return { regulations: out };
}

/** Index, link and relate a whole corpus; returns how many related lists were built. */
function relateAll(corpus: CorpusLike): number {
  const index = buildTopicIndex(corpus, TOPICS);
  let n = 0;
  for (const { slug, tree } of corpus.regulations) {
    for (const { text } of textsWithClause(tree)) {
      expect(segmentText(slug, text, corpus).map((s) => s.text).join('')).toBe(text.value);
    }
    for (const article of tree.children) {
      if (article.type !== 'article') continue;
      expect(relatedArticles(slug, article.id, 5, index, corpus).length).toBeLessThanOrEqual(5);
      n++;
    }
  }
  return n;
}

// Speed is measured by `npm run bench`, not asserted here; these tests pin the
// behaviour at scale and the cap that keeps related-article work bounded.
describe('scale', () => {
  it('indexes, links and relates 2,000 generated articles', () => {
    expect(relateAll(syntheticCorpus(20, 100, TOPICS))).toBe(20 * 100);
  }, 120_000);

  it('caps the work of one related-articles query on a topic with thousands of members', () => {
    const corpus = syntheticCorpus(30, 100, [TOPICS[0]!]); // every article mentions the same topic
    const index = buildTopicIndex(corpus, [TOPICS[0]!]);
    expect(index.members(TOPICS[0]!.id).length).toBeGreaterThan(2 * CANDIDATES_PER_TOPIC);
    const related = relatedArticles('synthetic-30', 'art-50', 5, index, corpus);
    expect(related).toHaveLength(5);
    expect(related.every((r) => r.sameRegulation)).toBe(true); // same regulation first on ties
  }, 60_000);
});
