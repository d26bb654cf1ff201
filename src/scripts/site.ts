/** Every page: `/` jumps to the search box; the large-text toggle. */
import { initTextSizeToggle } from './text-size.ts';

document.addEventListener('keydown', (e) => {
  if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
  // Typing a slash into a field must stay typing.
  const target = e.target;
  if (target instanceof Element && target.closest('input, textarea, select, [contenteditable]')) return;
  const box = document.getElementById('site-search');
  if (!box) return;
  e.preventDefault();
  box.focus();
});

const toggle = document.querySelector<HTMLButtonElement>('.text-size-toggle');
if (toggle) initTextSizeToggle(toggle);
