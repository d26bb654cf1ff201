/**
 * The divisions of the body being built: 编, 分编, 章, 节 and `一、…` groups,
 * which one is open, and their numbering checks. The body builder hands each
 * heading line here and asks where the next article goes.
 */
import type { Chapter, Group, Part, Section, Subpart, TopLevel } from '../tree/types.ts';
import { groupNode, numeral, titleContinuation, type GroupLabel } from './headings.ts';
import type { InferredHeading } from './inferred-headings.ts';
import { squeeze, type Line } from './lines.ts';
import type { Heading } from './patterns.ts';
import type { Problems } from './problems.ts';
import { prefixChapters } from './structure.ts';
import { span } from './text-node.ts';

const HEADING_NAME = { part: '编', subpart: '分编', chapter: '章', section: '节' } as const;

export class Divisions {
  part: Part | undefined;
  subpart: Subpart | undefined;
  chapter: Chapter | undefined;
  section: Section | undefined;
  group: Group | undefined;
  private readonly last = { part: 0, chapter: 0, group: 0 };
  private readonly groupParent = new WeakMap<Group, Group>();
  private restart = false; // chapters numbered per part
  private bareLine = false; // a short paragraph without punctuation: maybe a heading that lost its 第X章
  private bareInChapter = false;
  private firstBare: Line | undefined; // the first such line since the last chapter heading

  private readonly out: TopLevel[];
  private readonly problems: Problems;
  private readonly source: string;
  private readonly isArticle: (content: string) => boolean;

  constructor(out: TopLevel[], problems: Problems, source: string, isArticle: (content: string) => boolean) {
    this.out = out;
    this.problems = problems;
    this.source = source;
    this.isArticle = isArticle;
  }

  /** Where an article goes: the innermost open container, else the top level. */
  owner(): { children: unknown[] } {
    return this.group ?? this.section ?? this.chapter ?? this.subpart ?? this.part ?? { children: this.out };
  }

  /** Appendices stand outside every division. */
  closeAll(): void {
    this.part = this.subpart = this.chapter = this.section = this.group = undefined;
  }

  /** A bare short line left as text: if the chapter numbering skips later, it is where the label was lost. */
  noteBare(line: Line): void {
    this.bareLine = this.bareInChapter = true;
    this.firstBare ??= line;
  }

  /** Open the division of heading `h` at line i (inferred or printed); returns the last line its title takes. */
  open(lines: Line[], i: number, h: Heading | InferredHeading, articlesSoFar: number): number {
    const line = lines[i]!;
    const inferred = 'inferred' in h;
    const more = inferred ? undefined : titleContinuation(lines, i, this.isArticle);
    let titlePrinted = h.rest || undefined;
    let position = span(line, 0, line.content.length);
    if (more !== undefined) {
      const next = lines[more]!;
      const from = h.rest ? line.offset + line.indent + h.restIndex : next.offset + next.indent;
      titlePrinted = this.source.slice(from, next.offset + next.indent + next.content.length);
      position = { start: position.start, end: span(next, 0, next.content.length).end };
    }
    const common = {
      number: h.number,
      label: h.label,
      ...(inferred ? { inferred: true as const } : {}),
      ...(titlePrinted ? { title: squeeze(titlePrinted), titlePrinted } : {}),
      position,
    };
    const expectLabel = (n: number) => `第${numeral(n)}${HEADING_NAME[h.kind]}`;
    const error = (rule: string, reason: string) => this.problems.error(rule, reason, line.number, line.indent + 1);
    const check = (previous: number, ruleId: string, what: string) => {
      if (h.number !== previous + 1) error(ruleId, `${what}编号不连续：应为“${expectLabel(previous + 1)}”，实为“${h.label}”`);
    };
    if (inferred) {
      this.problems.warn(
        'heading-inferred',
        `“${line.content}”按“${expectLabel(h.number)}”发布：它像是丢了编号的标题，印出的${HEADING_NAME[h.kind]}编号正好在此缺少“${expectLabel(h.number)}”（页面标明原文未印编号）`,
        line.number,
        line.indent + 1,
      );
    }
    this.group = undefined;
    if (h.kind === 'part') {
      check(this.last.part, 'part-sequence', '编');
      this.last.part = Math.max(this.last.part, h.number);
      this.part = { type: 'part', id: `part-${h.number}`, children: [], ...common };
      this.subpart = this.chapter = this.section = undefined;
      this.out.push(this.part);
    } else if (h.kind === 'subpart') {
      const owner = this.part ? this.part.children : this.out;
      check(owner.filter((c) => c.type === 'subpart').length, 'subpart-sequence', '分编');
      this.subpart = { type: 'subpart', id: this.part ? `${this.part.id}-sub-${h.number}` : `sub-${h.number}`, children: [], ...common };
      this.chapter = this.section = undefined;
      owner.push(this.subpart);
    } else if (h.kind === 'chapter') {
      this.openChapter(h, line, common, articlesSoFar, expectLabel, check);
    } else {
      const chapter = this.chapter;
      const previous = chapter ? chapter.children.filter((c) => c.type === 'section').length : 0;
      if (chapter && previous === 0 && h.number > 1 && chapter.children.length > 0 && !this.bareInChapter) {
        // As with chapters: leading section headings lost, the articles before them intact.
        this.problems.warn('section-first-missing', `“${h.label || expectLabel(h.number)}”之前的节标题行缺失：本章此前的条文不属于任何一节`, line.number, line.indent + 1);
      } else {
        check(previous, 'section-sequence', '节');
      }
      if (!chapter) error('section-outside-chapter', `“${h.label}”不在任何一章之内`);
      this.section = { type: 'section', id: chapter ? `${chapter.id}-sec-${h.number}` : `sec-${h.number}`, children: [], ...common };
      (chapter ? chapter.children : this.out).push(this.section);
    }
    return more ?? i;
  }

  private openChapter(
    h: Heading,
    line: Line,
    common: Omit<Chapter, 'type' | 'id' | 'children'>,
    articlesSoFar: number,
    expectLabel: (n: number) => string,
    check: (previous: number, ruleId: string, what: string) => void,
  ): void {
    const part = this.part;
    if (part && h.number === 1 && this.last.chapter > 0 && !part.children.some((c) => c.type === 'chapter' || c.type === 'subpart')) {
      // Each 编 numbers its chapters from 第一章 again (刑事诉讼法): chapter ids then carry their part.
      if (!this.restart) for (const p of this.out) if (p.type === 'part') prefixChapters(p);
      this.restart = true;
      this.last.chapter = 0;
    }
    const label = h.label || expectLabel(h.number);
    if (this.last.chapter === 0 && h.number > 1 && articlesSoFar > 0 && !this.bareLine) {
      // The collection lost some leading chapter heading lines; the articles before are intact
      // (a bare short line among them would be a heading that lost its 第X章: then it is an error).
      this.problems.warn('chapter-first-missing', `“${label}”之前的章标题行缺失：此前的条文不属于任何一章`, line.number, line.indent + 1);
    } else if (h.number !== this.last.chapter + 1 && this.firstBare) {
      // Say where the defect is: the bare line that lost its 第X章, not only the heading after it.
      const expected = expectLabel(this.last.chapter + 1);
      this.problems.error('chapter-sequence', `章编号不连续：应为“${expected}”，实为“${h.label}”`, line.number, line.indent + 1);
      this.problems.error(
        'heading-label-lost',
        `“${this.firstBare.content}”像是丢了“第X章”或“第X节”的标题：章节编号在第 ${line.number} 行跳过了“${expected}”`,
        this.firstBare.number,
        this.firstBare.indent + 1,
      );
    } else {
      check(this.last.chapter, 'chapter-sequence', '章');
    }
    this.firstBare = undefined;
    this.last.chapter = Math.max(this.last.chapter, h.number);
    this.bareInChapter = false;
    this.chapter = { type: 'chapter', id: this.restart && part ? `${part.id}-ch-${h.number}` : `ch-${h.number}`, children: [], ...common };
    this.section = undefined;
    (this.subpart ?? part ?? { children: this.out }).children.push(this.chapter as never);
  }

  /** `一、…` over 第X条 articles, and `（一）…` groups under it. */
  openGroup(g: GroupLabel, line: Line): void {
    const group = this.group;
    const parent = g.level === 2 ? (group && this.groupParent.get(group)) ?? group : undefined;
    const siblings = parent ? parent.children.filter((c) => c.type === 'group').length : this.last.group;
    if (g.number !== siblings + 1) {
      const expected = g.level === 2 ? `（${numeral(siblings + 1)}）` : `${numeral(siblings + 1)}、`;
      this.problems.error('group-sequence', `标题编号不连续：应为“${expected}”，实为“${g.label}”`, line.number, line.indent + 1);
    }
    const node = groupNode(g, parent, span(line, 0, line.content.length));
    if (parent) {
      parent.children.push(node);
      this.groupParent.set(node, parent);
    } else {
      this.last.group = Math.max(this.last.group, g.number);
      (this.section ?? this.chapter ?? this.subpart ?? this.part ?? { children: this.out }).children.push(node as never);
    }
    this.group = node;
  }
}
