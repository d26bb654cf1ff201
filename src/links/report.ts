/**
 * What `npm run validate` says about links between regulations: a warning
 * (`file:line:column: … [unresolved-citation]`) for each cited clause that
 * could not be resolved, and the counts; the parser's unresolved-reference
 * warnings that are really another work's clauses are recognised. Built from the same link index the
 * pages use, so it adds one pass over the text (no second parse).
 */
import { citationStats, linkIndex, type CitationStats, type LinkCorpus } from './index.ts';

export function citationReport(corpus: LinkCorpus): { warnings: string[]; stats: CitationStats; citesOtherWork: (line: string) => boolean } {
  const index = linkIndex(corpus);
  // Messages name the file as the loader shows it (LoadedRegulation.path), else the slug.
  const pathOf = new Map(corpus.regulations.map((r) => [r.slug, (r as { path?: string }).path ?? r.slug]));
  const warnings = index.unresolved.map((u) => {
    const at = `${pathOf.get(u.slug)}:${u.text.position.start.line}:${u.text.position.start.column + u.start}`;
    const why =
      u.reason === 'clause-missing'
        ? `引用的“${u.words}”在所引法规的相应版本中找不到，不会生成链接`
        : `引用的“${u.words}”：本文施行时所引法规的版本不在本库中，不会链接到条款`;
    return `${at}: 警告：${why} [unresolved-citation]`;
  });
  // The parser, which knows no other text, warns that 宪法第八十九条's 第八十九条 is missing from the
  // citing text (unresolved-reference); it is another work's clause, so that warning is moot.
  const elsewhere = new Set(index.otherWorkClauses.map((c) => `${pathOf.get(c.slug)}:${c.text.position.start.line}:${c.text.position.start.column + c.start}:`));
  const citesOtherWork = (line: string) => /\[unresolved-reference\]$/.test(line) && elsewhere.has(/^(.*?:\d+:\d+:)/.exec(line)?.[1] ?? '');
  return { warnings, stats: citationStats(corpus), citesOtherWork };
}

/** `引用：链接到本库其他法规 3482 处，其中条款 836/989；本库以外的文件 5367 处；同名而不链接 0 处`. */
export function citationSummary(s: CitationStats): string {
  return `引用：链接到本库其他法规 ${s.resolved} 处，其中条款 ${s.clausesResolved}/${s.clauses}；本库以外的文件 ${s.external} 处；名称不唯一而不链接 ${s.ambiguous} 处`;
}
