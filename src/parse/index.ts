/**
 * parseRegulation: raw text (bytes or string) → clause tree + problems.
 * The one entry point the build, the CLI and the tests use.
 */
import type { Problem, Regulation, TopLevel } from '../tree/types.ts';
import { extendPositions } from '../tree/walk.ts';
import { buildBody, startsBody, statuteLabelOf, type Numbering } from './body.ts';
import { decode, DecodeError, type Encoding } from './decode.ts';
import { buildFrontMatter, citedTitleLine } from './front-matter.ts';
import { splitLines, type Line } from './lines.ts';
import { readMeta } from './meta.ts';
import { isOutlineArticle, isTableRow, matchAppendix, matchHeading, matchItem, matchOutlineArticle, matchStatuteArticle } from './patterns.ts';
import { checkCharacters } from './characters.ts';
import { Problems } from './problems.ts';
import { singleArticle } from './single-article.ts';
import { crossReference } from './xref/index.ts';

export { formatProblem, hasErrors } from './problems.ts';

export interface ParseOptions {
  /** Shown in messages: `content/regulations/x.txt`. */
  path: string;
  /** URL slug; defaults to the file name without `.txt`. */
  slug?: string;
  /** The text's folder relative to the library root (`行政法规`, `DLC/北京地方法规/地方性法规/北京`): one clue to its kind. */
  folder?: string;
}

export interface ParseResult {
  /** Absent only when the bytes could not be decoded. */
  tree?: Regulation;
  problems: Problem[];
  encoding?: Encoding;
  /** The decoded source, which positions point into. */
  source?: string;
}

export function parseRegulation(input: string | Uint8Array, options: ParseOptions): ParseResult {
  const slug = options.slug ?? options.path.replace(/^.*[\\/]/, '').replace(/\.txt$/i, '');
  const problems = new Problems();
  let text: string;
  let encoding: Encoding | undefined;
  if (typeof input === 'string') {
    text = input.replace(/^\ufeff/, '');
  } else {
    try {
      ({ text, encoding } = decode(input));
    } catch (error) {
      if (!(error instanceof DecodeError)) throw error;
      problems.error('encoding', error.message, error.line, error.column);
      return { problems: problems.list };
    }
  }

  const lines = splitLines(text);
  checkCharacters(lines, text, problems);

  const numbering = detectNumbering(lines);
  const minStart = citedTitleLine(lines) ?? 0;
  let bodyStart = lines.findIndex((l, i) => i >= minStart && l.content && startsBody(numbering, l.content, nextContent(lines, i), i > 0 ? lines[i - 1]!.content : ''));
  const noBody = bodyStart < 0;
  if (noBody) bodyStart = lines.length;

  const children = [...buildFrontMatter(lines.slice(0, bodyStart)), ...buildBody(lines.slice(bodyStart), numbering, problems, text)];
  checkLabelsInPreamble(children, numbering, problems);
  if (noBody && !singleArticle(children, problems)) {
    problems.error('no-articles', '没有找到任何条文：条文应以“一、”或“第一条”开头', 1, 1);
  }
  if (!children.some((c) => c.type === 'header')) {
    const first = lines.find((l) => l.content) ?? lines[0]!;
    problems.error('missing-title', '找不到法规标题：正文之前应有一行标题', first.number, first.indent + 1);
  }
  const last = lines.at(-1)!;
  const tree: Regulation = {
    type: 'regulation',
    slug,
    numbering,
    meta: readMeta(children, slug, options.folder),
    children,
    crossrefs: { abbreviations: [], citations: [], references: [], timeExpressions: [] },
    position: {
      start: { line: 1, column: 1, offset: 0 },
      end: { line: last.number, column: last.end - last.offset + 1, offset: text.length },
    },
  };
  for (const child of children) extendPositions(child);
  tree.crossrefs = crossReference(tree, text);
  for (const ref of tree.crossrefs.references) {
    if (ref.target) continue;
    const at = pointAt(lines, ref.span.start);
    problems.warn('unresolved-reference', `引用的“${ref.text}”在本文中找不到，不会生成链接`, at.line, at.column);
  }
  problems.list.sort((a, b) => a.line - b.line || a.column - b.column);
  return { tree, problems: problems.list, ...(encoding ? { encoding } : {}), source: text };
}

/**
 * Labels before the body: an item is published as preamble text (a warning); an
 * article or heading label there (the body starts only after the title the
 * notice cites) would be lost as structure, so it is an error.
 */
function checkLabelsInPreamble(children: TopLevel[], numbering: Numbering, problems: Problems): void {
  for (const c of children) {
    if (c.type !== 'preamble') continue;
    for (const p of c.children) {
      const t = p.children[0];
      if (t?.type !== 'text' || isTableRow(t.value, true)) continue; // a table row is text
      const at = t.position.start;
      const label = matchHeading(t.value)?.label ?? (numbering === 'statute' ? matchStatuteArticle(t.value) : matchOutlineArticle(t.value))?.label;
      if (label) problems.error('label-before-body', `“${label}”在正文开始之前：条文和章节只能在标题之后`, at.line, at.column);
      const m = label ? undefined : matchItem(t.value);
      if (m) problems.warn('item-in-preamble', `“${m.label}”在第一条之前，不属于任何条文：作为序言文字发布`, at.line, at.column);
    }
  }
}

function nextContent(lines: Line[], i: number): string {
  for (let j = i + 1; j < lines.length; j++) if (lines[j]!.content) return lines[j]!.content;
  return '';
}

function pointAt(lines: Line[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid]!.offset <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lines[lo]!.number, column: offset - lines[lo]!.offset + 1 };
}

/**
 * Statute numbering (第X条) if its articles outnumber outline ones (一、), or if
 * 第一条, 第二条 and 第三条 all start lines: a statute's articles hold many `一、`
 * lists, an outline text never numbers itself 第一条 to 第三条.
 * Lines after the first 附件 heading that follows an article are not counted:
 * an appendix's own 一、 list says nothing about how the articles are numbered.
 */
function detectNumbering(lines: Line[]): Numbering {
  let statute = 0;
  let outline = 0;
  const first = new Set<number>();
  for (const line of lines) {
    const c = line.content;
    const a = statuteLabelOf(line);
    if (a) {
      statute++;
      if (a.number <= 3 && !a.sub) first.add(a.number);
    } else if (isOutlineArticle(c)) outline++;
    else if (statute + outline > 0 && matchAppendix(c)) break;
  }
  return statute > 0 && (statute >= outline || first.size === 3) ? 'statute' : 'outline';
}
