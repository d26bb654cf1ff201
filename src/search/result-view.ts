/**
 * How a result is shown (the search page's list): its link, with the matched
 * text to highlight there, its citation (from its regulation's rows, loaded
 * once each) and its excerpt (from its text, one small request).
 */
import { citationOf, positionOffsets } from './index-format.ts';
import type { IndexClient } from './index-client.ts';
import type { PageMatch, Span } from './match.ts';
import { REGULATION_PREFIX, type RegulationDirectory } from './scope.ts';
import { excerpt, type ExcerptPart } from './excerpt.ts';

export interface ResultLink {
  page: string;
  /** Link to the clause, with the matched text to highlight there (?hl=…). */
  href: string;
  citation: string;
}

const MAX_HIGHLIGHTS = 8;

export class ResultView {
  private readonly core: IndexClient;
  private readonly directory: RegulationDirectory;

  constructor(core: IndexClient, directory: RegulationDirectory) {
    this.core = core;
    this.directory = directory;
  }

  /** Links and citations of results (their regulations' rows, fetched once each). */
  async links(matches: readonly PageMatch[]): Promise<ResultLink[]> {
    await Promise.all(matches.filter((m) => !m.page.startsWith(REGULATION_PREFIX)).map((m) => this.core.rows(this.core.regulationOf(Number(m.page)))));
    return matches.map((m) => this.link(m));
  }

  private link(match: PageMatch): ResultLink {
    if (match.page.startsWith(REGULATION_PREFIX)) {
      const url = match.page.slice(REGULATION_PREFIX.length);
      return { page: match.page, href: url, citation: this.directory.byBase.get(url)?.title ?? decodeURI(url) };
    }
    const page = Number(match.page);
    const r = this.core.regulationOf(page);
    const [base, title, first] = this.core.directory.regulations[r]!;
    const rows = this.core.loadedRows(r)!;
    const i = page - first;
    const [suffix, label, c] = rows.pages[i]!;
    const citation = rows.whole.includes(i) ? label : citationOf(label, c ? rows.chapters[c - 1] : undefined, title);
    const [url, hash] = (base + suffix).split('#');
    const params = new URLSearchParams();
    const highlights = [...new Set(match.pieces)].sort((a, b) => b.length - a.length).slice(0, MAX_HIGHLIGHTS);
    for (const h of highlights) params.append('hl', h);
    return {
      page: match.page,
      href: `${url}${highlights.length ? `?${params}` : ''}${match.anchor || (hash ? `#${hash}` : '')}`,
      citation,
    };
  }

  /** The excerpt of a result, from its text (one small request). */
  async excerpt(match: PageMatch): Promise<ExcerptPart[]> {
    if (match.page.startsWith(REGULATION_PREFIX)) {
      const n = this.directory.byBase.get(match.page.slice(REGULATION_PREFIX.length))?.articles ?? 0;
      return [{ text: `全文${n ? `，共 ${n} 条` : ''}`, mark: false }];
    }
    const text = await this.core.fragment(Number(match.page));
    const offsets = positionOffsets(text);
    const ranges = match.spans
      .map((s: Span): [number, number] => {
        const a = offsets[s.start] ?? text.length;
        const last = offsets[s.start + s.length - 1] ?? a;
        return [a, Math.min(text.length, last + (text.codePointAt(last)! > 0xffff ? 2 : 1))];
      })
      .filter(([a, b]) => b > a);
    return excerpt(text, ranges);
  }
}
