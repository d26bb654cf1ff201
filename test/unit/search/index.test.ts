import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchEngine } from '../../../src/search/engine.ts';
import { readShard, shardOf, unpackDirectory } from '../../../src/search/index-format.ts';
import { writeIndex, type IndexPage } from '../../../src/search/index-writer.ts';
import { postingsFromTexts } from '../../../src/search/match.ts';
import { parseQuery } from '../../../src/search/query.ts';
import { rankQuery } from '../../../src/search/rank.ts';

/**
 * A library large enough for long lists to be split into blocks: 60
 * regulations of 40 articles, every article about 会议 (a common pair), a
 * few with rare phrases. The engine over the written index must find what
 * the in-memory reference (match.ts over the plain texts) finds, while
 * fetching only part of the common lists.
 */
const SUBJECTS = ['区长', '副区长', '委员会', '街道办事处', '审计机关', '财政部门', '人民政府', '工作人员'];
const ACTIONS = ['主持', '召集', '审议', '报送', '备案', '公开', '监督', '组织'];
const text = (r: number, a: number) =>
  `第${a + 1}条　${SUBJECTS[(r + a) % 8]}${ACTIONS[(r * 3 + a) % 8]}会议，应当于会前${(a % 5) + 1}个工作日通知。` +
  (a === 7 && r % 20 === 3 ? '涉及疫情防控的特别事项，另行规定。' : '') +
  (a === 11 && r === 42 ? '三公经费的使用情况每年公开一次。' : '');

const pages: IndexPage[] = [];
for (let r = 0; r < 60; r++) {
  for (let a = 0; a < 40; a++) {
    pages.push({
      url: `/regulations/r${r}/articles/${a + 1}/`,
      text: text(r, a),
      meta: { citation: `第${a + 1}条 · 规定${r}` },
      filters: { regulation: [`规定${r}`], kind: [r % 2 ? '规范性文件' : '地方政府规章'] },
      kinds: 'tn',
    });
  }
}
// A regulation whose title no clause holds whole, though its words are in almost every clause.
const TITLE = '会议通知工作规定';
for (let a = 0; a < 3; a++) {
  pages.push({ url: `/regulations/notice/articles/${a + 1}/`, text: `第${a + 1}条　自发布之日起施行。`, meta: { citation: `第${a + 1}条 · ${TITLE}` }, filters: { regulation: [TITLE] }, kinds: '' });
}

let dir = '';
let fetched: string[] = [];
const realFetch = globalThis.fetch;
let engine: SearchEngine;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'index-'));
  // Blocks of 2 kB: this library's common lists (≈ 11 kB) then fill several.
  await writeIndex(join(dir, 'search-index'), pages, [], { blockBytes: 2048 });
  globalThis.fetch = (async (url: string) => {
    fetched.push(String(url));
    try {
      return new Response(readFileSync(join(dir, String(url))));
    } catch {
      return new Response('', { status: 404 });
    }
  }) as typeof fetch;
  engine = await SearchEngine.open('/search-index/');
});

afterAll(() => {
  globalThis.fetch = realFetch;
  rmSync(dir, { recursive: true, force: true });
});

const reference = postingsFromTexts(new Map(pages.map((p, i) => [String(i), p.text])));
const expected = (q: string) => new Set(rankQuery(parseQuery(q), reference.postings, reference.stats).results.map((m) => m.page));

describe('the search index', () => {
  it('finds exactly what the plain texts hold, for rare and common terms', async () => {
    for (const q of ['疫情防控', '三公经费', '区长主持会议', '工作日通知', '会议', '第12条', '审计机关备案会议']) {
      const got = new Set((await engine.search(q)).ranking.results.map((m) => m.page));
      if (q === '第12条') expect(got.size, q).toBeGreaterThan(0);
      else expect(got, q).toEqual(expected(q));
    }
  });

  it('loads only the blocks where a rarer pair left candidates', async () => {
    const fresh = await SearchEngine.open('/search-index/');
    fetched = [];
    expect((await fresh.search('特别事项另行规定会议')).ranking.results.length).toBe(3);
    const some = fetched.filter((u) => u.includes('/b/')).length;
    fetched = [];
    await fresh.search('会议');
    const all = some + fetched.filter((u) => u.includes('/b/')).length;
    // 会议 fills many blocks; the phrase needed only those holding its 3 clauses.
    expect(all).toBeGreaterThanOrEqual(5);
    expect(some).toBeLessThanOrEqual(3);
  });

  it('answers questions from the rare pairs, as the reference ranks them first', async () => {
    const q = '三公经费怎么公开';
    const got = (await engine.search(q)).ranking.results.map((m) => m.page);
    const ref = rankQuery(parseQuery(q), reference.postings, reference.stats).results.map((m) => m.page);
    expect(got[0]).toBe(ref[0]);
  });

  it('answers a title no clause holds whole with its regulation only, not with clauses holding its words', async () => {
    // The words alone match: a scored pass over 会议 通知 工作 finds clauses.
    expect(expected(TITLE).size).toBeGreaterThan(0);
    const o = await engine.search(TITLE);
    expect(o.ranking.results.map((m) => m.page)).toEqual(['regulation:/regulations/notice/']);
  });

  it('does not look up a lone character when scoring words', async () => {
    const dirOf = (name: string) => join(dir, 'search-index', JSON.parse(readFileSync(join(dir, 'search-index', 'entry.json'), 'utf8')).hash, `${name}.bin`);
    const directory = unpackDirectory(JSON.parse(gunzipSync(readFileSync(dirOf('dir'))).toString()));
    // 会 is in every clause: its list is in blocks, one of which holds the answer.
    const info = readShard(gunzipSync(readFileSync(dirOf(`s/${shardOf('会', directory.shards)}`)))).get('会')!;
    expect(info.blocks).toBeDefined();
    const blocks = new Set(info.blocks!.starts.map((_, i) => `/b/${info.blocks!.first + i}.bin`));
    const fresh = await SearchEngine.open('/search-index/');
    fetched = [];
    const q = '三公经费 会 怎么';
    expect(parseQuery(q).content.map((c) => c.text)).toEqual(['三公经费', '会']);
    const o = await fresh.search(q);
    expect(o.ranking.results[0]!.page).toBe(String(42 * 40 + 11));
    expect(fetched.filter((u) => [...blocks].some((b) => u.endsWith(b)))).toEqual([]);
  });

  it('gives each result its URL, citation and filters from the directory and rows', async () => {
    const o = await engine.search('三公经费');
    const [link] = await engine.links(o.ranking.results);
    expect(link).toMatchObject({ citation: '第12条 · 规定42' });
    expect(link!.href.startsWith('/regulations/r42/articles/12/?hl=')).toBe(true);
    expect(engine.facets.values('kind', o.ranking.results[0]!.page)).toEqual(['地方政府规章']);
    expect(engine.facets.values('regulation', o.ranking.results[0]!.page)).toEqual(['规定42']);
  });
});
