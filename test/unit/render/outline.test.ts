import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseRegulation } from '../../../src/parse/index.ts';
import { articleContexts, tocEntries } from '../../../src/render/outline.ts';
import { groupChildren } from '../../../src/render/blocks.ts';
import { legislationJsonLd, jsonForScript } from '../../../src/render/jsonld.ts';
import { CLAUSE_ID, permalinkLines } from '../../../src/render/permalinks.ts';
import { clauseIndex } from '../../../src/tree/query.ts';

const { tree } = parseRegulation(readFileSync('content/regulations/chaoyang-government-work-rules.txt'), { path: 'seed.txt', slug: 'seed' });
const seed = tree!;

describe('articleContexts', () => {
  const contexts = articleContexts(seed);
  it('lists every article with its chapter and neighbours', () => {
    expect(contexts).toHaveLength(72);
    const c43 = contexts.find((c) => c.article.id === 'art-43')!;
    expect(c43.divisions.map((d) => d.id)).toEqual(['ch-9']);
    expect(c43.prev?.id).toBe('art-42');
    expect(c43.next?.id).toBe('art-44');
    expect(contexts[0]!.prev).toBeUndefined();
    expect(contexts.at(-1)!.next).toBeUndefined();
  });
});

describe('tocEntries', () => {
  it('lists the notice and the fifteen chapters, with titles cleaned of padding', () => {
    const toc = tocEntries(seed);
    expect(toc[0]).toEqual({ id: 'notice', text: '印发通知', children: [] });
    const chapters = toc.filter((e) => e.id.startsWith('ch-'));
    expect(chapters).toHaveLength(15);
    expect(chapters[0]!.text).toBe('第一章 总则');
    expect(chapters[8]!.text).toBe('第九章 会议制度');
  });
});

describe('groupChildren', () => {
  it('splits a 款 into its lead text and its list of 项', () => {
    const para = clauseIndex(seed).get('art-38-p1');
    if (para?.type !== 'paragraph') throw new Error('art-38-p1 missing');
    const blocks = groupChildren(para.children);
    expect(blocks.map((b) => b.kind)).toEqual(['text', 'list']);
  });
  it('opens with an empty text line when the clause starts with its list', () => {
    const item = { type: 'item' } as const;
    expect(groupChildren([item]).map((b) => b.kind)).toEqual(['text', 'list']);
  });
});

describe('legislationJsonLd', () => {
  it('describes the seed as schema.org Legislation', () => {
    const ld = legislationJsonLd(seed.meta, 'https://x.example/regulations/seed/', 'inForce');
    expect(ld).toMatchObject({
      '@type': 'Legislation',
      name: '北京市朝阳区人民政府工作规则',
      legislationIdentifier: '朝政发〔2023〕5号',
      legislationDate: '2023-04-06',
      inLanguage: 'zh-CN',
      legislationLegalForce: 'https://schema.org/InForce',
      legislationPassedBy: { name: '北京市朝阳区人民政府' },
    });
    expect(legislationJsonLd(seed.meta, 'u', 'repealed')['legislationLegalForce']).toBe('https://schema.org/NotInForce');
  });
  it('cannot be closed early by text inside it', () => {
    expect(jsonForScript({ a: '</script><script>' })).not.toContain('</');
  });
});

describe('permalinks', () => {
  it('recognises clause ids and nothing else', () => {
    for (const id of ['notice', 'ch-9', 'art-43', 'art-43-p2', 'art-38-p1-i5', 'art-12-1', 'art-12-p2-i3-s1', 'ch-2-sec-1', 'appendix-1']) {
      expect(id).toMatch(CLAUSE_ID);
    }
    for (const id of ['main', 'site-search', 'contents', 'text']) expect(id).not.toMatch(CLAUSE_ID);
  });
  it('lists article pages before fragments', () => {
    expect(permalinkLines('s', ['1', '12-1'], ['art-1'])).toEqual([
      '/regulations/s/articles/1/',
      '/regulations/s/articles/12-1/',
      '/regulations/s/#art-1',
    ]);
  });
});
