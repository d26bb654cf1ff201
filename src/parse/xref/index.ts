/** Cross-reference data for a parsed tree: abbreviations, cited documents, internal references, time limits. */
import type { CrossRefs, Node, Paragraph, Regulation, Text } from '../../tree/types.ts';
import { findAbbreviations } from './abbreviations.ts';
import { inOrder, nodesWithCue } from './candidates.ts';
import { findCitations } from './citations.ts';
import { ClauseIds } from './clause-ids.ts';
import type { ClauseText } from './clause-text.ts';
import { findReferences, REFERENCE_CUE } from './references.ts';
import { findTimeExpressions, TIME_CUE } from './time-expressions.ts';

/** `source` is the decoded text the tree's positions point into. */
export function crossReference(tree: Regulation, source: string): CrossRefs {
  // Each text node and its enclosing clauses, in parallel arrays: a context object per clause was
  // much of the walk's allocation, and most nodes are never read by any scanner.
  const nodes: Text[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const clauses: string[] = [];
  const articles: (string | undefined)[] = [];
  const paragraphs: (Paragraph | undefined)[] = [];
  const chapters: (string | undefined)[] = [];
  const sections: (string | undefined)[] = [];
  const ids = new ClauseIds();
  // One walk carrying the enclosing clauses down, rather than searching ancestors per text.
  const walk = (node: Node, clause?: string, article?: string, paragraph?: Paragraph, chapter?: string, section?: string): void => {
    if (node.type === 'text') {
      if (clause === undefined) return;
      nodes.push(node);
      starts.push(node.position.start.offset);
      ends.push(node.position.end.offset);
      clauses.push(clause);
      articles.push(article);
      paragraphs.push(paragraph);
      chapters.push(chapter);
      sections.push(section);
      return;
    }
    let at = -1;
    if ('id' in node) {
      at = ids.add(node.id);
      clause = node.id;
      if (node.type === 'article') article = node.id;
      else if (node.type === 'paragraph') paragraph = node;
      else if (node.type === 'chapter') chapter = node.id;
      else if (node.type === 'section') section = node.id;
    }
    for (const child of node.children) walk(child, clause, article, paragraph, chapter, section);
    if (node.type === 'article') ids.article(node.id, at);
  };
  for (const child of tree.children) walk(child);

  // Each scanner gets only the nodes that can hold a match; a node's ClauseText is made once, when first asked for.
  // Every ClauseText has the same shape (absent fields undefined): objects of varying shapes were a hot spot.
  const made: (ClauseText | undefined)[] = [];
  const clauseText = (k: number): ClauseText => {
    const known = made[k];
    if (known) return known;
    const p = paragraphs[k];
    const paragraph = p && { id: p.id, number: p.number };
    return (made[k] = { text: nodes[k]!, clause: clauses[k]!, article: articles[k], paragraph, chapter: chapters[k], section: sections[k] });
  };
  // One regex run over the whole source per scanner (candidates.ts), when the nodes allow it.
  const ordered = inOrder(starts, ends);
  const cued = (cue: RegExp, length: number) =>
    (ordered ? nodesWithCue(source, starts, ends, cue, length) : nodes.map((_, k) => k)).map(clauseText);
  return {
    abbreviations: findAbbreviations(cued(/简称/g, 2)),
    citations: findCitations(cued(/《/g, 1)),
    references: findReferences(cued(REFERENCE_CUE, 2), (id) => ids.has(id)),
    timeExpressions: findTimeExpressions(cued(TIME_CUE, 2)),
  };
}
