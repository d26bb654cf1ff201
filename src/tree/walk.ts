/** Walking the clause tree. */
import type { Clause, Node, Parent, Regulation, Text } from './types.ts';

export function isParent(node: Node): node is Parent {
  return 'children' in node;
}

/** Depth-first, document order. `visitor` gets each node and its ancestors (root first). */
export function visit(node: Node, visitor: (node: Node, ancestors: readonly Parent[]) => void, ancestors: Parent[] = []): void {
  visitor(node, ancestors);
  if (!isParent(node)) return;
  ancestors.push(node);
  for (const child of node.children) visit(child, visitor, ancestors);
  ancestors.pop();
}

/** Every text node with the id of the innermost clause that holds it. */
export function textsWithClause(tree: Regulation): { text: Text; clause: string }[] {
  const out: { text: Text; clause: string }[] = [];
  visit(tree, (node, ancestors) => {
    if (node.type !== 'text') return;
    const owner = ancestors.findLast((a): a is Clause => 'id' in a);
    if (owner) out.push({ text: node, clause: owner.id });
  });
  return out;
}

/**
 * The printed characters each node owns, in document order: headings' labels
 * and titles, then text. Concatenated, they are the source minus layout
 * whitespace — the fidelity guarantee of docs/tree.md.
 */
export function printedPieces(tree: Regulation): string[] {
  const out: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'text') out.push(node.value);
    else if (node.type === 'part' || node.type === 'subpart' || node.type === 'chapter' || node.type === 'section' || node.type === 'group') {
      out.push(node.label, node.titlePrinted ?? '');
    } else if (node.type === 'article' || node.type === 'item' || node.type === 'subitem') {
      out.push(node.label);
    }
  });
  return out;
}

/** A parent's position runs to the end of its last descendant. */
export function extendPositions(node: Node): void {
  // Every node but text has children: `type` tells them (an `in` test on nodes of many shapes was slow).
  if (node.type === 'text') return;
  const { children } = node;
  // Text, the commonest leaf, is not called into.
  for (const child of children) if (child.type !== 'text') extendPositions(child);
  const last = children[children.length - 1];
  if (last && last.position.end.offset > node.position.end.offset) {
    node.position = { start: node.position.start, end: last.position.end };
  }
}
