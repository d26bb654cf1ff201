/**
 * `npm run validate -- PATH… [--json REPORT.json] [--exclusions FILE]`: check
 * texts before publishing. A folder is checked recursively as a library (as
 * the build reads it: works, versions, slugs); a file on its own. Prints one
 * `file:line:column: reason [rule]` line per problem, then a summary (texts,
 * clean, refused, by rule); `--json` also writes all of it as a report;
 * `--write-exclusions FILE` writes an exclusion list of every refused text,
 * each with its first error as the reason, for an operator to review before
 * the first import of a large library (content/exclusions.yaml).
 * Exits 1 on any error.
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { scanLibrary, type TextReport } from '../src/corpus/load.ts';
import type { CitationStats } from '../src/links/index.ts';
import { citationReport, citationSummary } from '../src/links/report.ts';
import { escapeControls } from '../src/corpus/escape.ts';
import { amendmentReport, amendmentSummary } from '../src/versions/decisions.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { json: { type: 'string' }, exclusions: { type: 'string' }, 'write-exclusions': { type: 'string' }, quiet: { type: 'boolean', default: false } },
});
if (positionals.length === 0) {
  console.error('用法：npm run validate -- 文件夹或文件.txt … [--json 报告.json] [--exclusions exclusions.yaml] [--quiet]');
  process.exit(2);
}

const started = performance.now();
const reports: TextReport[] = [];
const errors: string[] = [];
const warnings: string[] = [];
const citations: CitationStats[] = [];
const amendments: string[] = [];
for (const target of positionals) {
  let dir = resolve(target);
  let only: string | undefined;
  try {
    if (!statSync(dir).isDirectory()) {
      only = dir;
      dir = dirname(dir);
    }
  } catch {
    // scanLibrary reports a missing folder as a located problem.
  }
  // As the build reads a content folder: its exclusions.yaml, beside regulations/ or in a folder of texts alone.
  const exclusionsFile = values.exclusions ? resolve(values.exclusions) : [join(dir, 'exclusions.yaml'), join(dir, '..', 'exclusions.yaml')].find((f, i) => existsSync(f) && (i === 0 || basename(dir) === 'regulations'));
  const scan = scanLibrary({ dir, ...(exclusionsFile ? { exclusionsFile } : {}) });
  const picked = only ? scan.reports.filter((r) => join(dir, r.libraryPath) === only) : scan.reports;
  reports.push(...picked);
  const mine = (line: string) => !only || picked.some((r) => line.startsWith(r.path + ':'));
  errors.push(...scan.errors.filter(mine));
  const cites = citationReport(scan.library);
  warnings.push(...scan.warnings.filter((w) => mine(w) && !cites.citesOtherWork(w)));
  warnings.push(...cites.warnings.filter(mine));
  citations.push(cites.stats);
  amendments.push(amendmentSummary(amendmentReport(scan.library)));
}

const lines = [...errors, ...warnings].sort(byPosition);
if (!values.quiet) for (const line of lines) console.log(escapeControls(line));

const count = (status: TextReport['status']) => reports.filter((r) => r.status === status).length;
const byRule = new Map<string, number>();
for (const r of reports) {
  if (r.status !== 'refused') continue;
  const rules = new Set([...r.problems.filter((p) => p.severity === 'error').map((p) => p.ruleId), ...r.library.map((l) => /\[([\w-]+)\]$/.exec(l)?.[1] ?? '?')]);
  for (const rule of rules) byRule.set(rule, (byRule.get(rule) ?? 0) + 1);
}
const citationTotal = citations.reduce((a, b) => ({
  resolved: a.resolved + b.resolved,
  ambiguous: a.ambiguous + b.ambiguous,
  clauses: a.clauses + b.clauses,
  clausesResolved: a.clausesResolved + b.clausesResolved,
  external: a.external + b.external,
}));
console.log(`\n${citationSummary(citationTotal)}`);
for (const line of amendments) console.log(line);
// The summary is the last line: what a script reads with `tail -n 1`.
const seconds = (performance.now() - started) / 1000;
const rules = [...byRule].sort((a, b) => b[1] - a[1]).map(([rule, n]) => `${rule} ${n}`).join('，');
console.log(
  `共 ${reports.length} 个文本：无错误 ${count('clean')}，拒绝发布 ${count('refused')}，列入排除清单 ${count('excluded')}` +
    (rules ? `（按规则：${rules}）` : '') +
    `；${errors.length} 个错误，${warnings.length} 个警告；用时 ${seconds.toFixed(1)} 秒`,
);


if (values.json) {
  const report = {
    texts: reports.length,
    clean: count('clean'),
    refused: count('refused'),
    excluded: count('excluded'),
    byRule: Object.fromEntries(byRule),
    citations: citationTotal,
    files: reports.map((r) => ({
      file: r.libraryPath,
      status: r.status,
      ...(r.exclusion ? { exclusion: r.exclusion } : {}),
      problems: [...r.problems.map((p) => ({ ...p, reason: escapeControls(p.reason) })), ...r.library.map((line) => ({ severity: 'error', line: 1, column: 1, ruleId: /\[([\w-]+)\]$/.exec(line)?.[1], reason: escapeControls(line) }))],
    })),
  };
  writeFileSync(values.json, JSON.stringify(report, null, 2) + '\n');
}
const toExclude = values['write-exclusions'];
if (toExclude) {
  const refused = reports.filter((r) => r.status === 'refused' || r.status === 'excluded');
  const reasonOf = (r: TextReport) => {
    const p = r.problems.find((x) => x.severity === 'error');
    if (p) return `第 ${p.line} 行第 ${p.column} 列：${escapeControls(p.reason)} [${p.ruleId}]`;
    return r.exclusion ?? escapeControls(r.library[0]?.replace(/^.*?:\d+:\d+: /, '') ?? '未知');
  };
  const yaml = refused.map((r) => `- file: ${JSON.stringify(r.libraryPath)}\n  reason: ${JSON.stringify(reasonOf(r))}`).join('\n');
  writeFileSync(toExclude, `# 不发布的文本及理由（npm run validate -- --write-exclusions 生成，请逐条审核）\n${yaml}\n`);
  console.log(`已写出排除清单 ${toExclude}：${refused.length} 个文本`);
}
process.exitCode = errors.length ? 1 : 0;

function byPosition(a: string, b: string): number {
  const pa = /^(.*?):(\d+):(\d+):/.exec(a);
  const pb = /^(.*?):(\d+):(\d+):/.exec(b);
  if (!pa || !pb) return a < b ? -1 : 1;
  return pa[1]! < pb[1]! ? -1 : pa[1]! > pb[1]! ? 1 : Number(pa[2]) - Number(pb[2]) || Number(pa[3]) - Number(pb[3]);
}
