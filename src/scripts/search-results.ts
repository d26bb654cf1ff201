/**
 * Result items of the search page: citation and, for a clause, an excerpt
 * with the matched text marked, filled in (one small fragment each) when the
 * result scrolls near the screen; and the status line's wording.
 */
import type { ExcerptPart, Outcome, ResultLink } from '../search/engine.ts';
import type { PageMatch } from '../search/match.ts';
import { engine } from './search-engine.ts';

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

const matchOf = new WeakMap<Element, PageMatch>();

function fillExcerpt(target: HTMLElement, parts: ExcerptPart[]): void {
  target.replaceChildren(...parts.map((p) => (p.mark ? el('mark', undefined, p.text) : document.createTextNode(p.text))));
}

const excerptObserver = new IntersectionObserver(
  (entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      excerptObserver.unobserve(entry.target);
      const match = matchOf.get(entry.target);
      const target = entry.target.querySelector<HTMLElement>('.excerpt');
      if (!match || !target) continue;
      void engine()
        .then((e) => e.excerpt(match))
        .then((parts) => fillExcerpt(target, parts))
        .catch(() => (target.textContent = '（摘要加载失败）'));
    }
  },
  { rootMargin: '100px 0px' },
);

/** A result: its citation and, for a clause (`match`), an excerpt filled in when it scrolls near the screen. */
export function resultItem(href: string, citation: string, match?: PageMatch): HTMLLIElement {
  const li = el('li');
  const a = el('a');
  a.href = href;
  a.append(el('span', 'citation', citation));
  li.append(a);
  if (match) {
    a.append(el('span', 'excerpt'));
    matchOf.set(li, match);
    excerptObserver.observe(li);
  }
  return li;
}

export const clauseItem = (link: ResultLink, match: PageMatch) => resultItem(link.href, link.citation, match);

/**
 * `count` results shown of `total` found; `kept.superseded` of them left out
 * as clauses of older versions (search-filters.ts), reachable by the status
 * filter; `kept.older`: only older versions match, and they are listed.
 */
export function statusText(o: Outcome, count: number, total: number, kept: { superseded: number; older: boolean }): string {
  const q = o.query.text;
  const current = total - kept.superseded;
  const older = kept.superseded
    ? `；另有 ${kept.superseded} 条出自已修改的旧版本，可按“效力”筛选查看`
    : kept.older
      ? '（现行版本中没有，以下出自已修改的旧版本）'
      : '';
  const filteredNote = (count < current ? `（筛选后显示其中 ${count} 条）` : '') + older;
  switch (o.ranking.mode) {
    case 'exact':
      return `找到 ${current} 条包含“${q}”的条文${filteredNote}`;
    case 'words':
      return o.query.questionWords.length || o.query.particles.length
        ? `找到 ${current} 条相关条文，按相关程度排列${filteredNote}`
        : `没有条文包含完整的“${q}”；以下 ${current} 条包含其中的词语，按相关程度排列${filteredNote}`;
    default:
      return `没有找到包含“${q}”的条文`;
  }
}
