/**
 * Where approval paths stand beside the clauses on the search page. The best
 * clause is the answer: a path joins only when it matches the query as well
 * as that clause (verbatim if it is verbatim, covering as much of the query),
 * and the paths never push the first clause below the first screen.
 */
import type { PageMatch } from '../search/match.ts';
import type { PathResult } from '../search/paths.ts';

/** Paths matching at least as well as `best` (all of them when no clause answers). */
export function pathsJoining(paths: readonly PathResult[], best: PageMatch | undefined): PathResult[] {
  if (!best) return [...paths];
  return paths.filter((p) => (p.match.verbatim || !best.verbatim) && p.match.coverage >= best.coverage - 1e-9);
}

/**
 * Put `section` above `list` if the first item (the answer, with its
 * excerpt) still ends on the first screen there, else after `below` (the end
 * of the clause list).
 */
export function placePaths(section: HTMLElement, list: HTMLElement, below: HTMLElement): void {
  list.before(section);
  const first = list.firstElementChild;
  if (section.hidden || !first) return;
  const bottom = first.getBoundingClientRect().bottom + window.scrollY;
  if (bottom > window.innerHeight) below.after(section);
}
