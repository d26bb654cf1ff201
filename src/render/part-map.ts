/**
 * Where a clause of a text in parts is (src/render/text-parts.ts), in a form
 * small enough for every part page to carry, read by the page script
 * (src/scripts/clauses.ts) to send `/regulations/<slug>/#art-500` on to the
 * part that holds article 500. No Node imports: it ships to the browser.
 */

/** 款, 项, 目 and an appendix's paragraphs: found through the article or appendix they belong to. */
export const SUBCLAUSE = /^((?:art|appendix)-\d+(?:-\d+)?)(?:-[pis]\d+)+$/;

/** The clause a fragment's part is found by: `art-43-p2-i1` → `art-43`, `appendix-1-p2` → `appendix-1`, others themselves. */
export function holderId(id: string): string {
  return SUBCLAUSE.exec(id)?.[1] ?? id;
}

/**
 * One string per part: its ids space-separated, runs of consecutive plain
 * articles written `art-1~120` (a 1,260-article text: a few hundred bytes, not 14 KB).
 */
export function partMap(parts: readonly { ids: readonly string[] }[]): string[] {
  return parts.map((p) => {
    const out: string[] = [];
    let run: [number, number] | undefined;
    const close = () => {
      if (run) out.push(run[0] === run[1] ? `art-${run[0]}` : `art-${run[0]}~${run[1]}`);
      run = undefined;
    };
    for (const id of p.ids) {
      const m = /^art-(\d+)$/.exec(id);
      const n = m ? Number(m[1]) : undefined;
      if (n !== undefined && run && n === run[1] + 1) run[1] = n;
      else {
        close();
        if (n !== undefined) run = [n, n];
        else out.push(id);
      }
    }
    close();
    return out.join(' ');
  });
}

/** Whether a part map entry holds clause `id` (or the article or appendix it belongs to). */
export function mapHolds(entry: string, id: string): boolean {
  const holder = holderId(id);
  const m = /^art-(\d+)$/.exec(holder);
  const n = m ? Number(m[1]) : undefined;
  return entry.split(' ').some((t) => {
    if (t === holder) return true;
    const range = /^art-(\d+)~(\d+)$/.exec(t);
    return !!range && n !== undefined && n >= Number(range[1]) && n <= Number(range[2]);
  });
}
