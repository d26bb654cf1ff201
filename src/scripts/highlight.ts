/**
 * Clause pages opened from a search result (`?hl=…`, one or more): mark the
 * matched text. Bundled with the page's other code rather than imported on
 * demand: a dynamic import() brings Vite's preload helper (0.9 kB gzipped),
 * more than the marking code itself (0.8 kB).
 */
import { highlight } from './highlight-marks.ts';

const terms = new URLSearchParams(location.search).getAll('hl').filter((t) => t.trim());
if (terms.length) highlight(terms);
