/**
 * remark plugin for the authored MDX pages and interpretation notes: clause
 * references in prose become permalinks, and a reference to a clause that
 * does not exist fails the build with file:line:column.
 *
 * Recognised in text (not inside links or code):
 *  - `第四十三条`, `第四十三条第二款`, `第三十八条第五项`, `第十二条之一`;
 *  - `四十三、` — the outline label — for outline-numbered regulations, only
 *    after a space, 》, an opening quote or bracket, or 见/与/和/及/或/照/据
 *    (“与四十二、报批程序衔接”), not at the start of a paragraph/heading/list
 *    item, and not followed by another numeral: 周六、, 一、二、三 and list
 *    markers stay text;
 *  - `[[chaoyang-government-work-rules#art-43-p2]]`, `[[#art-43-p2]]`,
 *    `[[chaoyang-government-work-rules]]` — shown as the clause's citation;
 *  - `《某某规则》第十条`: linked when the portal has exactly one regulation
 *    with that title; left as text (and never an error) when it does not,
 *    since it cites another document.
 * Also checked: `<Clause ref="…" />` elements, and the frontmatter fields
 * `regulation` and `clauses` (notes attach to those clauses).
 *
 * A bare 第四十三条 refers to the frontmatter's `regulation`, or to the only
 * regulation when the portal has one; otherwise the build fails asking for
 * `regulation:` in the frontmatter.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Link, Parent, Root, RootContent, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { parseNumeral } from '../parse/numerals.ts';
import { ARTICLE_WORDS, idOfMatch } from '../tree/clause-words.ts';
import { citeClause, parseClauseRef, type ClauseRef } from './clause-ref.ts';
import { xrefIndex, type CorpusLike } from './xref-index.ts';

export interface ClauseLinksOptions {
  /** Defaults to the build's corpus (getCorpus()). */
  corpus?: CorpusLike;
}

const CN = '[〇零一二两三四五六七八九十百千]+';
const PATTERN = new RegExp(
  [
    // 1 slug, 2 id
    String.raw`\[\[([a-z0-9]+(?:-[a-z0-9]+)*)?(?:#([A-Za-z0-9-]+))?\]\]`,
    // 3 《title》, 4–8 article, 之N, 款, 项, 目 (src/tree/clause-words.ts)
    `(?:《([^《》\\n]{1,100})》)?${ARTICLE_WORDS}`,
    // 9 outline label
    // Only after a boundary or a word that introduces a reference (见、与、根据…): never
    // 周六、 / 初六、 / 第一、二章 / 一、二、三 (enumerations) / a list marker.
    `(?<=^|[\\s》“‘「『（(见与和及或照据])(${CN})、(?![〇零一二两三四五六七八九十百千])`,
  ].join('|'),
  'g',
);

const SKIPPED = new Set(['link', 'linkReference', 'definition', 'code', 'inlineCode', 'html', 'mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression']);
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

interface Frontmatter {
  regulation?: unknown;
  clauses?: unknown;
}

export default function remarkClauseLinks(options: ClauseLinksOptions = {}) {
  return (tree: Root, file: VFile): void => {
    const index = xrefIndex(options.corpus);
    const data = file.data as { astro?: { frontmatter?: Frontmatter }; frontmatter?: Frontmatter };
    const fm: Frontmatter = data.astro?.frontmatter ?? data.frontmatter ?? {};
    const where = (line = 1, column = 1) => `${displayPath(file)}:${line}:${column}`;
    const fail = (reason: string, line = 1, column = 1): never => {
      file.fail(`${where(line, column)}: ${reason}`, { place: { line, column } });
      throw new Error('unreachable');
    };

    let regulation: string | undefined;
    if (fm.regulation !== undefined) {
      if (typeof fm.regulation !== 'string' || !index.regulation(fm.regulation)) {
        const at = frontmatterPosition(file, 'regulation');
        const known = index.corpus.regulations.map((r) => r.slug).join('、');
        fail(`frontmatter 的 regulation “${String(fm.regulation)}”不是本站的法规（现有：${known}）`, at.line, at.column);
      }
      regulation = fm.regulation as string;
    } else if (index.corpus.regulations.length === 1) {
      regulation = index.corpus.regulations[0]!.slug;
    }

    if (fm.clauses !== undefined) {
      const at = frontmatterPosition(file, 'clauses');
      if (!Array.isArray(fm.clauses) || fm.clauses.some((c) => typeof c !== 'string')) {
        fail('frontmatter 的 clauses 应为条文编号的列表，如 [art-43-p2]', at.line, at.column);
      }
      for (const id of fm.clauses as string[]) {
        const ref = parseClauseRef(id.includes('#') ? id : `#${id}`, regulation);
        const cited = typeof ref === 'string' ? ref : citeClause(ref, options.corpus);
        if (typeof cited === 'string') {
          const pos = frontmatterPosition(file, id);
          fail(`frontmatter 的 clauses：${cited}`, pos.line, pos.column);
        }
      }
    }

    const numbering = (slug: string) => index.regulation(slug)?.numbering;

    visit(tree, (node, i, parent) => {
      if (SKIPPED.has(node.type)) return SKIP;
      const type: string = node.type;
      if (type === 'mdxJsxFlowElement' || type === 'mdxJsxTextElement') {
        const element = node as unknown as JsxElement;
        if (element.name === 'Clause') checkClauseElement(element, regulation, options.corpus, fail);
        return undefined;
      }
      if (node.type !== 'text' || !parent || i === undefined) return undefined;
      const text = node as Text;
      const startsBlock = BLOCKS.has(parent.type) && parent.children[0] === node;
      const pieces: RootContent[] = [];
      let at = 0;
      for (const m of text.value.matchAll(PATTERN)) {
        const pos = pointIn(text, m.index, file);
        let ref: ClauseRef | undefined;
        let label = m[0];
        let explicit = false;
        if (m[0].startsWith('[[')) {
          const parsed = parseClauseRef(`${m[1] ?? ''}${m[2] ? `#${m[2]}` : ''}`, regulation);
          if (typeof parsed === 'string') fail(parsed, pos.line, pos.column);
          ref = parsed as ClauseRef;
          explicit = true;
        } else if (m[4] !== undefined) {
          let slug = regulation;
          if (m[3] !== undefined) {
            // 《title》第X条: another document unless the portal has it.
            const target = index.resolveCitation('', m[3], undefined, false);
            if (target.kind !== 'portal') continue;
            slug = target.slug;
          }
          if (!slug) {
            fail(`无法确定“${m[0]}”指哪部法规：请在 frontmatter 写 regulation: <法规网址名>，或写成 [[法规网址名#条文编号]]`, pos.line, pos.column);
          }
          const id = idOfMatch(m, 4);
          if (!id) continue;
          ref = { slug: slug!, id };
        } else if (m[9] !== undefined) {
          if (startsBlock && !text.value.slice(0, m.index).trim()) continue;
          const slug = regulation;
          if (!slug) {
            fail(`无法确定“${m[0]}”指哪部法规：请在 frontmatter 写 regulation: <法规网址名>`, pos.line, pos.column);
          }
          if (numbering(slug!) !== 'outline') continue;
          const n = parseNumeral(m[9]);
          if (n === undefined) continue;
          ref = { slug: slug!, id: `art-${n}` };
        }
        if (!ref) continue;
        const cited = citeClause(ref, options.corpus);
        if (typeof cited === 'string') fail(`“${m[0]}”：${cited}`, pos.line, pos.column);
        const c = cited as Exclude<typeof cited, string>;
        if (explicit) label = c.words && c.slug === regulation ? c.words : c.citation;
        if (m.index > at) pieces.push({ type: 'text', value: text.value.slice(at, m.index) });
        const link: Link = {
          type: 'link',
          url: c.href,
          title: c.citation,
          children: [{ type: 'text', value: label }],
          data: { hProperties: { className: ['clause-link'] } },
        };
        pieces.push(link);
        at = m.index + m[0].length;
      }
      if (!pieces.length) return undefined;
      if (at < text.value.length) pieces.push({ type: 'text', value: text.value.slice(at) });
      (parent as Parent).children.splice(i, 1, ...(pieces as Parent['children']));
      return [SKIP, i + pieces.length];
    });
  };
}

/** The bits of an MDX JSX element (mdast-util-mdx-jsx) this plugin reads. */
interface JsxElement {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: ({ type: 'mdxJsxAttribute'; name: string; value?: unknown } | { type: 'mdxJsxExpressionAttribute'; value: string })[];
  position?: { start: { line: number; column: number } };
}

function checkClauseElement(
  node: JsxElement,
  regulation: string | undefined,
  corpus: CorpusLike | undefined,
  fail: (reason: string, line?: number, column?: number) => never,
): void {
  const line = node.position?.start.line ?? 1;
  const column = node.position?.start.column ?? 1;
  const attr = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'ref');
  if (attr?.type !== 'mdxJsxAttribute' || typeof attr.value !== 'string') {
    fail('<Clause> 需要文字属性 ref，如 <Clause ref="chaoyang-government-work-rules#art-43-p2" />', line, column);
  }
  const ref = parseClauseRef((attr as { value: string }).value, regulation);
  if (typeof ref === 'string') fail(`<Clause>：${ref}`, line, column);
  const cited = citeClause(ref as ClauseRef, corpus);
  if (typeof cited === 'string') fail(`<Clause ref="${(attr as { value: string }).value}">：${cited}`, line, column);
  if (!(ref as ClauseRef).id) fail('<Clause> 的 ref 要指向一个条文（…#art-43-p2），不能是整部法规', line, column);
  // `#art-43-p2` relies on the frontmatter: hand the component the full reference.
  (attr as { value: string }).value = `${(ref as ClauseRef).slug}#${(ref as ClauseRef).id}`;
}

/** Line and column of `value[index]` in the source (exact when the node's source equals its value). */
function pointIn(node: Text, index: number, file: VFile): { line: number; column: number } {
  const start = node.position?.start;
  if (!start) return { line: 1, column: 1 };
  const source = typeof file.value === 'string' && start.offset !== undefined && node.position?.end.offset !== undefined
    ? file.value.slice(start.offset, node.position.end.offset)
    : undefined;
  const before = (source === node.value ? source : node.value).slice(0, index);
  const newlines = before.split('\n');
  if (newlines.length === 1) return { line: start.line, column: start.column + index };
  return { line: start.line + newlines.length - 1, column: newlines.at(-1)!.length + 1 };
}

/** Where a frontmatter key (or value) is, read from the original file; 1:1 when unknown. */
function frontmatterPosition(file: VFile, needle: string): { line: number; column: number } {
  let source: string | undefined;
  try {
    source = file.path ? readFileSync(file.path, 'utf8') : undefined;
  } catch {
    source = undefined;
  }
  source ??= typeof file.value === 'string' ? file.value : undefined;
  if (!source) return { line: 1, column: 1 };
  const lines = source.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const col = lines[i]!.indexOf(needle);
    if (col >= 0) return { line: i + 1, column: col + 1 };
  }
  return { line: 1, column: 1 };
}

function displayPath(file: VFile): string {
  if (!file.path) return '<mdx>';
  const rel = relative(process.cwd(), file.path);
  return rel.startsWith('..') ? file.path : rel;
}
