/**
 * The search page (src/pages/search.astro). Small on purpose: the engine
 * (src/search/engine.ts, with the index's client) is imported only when
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
 *  - filters by regulation, chapter, kind, issuer and status, with counts
 *    (search-filters.ts: older versions only when the status filter asks);
 *    a polite status line with the number of results;
 *  - ↑/↓/Home/End move between results, ↓ from the box enters the list.
 */
import type { Outcome } from '../search/engine.ts';
import type { PathResult } from '../search/paths.ts';
import type { PageMatch } from '../search/match.ts';
import { engine } from './search-engine.ts';
import { FacetIndex, FilterBar, applyFilters } from './search-filters.ts';
import { markCommitted, readUrl, saveUrl as save } from './search-history.ts';
import { bindKeys } from './search-keys.ts';
import { pathsJoining, placePaths } from './search-paths.ts';
import { clauseItem, resultItem, statusText } from './search-results.ts';

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
const filters = new FilterBar(form.querySelector<HTMLElement>('.filters')!);
const headerBox = document.getElementById('site-search') as HTMLInputElement | null;
const baseTitle = document.title;

const saveUrl = (how: 'typing' | 'submit' | 'filter') => save({ q: input.value, filters: filters.values() }, how);

// ---- rendering ------------------------------------------------------------

let outcome: Outcome | undefined;
/** The query as typed that `outcome` answers (data-query on the list when done: tests wait for it). */
let outcomeQuery = '';
let filtered: PageMatch[] = [];
let shown = 0;
let searchSeq = 0;
let renderSeq = 0;

async function appendResults(n: number): Promise<void> {
  const mine = renderSeq;
  const e = await engine();
  const batch = filtered.slice(shown, shown + n);
  const links = await e.links(batch);
  if (mine !== renderSeq) return;
  list.append(...links.map((link, i) => clauseItem(link, batch[i]!)));
  shown += batch.length;
  more.hidden = shown >= filtered.length;
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
  const links = await e.links(o.ranking.related);
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
  const active = filters.active();
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
    filters.hide();
    status.textContent = '';
    document.title = baseTitle;
  } else {
    // The chapter filter of a chosen regulation needs its rows (engine.rowsOf).
    const chosen = (wantedFilters ?? filters.values())['regulation'];
    if (chosen) await (await engine()).rowsOf(o.ranking.results, chosen);
    if (mine !== renderSeq) return;
    filters.fill(o.ranking.results, wantedFilters ?? {});
    const kept = applyFilters(o.ranking.results, filters.index, filters.active());
    filtered = kept.shown;
    await Promise.all([appendResults(PAGE_SIZE), renderRelated(o)]);
    if (mine !== renderSeq) return;
    // After the clauses: where the paths go depends on where the first clause ends.
    renderPaths();
    status.textContent = statusText(o, filtered.length, o.ranking.results.length, kept);
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
    if (filters.index.source !== e.facets) filters.index = new FacetIndex(e.facets);
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

filters.onChange(() => {
  saveUrl('filter');
  void render();
});

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
  markCommitted();
  const state = readUrl(filters.keys());
  input.value = state.q;
  syncHeader();
  void search(state.q, state.filters);
});

bindKeys(input, [list, paths], more, moreButton);

// ---- start ----------------------------------------------------------------

// The browser's Chinese word segmenter (used to read queries) loads its
// dictionary when first created, tens of milliseconds: do that while idle.
// No download involved.
(window.requestIdleCallback ?? ((f: () => void) => setTimeout(f, 200)))(() => void new Intl.Segmenter('zh-CN', { granularity: 'word' }));

const initial = readUrl(filters.keys());
input.value = initial.q;
syncHeader();
void search(initial.q, initial.filters);
