/**
 * The search page (src/pages/search.astro). Small on purpose: the engine
 * (src/search/engine.ts, with Pagefind's wasm and index) is imported only when
 * there is something to search, or as soon as the reader starts to type.
 *
 *  - results as you type (debounced), the URL following the query:
 *    replaceState while typing, pushState on submit (and when typing starts
 *    a new search after a submitted one); back/forward re-run;
 *  - one result per clause: citation, excerpt with the matched text marked,
 *    link to the clause carrying ?hl= so the clause page highlights it;
 *  - approval paths (helper pages) that match as well as the best clause,
 *    listed apart (#search-paths), never mixed into the clauses, above them
 *    only while the first clause stays on the first screen (search-paths.ts),
 *    shown just after the clauses (their small file loads then);
 *  - filters by regulation and chapter, with counts; a polite status line
 *    with the number of results;
 *  - ↑/↓/Home/End move between results, ↓ from the box enters the list.
 */
import type { ExcerptPart, Facet, Outcome, ResultLink, SearchEngine } from '../search/engine.ts';
import type { PathResult } from '../search/paths.ts';
import { fetchEarly, INDEX_BASE } from '../search/files.ts';
import type { PageMatch } from '../search/match.ts';
import { pathsJoining, placePaths } from './search-paths.ts';

const PAGE_SIZE = 10;
const DEBOUNCE_MS = 150;

const form = document.getElementById('search-form') as HTMLFormElement;
const input = document.getElementById('search-q') as HTMLInputElement;
const status = document.getElementById('search-status')!;
const list = document.getElementById('search-results')!;
const more = document.querySelector<HTMLElement>('.more')!;
const moreButton = document.getElementById('search-more') as HTMLButtonElement;
const related = document.querySelector<HTMLElement>('[data-related]')!;
const paths = document.getElementById('search-paths')!;
const suggestBox = document.getElementById('search-suggest')!;
const filtersBox = form.querySelector<HTMLElement>('.filters')!;
const selects = [...form.querySelectorAll<HTMLSelectElement>('select[data-filter]')];
const headerBox = document.getElementById('site-search') as HTMLInputElement | null;
const baseTitle = document.title;

let enginePromise: Promise<SearchEngine> | undefined;
function engine(): Promise<SearchEngine> {
  if (!enginePromise) {
    // The index's first files load alongside the engine's code, not after it.
    const hint = form.dataset['index'];
    const early = hint ? fetchEarly(hint) : undefined;
    enginePromise = import('../search/engine.ts').then((m) => m.SearchEngine.open(INDEX_BASE, hint, early));
    enginePromise.catch(() => (enginePromise = undefined));
  }
  return enginePromise;
}

interface State {
  q: string;
  filters: Record<string, string>;
}

function readUrl(): State {
  const params = new URLSearchParams(location.search);
  const filters: Record<string, string> = {};
  for (const s of selects) filters[s.dataset.filter!] = params.get(s.dataset.filter!) ?? '';
  return { q: params.get('q') ?? '', filters };
}

function currentState(): State {
  const filters: Record<string, string> = {};
  for (const s of selects) filters[s.dataset.filter!] = s.value;
  return { q: input.value, filters };
}

function stateUrl(state: State): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const [k, v] of Object.entries(state.filters)) if (v) params.set(k, v);
  const search = params.toString();
  return `${location.pathname}${search ? `?${search}` : ''}`;
}

/**
 * History: a submitted search (or the one the page opened with) is an entry
 * of its own; typing after it starts a new entry, and further typing updates
 * that entry in place. So back returns to the previous search, not to every
 * keystroke.
 */
let committed = new URLSearchParams(location.search).has('q');

function saveUrl(how: 'typing' | 'submit' | 'filter'): void {
  const url = stateUrl(currentState());
  const same = url === `${location.pathname}${location.search}`;
  if (how === 'submit') {
    if (!same) history.pushState(null, '', url);
    committed = true;
  } else if (!same) {
    if (how === 'typing' && committed) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    if (how === 'typing') committed = false;
  }
}

// ---- rendering ------------------------------------------------------------

let outcome: Outcome | undefined;
/** The query as typed that `outcome` answers (data-query on the list when done: tests wait for it). */
let outcomeQuery = '';
let facets: Facet[] = [];
let filtered: PageMatch[] = [];
let shown = 0;
let searchSeq = 0;
let renderSeq = 0;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

const matchOf = new WeakMap<Element, PageMatch>();

function fillExcerpt(target: HTMLElement, parts: ExcerptPart[]): void {
  target.replaceChildren(...parts.map((p) => (p.mark ? el('mark', undefined, p.text) : document.createTextNode(p.text))));
}

/** Excerpts load (one small fragment each) when their result scrolls near the screen. */
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
function resultItem(href: string, citation: string, match?: PageMatch): HTMLLIElement {
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

const clauseItem = (link: ResultLink, match: PageMatch) => resultItem(link.href, link.citation, match);

function selectedFilters(): [string, string][] {
  return selects.filter((s) => s.value).map((s) => [s.dataset.filter!, s.value]);
}

function applyFilters(results: PageMatch[]): PageMatch[] {
  const active = selectedFilters();
  if (!active.length) return results;
  return results.filter((m) =>
    active.every(([key, value]) => facets.find((f) => f.key === key)?.values.find((v) => v.value === value)?.pages.has(m.page)),
  );
}

/**
 * Chapters mean something within one regulation only ("第一章 总则" is in
 * most of them): the chapter filter is offered once the results, after the
 * regulation filter, come from one regulation.
 */
function oneRegulation(results: PageMatch[]): boolean {
  const chosen = selects.find((s) => s.dataset.filter === 'regulation')?.value;
  if (chosen) return true;
  const values = facets.find((f) => f.key === 'regulation')?.values ?? [];
  return values.filter(({ pages }) => results.some((m) => pages.has(m.page))).length <= 1;
}

function fillFilters(results: PageMatch[], wanted: Record<string, string>): void {
  const single = oneRegulation(results);
  for (const select of selects) {
    const key = select.dataset.filter!;
    const facet = key === 'chapter' && !single && !(wanted[key] ?? select.value) ? undefined : facets.find((f) => f.key === key);
    const keep = wanted[key] ?? select.value;
    const all = select.options[0]!;
    select.replaceChildren(all);
    // Chapter counts within the chosen regulation.
    const regulation = selects.find((s) => s.dataset.filter === 'regulation')?.value;
    const regPages = regulation ? facets.find((f) => f.key === 'regulation')?.values.find((v) => v.value === regulation)?.pages : undefined;
    const base = key === 'chapter' && regPages ? results.filter((m) => regPages.has(m.page)) : results;
    for (const { value, pages } of facet?.values ?? []) {
      const count = base.filter((m) => pages.has(m.page)).length;
      if (!count && value !== keep) continue;
      const option = el('option', undefined, `${value}（${count}）`);
      option.value = value;
      select.append(option);
    }
    select.value = keep && [...select.options].some((o) => o.value === keep) ? keep : '';
  }
  // Nothing to choose between when every result shares one value.
  filtersBox.hidden = !selects.some((s) => s.options.length > 2 || s.value);
}

async function appendResults(n: number): Promise<void> {
  const mine = renderSeq;
  const e = await engine();
  const batch = filtered.slice(shown, shown + n);
  const links = batch.map((m) => e.link(m));
  if (mine !== renderSeq) return;
  list.append(...links.map((link, i) => clauseItem(link, batch[i]!)));
  shown += batch.length;
  more.hidden = shown >= filtered.length;
}

function statusText(o: Outcome, count: number, total: number): string {
  const q = o.query.text;
  const filteredNote = count < total ? `（筛选后显示其中 ${count} 条）` : '';
  switch (o.ranking.mode) {
    case 'exact':
      return `找到 ${total} 条包含“${q}”的条文${filteredNote}`;
    case 'words':
      return o.query.questionWords.length || o.query.particles.length
        ? `找到 ${total} 条相关条文，按相关程度排列${filteredNote}`
        : `没有条文包含完整的“${q}”；以下 ${total} 条包含其中的词语，按相关程度排列${filteredNote}`;
    default:
      return `没有找到包含“${q}”的条文`;
  }
}

async function renderRelated(o: Outcome): Promise<void> {
  const ul = related.querySelector('ul')!;
  const note = related.querySelector('.related-note')!;
  ul.replaceChildren();
  if (o.ranking.mode !== 'none' || !o.ranking.related.length) {
    related.hidden = true;
    return;
  }
  const mine = renderSeq;
  const e = await engine();
  const links = o.ranking.related.map((m) => e.link(m));
  if (mine !== renderSeq) return;
  const pieces = [...new Set(o.ranking.related.flatMap((m) => m.pieces))].slice(0, 5);
  note.textContent = `这些条文不包含“${o.query.text}”，只包含其中的部分词语（${pieces.map((p) => `“${p}”`).join('、')}），仅供参考。`;
  ul.append(...links.map((link, i) => clauseItem(link, o.ranking.related[i]!)));
  related.hidden = false;
}

/** The approval paths found for `outcome` (loaded after its clauses are listed). */
let pathResults: PathResult[] = [];

/** Approval paths matching the query as well as the best clause (after the filters): titles only, above the clauses if the first still fits the screen. */
function renderPaths(): void {
  const active = selectedFilters();
  const shownPaths = pathsJoining(pathResults, filtered[0]).filter((p) => active.every(([key, value]) => p.filters[key]?.includes(value)));
  paths.querySelector('h2')!.textContent = `审批路径（${shownPaths.length}）`;
  paths.querySelector('ul')!.replaceChildren(...shownPaths.map((p) => resultItem(p.url, p.citation)));
  paths.hidden = shownPaths.length === 0;
  placePaths(paths, list, more);
}

/**
 * After the clauses are listed: the approval paths for the same query (their
 * small file loads on the first search, off the clauses' critical path).
 * `#search-paths` gets data-query="<query>" when they are in place (tests wait for it).
 * `mine`: the search they belong to; a newer search discards them.
 */
async function loadPaths(o: Outcome | undefined, q: string, mine: number): Promise<void> {
  if (mine !== searchSeq) return;
  let found: PathResult[] = [];
  try {
    if (o) found = await (await engine()).paths(o.query);
  } catch {
    // No paths file (an older index): the clauses are the answer; nothing to show.
  }
  if (mine !== searchSeq) return;
  pathResults = found;
  renderPaths();
  paths.dataset.query = q;
}

/**
 * Nothing holds the query whole: "did you mean" the query in simplified characters, or with
 * one character as the library has it (engine.suggest). `#search-suggest`
 * gets data-query when settled (tests wait for it).
 */
async function offerSuggestion(o: Outcome, mine: number): Promise<void> {
  const q = outcomeQuery;
  const suggestion = await (await engine()).suggest(q).catch(() => undefined);
  if (mine !== renderSeq) return;
  const link = suggestBox.querySelector('a')!;
  if (suggestion && suggestion !== o.query.text) {
    link.textContent = suggestion;
    link.href = `${location.pathname}?q=${encodeURIComponent(suggestion)}`;
    suggestBox.hidden = false;
  }
  suggestBox.dataset.query = q;
}

async function render(wantedFilters?: Record<string, string>): Promise<void> {
  const mine = ++renderSeq;
  const o = outcome;
  suggestBox.hidden = true;
  delete suggestBox.dataset.query;
  list.setAttribute('aria-busy', 'true');
  list.replaceChildren();
  shown = 0;
  if (!o) {
    filtered = [];
    more.hidden = true;
    related.hidden = true;
    paths.hidden = true;
    filtersBox.hidden = true;
    status.textContent = '';
    document.title = baseTitle;
  } else {
    fillFilters(o.ranking.results, wantedFilters ?? {});
    filtered = applyFilters(o.ranking.results);
    await Promise.all([appendResults(PAGE_SIZE), renderRelated(o)]);
    if (mine !== renderSeq) return;
    // After the clauses: where the paths go depends on where the first clause ends.
    renderPaths();
    status.textContent = statusText(o, filtered.length, o.ranking.results.length);
    // Nothing holds the query whole (no result, or only clauses with some of its words).
    const partial = o.ranking.mode === 'words' && !o.query.questionWords.length && !o.query.particles.length;
    if (!o.ranking.results.length || partial) void offerSuggestion(o, mine);
    document.title = `“${o.query.text}”的搜索结果 - ${baseTitle}`;
  }
  list.dataset.query = outcomeQuery;
  list.removeAttribute('aria-busy');
}

async function search(q: string, wantedFilters?: Record<string, string>): Promise<void> {
  const mine = ++searchSeq;
  // Paths belong to the outcome they were found for.
  pathResults = [];
  delete paths.dataset.query;
  if (!q.trim()) {
    outcome = undefined;
    outcomeQuery = q;
    await render();
    void loadPaths(undefined, q, mine);
    return;
  }
  list.setAttribute('aria-busy', 'true');
  try {
    const e = await engine();
    const o = await e.search(q);
    facets = e.facets;
    if (mine !== searchSeq) return;
    // Only punctuation: nothing to search for.
    outcome = o.query.text ? o : undefined;
    outcomeQuery = q;
    await render(wantedFilters);
    void loadPaths(outcome, q, mine);
  } catch (error) {
    if (mine !== searchSeq) return;
    console.error(error);
    outcome = undefined;
    list.replaceChildren();
    paths.hidden = true;
    paths.dataset.query = q;
    list.dataset.query = q;
    list.removeAttribute('aria-busy');
    status.textContent = '搜索暂时无法使用，请刷新页面重试。';
  }
}

// ---- events ---------------------------------------------------------------

let timer: ReturnType<typeof setTimeout> | undefined;

function syncHeader(): void {
  if (headerBox && headerBox.value !== input.value) headerBox.value = input.value;
}

input.addEventListener('input', () => {
  syncHeader();
  clearTimeout(timer);
  timer = setTimeout(() => {
    saveUrl('typing');
    void search(input.value);
  }, DEBOUNCE_MS);
});

// Start fetching the engine as soon as a search is likely.
input.addEventListener('focus', () => void engine().catch(() => undefined), { once: true });

form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(timer);
  syncHeader();
  saveUrl('submit');
  void search(input.value);
});

for (const select of selects) {
  select.addEventListener('change', () => {
    saveUrl('filter');
    void render();
  });
}

moreButton.addEventListener('click', async () => {
  const before = shown;
  await appendResults(PAGE_SIZE);
  list.querySelectorAll<HTMLAnchorElement>('a')[before]?.focus();
});

// On this page the header's box searches in place too.
if (headerBox) {
  headerBox.addEventListener('input', () => {
    input.value = headerBox.value;
    input.dispatchEvent(new Event('input'));
  });
  headerBox.form?.addEventListener('submit', (event) => {
    event.preventDefault();
    input.value = headerBox.value;
    form.requestSubmit();
  });
}

window.addEventListener('popstate', () => {
  committed = true;
  const state = readUrl();
  input.value = state.q;
  syncHeader();
  void search(state.q, state.filters);
});

/** The links ↑/↓ move between: the approval paths shown and the clauses, in reading order. */
function resultLinks(): HTMLAnchorElement[] {
  return [...document.querySelectorAll<HTMLAnchorElement>('#search-paths:not([hidden]) a, #search-results a')];
}

input.addEventListener('keydown', (event) => {
  if (event.key === 'ArrowDown' && !event.isComposing) {
    const first = resultLinks()[0];
    if (first) {
      event.preventDefault();
      first.focus();
    }
  }
});

function moveBetweenResults(event: KeyboardEvent): void {
  const links = resultLinks();
  const i = links.indexOf(document.activeElement as HTMLAnchorElement);
  if (i < 0) return;
  let next: HTMLElement | undefined;
  if (event.key === 'ArrowDown') next = links[i + 1] ?? (more.hidden ? undefined : moreButton);
  else if (event.key === 'ArrowUp') next = i === 0 ? input : links[i - 1];
  else if (event.key === 'Home') next = links[0];
  else if (event.key === 'End') next = links[links.length - 1];
  if (next) {
    event.preventDefault();
    next.focus();
  }
}
list.addEventListener('keydown', moveBetweenResults);
paths.addEventListener('keydown', moveBetweenResults);

// ---- start ----------------------------------------------------------------

// The browser's Chinese word segmenter (used to read queries) loads its
// dictionary when first created, tens of milliseconds: do that while idle.
// No download involved.
(window.requestIdleCallback ?? ((f: () => void) => setTimeout(f, 200)))(() => void new Intl.Segmenter('zh-CN', { granularity: 'word' }));

const initial = readUrl();
input.value = initial.q;
syncHeader();
void search(initial.q, initial.filters);
