/** What follows the articles: appendices (附件, 附表, 附：) and the colophon (版记). */
import type { Appendix, Colophon, TopLevel } from '../tree/types.ts';
import { squeeze, type Line } from './lines.ts';
import type { AppendixLabel } from './patterns.ts';
import type { Problems } from './problems.ts';
import { rowTexts, span, textNode } from './text-node.ts';

// 版记: 抄送/主送 lines, or `XX办公室 2023年4月6日印发`.
const COLOPHON = /^(?:抄送|抄报)[：:]|^\S.{0,40}?[\s\u3000]+[0-9０-９]{4}年[0-9０-９]{1,2}月[0-9０-９]{1,2}日印发$/;

/** A 版记 line. Asked of every body line: a line that neither starts with 抄 nor ends in 印发 is not one, without the regex. */
export function isColophon(content: string): boolean {
  return (content.endsWith('印发') || content.charCodeAt(0) === 0x6284) && COLOPHON.test(content); // 抄
}

export function colophonNode(line: Line): Colophon {
  return { type: 'colophon', id: 'colophon', children: [textNode(line, 0, 'body')], position: span(line, 0, line.content.length) };
}

export interface AppendixSeries {
  /** Line of each appendix id seen. */
  seen: Map<string, number>;
  /** Some heading printed a number: a bare `附件：…` line is then text inside an appendix. */
  numbered?: boolean;
  problems: Problems;
}

/**
 * Open an appendix. The same number twice is an error, unless the first was a
 * list of the appendices (`附件：1.…` with nothing but short lines under it),
 * which then becomes `appendix-list`.
 */
export function openAppendix(out: TopLevel[], line: Line, ap: AppendixLabel, series: AppendixSeries): Appendix {
  const id = ap.table ? `appendix-table-${ap.number}` : `appendix-${ap.number}`;
  const earlier = series.seen.get(id);
  if (earlier !== undefined) {
    const previous = out.at(-1);
    if (previous?.type === 'appendix' && previous.id === id && isList(previous, ap)) {
      previous.id = 'appendix-list';
      previous.list = true;
      for (const c of previous.children) if (c.type === 'paragraph') c.id = c.id.replace(id, 'appendix-list');
    } else {
      series.problems.error('appendix-duplicate', `附件编号重复：“${ap.label}”已在第 ${earlier} 行出现`, line.number, line.indent + 1);
    }
  }
  series.seen.set(id, line.number);
  if (ap.numbered) series.numbered = true;
  const node: Appendix = {
    type: 'appendix',
    number: ap.number,
    label: ap.label.replace(/[：:]$/, ''),
    id,
    ...(ap.rest ? { title: squeeze(ap.rest) } : {}),
    children: [textNode(line, 0, 'appendixHeading')],
    position: span(line, 0, line.content.length),
  };
  out.push(node);
  return node;
}

/**
 * The earlier appendix only announced this one: `附件：1.人民法院司法建议书制作规范` with
 * short numbered lines under it, or a titled heading (`附件：矿产资源分类细目`) with
 * nothing under it, followed by the appendix itself.
 */
function isList(a: Appendix, next: AppendixLabel): boolean {
  const heading = a.children[0]!.type === 'text' ? a.children[0]!.value : '';
  const rest = heading.slice(a.label.length).replace(/^[：:\s]+/, '');
  if (/^[0-9０-９]+[.．、]/.test(rest)) {
    return a.children.slice(1).every((c) => {
      const t = c.type === 'paragraph' && c.children[0]?.type === 'text' ? c.children[0].value : '';
      return t.length <= 40 && !/[。；]/.test(t);
    });
  }
  return a.children.length === 1 && !!rest && (!next.rest || squeeze(next.rest) === squeeze(rest));
}

export function appendixLine(a: Appendix, line: Line, row: boolean): void {
  // A short line right under a bare 附件 heading is that appendix's title.
  if (!row && !a.title && a.children.length === 1 && line.content.length <= 40 && !/[。；，]/.test(line.content)) {
    a.title = squeeze(line.content);
    a.children.push(textNode(line, 0, 'title'));
    return;
  }
  const count = a.children.filter((c) => c.type === 'paragraph').length;
  a.children.push({
    type: 'paragraph',
    number: count + 1,
    id: `${a.id}-p${count + 1}`,
    ...(row ? { row: true as const } : {}),
    children: row ? rowTexts(line) : [textNode(line)],
    position: span(line, 0, line.content.length),
  });
}
