import { describe, expect, it } from 'vitest';
import { issuerOf, kindOf, kindRank } from '../../../src/library/facets.ts';
import type { Meta, Regulation } from '../../../src/tree/types.ts';

const text = (folder: string, meta: Partial<Meta> & { kind?: string } = {}) => ({
  folder,
  tree: { type: 'regulation', slug: 'x', meta: { title: 'x', ...meta }, children: [] } as unknown as Regulation,
});

describe('kind and issuer of a text', () => {
  it('take the metadata when it has them', () => {
    expect(kindOf(text('行政法规', { kind: '监察法规' }))).toBe('监察法规');
    expect(issuerOf(text('行政法规', { issuer: '中华人民共和国国务院' }))).toBe('中华人民共和国国务院');
  });

  it('else follow the folder: the deepest segment that names a kind, a subject folder of laws is 法律', () => {
    expect(kindOf(text('DLC/北京地方法规/地方性法规/北京'))).toBe('地方性法规');
    expect(kindOf(text('部门规章/公安部'))).toBe('部门规章');
    expect(kindOf(text('刑法'))).toBe('法律');
    expect(kindOf(text('宪法'))).toBe('宪法');
    expect(kindOf(text('我的文件夹'))).toBe('其他');
    expect(kindOf(text(''))).toBe('规范性文件');
    expect(issuerOf(text('部门规章/公安部'))).toBe('公安部');
    expect(issuerOf(text('行政法规'))).toBe('国务院');
    expect(issuerOf(text('DLC/北京地方法规/地方性法规/北京'))).toBe('北京人大及其常委会');
    expect(issuerOf(text('司法解释'))).toBeUndefined();
  });

  it('rank kinds as a reader expects, unknown ones last', () => {
    expect(kindRank('宪法')).toBeLessThan(kindRank('法律'));
    expect(kindRank('法律')).toBeLessThan(kindRank('地方性法规'));
    expect(kindRank('自创类别')).toBeGreaterThan(kindRank('其他'));
  });
});
