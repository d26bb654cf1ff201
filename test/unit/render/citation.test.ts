import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { articleInWords, citationLine, clauseCitations, clauseInWords, formalCitation } from '../../../src/render/citation.ts';
import { parseRegulation } from '../../../src/parse/index.ts';

describe('clauseInWords', () => {
  it('cites an article by its number, whatever the printed style', () => {
    expect(articleInWords(43)).toBe('第四十三条');
    expect(articleInWords(12, 1)).toBe('第十二条之一');
    expect(articleInWords(101)).toBe('第一百零一条');
  });

  it('names 款 only when the article has more than one', () => {
    expect(clauseInWords({ article: { number: 43 }, paragraph: 2, paragraphCount: 3 })).toBe('第四十三条第二款');
    expect(clauseInWords({ article: { number: 3 }, paragraph: 1, paragraphCount: 1 })).toBe('第三条');
    expect(clauseInWords({ article: { number: 3 }, paragraph: 1, paragraphCount: 1, item: 5 })).toBe('第三条第五项');
  });

  it('cites 条款项目 down to the 目, in Arabic numerals as 目 are printed', () => {
    expect(clauseInWords({ article: { number: 12 }, paragraph: 2, paragraphCount: 2, item: 3, subitem: 1 })).toBe('第十二条第二款第三项第1目');
    expect(clauseInWords({ article: { number: 12, sub: 1 }, paragraphCount: 1 })).toBe('第十二条之一');
  });
});

describe('formal citation and the copied line', () => {
  it('puts the title in book-title marks and the URL after a space', () => {
    const c = formalCitation('北京市朝阳区人民政府工作规则', '第四十三条第二款');
    expect(c).toBe('《北京市朝阳区人民政府工作规则》第四十三条第二款');
    expect(citationLine(c, 'https://x.example/regulations/a/#art-43-p2')).toBe(
      '《北京市朝阳区人民政府工作规则》第四十三条第二款 https://x.example/regulations/a/#art-43-p2',
    );
  });
});

describe('clauseCitations over a tree', () => {
  it('cites every clause of the outline-numbered seed', () => {
    const bytes = readFileSync('content/regulations/chaoyang-government-work-rules.txt');
    const { tree } = parseRegulation(bytes, { path: 'seed.txt', slug: 'seed' });
    const cites = clauseCitations(tree!);
    expect(cites.get('art-43')).toBe('第四十三条');
    expect(cites.get('art-43-p2')).toBe('第四十三条第二款');
    // 三、 has a single 款: its items are 第三条第五项, not 第三条第一款第五项.
    expect(cites.get('art-3-p1')).toBe('第三条');
    expect(cites.get('art-3-p1-i5')).toBe('第三条第五项');
    expect(cites.get('art-38-p1-i5')).toBe('第三十八条第一款第五项');
    expect(cites.get('art-72')).toBe('第七十二条');
  });

  it('cites statute numbering with 之N, 款, 项 and 目', () => {
    const text = [
      '某市某某办法',
      '第一条　为了规范管理，制定本办法。',
      '第十二条　第一款内容。',
      '有下列情形之一的，依照本办法处理：',
      '（一）第一项；',
      '（二）第二项；',
      '（三）第三项，包括：',
      '1.第一目；',
      '2.第二目。',
      '第十二条之一　新增的条文。',
    ].join('\n');
    const { tree } = parseRegulation(text, { path: 'x.txt', slug: 'x' });
    const cites = clauseCitations(tree!);
    expect(cites.get('art-12-p2-i3')).toBe('第十二条第二款第三项');
    expect(cites.get('art-12-p2-i3-s1')).toBe('第十二条第二款第三项第1目');
    expect(cites.get('art-12-1')).toBe('第十二条之一');
  });
});
