import { describe, expect, it } from 'vitest';
import { excerpt, formatDate } from '../../../src/render/format.ts';

describe('formatDate', () => {
  it('prints ISO dates the way official documents do', () => {
    expect(formatDate('2023-04-06')).toBe('2023年4月6日');
    expect(formatDate('2018-10-22')).toBe('2018年10月22日');
  });
  it('leaves anything else alone', () => {
    expect(formatDate('自印发之日起')).toBe('自印发之日起');
  });
});

describe('excerpt', () => {
  it('keeps short text whole', () => {
    expect(excerpt('本规则自印发之日起施行。', 50)).toBe('本规则自印发之日起施行。');
  });
  it('cuts long text at a punctuation mark near the limit', () => {
    const text = '一二三四五六七八九十，一二三四五六七八九十。一二三四五六七八九十';
    expect(excerpt(text, 25)).toBe('一二三四五六七八九十，一二三四五六七八九十……');
  });
  it('drops layout whitespace', () => {
    expect(excerpt('总    则', 10)).toBe('总则');
  });
});
