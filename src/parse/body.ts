/**
 * The body of a regulation: 目录, parts, chapters, sections, articles with
 * their paragraphs, items and subitems, and appendices. One pass over the
 * lines, a small state machine, numbering checked as it goes.
 */
import type {
  Appendix,
  Article,
  Chapter,
  Colophon,
  Item,
  Paragraph,
  Part,
  Section,
  Subitem,
  Toc,
  TopLevel,
} from '../tree/types.ts';
import { squeeze, type Line } from './lines.ts';
import { toChineseNumeral } from './numerals.ts';
import {
  isTocHeading,
  matchAppendix,
  matchHeading,
  matchItem,
  matchOutlineArticle,
  matchStatuteArticle,
  matchSubitem,
  type ArticleLabel,
  type Heading,
  type Labelled,
} from './patterns.ts';
import type { Problems } from './problems.ts';
import { span, textNode } from './text-node.ts';

export type Numbering = 'outline' | 'statute';

export function matchArticle(numbering: Numbering, content: string): ArticleLabel | undefined {
  return numbering === 'statute' ? matchStatuteArticle(content) : matchOutlineArticle(content);
}

/** Is this line where the body starts (a 目录, a heading or an article)? */
export function startsBody(numbering: Numbering, content: string): boolean {
  return isTocHeading(content) || !!matchHeading(content) || !!matchArticle(numbering, content);
}

const HEADING_NAME = { part: '编', chapter: '章', section: '节' } as const;

export function buildBody(lines: Line[], numbering: Numbering, problems: Problems): TopLevel[] {
  const out: TopLevel[] = [];
  let part: Part | undefined;
  let chapter: Chapter | undefined;
  let section: Section | undefined;
  let article: Article | undefined;
  let paragraph: Paragraph | undefined;
  let item: Item | undefined;
  let subitem: Subitem | undefined;
  let appendix: Appendix | undefined;
  let colophon: Colophon | undefined;
  let toc: Toc | undefined;
  let tocFirstEntry: string | undefined;
  let lastArticle: { number: number; sub: number } = { number: 0, sub: 0 };
  const seenArticles = new Map<string, number>();
  let lastPart = 0;
  let lastChapter = 0;
  const brackets: Partial<Record<'full' | 'ascii', number>> = {};
  let mixedWarned = false;
  const appendixLines = new Map<number, number>();

  const closeArticle = () => {
    article = paragraph = item = subitem = undefined;
  };

  const openParagraph = (line: Line, from: number): Paragraph => {
    const owner = article!;
    const p: Paragraph = {
      type: 'paragraph',
      number: owner.children.length + 1,
      id: `${owner.id}-p${owner.children.length + 1}`,
      children: [],
      position: span(line, from, line.content.length),
    };
    owner.children.push(p);
    item = subitem = undefined;
    return p;
  };

  const heading = (line: Line, h: Heading) => {
    const titlePrinted = h.rest || undefined;
    const common = {
      number: h.number,
      label: h.label,
      ...(titlePrinted ? { title: squeeze(titlePrinted), titlePrinted } : {}),
      position: span(line, 0, line.content.length),
    };
    const expectLabel = (n: number) => `第${numeral(n)}${HEADING_NAME[h.kind]}`;
    const check = (last: number, ruleId: string, what: string) => {
      if (h.number !== last + 1) {
        problems.error(ruleId, `${what}编号不连续：应为“${expectLabel(last + 1)}”，实为“${h.label}”`, line.number, line.indent + 1);
      }
    };
    closeArticle();
    if (h.kind === 'part') {
      check(lastPart, 'part-sequence', '编');
      lastPart = Math.max(lastPart, h.number);
      part = { type: 'part', id: `part-${h.number}`, children: [], ...common };
      chapter = section = undefined;
      out.push(part);
    } else if (h.kind === 'chapter') {
      check(lastChapter, 'chapter-sequence', '章');
      lastChapter = Math.max(lastChapter, h.number);
      chapter = { type: 'chapter', id: `ch-${h.number}`, children: [], ...common };
      section = undefined;
      (part ? part.children : out).push(chapter);
    } else {
      const last = chapter ? chapter.children.filter((c) => c.type === 'section').length : 0;
      check(last, 'section-sequence', '节');
      if (!chapter) {
        problems.error('section-outside-chapter', `“${h.label}”不在任何一章之内`, line.number, line.indent + 1);
      }
      section = {
        type: 'section',
        id: chapter ? `${chapter.id}-sec-${h.number}` : `sec-${h.number}`,
        children: [],
        ...common,
      };
      (chapter ? chapter.children : out).push(section);
    }
  };

  const startArticle = (line: Line, a: ArticleLabel) => {
    const sub = a.sub ?? 0;
    const id = sub ? `art-${a.number}-${sub}` : `art-${a.number}`;
    const column = line.indent + 1;
    const earlier = seenArticles.get(id);
    if (earlier !== undefined) {
      problems.error('article-duplicate', `条文编号重复：“${a.label}”已在第 ${earlier} 行出现`, line.number, column);
    } else {
      // 之N continues the article just before it; anything else continues the highest number so far.
      const expected =
        sub && a.number === lastArticle.number
          ? { number: lastArticle.number, sub: lastArticle.sub + 1 }
          : { number: lastArticle.number + 1, sub: 0 };
      if (a.number !== expected.number || sub !== expected.sub) {
        problems.error(
          'article-sequence',
          `条文编号不连续：应为“${articleLabel(numbering, expected.number, expected.sub)}”，实为“${a.label}”`,
          line.number,
          column,
        );
      }
    }
    seenArticles.set(id, line.number);
    // Track the highest number, so one misplaced article is one error, not a cascade.
    if (a.number > lastArticle.number || (a.number === lastArticle.number && sub > lastArticle.sub)) {
      lastArticle = { number: a.number, sub };
    }
    article = {
      type: 'article',
      number: a.number,
      ...(sub ? { sub } : {}),
      label: a.label,
      id,
      children: [],
      position: span(line, 0, line.content.length),
    };
    (section ?? chapter ?? part)?.children.push(article) ?? out.push(article);
    paragraph = item = subitem = undefined;
    if (a.rest) {
      paragraph = openParagraph(line, a.restIndex);
      paragraph.children.push(textNode(line, a.restIndex));
    }
  };

  const addItem = (line: Line, content: string) => {
    const m = matchItem(content)!;
    paragraph ??= openParagraph(line, 0);
    const expected = (paragraph.children.findLast((c) => c.type === 'item')?.number ?? 0) + 1;
    if (m.number !== expected) {
      const open = m.brackets === 'full' ? '（' : '(';
      const close = m.brackets === 'full' ? '）' : ')';
      problems.error(
        'item-sequence',
        `项编号不连续：应为“${open}${numeral(expected)}${close}”，实为“${m.label}”`,
        line.number,
        line.indent + 1,
      );
    }
    brackets[m.brackets] ??= line.number;
    const other = brackets[m.brackets === 'full' ? 'ascii' : 'full'];
    if (other !== undefined && !mixedWarned) {
      mixedWarned = true;
      problems.warn('mixed-brackets', `项的括号全角半角混用：此处为“${m.label}”，第 ${other} 行用另一种括号`, line.number, line.indent + 1);
    }
    item = {
      type: 'item',
      number: m.number,
      label: m.label,
      id: `${paragraph.id}-i${m.number}`,
      ...itemHeading(m.rest),
      children: m.rest ? [textNode(line, m.restIndex)] : [],
      position: span(line, 0, line.content.length),
    };
    subitem = undefined;
    paragraph.children.push(item);
  };

  const addSubitem = (line: Line, content: string) => {
    const m = matchSubitem(content)!;
    const owner = item!;
    const expected = owner.children.filter((c) => c.type === 'subitem').length + 1;
    if (m.number !== expected) {
      problems.error('subitem-sequence', `目编号不连续：应为“${expected}${m.label.slice(-1)}”，实为“${m.label}”`, line.number, line.indent + 1);
    }
    subitem = {
      type: 'subitem',
      number: m.number,
      label: m.label,
      id: `${owner.id}-s${m.number}`,
      children: [textNode(line, m.restIndex)],
      position: span(line, 0, line.content.length),
    };
    owner.children.push(subitem);
  };

  const addAppendixLine = (line: Line) => {
    const a = appendix!;
    // A short line right under a bare 附件 heading is that appendix's title.
    if (!a.title && a.children.length === 1 && line.content.length <= 40 && !/[。；，]/.test(line.content)) {
      a.title = squeeze(line.content);
      a.children.push(textNode(line, 0, 'title'));
      return;
    }
    const count = a.children.filter((c) => c.type === 'paragraph').length;
    a.children.push({
      type: 'paragraph',
      number: count + 1,
      id: `${a.id}-p${count + 1}`,
      children: [textNode(line)],
      position: span(line, 0, line.content.length),
    });
  };

  const openAppendix = (line: Line, ap: Labelled): Appendix => {
    const earlier = appendixLines.get(ap.number);
    if (earlier !== undefined) {
      problems.error('appendix-duplicate', `附件编号重复：“${ap.label}”已在第 ${earlier} 行出现`, line.number, line.indent + 1);
    }
    appendixLines.set(ap.number, line.number);
    const node = newAppendix(line, ap.number, ap.label.replace(/[：:]$/, ''), ap.rest);
    out.push(node);
    return node;
  };

  for (const line of lines) {
    const content = line.content;
    if (!content) continue;

    if (colophon) {
      colophon.children.push(textNode(line, 0, 'body'));
      continue;
    }
    if (lastArticle.number > 0 && COLOPHON.test(content)) {
      colophon = pushColophon(out, line);
      continue;
    }

    if (appendix) {
      const next = matchAppendix(content);
      if (next) {
        appendix = openAppendix(line, next);
      } else {
        const a = matchArticle(numbering, content);
        if (a && a.number === lastArticle.number + 1 && !a.sub) {
          problems.warn('article-in-appendix', `附件中出现“${a.label}”：若它属于正文，请把附件移到最后一条之后`, line.number, line.indent + 1);
        }
        addAppendixLine(line);
      }
      continue;
    }

    if (toc) {
      const h = matchHeading(content);
      const repeatsFirst = tocFirstEntry !== undefined && squeeze(content) === tocFirstEntry;
      if (!repeatsFirst && !matchArticle(numbering, content) && (h || content.length <= 40)) {
        tocFirstEntry ??= squeeze(content);
        toc.children.push(textNode(line, 0, 'tocEntry'));
        continue;
      }
      toc = undefined;
    }

    if (isTocHeading(content) && !article && !chapter && !part) {
      toc = { type: 'toc', id: 'toc', children: [textNode(line, 0, 'tocHeading')], position: span(line, 0, content.length) };
      out.push(toc);
      continue;
    }

    const h = matchHeading(content);
    if (h) {
      heading(line, h);
      continue;
    }
    const a = matchArticle(numbering, content);
    if (a) {
      startArticle(line, a);
      continue;
    }
    if (lastArticle.number > 0) {
      const ap = matchAppendix(content);
      if (ap) {
        closeArticle();
        part = chapter = section = undefined;
        appendix = openAppendix(line, ap);
        continue;
      }
    }
    if (!article) {
      problems.error('orphan-text', `文字不属于任何条文：“${content.slice(0, 16)}${content.length > 16 ? '…' : ''}”`, line.number, line.indent + 1);
      continue;
    }
    if (matchItem(content)) {
      addItem(line, content);
    } else if (item && matchSubitem(content)) {
      addSubitem(line, content);
    } else {
      paragraph = openParagraph(line, 0);
      paragraph.children.push(textNode(line));
    }
  }
  return out;
}

// 版记: 抄送/主送 lines, or `XX办公室 2023年4月6日印发`.
const COLOPHON = /^(?:抄送|抄报)[：:]|^\S.{0,40}?[\s\u3000]+[0-9０-９]{4}年[0-9０-９]{1,2}月[0-9０-９]{1,2}日印发$/;

function pushColophon(out: TopLevel[], line: Line): Colophon {
  const node: Colophon = { type: 'colophon', id: 'colophon', children: [textNode(line, 0, 'body')], position: span(line, 0, line.content.length) };
  out.push(node);
  return node;
}

function newAppendix(line: Line, number: number, label: string, rest: string): Appendix {
  return {
    type: 'appendix',
    number,
    label,
    id: `appendix-${number}`,
    ...(rest ? { title: squeeze(rest) } : {}),
    children: [textNode(line, 0, 'appendixHeading')],
    position: span(line, 0, line.content.length),
  };
}

export function articleLabel(numbering: Numbering, number: number, sub = 0): string {
  const n = numeral(number);
  if (numbering === 'outline') return `${n}、`;
  return sub ? `第${n}条之${numeral(sub)}` : `第${n}条`;
}

/** Chinese numeral where one exists, digits beyond (第10001条). */
function numeral(n: number): string {
  return n >= 1 && n <= 9999 ? toChineseNumeral(n) : String(n);
}

/** `坚持和加强党的全面领导。牢记…` → heading `坚持和加强党的全面领导`. */
function itemHeading(text: string): { heading?: string } {
  const m = /^([^。；：]{1,60})[。；：]/.exec(text);
  return m ? { heading: m[1]! } : {};
}
