/**
 * The search page's URL: the query and the filters (`?q=…&regulation=…&status=…`).
 * A submitted search (or the one the page opened with) is a history entry of
 * its own; typing after it starts a new entry, and further typing updates
 * that entry in place. So back returns to the previous search, not to every
 * keystroke.
 */
export interface State {
  q: string;
  filters: Record<string, string>;
}

/** The state in the page's URL, for these filter keys. */
export function readUrl(keys: readonly string[]): State {
  const params = new URLSearchParams(location.search);
  return { q: params.get('q') ?? '', filters: Object.fromEntries(keys.map((k) => [k, params.get(k) ?? ''])) };
}

export function stateUrl(state: State): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const [k, v] of Object.entries(state.filters)) if (v) params.set(k, v);
  const search = params.toString();
  return `${location.pathname}${search ? `?${search}` : ''}`;
}

let committed = new URLSearchParams(location.search).has('q');

/** Back or forward reached a committed entry. */
export function markCommitted(): void {
  committed = true;
}

export function saveUrl(state: State, how: 'typing' | 'submit' | 'filter'): void {
  const url = stateUrl(state);
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
