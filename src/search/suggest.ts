/**
 * "Did you mean" for a query that finds nothing (issue #15 item 3): the query
 * in simplified characters (`區長` → `区长`; OpenCC's dictionary, loaded only
 * then), or the query with one character replaced by the one the library has
 * there (`区长办工会议` → `区长办公会议`). Never a match in itself: the page
 * offers the suggestion as a link.
 */
import type { CharPostings } from './match.ts';

type Convert = (text: string) => string;
let converting: Promise<Convert> | undefined;

/** The text in simplified characters, if that differs. */
export async function simplified(text: string): Promise<string | undefined> {
  converting ??= import('opencc-js/t2cn').then((m) => m.Converter({ from: 't', to: 'cn' }));
  converting.catch(() => (converting = undefined));
  const out = (await converting)(text);
  return out !== text ? out : undefined;
}

/** Where a one-character typo at `typo` may be: page and the position the replaced character would have. */
export interface TypoSite {
  page: string;
  typo: number;
  /** Position of query character 0 in the page. */
  start: number;
}

/** Pages and positions holding `chars[from, to)` consecutively (at most `limit`). */
function occurrences(chars: readonly string[], from: number, to: number, postings: CharPostings, limit: number): { page: string; at: number }[] {
  const out: { page: string; at: number }[] = [];
  const first = postings(chars[from]!);
  if (!first) return out;
  for (const [page, positions] of first) {
    for (const p of positions) {
      let ok = true;
      for (let k = from + 1; k < to && ok; k++) ok = !!postings(chars[k]!)?.get(page)?.has(p + k - from);
      if (ok) out.push({ page, at: p });
      if (out.length >= limit) return out;
    }
  }
  return out;
}

/**
 * Sites where the query would match but for one character: for each
 * position, the longer side around it (two characters or more) found whole,
 * the shorter side to be checked against the page's text (the caller decodes
 * it). Sites with both sides found come first.
 */
export function typoSites(chars: readonly string[], postings: CharPostings, limit = 6): TypoSite[] {
  const n = chars.length;
  const both: TypoSite[] = [];
  const one: TypoSite[] = [];
  for (let i = 0; i < n; i++) {
    const left = i;
    const right = n - i - 1;
    if (Math.max(left, right) < 2) continue;
    const anchorLeft = left >= right;
    const found = anchorLeft ? occurrences(chars, 0, i, postings, limit) : occurrences(chars, i + 1, n, postings, limit);
    for (const { page, at } of found) {
      const start = anchorLeft ? at : at - i - 1;
      if (start < 0) continue;
      const other = anchorLeft ? [i + 1, n] : [0, i];
      const otherFound = other[1]! - other[0]! >= 2 && occurrences(chars, other[0]!, other[1]!, postings, 50).some((o) => o.page === page && o.at === start + other[0]!);
      (otherFound ? both : one).push({ page, typo: i, start });
    }
  }
  return [...both, ...one].slice(0, limit);
}
