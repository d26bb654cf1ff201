/**
 * The clause ids of a tree, for references to check their targets against.
 * Every id under an article starts with the article's own (`art-12-p2-i3` under
 * `art-12`: body.ts and items.ts build them so), and a walk in document order
 * meets an article's ids in one run. A target is looked for in its article's
 * runs, not in a set of every id: hashing every id of the text was a hot spot.
 * Other ids, and articles of very many clauses, are looked up in that set,
 * built when first asked. The runs are noted as the walk goes and indexed by
 * article when a reference first asks (many texts have none to check).
 */
const ARTICLE = /^art-\d+(?:-\d+)?(?=$|-[pis])/;
const RUN_MAX = 200;

export class ClauseIds {
  private readonly ids: string[] = [];
  /** Each article run: its id, and [from, to) indices into `ids`, as noted. */
  private readonly noted: (string | number)[] = [];
  /** Article id → its runs as [from, to) pairs of indices into `ids` (an id printed twice has two); made when first asked. */
  private runs: Map<string, number[]> | undefined;
  private all: Set<string> | undefined;

  /** Adds an id; returns its index, for `article`. */
  add(id: string): number {
    return this.ids.push(id) - 1;
  }

  /** The ids added from index `from` on (the article's own first) are article `id` and its clauses. */
  article(id: string, from: number): void {
    this.noted.push(id, from, this.ids.length);
    this.runs = undefined; // indexed again if asked again
  }

  private byArticle(): Map<string, number[]> {
    const map = new Map<string, number[]>();
    const { noted } = this;
    for (let k = 0; k < noted.length; k += 3) {
      const id = noted[k] as string;
      const runs = map.get(id);
      if (runs) runs.push(noted[k + 1] as number, noted[k + 2] as number);
      else map.set(id, [noted[k + 1] as number, noted[k + 2] as number]);
    }
    return map;
  }

  has(id: string): boolean {
    const article = ARTICLE.exec(id)?.[0];
    if (article !== undefined) {
      const runs = (this.runs ??= this.byArticle()).get(article);
      if (!runs) return false; // no such article, so none of its clauses
      let size = 0;
      for (let r = 0; r < runs.length; r += 2) size += runs[r + 1]! - runs[r]!;
      if (size <= RUN_MAX) {
        for (let r = 0; r < runs.length; r += 2) for (let k = runs[r]!; k < runs[r + 1]!; k++) if (this.ids[k] === id) return true;
        return false;
      }
    }
    return (this.all ??= new Set(this.ids)).has(id);
  }
}
