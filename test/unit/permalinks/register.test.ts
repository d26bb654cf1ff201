/**
 * The permalink register (content/permalinks/, checked by the build in
 * src/integration/index.ts): it covers every regulation in content/, and a
 * clause that changes its words or disappears fails the check, naming the
 * first one; layout whitespace and new permalinks do not.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, cpSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getCorpus } from '../../../src/corpus/index.ts';
import { ContentError } from '../../../src/data/content-error.ts';
import { checkPermalinks, comparePermalinks, updateRegister, type PermalinkCorpus } from '../../../src/integration/permalinks.ts';
import { parseRegulation } from '../../../src/parse/index.ts';
import { parseRegister } from '../../../src/render/permalink-register.ts';
import { insertArticle37 } from './renumber.ts';

const SLUG = 'chaoyang-government-work-rules';
const PATH = `content/regulations/${SLUG}.txt`;
const SEED = readFileSync(PATH, 'utf8');
const REGISTER = 'content/permalinks';

/** content/'s library with the seed's text replaced by `source` (the register covers every regulation of it). */
function corpusOf(source: string): PermalinkCorpus {
  const { tree } = parseRegulation(new TextEncoder().encode(source), { path: PATH, slug: SLUG });
  if (!tree) throw new Error('the edited seed must still parse');
  const others = getCorpus().regulations.filter((r) => r.slug !== SLUG);
  return { regulations: [{ slug: SLUG, path: PATH, tree }, ...others] };
}

function errorOf(run: () => unknown): ContentError {
  try {
    run();
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error('expected a ContentError');
}

describe('the committed register', () => {
  it('covers every permalink of every regulation in content/, and they all keep their words', () => {
    const { errors, warnings, diff } = comparePermalinks(getCorpus(), REGISTER);
    expect(errors).toEqual([]);
    expect(diff.fresh.map((p) => p.url)).toEqual([]);
    expect(warnings).toEqual([]);
    const files = readdirSync(REGISTER).filter((f) => f.endsWith('.tsv'));
    expect(files.sort()).toEqual(getCorpus().regulations.map((r) => `${r.slug}.tsv`).sort());
  });

  it('keeps the URLs published before it (article pages, clause fragments)', () => {
    const urls = new Set(parseRegister(readFileSync(join(REGISTER, `${SLUG}.tsv`), 'utf8')).entries.map((e) => e.url));
    for (const url of [`/regulations/${SLUG}/articles/43/`, `/regulations/${SLUG}/#art-43-p2`, `/regulations/${SLUG}/#art-38-p1-i5`, `/regulations/${SLUG}/#notice`, `/regulations/${SLUG}/#ch-15`]) {
      expect(urls.has(url), url).toBe(true);
    }
    expect(urls.size).toBe(262);
  });
});

describe('checking a changed text against the register', () => {
  it('inserting an article 37 and renumbering the rest fails, naming article 37 first', () => {
    const error = errorOf(() => checkPermalinks(corpusOf(insertArticle37(SEED)), REGISTER));
    expect(error.messages[0]).toMatch(
      new RegExp(`^content/permalinks/${SLUG}\\.tsv:\\d+:1: 永久链接 /regulations/${SLUG}/#art-37（第三十七条）的条文变了：登记为“区政府全体会议由区长.*”，现为“区政府建立会议纪要公开.*”（${PATH.replace('.', '\\.')}:\\d+:1） \\[permalink-changed\\]$`),
    );
    expect(error.messages[1]).toContain(`/regulations/${SLUG}/articles/37/（第三十七条）的条文变了`);
    // Capped in the build; `npm run permalinks` lists them all.
    expect(error.messages).toHaveLength(21);
    expect(error.messages.at(-1)).toMatch(/^……另有 \d+ 处（npm run permalinks 列出全部）$/);
    expect(error.hint).toContain('npm run permalinks -- --update');
    expect(error.hint).toContain('新版本');
    const all = comparePermalinks(corpusOf(insertArticle37(SEED)), REGISTER);
    // Article 72 moved to 73: its old URL now shows article 71's words; 73 is new.
    expect(all.errors.some((e) => e.includes(`/regulations/${SLUG}/articles/72/（第七十二条）的条文变了`))).toBe(true);
    expect(all.diff.fresh.map((p) => p.url)).toContain(`/regulations/${SLUG}/articles/73/`);
    // The old article 37 had items and a second paragraph; the new one has neither.
    expect(all.diff.gone.map((g) => g.url)).toEqual(expect.arrayContaining([`/regulations/${SLUG}/#art-37-p2`, `/regulations/${SLUG}/#art-37-p1-i1`]));
  });

  it('an edit to one paragraph fails for that paragraph and its article only', () => {
    const edited = SEED.replace('区政府专题会议由区长或副区长召集和主持', '区政府专题会议由区长召集和主持');
    expect(edited).not.toBe(SEED);
    const { errors } = comparePermalinks(corpusOf(edited), REGISTER);
    expect(errors.map((e) => /永久链接 ([^\s（]+)（/.exec(e)?.[1])).toEqual([
      `/regulations/${SLUG}/#art-41`,
      `/regulations/${SLUG}/articles/41/`,
      `/regulations/${SLUG}/#art-41-p1`,
    ]);
  });

  it('a removed clause is reported as gone', () => {
    const cut = SEED.split('\n').filter((l) => !l.startsWith('七十二、')).join('\n');
    const { errors } = comparePermalinks(corpusOf(cut), REGISTER);
    expect(errors).toEqual(
      expect.arrayContaining([expect.stringMatching(/#art-72（第七十二条）已不存在，登记的条文为“本规则自印发之日起施行。.*” \[permalink-gone\]$/)]),
    );
  });

  it('ignores layout whitespace and invisible format characters', () => {
    const relaid = SEED.replace('区政府专题会议由区长或副区长召集和主持', '区政府专题会议由区长或副区长\u3000召集和主持').replace(/^(七十二、)/m, '$1\u200b');
    expect(comparePermalinks(corpusOf(relaid), REGISTER).errors).toEqual([]);
  });

  it('without a register only warns', () => {
    const { errors, warnings } = comparePermalinks(corpusOf(SEED), join(tmpdir(), 'no-such-register'));
    expect(errors).toEqual([]);
    expect(warnings[0]).toMatch(/没有永久链接登记.*\[permalink-register-missing\]$/);
  });
});

describe('the register file', () => {
  it('reports malformed and duplicate lines at their line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'register-'));
    const url = `/regulations/${SLUG}/#art-1`;
    writeFileSync(join(dir, 'a.tsv'), `# comment\n${url}\tnot-a-hash\tx\n${url}\t95905009a144\tx\n`);
    writeFileSync(join(dir, 'b.tsv'), `${url}\t95905009a144\tx\n`);
    const { errors } = comparePermalinks(corpusOf(SEED), dir);
    expect(errors[0]).toMatch(/a\.tsv:2:1: 不是“网址<TAB>12 位十六进制指纹<TAB>条文开头”.*\[permalink-register-syntax\]$/);
    expect(errors[1]).toMatch(/b\.tsv:1:1: 网址 \/regulations\/.*#art-1 已登记于 .*a\.tsv:3 \[permalink-register-duplicate\]$/);
  });

  it('--update records the current permalinks and drops files of regulations no longer published', () => {
    const dir = mkdtempSync(join(tmpdir(), 'register-'));
    cpSync(REGISTER, dir, { recursive: true });
    writeFileSync(join(dir, 'repealed-rules.tsv'), '/regulations/repealed-rules/#art-1\t0123456789ab\tx\n');
    const changed = corpusOf(insertArticle37(SEED));
    const before = updateRegister(changed, dir);
    expect(before.changed.length).toBeGreaterThan(100);
    expect(before.gone.map((g) => g.url)).toContain('/regulations/repealed-rules/#art-1');
    expect(existsSync(join(dir, 'repealed-rules.tsv'))).toBe(false);
    expect(comparePermalinks(changed, dir)).toMatchObject({ errors: [], warnings: [] });
  });
});
