/**
 * Invariants every parsed tree must satisfy, shared by the fixture, seed and
 * property tests. Each check returns human-readable violations (empty = fine)
 * so a failing test says what broke, not just `false`.
 */
import { isTableRow, matchHeading, matchItem, matchOutlineArticle, matchStatuteArticle } from '../../../src/parse/patterns.ts';
import type { Node, Problem, Regulation, Span, Text } from '../../../src/tree/types.ts';
import { isParent, printedPieces, visit } from '../../../src/tree/walk.ts';

/** All layout removed: whitespace (JS `\s` covers U+3000, NBSP and U+FEFF too) and invisible format characters. */
export function stripWhitespace(text: string): string {
  return text.replace(/[\s\u00ad\u180e\u200b-\u200f\u2060-\u2064]+/g, '');
}

export function textNodes(tree: Regulation): Text[] {
  const out: Text[] = [];
  visit(tree, (node) => {
    if (node.type === 'text') out.push(node);
  });
  return out;
}

/** Offsets where each line starts, split on CRLF, CR or LF, independently of the parser. */
export function lineStarts(source: string): number[] {
  const starts = [0];
  for (const m of source.matchAll(/\r\n|\r|\n/g)) starts.push(m.index + m[0].length);
  return starts;
}

/**
 * The fidelity guarantee of docs/tree.md: the printed pieces, concatenated,
 * are the source minus whitespace. Returns a description of the first
 * difference, or undefined.
 */
export function fidelityViolation(tree: Regulation, source: string): string | undefined {
  const printed = stripWhitespace(printedPieces(tree).join(''));
  const expected = stripWhitespace(source);
  if (printed === expected) return undefined;
  let i = 0;
  while (i < printed.length && printed[i] === expected[i]) i++;
  return `printed pieces differ from the source at char ${i}: tree has ${JSON.stringify(printed.slice(i, i + 20))}, source has ${JSON.stringify(expected.slice(i, i + 20))}`;
}

/**
 * Positions: every point's line/column agrees with its offset; every text
 * node slices back to its value; and (unless `order` is false) children lie
 * inside their parent, in document order, without overlapping.
 */
export function positionViolations(tree: Regulation, source: string, { order = true }: { order?: boolean } = {}): string[] {
  const out: string[] = [];
  const starts = lineStarts(source);
  const describe = (node: Node) => `${node.type}${'id' in node ? ` ${node.id}` : ''}${node.type === 'text' ? ` ${JSON.stringify(node.value.slice(0, 12))}` : ''}`;
  visit(tree, (node) => {
    const { start, end } = node.position;
    for (const p of [start, end]) {
      const lineStart = starts[p.line - 1];
      if (lineStart === undefined || lineStart + p.column - 1 !== p.offset) {
        out.push(`${describe(node)}: point ${p.line}:${p.column} does not match offset ${p.offset}`);
      }
    }
    if (start.offset > end.offset) out.push(`${describe(node)}: starts after it ends`);
    if (node.type === 'text' && source.slice(start.offset, end.offset) !== node.value) {
      out.push(`${describe(node)}: source slice ${JSON.stringify(source.slice(start.offset, end.offset))} is not its value`);
    }
    if (!isParent(node) || !order) return;
    let previousEnd = start.offset;
    for (const child of node.children as Node[]) {
      if (child.position.start.offset < previousEnd) out.push(`${describe(child)}: starts before its previous sibling ends (or before its parent ${describe(node)})`);
      if (child.position.end.offset > end.offset) out.push(`${describe(child)}: ends after its parent ${describe(node)}`);
      previousEnd = child.position.end.offset;
    }
  });
  return out;
}

export function duplicateIds(tree: Regulation): string[] {
  const seen = new Set<string>();
  const dups: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'regulation' || !('id' in node)) return;
    if (seen.has(node.id)) dups.push(node.id);
    seen.add(node.id);
  });
  return dups;
}

/** Cross-reference spans slice back to what they claim, and name clauses that exist. */
export function crossrefViolations(tree: Regulation, source: string): string[] {
  const out: string[] = [];
  const ids = new Set<string>();
  visit(tree, (node) => {
    if ('id' in node) ids.add(node.id);
  });
  const at = (span: Span) => source.slice(span.start, span.end);
  const clause = (what: string, id: string | undefined) => {
    if (id !== undefined && !ids.has(id)) out.push(`${what}: no clause ${id}`);
  };
  const { abbreviations, citations, references, timeExpressions } = tree.crossrefs;
  for (const a of abbreviations) {
    const printed = at(a.span);
    if (!printed.startsWith(a.full) || !/[（(](?:以下)?简称/.test(printed.slice(a.full.length)) || !printed.includes(a.short)) {
      out.push(`abbreviation ${a.short}: span covers ${JSON.stringify(printed)}`);
    }
    clause(`abbreviation ${a.short}`, a.clause);
  }
  for (const c of citations) {
    for (const o of c.occurrences) {
      if (at(o.span) !== `《${c.title}》`) out.push(`citation ${c.title}: span covers ${JSON.stringify(at(o.span))}`);
      clause(`citation ${c.title}`, o.clause);
    }
  }
  for (const r of references) {
    if (at(r.span) !== r.text) out.push(`reference ${r.text}: span covers ${JSON.stringify(at(r.span))}`);
    clause(`reference ${r.text} (from)`, r.from);
    clause(`reference ${r.text} (target)`, r.target);
  }
  for (const t of timeExpressions) {
    if (at(t.span) !== t.text) out.push(`time expression ${t.text}: span covers ${JSON.stringify(at(t.span))}`);
    clause(`time expression ${t.text}`, t.clause);
  }
  return out;
}

/** Every invariant at once; for trees parsed without errors. */
export function treeViolations(tree: Regulation, source: string): string[] {
  const fidelity = fidelityViolation(tree, source);
  return [
    ...(fidelity ? [fidelity] : []),
    ...positionViolations(tree, source),
    ...duplicateIds(tree).map((id) => `duplicate id ${id}`),
    ...crossrefViolations(tree, source),
  ];
}

/**
 * JSON for expected files: two-space indent, but any object or array that
 * fits on one short line (positions, spans) is written on one line so the
 * files stay reviewable.
 */
export function stableJson(value: unknown): string {
  const write = (v: unknown, indent: string): string => {
    if (v === null || typeof v !== 'object') return JSON.stringify(v);
    const compact = oneLine(v);
    if (compact.length + indent.length <= 110) return compact;
    const inner = indent + '  ';
    if (Array.isArray(v)) return `[\n${v.map((x) => inner + write(x, inner)).join(',\n')}\n${indent}]`;
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    return `{\n${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${write(x, inner)}`).join(',\n')}\n${indent}}`;
  };
  return write(value, '') + '\n';
}

function oneLine(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(oneLine).join(', ')}]`;
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
  return `{${entries.map(([k, x]) => `${JSON.stringify(k)}: ${oneLine(x)}`).join(', ')}}`;
}

/**
 * The invariant of #16: no article, chapter or item label of the source ends up
 * as plain text unless a problem says so. A text node of the body (article,
 * paragraph, item, preamble — not 目录, appendix, colophon or header, where
 * labels are text by design; not a table row) that starts a line must not start
 * with a label the parser knows, unless some problem is reported at that line.
 */
export function labelViolations(tree: Regulation, source: string, problems: readonly Problem[]): string[] {
  const out: string[] = [];
  const flagged = new Set(problems.map((p) => p.line));
  const starts = lineStarts(source);
  const isArticle = tree.numbering === 'statute' ? matchStatuteArticle : matchOutlineArticle;
  const exempt = new Set(['toc', 'appendix', 'colophon', 'header', 'notice', 'promulgation']);
  visit(tree, (node, ancestors) => {
    if (node.type !== 'text' || node.role || ancestors.some((a) => exempt.has(a.type) || (a.type === 'paragraph' && a.row))) return;
    const { line, offset } = node.position.start;
    if (flagged.has(line) || !/^[\s\u200b-\u200f\u2060\ufeff]*$/.test(source.slice(starts[line - 1], offset))) return;
    const v = node.value;
    if (isTableRow(v, true)) return; // TAB-separated: a table row, text by design
    const what = matchHeading(v) ? 'heading' : isArticle(v) ? 'article' : matchItem(v) ? 'item' : undefined;
    if (what) out.push(`line ${line}: ${what} label ${JSON.stringify(v.slice(0, 12))} is plain text and no problem says so`);
  });
  return out;
}
