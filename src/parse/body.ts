/**
 * The body of a regulation: 目录, parts, chapters, sections, groups, articles
 * with their paragraphs, items and subitems, then appendices and the colophon.
 * One pass over the lines, a small state machine, numbering checked as it
 * goes; what may only come after the articles (附件, 版记) is an error where
 * the numbering shows that articles still follow.
 */
import type { Appendix, Article, Chapter, Colophon, Group, Paragraph, Part, Section, Subpart, Toc, TopLevel } from '../tree/types.ts';
import { openAppendix, appendixLine, colophonNode, isColophon, type AppendixSeries } from './back-matter.ts';
import { groupNode, matchGroupHeading, numeral, titleContinuation } from './headings.ts';
import { addItem, addSubitem, type ListState } from './items.ts';
import { squeeze, type Line } from './lines.ts';
import { articleLabel, matchArticle, prefixChapters, startsOrContinuesSubitems, titleBefore, type Numbering } from './structure.ts';
import {
  isTableRow,
  isTocHeading,
  looksLikeArticle,
  matchAppendix,
  matchHeading,
  matchItem,
  type ArticleLabel,
  type Heading,
} from './patterns.ts';
import type { Problems } from './problems.ts';
import { rowTexts, span, textNode } from './text-node.ts';
import { headlessToc } from './toc.ts';

export { articleLabel, matchArticle, startsBody, type Numbering } from './structure.ts';

const HEADING_NAME = { part: '编', subpart: '分编', chapter: '章', section: '节' } as const;

export function buildBody(lines: Line[], numbering: Numbering, problems: Problems, source: string): TopLevel[] {
  const out: TopLevel[] = [];
  let part: Part | undefined;
  let subpart: Subpart | undefined;
  let chapter: Chapter | undefined;
  let section: Section | undefined;
  let group: Group | undefined;
  let article: Article | undefined;
  const list: ListState = { paragraph: undefined, item: undefined, subitem: undefined, brackets: {}, mixedWarned: false };
  let appendix: Appendix | undefined;
  let colophon: Colophon | undefined;
  let toc: Toc | undefined;
  let tocFirstEntry: string | undefined;
  let lastArticle: { number: number; sub: number } = { number: 0, sub: 0 };
  const seenArticles = new Map<string, number>();
  const last = { part: 0, chapter: 0, group: 0 };
  const appendices: AppendixSeries = { seen: new Map(), problems };
  let previousRow = false;
  const groupParent = new WeakMap<Group, Group>();
  let restart = false; // chapters numbered per part
  let bareLine = false; // a short paragraph without punctuation: maybe a heading that lost its 第X章
  let bareInChapter = false;
  let firstBare: Line | undefined; // the first such line since the last chapter heading
  const isArticle = (c: string) => !!matchArticle(numbering, c);
  const error = (rule: string, reason: string, line: Line) => problems.error(rule, reason, line.number, line.indent + 1);

  const closeArticle = () => {
    article = list.paragraph = list.item = list.subitem = undefined;
  };

  const openParagraph = (line: Line, from: number): Paragraph => {
    const owner = article!;
    const n = owner.children.length + 1;
    const p: Paragraph = { type: 'paragraph', number: n, id: `${owner.id}-p${n}`, children: [], position: span(line, from, line.content.length) };
    owner.children.push(p);
    list.paragraph = p;
    list.item = list.subitem = undefined;
    return p;
  };

  /** Where an article goes: the innermost open container, else the top level. */
  const articleOwner = (): { children: unknown[] } => group ?? section ?? chapter ?? subpart ?? part ?? { children: out };

  const heading = (lines: Line[], i: number, h: Heading): number => {
    const line = lines[i]!;
    const more = titleContinuation(lines, i, isArticle);
    let titlePrinted = h.rest || undefined;
    let position = span(line, 0, line.content.length);
    if (more !== undefined) {
      const next = lines[more]!;
      const from = h.rest ? line.offset + line.indent + h.restIndex : next.offset + next.indent;
      titlePrinted = source.slice(from, next.offset + next.indent + next.content.length);
      position = { start: position.start, end: span(next, 0, next.content.length).end };
    }
    const common = {
      number: h.number,
      label: h.label,
      ...(titlePrinted ? { title: squeeze(titlePrinted), titlePrinted } : {}),
      position,
    };
    const expectLabel = (n: number) => `第${numeral(n)}${HEADING_NAME[h.kind]}`;
    const check = (previous: number, ruleId: string, what: string) => {
      if (h.number !== previous + 1) error(ruleId, `${what}编号不连续：应为“${expectLabel(previous + 1)}”，实为“${h.label}”`, line);
    };
    closeArticle();
    group = undefined;
    if (h.kind === 'part') {
      check(last.part, 'part-sequence', '编');
      last.part = Math.max(last.part, h.number);
      part = { type: 'part', id: `part-${h.number}`, children: [], ...common };
      subpart = chapter = section = undefined;
      out.push(part);
    } else if (h.kind === 'subpart') {
      const owner = part ? part.children : out;
      check(owner.filter((c) => c.type === 'subpart').length, 'subpart-sequence', '分编');
      subpart = { type: 'subpart', id: part ? `${part.id}-sub-${h.number}` : `sub-${h.number}`, children: [], ...common };
      chapter = section = undefined;
      owner.push(subpart);
    } else if (h.kind === 'chapter') {
      if (part && h.number === 1 && last.chapter > 0 && !part.children.some((c) => c.type === 'chapter' || c.type === 'subpart')) {
        // Each 编 numbers its chapters from 第一章 again (刑事诉讼法): chapter ids then carry their part.
        if (!restart) for (const p of out) if (p.type === 'part') prefixChapters(p);
        restart = true;
        last.chapter = 0;
      }
      if (last.chapter === 0 && h.number > 1 && lastArticle.number > 0 && !bareLine) {
        // The collection lost some leading chapter heading lines; the articles before are intact
        // (a bare short line among them would be a heading that lost its 第X章: then it is an error).
        problems.warn('chapter-first-missing', `“${h.label}”之前的章标题行缺失：此前的条文不属于任何一章`, line.number, line.indent + 1);
      } else if (h.number !== last.chapter + 1 && firstBare) {
        // Say where the defect is: the bare line that lost its 第X章, not only the heading after it.
        error('chapter-sequence', `章编号不连续：应为“${expectLabel(last.chapter + 1)}”，实为“${h.label}”`, line);
        error('heading-label-lost', `“${firstBare.content}”像是丢了“第X章”或“第X节”的标题：章节编号在第 ${line.number} 行跳过了“${expectLabel(last.chapter + 1)}”`, firstBare);
      } else {
        check(last.chapter, 'chapter-sequence', '章');
      }
      firstBare = undefined;
      last.chapter = Math.max(last.chapter, h.number);
      bareInChapter = false;
      chapter = { type: 'chapter', id: restart && part ? `${part.id}-ch-${h.number}` : `ch-${h.number}`, children: [], ...common };
      section = undefined;
      (subpart ?? part ?? { children: out }).children.push(chapter as never);
    } else {
      const previous = chapter ? chapter.children.filter((c) => c.type === 'section').length : 0;
      if (chapter && previous === 0 && h.number > 1 && chapter.children.length > 0 && !bareInChapter) {
        // As with chapters: leading section headings lost, the articles before them intact.
        problems.warn('section-first-missing', `“${h.label}”之前的节标题行缺失：本章此前的条文不属于任何一节`, line.number, line.indent + 1);
      } else {
        check(previous, 'section-sequence', '节');
      }
      if (!chapter) error('section-outside-chapter', `“${h.label}”不在任何一章之内`, line);
      section = { type: 'section', id: chapter ? `${chapter.id}-sec-${h.number}` : `sec-${h.number}`, children: [], ...common };
      (chapter ? chapter.children : out).push(section);
    }
    return more ?? i;
  };

  const startArticle = (line: Line, a: ArticleLabel) => {
    const sub = a.sub ?? 0;
    const id = sub ? `art-${a.number}-${sub}` : `art-${a.number}`;
    const earlier = seenArticles.get(id);
    if (earlier !== undefined) {
      error('article-duplicate', `条文编号重复：“${a.label}”已在第 ${earlier} 行出现`, line);
    } else if (lastArticle.number === 0 && !sub && a.number > 2 && !seenArticles.size) {
      // An excerpt (one 编 of 民法典, a 宪法修正案) continues another text's numbering.
      problems.warn('article-first', `第一条是“${a.label}”：本文的条文编号接续另一文本`, line.number, line.indent + 1);
    } else {
      // 之N continues the article just before it; anything else continues the highest number so far.
      const expected =
        sub && a.number === lastArticle.number ? { number: lastArticle.number, sub: lastArticle.sub + 1 } : { number: lastArticle.number + 1, sub: 0 };
      if (a.number !== expected.number || sub !== expected.sub) {
        error('article-sequence', `条文编号不连续：应为“${articleLabel(numbering, expected.number, expected.sub)}”，实为“${a.label}”`, line);
      }
    }
    seenArticles.set(id, line.number);
    // Track the highest number, so one misplaced article is one error, not a cascade.
    if (a.number > lastArticle.number || (a.number === lastArticle.number && sub > lastArticle.sub)) lastArticle = { number: a.number, sub };
    article = { type: 'article', number: a.number, ...(sub ? { sub } : {}), label: a.label, id, children: [], position: span(line, 0, line.content.length) };
    articleOwner().children.push(article);
    list.paragraph = list.item = list.subitem = undefined;
    if (a.rest) openParagraph(line, a.restIndex).children.push(textNode(line, a.restIndex));
  };

  // The first article label after line i, to tell a misplaced 附件/版记 from a real one.
  let nextArticle: (ArticleLabel | undefined)[] | undefined;
  const articleAfter = (i: number): ArticleLabel | undefined => {
    if (!nextArticle) {
      nextArticle = new Array<ArticleLabel | undefined>(lines.length + 1);
      for (let k = lines.length - 1; k >= 0; k--) nextArticle[k] = (lines[k]!.content && matchArticle(numbering, lines[k]!.content)) || nextArticle[k + 1];
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

  for (let i = toc0?.end ?? 0; i < lines.length; i++) {
    const line = lines[i]!;
    const content = line.content;
    if (!content) continue;

    if (colophon) {
      colophon.children.push(textNode(line, 0, 'body'));
      continue;
    }
    const row = isTableRow(content, previousRow);
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
        const a = row ? undefined : matchArticle(numbering, content);
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
      if (!article && !chapter && !part && !subpart) {
        toc = { type: 'toc', id: 'toc', children: [textNode(line, 0, 'tocHeading')], position: span(line, 0, content.length) };
        out.push(toc);
        continue;
      }
      error('toc-misplaced', '目录只能在正文之前', line);
    }

    const h = row ? undefined : matchHeading(content);
    if (h) {
      i = heading(lines, i, h);
      continue;
    }
    const a = row ? undefined : matchArticle(numbering, content);
    if (a && a.number === 1 && !a.sub && lastArticle.number >= 2 && titleBefore(lines, i)) {
      // A notice issuing two documents, each numbered from 一、: one text is one document.
      error('documents-multiple', `从这里起重新从“${a.label}”编号（此前已到“${articleLabel(numbering, lastArticle.number)}”）：一个文本只能发布一个文件，请把每个文件分成单独的文本`, line);
      break;
    }
    if (a) {
      startArticle(line, a);
      continue;
    }
    const g = !row && numbering === 'statute' ? matchGroupHeading(lines, i, !!group) : undefined;
    if (g) {
      closeArticle();
      const parent = g.level === 2 ? (group && groupParent.get(group)) ?? group : undefined;
      const siblings = parent ? parent.children.filter((c) => c.type === 'group').length : last.group;
      if (g.number !== siblings + 1) error('group-sequence', `标题编号不连续：应为“${g.level === 2 ? `（${numeral(siblings + 1)}）` : `${numeral(siblings + 1)}、`}”，实为“${g.label}”`, line);
      const node = groupNode(g, parent, span(line, 0, content.length));
      if (parent) {
        parent.children.push(node);
        groupParent.set(node, parent);
      } else {
        last.group = Math.max(last.group, g.number);
        (section ?? chapter ?? subpart ?? part ?? { children: out }).children.push(node as never);
      }
      group = node;
      continue;
    }
    if (!row && lastArticle.number > 0) {
      const ap = matchAppendix(content);
      if (ap && !articlesFollow(i)) {
        closeArticle();
        part = subpart = chapter = section = group = undefined;
        appendix = openAppendix(out, line, ap, appendices);
        continue;
      }
      if (ap) error('appendix-misplaced', `附件只能在最后一条之后，但其后还有“${articleAfter(i)!.label}”`, line);
    }
    const like = row ? undefined : looksLikeArticle(content, numbering === 'outline', lastArticle.number + 1);
    if (like) {
      error('label-malformed', `“${like.text}”看似条文编号，但不是有效的编号（应为“${articleLabel(numbering, lastArticle.number + 1)}”这样的写法）`, line);
      // Count it as the article it was meant to be, so the next one is not a second error.
      if (like.number === lastArticle.number + 1) lastArticle = { number: like.number, sub: 0 };
    }
    if (!article) {
      if (like) continue;
      if (content.length <= 20 && !/[\p{P}\d]/u.test(content)) {
        bareLine = bareInChapter = true;
        firstBare ??= line;
      }
      error('orphan-text', `文字不属于任何条文：“${content.slice(0, 16)}${content.length > 16 ? '…' : ''}”`, line);
      continue;
    }
    if (!row && matchItem(content)) {
      addItem(list, article, line, openParagraph, problems);
    } else if (!row && list.item && startsOrContinuesSubitems(list, content)) {
      addSubitem(list, line, problems);
    } else {
      if (!row && content.length <= 20 && !/[\p{P}\d]/u.test(content)) {
        bareLine = bareInChapter = true;
        firstBare ??= line;
      }
      const p = openParagraph(line, 0);
      if (row) {
        p.row = true;
        p.children.push(...rowTexts(line));
      } else {
        p.children.push(textNode(line));
      }
    }
  }
  return out;
}




