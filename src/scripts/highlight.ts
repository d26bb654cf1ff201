/**
 * Clause pages opened from a search result (`?hl=…`, one or more): mark the
 * matched text. This entry is a few bytes on every clause page; the marking
 * code (highlight-marks.ts) loads only when the URL asks for it.
 */
const terms = new URLSearchParams(location.search).getAll('hl').filter((t) => t.trim());
if (terms.length) void import('./highlight-marks.ts').then((m) => m.highlight(terms));
