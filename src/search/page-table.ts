/**
 * What the search page knows of every clause before it fetches any fragment
 * (URL, citation, filters, answer kinds), in two files instead of one list
 * of every page (docs/search.md, "Page table and directory"):
 *
 *  - the directory (`regs.<hash>.pf_regs`): one entry per regulation
 *    version — its base URL, its filters other than the chapter (regulation
 *    title, kind, issuer, status…) and its chapters. Titles → URLs is what a
 *    title or citation query resolves against (scope.ts).
 *  - the page table (`pages.<hash>.pf_pages`): columns aligned with the page
 *    list of Pagefind's own metadata (pagefind-meta.ts), so no page id and
 *    no length is repeated: per page its directory entry, chapter, URL after
 *    the base, citation label and answer kinds. Columns, not rows: each
 *    compresses on its own (at the quarter collection 20 kB instead of the
 *    463 kB list it replaces).
 *
 * The citation is stored as its label when it reads "label · chapter ·
 * title" (how PagefindMeta.astro writes it), whole otherwise.
 */
import type { MetaPage } from './pagefind-meta.ts';

/**
 * page id → [url, citation, length in characters, filters, answer kinds
 * ('t' states a time limit/period, 'n' a quantity)], as the engine reads it.
 */
export type PagesData = Record<string, [string, string, number, Record<string, string[]>, string]>;

/** [base URL, filters but the chapter, chapters]. */
export type DirectoryEntry = [string, Record<string, string[]>, string[]];

export interface PageTable {
  /** Directory entry of each page. */
  r: number[];
  /** 1 + the chapter's index in its entry's chapters; 0: none. */
  c: number[];
  /** URL after the entry's base (`articles/8/`, `#notice`). */
  u: string[];
  /** Citation label (`第八条`), or the whole citation where `w` has the page. */
  l: string[];
  /** Pages whose `l` is the whole citation. */
  w: number[];
  /** Answer kinds. */
  k: string[];
}

const SEP = ' · ';
const citationOf = (label: string, chapter: string | undefined, title: string | undefined) =>
  [label, chapter, title].filter(Boolean).join(SEP);

/** The base URL of a page: the regulation page its article belongs to. */
const baseOf = (url: string) => url.replace(/#.*$/, '').replace(/articles\/[^/]+\/$/, '');

/** Build side: directory and page table for these pages, given in Pagefind's meta order. */
export function packPages(pages: readonly PagesData[string][]): { directory: DirectoryEntry[]; table: PageTable } {
  const directory: DirectoryEntry[] = [];
  const entryOf = new Map<string, number>();
  const table: PageTable = { r: [], c: [], u: [], l: [], w: [], k: [] };
  pages.forEach(([url, citation, , filters, kinds], i) => {
    const base = baseOf(url);
    // The chapter goes to the table when a page has at most one (always, as pages mark it); else it stays with the entry.
    const split = (filters['chapter']?.length ?? 0) <= 1;
    const rest = split ? Object.fromEntries(Object.entries(filters).filter(([k]) => k !== 'chapter')) : filters;
    const name = split ? filters['chapter']?.[0] : undefined;
    const key = JSON.stringify([base, rest]);
    let r = entryOf.get(key);
    if (r === undefined) {
      entryOf.set(key, (r = directory.length));
      directory.push([base, rest, []]);
    }
    const chapters = directory[r]![2];
    let c = name === undefined ? 0 : chapters.indexOf(name) + 1;
    if (name !== undefined && !c) c = chapters.push(name);
    const tail = citationOf('', name, rest['regulation']?.[0]);
    const label = citation.endsWith(SEP + tail) ? citation.slice(0, -(tail.length + SEP.length)) : undefined;
    table.r.push(r);
    table.c.push(c);
    table.u.push(url.slice(base.length));
    if (label && citationOf(label, name, rest['regulation']?.[0]) === citation) table.l.push(label);
    else {
      table.l.push(citation);
      table.w.push(i);
    }
    table.k.push(kinds);
  });
  return { directory, table };
}

/** Browser side: the pages as the engine reads them. Filter objects are shared per regulation and chapter. */
export function unpackPages(meta: readonly MetaPage[], directory: readonly DirectoryEntry[], table: PageTable): PagesData {
  if (table.r.length !== meta.length) throw new Error(`搜索索引不一致：页面表 ${table.r.length} 页，元数据 ${meta.length} 页`);
  const whole = new Set(table.w);
  const filters = directory.map(([, rest, chapters]) => [rest, ...chapters.map((c) => ({ ...rest, chapter: [c] }))]);
  const pages: PagesData = {};
  meta.forEach(({ id, words }, i) => {
    const [base, rest, chapters] = directory[table.r[i]!]!;
    const c = table.c[i]!;
    const label = table.l[i]!;
    const citation = whole.has(i) ? label : citationOf(label, c ? chapters[c - 1] : undefined, rest['regulation']?.[0]);
    pages[id] = [base + table.u[i]!, citation, words, filters[table.r[i]!]![c]!, table.k[i]!];
  });
  return pages;
}
