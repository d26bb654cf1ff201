/**
 * TEST-ONLY stand-in for the lead's clause lookup (src/tree/query.ts): maps
 * `art-N`, `art-N-pk` and `art-N-pk-ij` of an outline-numbered seed text to
 * plain text by splitting lines. Deliberately naive; never import it from src/.
 */
import type { ClauseLookup } from '../../../src/helpers/approvals/verify.ts';

const DIGITS: Record<string, number> = {
  一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** 一 … 九十九 → 1 … 99 (enough for the seed's 七十二 articles). */
export function chineseNumber(numeral: string): number {
  const [tens, ones] = numeral.split('十') as [string, string | undefined];
  if (ones === undefined) return DIGITS[tens] ?? Number.NaN;
  return (tens === '' ? 1 : (DIGITS[tens] ?? Number.NaN)) * 10 + (ones === '' ? 0 : (DIGITS[ones] ?? Number.NaN));
}

const ARTICLE = /^([一二三四五六七八九十]+)、/;
const ITEM = /^（([一二三四五六七八九十]+)）/;
const HEADING = /^第[一二三四五六七八九十]+章/;

interface SeedParagraph {
  lead: string[];
  items: string[];
}

/** Builds a lookup for the one regulation `slug` from its raw text. */
export function seedClauseLookup(slug: string, source: string): ClauseLookup {
  const articles = new Map<number, SeedParagraph[]>();
  let current: SeedParagraph[] | undefined;
  for (const raw of source.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    const article = ARTICLE.exec(line);
    const item = ITEM.exec(line);
    if (article?.[1] !== undefined) {
      current = [{ lead: [line.slice(article[0].length)], items: [] }];
      articles.set(chineseNumber(article[1]), current);
    } else if (HEADING.test(line)) {
      current = undefined;
    } else if (current !== undefined && item !== null) {
      current.at(-1)?.items.push(line.slice(item[0].length));
    } else if (current !== undefined) {
      current.push({ lead: [line], items: [] });
    }
  }

  const paragraphText = (p: SeedParagraph): string => [...p.lead, ...p.items].join('\n');

  return (regulation, clauseId) => {
    if (regulation !== slug) return undefined;
    const m = /^art-(\d+)(?:-p(\d+)(?:-i(\d+))?)?$/.exec(clauseId);
    if (m === null) return undefined;
    const paragraphs = articles.get(Number(m[1]));
    if (paragraphs === undefined) return undefined;
    if (m[2] === undefined) return paragraphs.map(paragraphText).join('\n');
    const paragraph = paragraphs[Number(m[2]) - 1];
    if (paragraph === undefined) return undefined;
    if (m[3] === undefined) return paragraphText(paragraph);
    return paragraph.items[Number(m[3]) - 1];
  };
}
