/** Cross-reference data for a parsed tree: abbreviations, cited documents, internal references, time limits. */
import type { Clause, CrossRefs, Node, Paragraph, Parent, Regulation, Text } from '../../tree/types.ts';
import { findAbbreviations } from './abbreviations.ts';
import { ABBREVIATION_CUE, CITATION_CUE, cuesOf, REFERENCE_CUE, TIME_CUE } from './candidates.ts';
import { findCitations } from './citations.ts';
import { ClauseIds } from './clause-ids.ts';
import type { ClauseText } from './clause-text.ts';
import { findReferences } from './references.ts';
import { findTimeExpressions } from './time-expressions.ts';

/** `source` is the decoded text the tree's positions point into. */
export function crossReference(tree: Regulation, source: string): CrossRefs {
  // The text nodes inside clauses, each with its enclosing clauses, in parallel arrays (a context
  // object per node was much of the walk's allocation, and most nodes are never read by any scanner),
  // and the lists of the nodes each scanner reads: those holding its cue (candidates.ts).
  const nodes: Text[] = [];
  const clauses: string[] = [];
  const articles: (string | undefined)[] = [];
  const paragraphs: (Paragraph | undefined)[] = [];
  const chapters: (string | undefined)[] = [];
  const sections: (string | undefined)[] = [];
  const cued: { [cue: number]: number[] } = { [CITATION_CUE]: [], [ABBREVIATION_CUE]: [], [REFERENCE_CUE]: [], [TIME_CUE]: [] };
  const ids = new ClauseIds();
  // One walk carrying the enclosing clauses down, rather than searching ancestors per text.
  // Every node but text has an id: `type` alone tells them (an `in` test on nodes of many shapes was slow).
  const walk = (node: Node, clause?: string, article?: string, paragraph?: Paragraph, chapter?: string, section?: string): void => {
    const type = node.type;
    if (type === 'text') {
      if (clause === undefined) return;
      // Read in the source (one flat string) where the node's span holds its value, as it does.
      const { start, end } = node.position;
      const cues = end.offset - start.offset === node.value.length ? cuesOf(source, start.offset, end.offset) : cuesOf(node.value);
      if (cues === 0) return;
      const k = nodes.push(node) - 1;
      clauses.push(clause);
      articles.push(article);
      paragraphs.push(paragraph);
      chapters.push(chapter);
      sections.push(section);
      for (let cue = 1; cue <= cues; cue <<= 1) if (cues & cue) cued[cue]!.push(k);
      return;
    }
    const id = (node as Clause).id;
    const at = ids.add(id);
    clause = id;
    if (type === 'article') article = id;
    else if (type === 'paragraph') paragraph = node as Paragraph;
    else if (type === 'chapter') chapter = id;
    else if (type === 'section') section = id;
    const children = (node as Parent).children;
    for (let c = 0; c < children.length; c++) walk(children[c]!, clause, article, paragraph, chapter, section);
    if (type === 'article') ids.article(id, at);
  };
  for (const child of tree.children) walk(child);

  // Every ClauseText has the same shape (absent fields undefined): objects of varying shapes were a hot spot.
  const made: (ClauseText | undefined)[] = [];
  const clauseText = (k: number): ClauseText => {
    const known = made[k];
    if (known) return known;
    const p = paragraphs[k];
    const paragraph = p && { id: p.id, number: p.number };
    return (made[k] = { text: nodes[k]!, clause: clauses[k]!, article: articles[k], paragraph, chapter: chapters[k], section: sections[k] });
  };
  const texts = (cue: number) => cued[cue]!.map(clauseText);
  return {
    abbreviations: findAbbreviations(texts(ABBREVIATION_CUE)),
    citations: findCitations(texts(CITATION_CUE)),
    references: findReferences(texts(REFERENCE_CUE), (id) => ids.has(id)),
    timeExpressions: findTimeExpressions(texts(TIME_CUE)),
  };
}
