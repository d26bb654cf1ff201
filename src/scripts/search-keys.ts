/**
 * Keyboard on the search page: ↓ from the box enters the results; ↑/↓/Home/End
 * move through the approval paths shown and then the clauses, in reading
 * order; ↑ from the first returns to the box; ↓ from the last, to “more”.
 */

/** The links ↑/↓ move between: the approval paths shown and the clauses. */
function resultLinks(): HTMLAnchorElement[] {
  return [...document.querySelectorAll<HTMLAnchorElement>('#search-paths:not([hidden]) a, #search-results a')];
}

export function bindKeys(input: HTMLInputElement, lists: readonly HTMLElement[], more: HTMLElement, moreButton: HTMLElement): void {
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && !event.isComposing) {
      const first = resultLinks()[0];
      if (first) {
        event.preventDefault();
        first.focus();
      }
    }
  });
  const move = (event: KeyboardEvent) => {
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
  };
  for (const list of lists) list.addEventListener('keydown', move);
}
