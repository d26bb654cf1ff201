import { describe, expect, it } from 'vitest';
import { groupWorks, versionDateOf, type Candidate } from '../../../src/corpus/works.ts';
import type { Meta } from '../../../src/tree/types.ts';

const text = (libraryPath: string, meta: Partial<Meta> & { title: string }, extra: Partial<Candidate> = {}): Candidate => ({
  libraryPath,
  work: extra.work ?? 'w',
  hash: extra.hash ?? libraryPath,
  meta: meta as Meta,
  ...(extra.version ? { version: extra.version } : {}),
});

describe('groupWorks', () => {
  it('orders versions by date and makes the latest in force current', () => {
    const { works, problems } = groupWorks(
      [
        text('a/监察法(2024-12-25).txt', { title: '中华人民共和国监察法', effective: { text: '', date: '2025-06-01' } }, { version: '2024-12-25' }),
        text('a/监察法(2018-03-20).txt', { title: '中华人民共和国监察法' }, { version: '2018-03-20' }),
      ],
      '2025-07-01',
    );
    expect(problems).toEqual([]);
    expect(works[0]!.versions.map((v) => v.version)).toEqual(['2018-03-20', '2024-12-25']);
    expect(works[0]!.current.libraryPath).toBe('a/监察法(2024-12-25).txt');
  });
  it('keeps the earlier version current until the later one takes effect', () => {
    const { works } = groupWorks(
      [
        text('x(2018-03-20).txt', { title: 'T' }, { version: '2018-03-20' }),
        text('x(2024-12-25).txt', { title: 'T', effective: { text: '', date: '2025-06-01' } }, { version: '2024-12-25' }),
      ],
      '2025-01-01',
    );
    expect(works[0]!.current.libraryPath).toBe('x(2018-03-20).txt');
  });
  it('takes a version date from the history when the file name has none', () => {
    const { works, problems } = groupWorks([text('x(2024-12-31).txt', { title: 'T' }, { version: '2024-12-31' }), text('x.txt', { title: 'T', issued: '2001-06-01' })], '2026-01-01');
    expect(problems).toEqual([]);
    expect(works[0]!.versions.map((v) => v.version)).toEqual(['2001-06-01', '2024-12-31']);
  });
  it('refuses two texts of one slug with different titles, naming the other file', () => {
    const { works, problems } = groupWorks([text('a/x.txt', { title: '甲条例' }), text('b/x.txt', { title: '乙条例' })], '2026-01-01');
    expect(works).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.ruleId).toBe('slug-collision');
    expect(problems[0]!.reason).toContain('a/x.txt');
  });
  it('treats titles differing only in punctuation as one work', () => {
    const { problems } = groupWorks([text('a.txt', { title: '最高人民法院、最高人民检察院关于X的解释', issued: '2019-01-01' }), text('b.txt', { title: '最高人民法院 最高人民检察院关于X的解释', issued: '2020-01-01' })], '2026-01-01');
    expect(problems).toEqual([]);
    // The title as read drops layout spaces: 最高人民法院最高人民检察院… is still that work.
    expect(groupWorks([text('a.txt', { title: '甲、乙关于X的解释', issued: '2019-01-01' }), text('b.txt', { title: '甲乙关于X的解释', issued: '2020-01-01' })], '2026-01-01').problems).toEqual([]);
  });
  it('publishes a byte-identical copy in another folder once', () => {
    const { works, problems } = groupWorks(
      [text('宪法相关法/居民身份证法(2011-10-29).txt', { title: 'T' }, { version: '2011-10-29', hash: 'h' }), text('行政法/居民身份证法(2011-10-29).txt', { title: 'T' }, { version: '2011-10-29', hash: 'h' })],
      '2026-01-01',
    );
    expect(problems).toEqual([]);
    expect(works[0]!.versions).toHaveLength(1);
    expect(works[0]!.copies[0]!.copy.libraryPath).toBe('行政法/居民身份证法(2011-10-29).txt');
  });
  it('refuses two different texts claiming the same version', () => {
    const { problems } = groupWorks([text('a/x(2021-04-29).txt', { title: 'T' }, { version: '2021-04-29', hash: '1' }), text('b/x(2021-04-29).txt', { title: 'T' }, { version: '2021-04-29', hash: '2' })], '2026-01-01');
    expect(problems.map((p) => p.ruleId)).toEqual(['version-duplicate']);
  });
  it('asks for a version date when a work has several texts and one has none', () => {
    const { problems } = groupWorks([text('x.txt', { title: 'T' }), text('x(2020-01-01).txt', { title: 'T' }, { version: '2020-01-01' })], '2026-01-01');
    expect(problems.map((p) => p.ruleId)).toEqual(['version-date']);
    expect(problems[0]!.libraryPath).toBe('x.txt');
  });
});

describe('versionDateOf', () => {
  it('prefers the latest dated event that made the text, then the issue date', () => {
    expect(versionDateOf({ title: 'T', issued: '2001-01-01' } as Meta)).toBe('2001-01-01');
    const meta = { title: 'T', history: [{ date: '2001-01-01', event: '通过' }, { date: '2010-05-05', event: '修正' }, { date: '2011-01-01', event: '施行' }] };
    expect(versionDateOf(meta as unknown as Meta)).toBe('2010-05-05');
  });
});

describe('titles', () => {
  it('refuses two works that share a title, saying how to make them versions', () => {
    const { problems } = groupWorks([text('a/甲.txt', { title: '某条例' }, { work: '甲' }), text('b/乙.txt', { title: '某条例' }, { work: '乙' })], '2026-01-01');
    expect(problems.map((p) => [p.libraryPath, p.ruleId])).toEqual([['b/乙.txt', 'title-duplicate']]);
    expect(problems[0]!.reason).toContain('work: 甲');
  });
});
