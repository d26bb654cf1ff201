/**
 * The 适老化 large-text mode. `applySavedTextSize` runs inline in <head>
 * before first paint (injected minified by src/integration/reading-prefs.ts,
 * its hash in each page's CSP), so a reader who chose large text never sees a flash of
 * small text. It is serialized with Function#toString: keep it self-contained.
 */
export const TEXT_SIZE_KEY = 'text-size';

export function applySavedTextSize(key: string): void {
  const root = document.documentElement;
  // Lets CSS show controls that only work with JS, without a layout shift.
  root.classList.add('js');
  try {
    if (localStorage.getItem(key) === 'large') root.dataset['textSize'] = 'large';
  } catch {
    // Storage blocked (privacy mode): the default size it is.
  }
}

/** Wire the header toggle: flips the mode and remembers it. */
export function initTextSizeToggle(button: HTMLButtonElement): void {
  const root = document.documentElement;
  const sync = () => button.setAttribute('aria-pressed', String(root.dataset['textSize'] === 'large'));
  sync();
  button.addEventListener('click', () => {
    const large = root.dataset['textSize'] !== 'large';
    if (large) root.dataset['textSize'] = 'large';
    else delete root.dataset['textSize'];
    try {
      localStorage.setItem(TEXT_SIZE_KEY, large ? 'large' : 'normal');
    } catch {
      // Not persisted, but still applied for this page.
    }
    sync();
  });
}
