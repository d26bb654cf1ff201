/** Marks the terms of `?hl=…` (one or more) on a clause page; loaded by highlight.ts only when there are some. */
import { highlight } from './highlight-marks.ts';

const terms = new URLSearchParams(location.search).getAll('hl').filter((t) => t.trim());
if (terms.length) highlight(terms);
