/** Cross-reference data for a parsed tree: abbreviations, cited documents, internal references, time limits. */
import type { CrossRefs, Node, Regulation } from '../../tree/types.ts';
import { findAbbreviations } from './abbreviations.ts';
import { findCitations } from './citations.ts';
import type { ClauseText } from './clause-text.ts';
import { findReferences } from './references.ts';
import { findTimeExpressions } from './time-expressions.ts';

export function crossReference(tree: Regulation): CrossRefs {
  const texts: ClauseText[] = [];
  const ids = new Set<string>();
  // One walk carrying the enclosing clause context down, rather than searching ancestors per text.
  const walk = (node: Node, context: Omit<ClauseText, 'text'> | undefined): void => {
    if (node.type === 'text') {
      if (context) texts.push({ ...context, text: node });
      return;
    }
    let next = context;
    if ('id' in node) {
      ids.add(node.id);
      next = { ...context, clause: node.id };
      if (node.type === 'article') next.article = node.id;
      else if (node.type === 'paragraph') next.paragraph = { id: node.id, number: node.number };
      else if (node.type === 'chapter') next.chapter = node.id;
      else if (node.type === 'section') next.section = node.id;
    }
    for (const child of node.children) walk(child, next);
  };
  for (const child of tree.children) walk(child, undefined);
  return {
    abbreviations: findAbbreviations(texts),
    citations: findCitations(texts),
    references: findReferences(texts, (id) => ids.has(id)),
    timeExpressions: findTimeExpressions(texts),
  };
}
