/**
 * The body of a regulation: 目录, parts, chapters, sections, groups, articles
 * with their paragraphs, items and subitems, then appendices and the colophon.
 * One pass over the lines, a small state machine, numbering checked as it
 * goes; what may only come after the articles (附件, 版记) is an error where
 * the numbering shows that articles still follow.
 */
import type { Appendix, Article, Colophon, Paragraph, Point, Toc, TopLevel } from '../tree/types.ts';
import { openAppendix, appendixLine, colophonNode, isColophon, type AppendixSeries } from './back-matter.ts';
import { Divisions } from './divisions.ts';
import { matchGroupHeading } from './headings.ts';
import { inferHeadings, isBareLine } from './inferred-headings.ts';
import { addItem, addSubitem, type ListState } from './items.ts';
import { squeeze, type Line } from './lines.ts';
import { articleLabel, articleOf, isArticleLine, startsOrContinuesSubitems, titleBefore, type Numbering } from './structure.ts';
import {
  isTableRow,
  isTocHeading,
  looksLikeArticle,
  matchAppendix,
  matchHeading,
  matchItem,
  type ArticleLabel,
} from './patterns.ts';
import type { Problems } from './problems.ts';
import { point, rowTexts, span, textNode } from './text-node.ts';
import { headlessToc } from './toc.ts';

export { articleLabel, matchArticle, startsBody, statuteLabelOf, type Numbering } from './structure.ts';

export function buildBody(lines: Line[], numbering: Numbering, problems: Problems, source: string): TopLevel[] {
  const out: TopLevel[] = [];
  let article: Article | undefined;
  const list: ListState = { paragraph: undefined, item: undefined, subitem: undefined, brackets: {}, mixedWarned: false };
  let appendix: Appendix | undefined;
  let colophon: Colophon | undefined;
  let toc: Toc | undefined;
  let tocFirstEntry: string | undefined;
  const lastArticle: { number: number; sub: number } = { number: 0, sub: 0 };
  // Line of each article seen, by its number (a 之N article by its id): a number key hashes for free.
  const seenArticles = new Map<number | string, number>();
  const appendices: AppendixSeries = { seen: new Map(), problems };
  let previousRow = false;
  const isArticle = (c: string) => isArticleLine(numbering, c);
  const divisions = new Divisions(out, problems, source, isArticle);
  const error = (rule: string, reason: string, line: Line) => problems.error(rule, reason, line.number, line.indent + 1);

  const closeArticle = () => {
    article = list.paragraph = list.item = list.subitem = undefined;
  };

  /**
   * Paragraph `n` of an article, from `content[from]` on; `withText`: holding that text (which shares
   * its position, in an array made holding it: a push onto [] reserves 16 slots). `end`: the line's end
   * point, when the article's span has one already.
   */
  const paragraphOf = (line: Line, from: number, ownerId: string, n: number, withText: boolean, end?: Point): Paragraph => {
    const position = end ? { start: point(line, line.indent + from), end } : span(line, from, line.content.length);
    const children: Paragraph['children'] = withText ? [textNode(line, from, undefined, position)] : [];
    return { type: 'paragraph', number: n, id: `${ownerId}-p${n}`, children, position };
  };

  /** A paragraph of the open article from `content[from]` on. */
  const openParagraph = (line: Line, from: number, withText = false): Paragraph => {
    const owner = article!;
    const p = paragraphOf(line, from, owner.id, owner.children.length + 1, withText);
    owner.children.push(p);
    list.paragraph = p;
    list.item = list.subitem = undefined;
    return p;
  };

  const startArticle = (line: Line, a: ArticleLabel) => {
    const sub = a.sub ?? 0;
    const id = sub ? `art-${a.number}-${sub}` : `art-${a.number}`;
    const key = sub ? id : a.number;
    const earlier = seenArticles.get(key);
    if (earlier !== undefined) {
      error('article-duplicate', `条文编号重复：“${a.label}”已在第 ${earlier} 行出现`, line);
    } else if (lastArticle.number === 0 && !sub && a.number > 2 && !seenArticles.size) {
      // An excerpt (one 编 of 民法典, a 宪法修正案) continues another text's numbering.
      problems.warn('article-first', `第一条是“${a.label}”：本文的条文编号接续另一文本`, line.number, line.indent + 1);
    } else {
      // 之N continues the article just before it; anything else continues the highest number so far.
      const follows = sub && a.number === lastArticle.number;
      const expectedNumber = follows ? lastArticle.number : lastArticle.number + 1;
      const expectedSub = follows ? lastArticle.sub + 1 : 0;
      if (a.number !== expectedNumber || sub !== expectedSub) {
        error('article-sequence', `条文编号不连续：应为“${articleLabel(numbering, expectedNumber, expectedSub)}”，实为“${a.label}”`, line);
      }
    }
    seenArticles.set(key, line.number);
    // Track the highest number, so one misplaced article is one error, not a cascade.
    if (a.number > lastArticle.number || (a.number === lastArticle.number && sub > lastArticle.sub)) {
      lastArticle.number = a.number;
      lastArticle.sub = sub;
    }
    // Made whole here (the first paragraph in the literal, no spread): one article per label line.
    const position = span(line, 0, line.content.length);
    const first = a.rest ? paragraphOf(line, a.restIndex, id, 1, true, position.end) : undefined;
    const children: Article['children'] = first ? [first] : [];
    article = sub
      ? { type: 'article', number: a.number, sub, label: a.label, id, children, position }
      : { type: 'article', number: a.number, label: a.label, id, children, position };
    divisions.owner().children.push(article);
    list.paragraph = first;
    list.item = list.subitem = undefined;
  };

  // The first article label after line i, to tell a misplaced 附件/版记 from a real one.
  let nextArticle: (ArticleLabel | undefined)[] | undefined;
  const articleAfter = (i: number): ArticleLabel | undefined => {
    if (!nextArticle) {
      nextArticle = new Array<ArticleLabel | undefined>(lines.length + 1);
      for (let k = lines.length - 1; k >= 0; k--) nextArticle[k] = (lines[k]!.content && articleOf(numbering, lines[k]!)) || nextArticle[k + 1];
    }
    return nextArticle[i + 1];
  };
  /** Does the numbering go on after line i (the next article label is the next number)? */
  const articlesFollow = (i: number) => {
    const a = articleAfter(i);
    return !!a && lastArticle.number > 0 && a.number === lastArticle.number + 1 && !a.sub;
  };

  const toc0 = headlessToc(lines, isArticle);
  if (toc0) {
    toc = { type: 'toc', id: 'toc', children: [], position: span(lines[toc0.start]!, 0, lines[toc0.start]!.content.length) };
    for (let k = toc0.start; k < toc0.end; k++) if (lines[k]!.content) toc.children.push(textNode(lines[k]!, 0, 'tocEntry'));
    out.push(toc);
    toc = undefined;
  }
  const inferred = inferHeadings(lines, toc0?.end ?? 0, isArticle);

  for (let i = toc0?.end ?? 0; i < lines.length; i++) {
    const line = lines[i]!;
    const content = line.content;
    if (!content) continue;

    if (colophon) {
      colophon.children.push(textNode(line, 0, 'body'));
      continue;
    }
    const row: boolean = !!line.tab && isTableRow(content, previousRow);
    previousRow = row;
    if (!row && lastArticle.number > 0 && isColophon(content)) {
      if (!articlesFollow(i)) {
        colophon = colophonNode(line);
        out.push(colophon);
        continue;
      }
      error('colophon-misplaced', `版记（抄送、印发）只能在最后一条之后，但其后还有“${articleAfter(i)!.label}”`, line);
    }

    if (appendix) {
      const found = row ? undefined : matchAppendix(content);
      // Once appendices are numbered, a bare `附件：（列明…）` is a line of a form, not a heading.
      const next = found && (found.numbered || !appendices.numbered) ? found : undefined;
      if (next) {
        appendix = openAppendix(out, line, next, appendices);
      } else {
        const a = row ? undefined : articleOf(numbering, line);
        if (a && a.number === lastArticle.number + 1 && !a.sub) {
          problems.warn('article-in-appendix', `附件中出现“${a.label}”：若它属于正文，请把附件移到最后一条之后`, line.number, line.indent + 1);
        }
        appendixLine(appendix, line, row);
      }
      continue;
    }

    if (toc) {
      const h = matchHeading(content);
      const repeatsFirst = tocFirstEntry !== undefined && squeeze(content) === tocFirstEntry;
      if (!repeatsFirst && !isArticle(content) && (h || content.length <= 40)) {
        tocFirstEntry ??= squeeze(content);
        toc.children.push(textNode(line, 0, 'tocEntry'));
        continue;
      }
      toc = undefined;
    }

    if (!row && isTocHeading(content)) {
      if (!article && !divisions.chapter && !divisions.part && !divisions.subpart) {
        toc = { type: 'toc', id: 'toc', children: [textNode(line, 0, 'tocHeading')], position: span(line, 0, content.length) };
        out.push(toc);
        continue;
      }
      error('toc-misplaced', '目录只能在正文之前', line);
    }

    const h = row ? undefined : (matchHeading(content) ?? inferred.get(i));
    if (h) {
      closeArticle();
      i = divisions.open(lines, i, h, lastArticle.number);
      continue;
    }
    const a = row ? undefined : articleOf(numbering, line);
    if (a && a.number === 1 && !a.sub && lastArticle.number >= 2 && titleBefore(lines, i)) {
      // A notice issuing two documents, each numbered from 一、: one text is one document.
      error('documents-multiple', `从这里起重新从“${a.label}”编号（此前已到“${articleLabel(numbering, lastArticle.number)}”）：一个文本只能发布一个文件，请把每个文件分成单独的文本`, line);
      break;
    }
    if (a) {
      startArticle(line, a);
      continue;
    }
    const g = !row && numbering === 'statute' ? matchGroupHeading(lines, i, !!divisions.group) : undefined;
    if (g) {
      closeArticle();
      divisions.openGroup(g, line);
      continue;
    }
    if (!row && lastArticle.number > 0) {
      const ap = matchAppendix(content);
      if (ap && !articlesFollow(i)) {
        closeArticle();
        divisions.closeAll();
        appendix = openAppendix(out, line, ap, appendices);
        continue;
      }
      if (ap) error('appendix-misplaced', `附件只能在最后一条之后，但其后还有“${articleAfter(i)!.label}”`, line);
    }
    const like = row ? undefined : looksLikeArticle(content, numbering === 'outline', lastArticle.number + 1);
    if (like) {
      error('label-malformed', `“${like.text}”看似条文编号，但不是有效的编号（应为“${articleLabel(numbering, lastArticle.number + 1)}”这样的写法）`, line);
      // Count it as the article it was meant to be, so the next one is not a second error.
      if (like.number === lastArticle.number + 1) {
        lastArticle.number = like.number;
        lastArticle.sub = 0;
      }
    }
    if (!article) {
      if (like) continue;
      if (isBareLine(content)) divisions.noteBare(line);
      error('orphan-text', `文字不属于任何条文：“${content.slice(0, 16)}${content.length > 16 ? '…' : ''}”`, line);
      continue;
    }
    if (!row && matchItem(content)) {
      addItem(list, article, line, openParagraph, problems);
    } else if (!row && list.item && startsOrContinuesSubitems(list, content)) {
      addSubitem(list, line, problems);
    } else {
      if (!row && isBareLine(content)) divisions.noteBare(line);
      const p = openParagraph(line, 0, !row);
      if (row) {
        p.row = true;
        p.children.push(...rowTexts(line));
      }
    }
  }
  return out;
}
