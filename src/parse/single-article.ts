/**
 * A text of a single article: a 批复, 决定 or 修正案 whose whole body is
 * unnumbered paragraphs after its dated header lines. The front matter took
 * them as a preamble; the paragraphs after the last dated line (history, 文号)
 * become one article `art-1` with an empty label (nothing is printed for it).
 * Without a dated line (or a table), or when a paragraph looks like a label or
 * a bare heading, the text stays refused (no-articles): it is not this form.
 */
import type { Article, Paragraph, Preamble, Text, TopLevel } from '../tree/types.ts';
import { isOutlineArticle, isStatuteArticle, matchHeading, matchItem } from './patterns.ts';
import type { Problems } from './problems.ts';

// A history line, a 文号, or a bracketed 题注 (`（最高人民法院审判委员会第1193次会议…通过）`).
const DATED = /^(?:[0-9０-９〇零一二三四五六七八九]{4}\s*年|.{0,20}[〔［[（(][0-9０-９]{4}[〕］\]）)]\s*[0-9０-９]+\s*号$|[（(].{0,80}(?:会议|通过|公布|施行))/;
const MAX_PARAGRAPHS = 12;

const firstText = (p: Paragraph): string => {
  const t = p.children[0];
  return t && t.type === 'text' ? t.value : '';
};

/** A one-line paragraph with TABs becomes a table row: one text per cell, positions shifted along the line. */
function asRow(p: Paragraph): Paragraph {
  const t = p.children[0];
  if (p.children.length !== 1 || !t || t.type !== 'text' || !t.value.includes('\t')) return p;
  const cells: Text[] = [];
  let from = 0;
  for (const value of t.value.split('\t')) {
    const at = (k: number) => ({ line: t.position.start.line, column: t.position.start.column + k, offset: t.position.start.offset + k });
    cells.push({ type: 'text', value, position: { start: at(from), end: at(from + value.length) } });
    from += value.length + 1;
  }
  return { ...p, row: true, children: cells };
}

export function singleArticle(children: TopLevel[], problems: Problems): boolean {
  const at = children.findIndex((c) => c.type === 'preamble');
  const preamble = children[at] as Preamble | undefined;
  const header = children.find((c) => c.type === 'header');
  if (!preamble || !header) return false;
  const headerDated = header.children.some((t) => DATED.test(t.value));
  const lastDated = preamble.children.findLastIndex((p) => DATED.test(firstText(p)));
  const body = preamble.children.slice(lastDated + 1);
  const prose = body.filter((p) => !firstText(p).includes('\t'));
  // Dated (an official text's header), or a table (罪名 tables whose header the collection lost).
  if ((!headerDated && lastDated < 0 && prose.length === body.length) || !body.length || prose.length > MAX_PARAGRAPHS) return false;
  const structured = (t: string) =>
    !!(matchHeading(t) || isStatuteArticle(t) || isOutlineArticle(t) || matchItem(t)) || (t.length <= 20 && !/\p{P}/u.test(t));
  // Table rows (TAB-separated, 罪名 tables) may start with a 第X条 they cite: they are rows, not labels.
  if (body.some((p) => !firstText(p).includes('\t') && structured(firstText(p)))) return false;
  const article: Article = {
    type: 'article',
    number: 1,
    label: '',
    id: 'art-1',
    children: body.map((p, k) => asRow({ ...p, number: k + 1, id: `art-1-p${k + 1}` })),
    position: { start: body[0]!.position.start, end: body.at(-1)!.position.end },
  };
  const kept = preamble.children.slice(0, lastDated + 1);
  if (kept.length) {
    preamble.children = kept;
    preamble.position = { start: kept[0]!.position.start, end: kept.at(-1)!.position.end };
    children.splice(at + 1, 0, article);
  } else {
    children[at] = article;
  }
  const first = article.position.start;
  problems.warn('single-article', '正文没有条文编号：全文作为一条（art-1）发布', first.line, first.column);
  return true;
}
