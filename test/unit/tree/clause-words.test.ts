import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { clauseCitation } from '../../../src/helpers/deadlines/client-data.ts';
import { clauseCitations } from '../../../src/render/citation.ts';
import { clauseInWords } from '../../../src/render/urls.ts';
import { clauseAnchor, parseCitation } from '../../../src/search/citation.ts';
import { CLAUSE_WORDS, clauseIdOf, idInWords, idOfWords, readClauseWords, type WordsContext } from '../../../src/tree/clause-words.ts';
import { sampleLibrary } from '../versions/library.ts';

// Parsing the sample library takes seconds on a busy machine: once per file, outside the tests' time limit.
beforeAll(() => void sampleLibrary(), 120_000);

/** The id the first clause words of `text` name, standing at `at`. */
function idAt(text: string, at: WordsContext = {}): string | undefined {
  const m = new RegExp(CLAUSE_WORDS).exec(text);
  const words = m ? readClauseWords(m) : undefined;
  return words && clauseIdOf(words, at);
}

describe('clause words', () => {
  it('formats ids as cited: 目 in Arabic, 序言 and 附件 paragraphs as 段', () => {
    expect(idInWords('art-12-p2-i3-s1')).toBe('第十二条第二款第三项第1目');
    expect(idInWords('art-12-1')).toBe('第十二条之一');
    expect(idInWords('appendix-1-p2')).toBe('附件1第二段');
    expect(idInWords('appendix-table-2-p1')).toBe('附表2第一段');
    expect(idInWords('appendix-list-p3')).toBe('附件第三段');
    expect(idInWords('preamble-p2')).toBe('序言第二段');
    expect(idInWords('ch-2-sec-1')).toBe('第二章第一节');
    expect(idInWords('part-1-ch-3')).toBe('第一编第三章');
    expect(idInWords('art-38-p1-i5', true)).toBe('第三十八条第五项');
  });

  it('parses words back to ids, 目 in either numeral', () => {
    expect(idOfWords('第四条第一款第二项')).toBe('art-4-p1-i2');
    expect(idOfWords('第三条第五项')).toBe('art-3-p1-i5');
    expect(idOfWords('第十二条之一')).toBe('art-12-1');
    expect(idOfWords('第一百零一条第二款')).toBe('art-101-p2');
    expect(idOfWords('第十二条第二款第三项第1目')).toBe('art-12-p2-i3-s1');
    expect(idOfWords('第十二条第二款第三项第一目')).toBe('art-12-p2-i3-s1');
    expect(idOfWords('第１２条第２款')).toBe('art-12-p2');
    expect(idOfWords('本条')).toBeUndefined();
    // A malformed numeral names nothing, rather than a wrong or `undefined` id.
    expect(idOfWords('第十零条')).toBeUndefined();
    expect(idOfWords('第三条之十零')).toBeUndefined();
    expect(idOfWords('第三条第二款第十零项')).toBeUndefined();
  });

  it('words and ids round-trip for every article, 款, 项 and 目 id', () => {
    const id = fc
      .tuple(fc.integer({ min: 1, max: 1200 }), fc.option(fc.integer({ min: 1, max: 9 })), fc.integer({ min: 1, max: 12 }), fc.option(fc.integer({ min: 1, max: 30 })), fc.option(fc.integer({ min: 1, max: 12 })))
      .map(([a, sub, p, i, s]) => `art-${a}${sub ? `-${sub}` : ''}-p${p}${i ? `-i${i}${s ? `-s${s}` : ''}` : ''}`);
    fc.assert(
      fc.property(id, (clause) => {
        expect(idOfWords(idInWords(clause))).toBe(clause);
        // A one-款 article drops 第一款; the words still name the same clause.
        if (/-p1(-|$)/.test(clause) && /-i/.test(clause)) expect(idOfWords(idInWords(clause, true))).toBe(clause);
      }),
    );
  });

  it('reads the relative words a text says of itself', () => {
    const at: WordsContext = { article: 'art-5', paragraph: { id: 'art-5-p2', number: 2 }, chapter: 'ch-1', section: 'ch-1-sec-2' };
    expect(idAt('依照本条第二款规定', at)).toBe('art-5-p2');
    expect(idAt('前条规定', at)).toBe('art-4');
    expect(idAt('前款第一项', at)).toBe('art-5-p1-i1');
    expect(idAt('本款第三项第2目', at)).toBe('art-5-p2-i3-s2');
    expect(idAt('第三项', at)).toBe('art-5-p2-i3');
    expect(idAt('第四款', at)).toBe('art-5-p4');
    expect(idAt('本章', at)).toBe('ch-1');
    expect(idAt('本节', at)).toBe('ch-1-sec-2');
    expect(idAt('第七条第二项', at)).toBe('art-7-p1-i2');
    // 本条例 and 本章程 name the whole text; 前款 in a first paragraph names nothing.
    expect(idAt('本条例', at)).toBeUndefined();
    expect(idAt('本章程', at)).toBeUndefined();
    expect(idAt('前款', { article: 'art-5', paragraph: { id: 'art-5-p1', number: 1 } })).toBeUndefined();
    // Relative words need where they stand.
    expect(idAt('本条第二款')).toBeUndefined();
  });

  it('search, the helpers and the pages read and write the same words', () => {
    expect(parseCitation('《中华人民共和国监察法》第八条第二款第一项第1目')).toMatchObject({ title: '中华人民共和国监察法', article: 8, paragraph: 2, item: 1, subitem: 1 });
    expect(parseCitation('第八条第二款第一项第一目')).toEqual(parseCitation('第八条第二款第一项第1目'));
    expect(clauseAnchor(parseCitation('第八条第二款第一项第一目')!)).toBe('#art-8-p2-i1-s1');
    expect(clauseAnchor(parseCitation('第十二条之一第三项')!)).toBe('#art-12-1-p1-i3');
    for (const id of ['art-25', 'art-43-p2', 'art-39-p1-i3']) expect(clauseCitation(id)).toBe(idInWords(id));
  });

  it('agrees with the page citations on every clause of the sample library, appendices included', () => {
    let checked = 0;
    for (const r of sampleLibrary().regulations) {
      for (const [id, words] of clauseCitations(r.tree)) {
        if (!id.startsWith('art-')) {
          expect(clauseInWords(id)).toBe(words);
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
