/**
 * The listing's on-demand index (`/library.json`): every work's title, kind,
 * issuer, date and status in a compact form — facet names once, each work a
 * short array — so that it stays small at thousands of texts. Pure (no Node
 * APIs): the browser script decodes with the same module the build encodes with.
 */
import type { Status } from '../render/status.ts';

export const STATUSES: readonly Status[] = ['inForce', 'notYetInForce', 'repealed'];

export interface ListedWork {
  slug: string;
  title: string;
  kind: string;
  issuer?: string;
  /** YYYY-MM-DD or ''. */
  date: string;
  status: Status;
}

/** `[slug, title or '' when it equals the slug, kind index, issuer index or -1, YYYYMMDD or '', status index]`. */
type Row = [string, string, number, number, string, number];

export interface CompactLibrary {
  v: 1;
  kinds: string[];
  issuers: string[];
  works: Row[];
}

export function encodeLibrary(works: readonly ListedWork[], kinds: readonly string[], issuers: readonly string[]): CompactLibrary {
  const kindIndex = new Map(kinds.map((k, i) => [k, i]));
  const issuerIndex = new Map(issuers.map((k, i) => [k, i]));
  return {
    v: 1,
    kinds: [...kinds],
    issuers: [...issuers],
    works: works.map((w) => [
      w.slug,
      w.title === w.slug ? '' : w.title,
      kindIndex.get(w.kind) ?? -1,
      w.issuer === undefined ? -1 : (issuerIndex.get(w.issuer) ?? -1),
      w.date.replaceAll('-', ''),
      STATUSES.indexOf(w.status),
    ]),
  };
}

export function decodeLibrary(data: CompactLibrary): ListedWork[] {
  return data.works.map(([slug, title, kind, issuer, date, status]) => {
    const issuerName = issuer >= 0 ? data.issuers[issuer] : undefined;
    return {
      slug,
      title: title || slug,
      kind: data.kinds[kind] ?? '',
      ...(issuerName ? { issuer: issuerName } : {}),
      date: date ? `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}` : '',
      status: STATUSES[status] ?? 'inForce',
    };
  });
}
