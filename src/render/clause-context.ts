/** What every clause component needs to know about its regulation, built once per tree. */
import { clauseCitations, formalCitation } from './citation.ts';
import type { Regulation } from '../tree/types.ts';

export interface ClauseContext {
  slug: string;
  title: string;
  /** Citation of a clause in words (第四十三条第二款) and in full (《…》第四十三条第二款). */
  cite(id: string): { words: string; formal: string };
}

const cache = new WeakMap<Regulation, ClauseContext>();

export function clauseContext(tree: Regulation): ClauseContext {
  const cached = cache.get(tree);
  if (cached) return cached;
  const words = clauseCitations(tree);
  const title = tree.meta.title;
  const ctx: ClauseContext = {
    slug: tree.slug,
    title,
    cite(id) {
      const w = words.get(id);
      // Anything without its own citation (a wrapper, a division) is cited by the document title alone.
      return w ? { words: w, formal: formalCitation(title, w) } : { words: title, formal: `《${title}》` };
    },
  };
  cache.set(tree, ctx);
  return ctx;
}
