/** Cross-reference data for a parsed tree: abbreviations, cited documents, internal references, time limits. */
import type { CrossRefs, Node, Regulation, Text } from '../../tree/types.ts';
import { findAbbreviations } from './abbreviations.ts';
import { inOrder, nodesWithCue } from './candidates.ts';
import { findCitations } from './citations.ts';
import type { ClauseText } from './clause-text.ts';
import { findReferences, REFERENCE_CUE } from './references.ts';
import { findTimeExpressions, TIME_CUE } from './time-expressions.ts';

type Context = Omit<ClauseText, 'text'>;

/** `source` is the decoded text the tree's positions point into. */
export function crossReference(tree: Regulation, source: string): CrossRefs {
  const nodes: Text[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  // The clause context of each node: nodes of one clause share one object, and every
  // context has the same shape (objects of varying shapes per node were a hot spot).
  const contexts: Context[] = [];
  // The set of ids is built only if some reference asks (hashing every id was a hot spot).
  const ids: string[] = [];
  let idSet: Set<string> | undefined;
  // One walk carrying the enclosing clause context down, rather than searching ancestors per text.
  const walk = (node: Node, context: Context | undefined): void => {
    if (node.type === 'text') {
      if (context) {
        nodes.push(node);
        starts.push(node.position.start.offset);
        ends.push(node.position.end.offset);
        contexts.push(context);
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

  // Each scanner gets only the nodes that can hold a match; a node's ClauseText is made once, when first asked for.
  const made: (ClauseText | undefined)[] = [];
  const clauseText = (k: number): ClauseText => {
    const known = made[k];
    if (known) return known;
    const { clause, article, paragraph, chapter, section } = contexts[k]!;
    return (made[k] = { text: nodes[k]!, clause, article, paragraph, chapter, section });
  };
  const holding = (word: string) => {
    const out: ClauseText[] = [];
    for (let k = 0; k < nodes.length; k++) if (nodes[k]!.value.includes(word)) out.push(clauseText(k));
    return out;
  };
  // A cue is rare in the source but needs a regex: one run over the whole source (candidates.ts) when the nodes allow it.
  const ordered = inOrder(starts, ends);
  const cued = (cue: RegExp) => (ordered ? nodesWithCue(source, starts, ends, cue) : nodes.map((_, k) => k)).map(clauseText);
  return {
    abbreviations: findAbbreviations(holding('简称')),
    citations: findCitations(holding('《')),
    references: findReferences(cued(REFERENCE_CUE), (id) => (idSet ??= new Set(ids)).has(id)),
    timeExpressions: findTimeExpressions(cued(TIME_CUE)),
  };
}
