/**
 * No generated page may exceed its transfer budget (gzipped): 100 KB for any
 * page, 50 KB for the home page. Run after the build over the output folder;
 * a page over budget fails the build naming its URL, so a listing that grows
 * with the library is paginated before it ships rather than after.
 *
 * Cost: one stat per file; only files whose raw size could exceed a budget
 * are read and compressed (gzip grows no input by more than a few bytes, so
 * a file within the budget raw is within it gzipped): linear and cheap.
 * Synchronous stats: one awaited fs/promises call at a time spends most of
 * its time in the thread-pool round trip (17,169 files: 1.5 s, against 0.4 s).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export const PAGE_BUDGET = 100 * 1024;

/** Stricter budgets by URL. */
export const URL_BUDGETS: Readonly<Record<string, number>> = { '/': 50 * 1024 };

/** Bytes gzip may add to incompressible input (header, trailer, stored-block framing). */
const GZIP_SLACK = 1024;

export interface OverBudget {
  url: string;
  gzipped: number;
  budget: number;
}

export class PageBudgetError extends Error {
  readonly hint = '把超出的页面分页，或按法规拆分（src/library/paging.ts）';
  readonly pages: OverBudget[];
  constructor(pages: OverBudget[]) {
    super(`页面超出传输预算（gzip 后）：\n${pages.map((p) => `${p.url}: ${kb(p.gzipped)}，预算 ${kb(p.budget)} [page-budget]`).join('\n')}`);
    this.name = 'PageBudgetError';
    this.pages = pages;
  }
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** `index.html` → `/`, `regulations/x/index.html` → `/regulations/x/`, `404.html` → `/404.html`. */
export function urlOf(file: string): string {
  const path = file.split(sep).join('/');
  return `/${path.replace(/(?:^|\/)index\.html$/, (m) => (m.startsWith('/') ? '/' : ''))}`;
}

export function budgetOf(url: string): number {
  return URL_BUDGETS[url] ?? PAGE_BUDGET;
}

/** Every HTML page of `siteDir` over its budget, largest first; `known`: files known to be within it, not even looked at (the forwarding pages: a few hundred bytes). */
export async function pagesOverBudget(siteDir: string, known: ReadonlySet<string> = new Set()): Promise<OverBudget[]> {
  const over: OverBudget[] = [];
  for (const entry of readdirSync(siteDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const file = join(entry.parentPath, entry.name);
    if (known.has(file)) continue;
    const url = urlOf(relative(siteDir, file));
    const budget = budgetOf(url);
    if (statSync(file).size + GZIP_SLACK <= budget) continue;
    const gzipped = gzipSync(readFileSync(file)).length;
    if (gzipped > budget) over.push({ url, gzipped, budget });
  }
  return over.sort((a, b) => b.gzipped - a.gzipped);
}

/** Throws PageBudgetError when any page is over its budget. */
export async function checkPageBudgets(siteDir: string, known?: ReadonlySet<string>): Promise<void> {
  const over = await pagesOverBudget(siteDir, known);
  if (over.length) throw new PageBudgetError(over);
}
