/**
 * Wrap every occurrence of the terms in <mark class="search-hl"> inside the
 * page's indexed region (data-pagefind-body: what the search matched), then
 * bring the first into view. Whitespace is ignored when matching, as in the
 * index, and a match may span elements (inline links).
 */
export function highlight(terms: readonly string[], root: Element | null = document.querySelector('[data-pagefind-body]') ?? document.querySelector('main')): number {
  if (!root) return 0;
  // Every non-whitespace character of the region, with the text node and offset it came from.
  const nodes: Text[] = [];
  const where: [number, number][] = [];
  let chars = '';
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest('script, style, [hidden], [aria-hidden="true"]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const value = n.data;
    for (let i = 0; i < value.length; i++) {
      if (/\s/.test(value[i]!)) continue;
      chars += value[i];
      where.push([nodes.length, i]);
    }
    nodes.push(n);
  }

  // Character ranges to mark, longest terms first, no overlaps.
  const taken = new Array<boolean>(chars.length).fill(false);
  const ranges: [number, number][] = [];
  for (const term of [...new Set(terms.map((t) => t.replace(/\s+/g, '')))].sort((a, b) => b.length - a.length)) {
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
      const [node, start] = where[k]!;
      let end = start + 1;
      while (k + 1 < b && where[k + 1]![0] === node) end = where[++k]![1] + 1;
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
