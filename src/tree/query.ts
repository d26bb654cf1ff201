/** Looking clauses up by id, and reading their text. */
import { visit } from './walk.ts';
import type { Article, Clause, Node, Regulation } from './types.ts';

/** id → clause, built once per tree. */
export function clauseIndex(tree: Regulation): Map<string, Clause> {
  const index = new Map<string, Clause>();
  visit(tree, (node) => {
    if ('id' in node && !index.has(node.id)) index.set(node.id, node);
  });
  return index;
}

/** The plain text of a node: its text nodes joined, labels excluded. */
export function plainText(node: Node): string {
  if (node.type === 'text') return node.value;
  // One array for the whole subtree, joined once (not an array and a join per node).
  const parts: string[] = [];
  // Every node but text has children: `type` alone tells them (an `in` test on nodes of many shapes was slow).
  const collect = (n: Node): void => {
    if (n.type === 'text') parts.push(n.value);
    else for (const child of n.children) collect(child);
  };
  collect(node);
  return parts.join('');
}

/** The text as a reader sees it: labels included, one line per printed line. */
export function displayText(node: Node): string {
  const lines: string[] = [];
  let current = '';
  let pendingLabel = '';
  const flush = () => {
    if (current) lines.push(current);
    current = '';
  };
  visit(node, (n) => {
    if (n.type === 'article') {
      flush();
      pendingLabel = n.label;
    } else if (n.type === 'paragraph') {
      flush();
      current = pendingLabel;
      pendingLabel = '';
    } else if (n.type === 'item' || n.type === 'subitem') {
      flush();
      current = n.label;
    } else if (n.type === 'text') {
      current += n.value;
    }
  });
  flush();
  return lines.join('\n');
}

/** The last `n` articles, last first: the walk goes backwards and stops once it has them. */
export function lastArticles(tree: Pick<Regulation, 'children'>, n: number): Article[] {
  const out: Article[] = [];
  const walk = (node: Node): void => {
    if (node.type === 'article') out.push(node);
    else if (node.type !== 'text') for (let k = node.children.length - 1; k >= 0 && out.length < n; k--) walk(node.children[k]!);
  };
  for (let k = tree.children.length - 1; k >= 0 && out.length < n; k--) walk(tree.children[k]!);
  return out;
}

/** The first article, if any: the walk stops at it. */
export function firstArticle(tree: Pick<Regulation, 'children'>): Article | undefined {
  const find = (node: Node): Article | undefined => {
    if (node.type === 'article') return node;
    if (node.type !== 'text') for (const child of node.children) {
      const found = find(child);
      if (found) return found;
    }
    return undefined;
  };
  for (const child of tree.children) {
    const found = find(child);
    if (found) return found;
  }
  return undefined;
}

export function articles(tree: Regulation): Article[] {
  const out: Article[] = [];
  // Articles hold no articles: the walk stops at them (and at text), not visiting every paragraph and item.
  const walk = (node: Node): void => {
    if (node.type === 'article') out.push(node);
    else if (node.type !== 'text') for (const child of node.children) walk(child);
  };
  for (const child of tree.children) walk(child);
  return out;
}
