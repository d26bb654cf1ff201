/**
 * A long regulation's full text in parts (docs/urls.md "Long texts in parts"):
 * the page budget (100 KB gzipped, src/integration/page-budget.ts) holds any
 * page, and the longest texts (a 684-article 刑事诉讼规则) render past it.
 * Part 1 is the regulation page itself, part n ≥ 2 is
 * `/regulations/<slug>/page/<n>/`; a text within the limit is one part and its
 * page is what it always was.
 *
 * The rule: a part holds at most PART_LIMIT characters of source text. The
 * top-level nodes are packed into parts in order; a division (编, 分编, 章, 节,
 * group) too long for one part is split the same way among its own children,
 * its pieces never shared with its siblings, so parts break at the highest
 * division boundary that keeps them within the limit, and between articles
 * where nothing higher does. Front matter (notice, title, printed 目录) stays
 * with what follows it; one article longer than the limit is a part of its own.
 * Of the splits into the fewest parts, the one with the most even parts is taken.
 *
 * Pure: a tree in, parts out; memoised per tree.
 */
import type { Article, Node, Regulation, TopLevel } from '../tree/types.ts';
import { visit } from '../tree/walk.ts';
import { PAGE_BUDGET } from '../integration/page-budget.ts';
import { type Division, isDivision } from './outline.ts';
import { holderId, SUBCLAUSE } from './part-map.ts';
import { CLAUSE_ID } from './permalinks.ts';

export { partMap } from './part-map.ts';

/**
 * Gzipped page bytes per character of source text, whole pages measured at the
 * collection: the two texts that first broke the budget (117.3 KB for 105,436
 * characters; 108.4 KB for 91,891: 1.14 and 1.21) and the densest long page
 * (民事诉讼法的解释, 76.3 KB for 60,447: 1.29), rounded up.
 */
export const GZIP_BYTES_PER_CHAR = 1.3;
/** A quarter of the budget is kept for what every part repeats: header, metadata, the whole 目录, part links. */
export const SAFETY = 0.75;
/** Characters of source text per part: 59,076. */
export const PART_LIMIT = Math.floor((PAGE_BUDGET * SAFETY) / GZIP_BYTES_PER_CHAR);

/** A division shown in a part that does not hold its start: its heading is repeated (marked, without its id). */
export type Piece = (Division & { continued?: true }) | TopLevel | Article;

export interface TextPart {
  /** 1-based; part 1 is the regulation page. */
  number: number;
  /** What the part shows, in source order: whole nodes and copies of divisions holding some of their children. */
  nodes: Piece[];
  /** Ids of the clauses the part holds (every permalink id but 款/项/目, which go with their article). */
  ids: string[];
}

type Unit = TopLevel | Division | Article;

const size = (n: Unit) => n.position.end.offset - n.position.start.offset;
const isFrontMatter = (n: Unit) => n.type === 'notice' || n.type === 'promulgation' || n.type === 'header' || n.type === 'toc';

/** Pack `nodes` into parts of at most `limit` characters, splitting divisions that do not fit. */
function pack(nodes: readonly Unit[], limit: number): Piece[][] {
  const parts: Piece[][] = [];
  let current: Piece[] = [];
  let used = 0;
  const flush = () => {
    if (current.length) parts.push(current);
    current = [];
    used = 0;
  };
  for (const node of nodes) {
    const s = size(node);
    if (s > limit && isDivision(node) && node.children.length > 1) {
      const inner = pack(node.children as Unit[], limit);
      // Front matter alone is no page: it opens the division's first piece.
      const lead = current.every((n) => isFrontMatter(n as Unit)) ? current : [];
      if (!lead.length) flush();
      current = [];
      used = 0;
      inner.forEach((children, i) => {
        parts.push([...(i === 0 ? lead : []), { ...node, children, ...(i > 0 ? { continued: true } : {}) } as Piece]);
      });
      continue;
    }
    if (used + s > limit && current.some((n) => !isFrontMatter(n as Unit))) flush();
    current.push(node);
    used += s;
  }
  flush();
  return parts;
}

/**
 * As few parts as the limit allows, of even sizes: packing to the limit alone
 * leaves a short last part (69.9 KB and 8.9 KB for 民事诉讼法的解释), so pack to
 * an even share, raised 5 % at a time until no more parts come out than the
 * limit needs. Every part stays within the limit.
 */
function balanced(nodes: readonly Unit[], total: number, limit: number): Piece[][] {
  const fewest = pack(nodes, limit);
  for (let share = Math.ceil(total / fewest.length); share < limit; share = Math.ceil(share * 1.05)) {
    const parts = pack(nodes, share);
    if (parts.length <= fewest.length) return parts;
  }
  return fewest;
}

/** Clause ids a part holds: divisions it starts, articles, appendices, front matter. */
function idsOf(nodes: readonly Piece[]): string[] {
  const ids: string[] = [];
  for (const top of nodes) {
    visit(top as Node, (node) => {
      if (!('id' in node) || !CLAUSE_ID.test(node.id) || SUBCLAUSE.test(node.id)) return;
      if ((node as { continued?: true }).continued) return;
      ids.push(node.id);
    });
  }
  return ids;
}

const memo = new WeakMap<Regulation, TextPart[]>();

/** The parts of a regulation's full text (one for any text within the limit). */
export function textParts(tree: Regulation, limit = PART_LIMIT): TextPart[] {
  const cached = limit === PART_LIMIT ? memo.get(tree) : undefined;
  if (cached) return cached;
  const total = tree.children.reduce((n, c) => n + size(c), 0);
  const split = total <= limit ? [tree.children as Piece[]] : balanced(tree.children, total, limit);
  const parts = split.map((nodes, i) => ({ number: i + 1, nodes, ids: split.length > 1 ? idsOf(nodes) : [] }));
  if (limit === PART_LIMIT) memo.set(tree, parts);
  return parts;
}

/** `/regulations/<slug>/page/<n>/`; part 1 is the regulation page. */
export function partUrl(slug: string, n: number): string {
  return n === 1 ? `/regulations/${slug}/` : `/regulations/${slug}/page/${n}/`;
}

const places = new WeakMap<readonly TextPart[], Map<string, number>>();

/** The number of the part holding clause `id` (1 when the text is whole or the id unknown). */
export function partOf(parts: readonly TextPart[], id: string): number {
  if (parts.length === 1) return 1;
  let where = places.get(parts);
  if (!where) places.set(parts, (where = new Map(parts.flatMap((p) => p.ids.map((i) => [i, p.number] as const)))));
  return where.get(holderId(id)) ?? 1;
}

/** Where a clause of `slug` is shown: `#id` on its own part's page, else the part's URL and `#id`. */
export function clauseHref(slug: string, parts: readonly TextPart[], id: string, onPart?: number): string {
  const n = partOf(parts, id);
  return n === onPart ? `#${id}` : `${partUrl(slug, n)}#${id}`;
}
