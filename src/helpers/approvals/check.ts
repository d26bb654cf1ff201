/**
 * The build's check of the approval paths (called by src/integration once the
 * corpus has loaded): the data file is valid, every cited clause exists in the
 * parsed regulation, every quote appears in the clause's text character for
 * character, and every deadline names a rule of the deadline calculator. Any
 * problem throws the corpus's ContentError with `file:line:column: message`
 * lines, so the build stops and no stale or wrong path is published.
 */
import { readFileSync, existsSync } from 'node:fs';
import { ContentError } from '../../corpus/load.ts';
import { readYamlFile } from '../../data/yaml-file.ts';
import { displayText } from '../../tree/query.ts';
import type { Node } from '../../tree/types.ts';
import { DEADLINE_RULES_FILE, deadlineRules } from './deadline-rules.ts';
import { APPROVAL_PATHS_FILE } from './index.ts';
import { ApprovalPathsError, parseApprovalPaths, type ApprovalPaths } from './schema.ts';
import { verifyApprovalPaths, type ClauseLookup, type VerificationProblem } from './verify.ts';

/** What the check needs of the corpus: `getCorpus()` fits. */
export interface ClauseSource {
  clause(slug: string, id: string): Node | undefined;
}

/** The text a reader sees for a clause (labels included, one line per 款/项), as quotes are checked against. */
export function clauseTextLookup(corpus: ClauseSource): ClauseLookup {
  return (slug, id) => {
    const node = corpus.clause(slug, id);
    return node && displayText(node);
  };
}

export interface CheckOptions {
  /** The approval paths, relative to the working directory (as shown in messages). */
  file?: string;
  /** The deadline calculator's rules, for the ids a step's `deadline` may name. */
  deadlinesFile?: string;
}

/** Validates and verifies the approval paths; returns them, or throws ContentError. */
export function checkApprovalPaths(corpus: ClauseSource, options: CheckOptions = {}): ApprovalPaths {
  const file = options.file ?? APPROVAL_PATHS_FILE;
  const deadlinesFile = options.deadlinesFile ?? DEADLINE_RULES_FILE;

  // A content folder without approval paths (a library of texts alone) has none to check.
  if (!options.file && !existsSync(file)) return { scenarios: [] };
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ContentError([`${file}: 无法读取审批路径数据：${(error as Error).message}`]);
  }

  let data: ApprovalPaths;
  try {
    data = parseApprovalPaths(source, file);
  } catch (error) {
    if (error instanceof ApprovalPathsError) throw new ContentError(error.message.split('\n'));
    throw error;
  }

  let known: Set<string>;
  try {
    known = new Set(deadlineRules(deadlinesFile).keys());
  } catch (error) {
    throw new ContentError([`${deadlinesFile}: 无法读取期限规则，审批路径中的期限无从核对：${(error as Error).message}`]);
  }

  const problems = verifyApprovalPaths(data, clauseTextLookup(corpus), known);
  if (problems.length > 0) throw new ContentError(locateProblems(source, file, problems));
  return data;
}

/** `file:line:column: message` for each problem, pointing at the YAML node it is about. */
export function locateProblems(source: string, file: string, problems: readonly VerificationProblem[]): string[] {
  const yaml = readYamlFile(file, source);
  return problems.map((problem) => {
    // The deepest node of the path that exists (a missing key points at its mapping).
    const { line, column, depth } = yaml.locate(problem.path, 'value');
    return depth > 0 ? `${file}:${line}:${column}: ${problem.message}` : `${file}: ${problem.message}`;
  });
}
