/** Cross-reference data for a parsed tree: abbreviations, cited documents, internal references, time limits. */
import type { CrossRefs, Node, Regulation } from '../../tree/types.ts';
import { findAbbreviations } from './abbreviations.ts';
import { findCitations } from './citations.ts';
import type { ClauseText } from './clause-text.ts';
import { findReferences } from './references.ts';
import { findTimeExpressions } from './time-expressions.ts';

export function crossReference(tree: Regulation): CrossRefs {
  const texts: ClauseText[] = [];
  // The set of ids is built only if some reference asks (hashing every id was a hot spot).
  const ids: string[] = [];
  let idSet: Set<string> | undefined;
  // One walk carrying the enclosing clause context down, rather than searching ancestors per text.
  // Every context and ClauseText has the same shape (absent fields undefined): spreading
  // objects of varying shapes per node was a hot spot.
  type Context = Omit<ClauseText, 'text'>;
  const walk = (node: Node, context: Context | undefined): void => {
    if (node.type === 'text') {
      if (context) {
        const { clause, article, paragraph, chapter, section } = context;
        texts.push({ text: node, clause, article, paragraph, chapter, section });
      }
      return;
    }
    let next = context;
    if ('id' in node) {
      ids.push(node.id);
      next = {
        clause: node.id,
        article: node.type === 'article' ? node.id : context?.article,
        paragraph: node.type === 'paragraph' ? { id: node.id, number: node.number } : context?.paragraph,
        chapter: node.type === 'chapter' ? node.id : context?.chapter,
        section: node.type === 'section' ? node.id : context?.section,
      };
    }
    for (const child of node.children) walk(child, next);
  };
  for (const child of tree.children) walk(child, undefined);
  return {
    abbreviations: findAbbreviations(texts),
    citations: findCitations(texts),
    references: findReferences(texts, (id) => (idSet ??= new Set(ids)).has(id)),
    timeExpressions: findTimeExpressions(texts),
  };
}
