/**
 * Regulation and article pages. Everything here enhances markup that already
 * works without JS:
 *  - a clause anchor (`a.anchor`, a plain #id link) opens a small menu to copy
 *    the clause's link or its citation;
 *  - the clause named in the URL fragment is highlighted (CSS :target does it
 *    without JS) and receives focus, so keyboard and screen-reader users land
 *    on it too;
 *  - the contents <details> opens on wide screens, where it sits beside the text;
 *    on a phone (where its bar stays at the top of the screen) it folds away
 *    once an entry is chosen;
 *  - on a part of a long text (src/render/text-parts.ts), a fragment the part
 *    does not hold (`/regulations/<slug>/#art-500`, a permalink from before
 *    the split) goes on to the part that does, fragment kept.
 * One delegated listener per event type, not one per clause.
 */
import { citationLine, clauseOfAnchorLabel, formalCitation } from '../render/citation-line.ts';
import { mapHolds } from '../render/part-map.ts';

const doc = document.querySelector<HTMLElement>('[data-permalink-base]');
if (doc) initClauses(doc);
initContents();

function initClauses(doc: HTMLElement): void {
  const base = doc.dataset['permalinkBase'] ?? location.href.split('#')[0]!;
  // Announces "copied" to screen readers; must exist before it changes.
  const status = document.createElement('p');
  status.className = 'sr-only';
  status.setAttribute('role', 'status');
  document.body.append(status);

  const menu = document.createElement('div');
  menu.className = 'clause-menu';
  menu.id = 'clause-menu';
  menu.setAttribute('role', 'group');
  // UI, not regulation text: keep it out of the text-fidelity check.
  menu.dataset['chrome'] = '';
  menu.hidden = true;
  for (const [kind, text] of [
    ['link', '复制链接'],
    ['cite', '复制引文'],
  ] as const) {
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset['copy'] = kind;
    button.textContent = text;
    menu.append(button);
  }
  let opener: HTMLAnchorElement | undefined;

  const urlOf = (a: HTMLAnchorElement) => base + a.hash;

  const close = (refocus: boolean) => {
    if (!opener) return;
    opener.setAttribute('aria-expanded', 'false');
    menu.hidden = true;
    if (refocus) opener.focus();
    opener = undefined;
  };

  const open = (a: HTMLAnchorElement) => {
    close(false);
    opener = a;
    a.setAttribute('aria-expanded', 'true');
    a.setAttribute('aria-controls', menu.id);
    menu.setAttribute('aria-label', a.getAttribute('aria-label') ?? '');
    // Right after the anchor, so Tab order runs anchor → menu → rest of the text.
    a.after(menu);
    menu.hidden = false;
    // Place it under the anchor, inside its positioned ancestor, never past the right edge.
    const box = (menu.offsetParent ?? doc).getBoundingClientRect();
    const at = a.getBoundingClientRect();
    menu.style.top = `${at.bottom - box.top + 4}px`;
    menu.style.left = `${Math.max(0, Math.min(at.left - box.left, box.width - menu.offsetWidth))}px`;
    menu.querySelector('button')?.focus();
  };

  const copy = async (button: HTMLButtonElement, a: HTMLAnchorElement) => {
    const url = urlOf(a);
    const isLink = button.dataset['copy'] === 'link';
    const text = isLink ? url : citationLine(formalCitation(doc.dataset['title'] ?? '', clauseOfAnchorLabel(a.getAttribute('aria-label') ?? '')), url);
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // No async clipboard (older browser, insecure origin): the legacy way.
      const area = document.createElement('textarea');
      area.value = text;
      document.body.append(area);
      area.select();
      document.execCommand('copy');
      area.remove();
      button.focus();
    }
    const done = isLink ? '已复制链接' : '已复制引文';
    status.textContent = done;
    const label = button.textContent;
    button.textContent = `${done} ✓`;
    setTimeout(() => (button.textContent = label), 1500);
  };

  document.addEventListener('click', (e) => {
    const target = e.target as Element;
    const anchor = target.closest<HTMLAnchorElement>('a.anchor');
    if (anchor && doc.contains(anchor)) {
      // Modified clicks keep their meaning: open in a new tab, copy via context menu.
      if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      if (opener === anchor) close(true);
      else open(anchor);
      return;
    }
    const button = target.closest<HTMLButtonElement>('.clause-menu button');
    if (button && opener) {
      void copy(button, opener);
      return;
    }
    if (!menu.contains(target)) close(false);
  });

  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && opener) close(true);
  });

  // Tabbing out of the menu closes it.
  menu.addEventListener('focusout', (e) => {
    const next = e.relatedTarget as Node | null;
    if (next && !menu.contains(next) && next !== opener) close(false);
  });

  const parts = doc.dataset['textParts'];
  const follow = () => {
    if (!parts || !toPart(parts)) markTarget();
  };
  follow();
  addEventListener('hashchange', follow);
}

/** On a part of a long text: send a fragment this page does not hold to the part holding it; whether it did. */
function toPart(map: string): boolean {
  const id = fragmentId(location.hash);
  if (!id || document.getElementById(id)) return false;
  let parts: [string, string][];
  try {
    parts = JSON.parse(map) as [string, string][];
  } catch {
    return false;
  }
  const url = parts.find(([, ids]) => mapHolds(ids, id))?.[0];
  if (!url || new URL(url, location.href).pathname === location.pathname) return false;
  // replace: Back returns to where the reader was, not to this page without the clause.
  location.replace(url + location.hash);
  return true;
}

/** Highlight the clause the fragment names and move focus to it. */
function markTarget(): void {
  document.querySelector('.is-target')?.classList.remove('is-target');
  const id = fragmentId(location.hash);
  const el = id ? document.getElementById(id) : null;
  // A clause: any element with an id in the text, except the site's own UI (the menu).
  if (!el?.closest('[data-source-text]') || el.closest('[data-chrome]')) return;
  el.classList.add('is-target');
  // Focusable from script only (no tabindex="-1" on each of hundreds of clauses
  // in the markup). The browser has already scrolled it into view.
  el.tabIndex = -1;
  el.focus({ preventScroll: true });
}

/** The id a fragment names; a malformed escape (`#%`) names nothing rather than throwing. */
function fragmentId(hash: string): string {
  try {
    return decodeURIComponent(hash.slice(1));
  } catch {
    return '';
  }
}

/**
 * The contents open beside the text on wide screens. On a phone, where their
 * bar stays at the top of the screen, they fold away once an entry is chosen.
 * (CSS marks the division being read: Toc.astro.)
 */
function initContents(): void {
  const toc = document.querySelector<HTMLDetailsElement>('.toc details');
  if (!toc) return;
  const wide = () => matchMedia('(min-width: 64rem)').matches;
  toc.open = wide();
  toc.onclick = (e) => {
    if ((e.target as Element).closest('a') && !wide()) toc.open = false;
  };
}
