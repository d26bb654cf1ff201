import { beforeAll, describe, expect, it } from 'vitest';
import { clauseCitations } from '../../../src/render/citation.ts';
import { clauseInWords } from '../../../src/render/urls.ts';
import { idInWords, idOfWords } from '../../../src/tree/clause-words.ts';
import { sampleLibrary } from '../versions/library.ts';

// Parsing the sample library takes seconds on a busy machine: once per file, outside the tests' time limit.
beforeAll(() => void sampleLibrary(), 120_000);

describe('clause words', () => {
  it('formats ids as cited: 目 in Arabic, 序言 and 附件 paragraphs as 段', () => {
    expect(idInWords('art-12-p2-i3-s1')).toBe('第十二条第二款第三项第1目');
    expect(idInWords('art-12-1')).toBe('第十二条之一');
    expect(idInWords('appendix-1-p2')).toBe('附件1第二段');
    expect(idInWords('preamble-p2')).toBe('序言第二段');
    expect(idInWords('ch-2-sec-1')).toBe('第二章第一节');
    expect(idInWords('art-38-p1-i5', true)).toBe('第三十八条第五项');
  });

  it('parses words back to ids', () => {
    expect(idOfWords('第四条第一款第二项')).toBe('art-4-p1-i2');
    expect(idOfWords('第三条第五项')).toBe('art-3-p1-i5');
    expect(idOfWords('第十二条之一')).toBe('art-12-1');
    expect(idOfWords('第一百零一条第二款')).toBe('art-101-p2');
    expect(idOfWords('第十二条第二款第三项第1目')).toBe('art-12-p2-i3-s1');
    expect(idOfWords('本条')).toBeUndefined();
  });

  it('agrees with the page citations on every clause of the sample library', () => {
    let checked = 0;
    for (const r of sampleLibrary().regulations) {
      for (const [id, words] of clauseCitations(r.tree)) {
        if (!id.startsWith('art-')) {
          // Ids number appendices (附件1) whatever their printed label (附件一).
          expect(clauseInWords(id)).toBe(id.startsWith('appendix-') ? words.replace(/^附件[^第]*/, `附件${id.split('-')[1]}`) : words);
          continue;
        }
        // The page omits 第一款 of a one-款 article; so does the id form when told so.
        const single = !words.includes('款') && /-p1(-|$)/.test(id);
        expect(clauseInWords(id, single), id).toBe(words);
        expect(idOfWords(words), words).toBe(id.replace(/-p1$/, single ? '' : '-p1'));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
