/**
 * Wrap every occurrence of the terms in <mark class="search-hl"> inside the
 * page's indexed region (data-pagefind-body: what the search matched), then
 * bring the first into view. As in the search: only letters and digits count
 * (whitespace and punctuation are skipped: 三公经费 marks “三公”经费), case and
 * full/half width do not matter (NFKC, lower case), and a match may span
 * elements (inline links).
 */
const counts = (ch: string) => /[\p{L}\p{N}]/u.test(ch);
const fold = (s: string) => s.normalize('NFKC').toLowerCase();

export function highlight(terms: readonly string[], root: Element | null = document.querySelector('[data-pagefind-body]') ?? document.querySelector('main')): number {
  if (!root) return 0;
  // Every letter and digit of the region, folded, with the text node and the range it came from.
  const nodes: Text[] = [];
  const where: [number, number, number][] = [];
  let chars = '';
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest('script, style, [hidden], [aria-hidden="true"], [data-pagefind-ignore]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const value = n.data;
    for (let i = 0; i < value.length; ) {
      const ch = String.fromCodePoint(value.codePointAt(i)!);
      const f = fold(ch);
      if ([...f].every(counts)) {
        for (let u = 0; u < f.length; u++) where.push([nodes.length, i, i + ch.length]);
        chars += f;
      }
      i += ch.length;
    }
    nodes.push(n);
  }

  // Character ranges to mark, longest terms first, no overlaps.
  const taken = new Array<boolean>(chars.length).fill(false);
  const ranges: [number, number][] = [];
  for (const term of [...new Set(terms.map((t) => [...fold(t)].filter(counts).join('')))].sort((a, b) => b.length - a.length)) {
    if (!term) continue;
    for (let at = chars.indexOf(term); at >= 0; at = chars.indexOf(term, at + term.length)) {
      if (taken.slice(at, at + term.length).some(Boolean)) continue;
      taken.fill(true, at, at + term.length);
      ranges.push([at, at + term.length]);
    }
  }

  // Split each range into per-node pieces; wrap from the end so earlier offsets stay valid.
  const pieces: { node: number; start: number; end: number; first: boolean }[] = [];
  for (const [a, b] of ranges.sort((x, y) => x[0] - y[0])) {
    let k = a;
    let first = true;
    while (k < b) {
      const [node, start, charEnd] = where[k]!;
      let end = charEnd;
      while (k + 1 < b && where[k + 1]![0] === node) end = where[++k]![2];
      pieces.push({ node, start, end, first });
      first = false;
      k++;
    }
  }
  let firstMark: HTMLElement | undefined;
  for (const p of pieces.reverse()) {
    const range = document.createRange();
    range.setStart(nodes[p.node]!, p.start);
    range.setEnd(nodes[p.node]!, p.end);
    const mark = document.createElement('mark');
    mark.className = 'search-hl';
    range.surroundContents(mark);
    if (p.first) firstMark = mark;
  }
  if (firstMark && !location.hash) firstMark.scrollIntoView({ block: 'center' });
  return ranges.length;
}
