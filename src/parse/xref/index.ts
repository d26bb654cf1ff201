/** Cross-reference data for a parsed tree: abbreviations, cited documents, internal references, time limits. */
import type { CrossRefs, Regulation } from '../../tree/types.ts';
import { visit } from '../../tree/walk.ts';
import { findAbbreviations } from './abbreviations.ts';
import { findCitations } from './citations.ts';
import type { ClauseText } from './clause-text.ts';
import { findReferences } from './references.ts';
import { findTimeExpressions } from './time-expressions.ts';

export function crossReference(tree: Regulation): CrossRefs {
  const texts: ClauseText[] = [];
  const ids = new Set<string>();
  visit(tree, (node, ancestors) => {
    if ('id' in node) ids.add(node.id);
    if (node.type !== 'text') return;
    const owner = ancestors.findLast((a) => 'id' in a);
    if (!owner || !('id' in owner)) return;
    const find = <T extends string>(type: T) => ancestors.findLast((a) => a.type === type);
    const article = find('article');
    const paragraph = find('paragraph');
    const chapter = find('chapter');
    const section = find('section');
    texts.push({
      text: node,
      clause: owner.id,
      ...(article && 'id' in article ? { article: article.id } : {}),
      ...(paragraph?.type === 'paragraph' ? { paragraph: { id: paragraph.id, number: paragraph.number } } : {}),
      ...(chapter && 'id' in chapter ? { chapter: chapter.id } : {}),
      ...(section && 'id' in section ? { section: section.id } : {}),
    });
  });
  return {
    abbreviations: findAbbreviations(texts),
    citations: findCitations(texts),
    references: findReferences(texts, (id) => ids.has(id)),
    timeExpressions: findTimeExpressions(texts),
  };
}
