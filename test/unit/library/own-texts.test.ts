import { describe, expect, it } from 'vitest';
import { buildTopicIndex, ownTexts, parseTopics } from '../../../src/render/topics.ts';
import { parseFile, SEED_SLUG, seedCorpus } from '../xref/helpers.ts';

const LAW = 'test/library/texts/行政法规/农药管理条例(2022-03-29).txt';
const TOPICS = parseTopics('- id: meetings\n  name: 会议\n  description: 会议\n  terms: [会议, 农药]\n');

describe('topics apply to the portal’s own texts', () => {
  const corpus = { regulations: [...seedCorpus().regulations, { slug: '农药管理条例', tree: parseFile(LAW) }] };

  it('keeps the texts its issuer or one of its offices issued, drops a national regulation using the same words', () => {
    expect(ownTexts(corpus, '北京市朝阳区人民政府').regulations.map((r) => r.slug)).toEqual([SEED_SLUG]);
    expect(ownTexts(corpus, '北京市朝阳区').regulations.map((r) => r.slug)).toEqual([SEED_SLUG]);
    expect(ownTexts(corpus, '上海市人民政府').regulations).toEqual([]);
  });

  it('so a topic lists no article of the national regulation', () => {
    const all = buildTopicIndex(corpus, TOPICS).members('meetings').map((m) => m.slug);
    const own = buildTopicIndex(ownTexts(corpus, '北京市朝阳区人民政府'), TOPICS).members('meetings').map((m) => m.slug);
    expect(all).toContain('农药管理条例');
    expect(own.length).toBeGreaterThan(0);
    expect(new Set(own)).toEqual(new Set([SEED_SLUG]));
  });
});
