/**
 * The build's check of the deadline calculator (called by src/integration once
 * the corpus has loaded): the rules file and the calendar files are valid, every
 * rule's clause exists and its quote appears in the clause's text character for
 * character. Any problem throws the corpus's ContentError with
 * `file:line:column: message` lines, so the build stops and no calculator
 * computes from a rule the regulation no longer says.
 *
 * It also lists the regulations' time expressions (会前3个工作日, 5小时内…) that
 * no rule accounts for, for the build log: when a clause is amended or a
 * regulation added, nothing with a time limit is silently left out.
 */
import { readFileSync } from 'node:fs';
import { ContentError } from '../../corpus/load.ts';
import { readYamlFile, type YamlFile } from '../../data/yaml-file.ts';
import { plainText } from '../../tree/query.ts';
import type { Node, Regulation } from '../../tree/types.ts';
import { deadlineData, DEADLINE_RULES_FILE, type DataFiles, type DeadlineData } from './index.ts';
import {
  uncoveredTimeExpressions,
  verifyDeadlineRules,
  type ClauseLookup,
  type RuleProblem,
  type TaggedTimeExpression,
} from './verify.ts';

/** What the check needs of the corpus: `getCorpus()` fits. */
export interface DeadlineCorpus {
  regulations: readonly { slug: string; tree: Regulation }[];
  clause(slug: string, id: string): Node | undefined;
}

/**
 * A clause's text as the quotes are checked against: its text nodes joined,
 * labels left out (a quote never includes 第四十三条 or （一）), so a quote that
 * runs across the clause's items still matches.
 */
export function clauseTextLookup(corpus: Pick<DeadlineCorpus, 'clause'>): ClauseLookup {
  return (slug, id) => {
    const node = corpus.clause(slug, id);
    return node && plainText(node);
  };
}

export interface DeadlineCheck extends DeadlineData {
  /** Time expressions in the regulations that no rule covers (for the build log). */
  uncovered: TaggedTimeExpression[];
}

/** Validates and verifies the rules and the calendar; returns them, or throws ContentError. */
export function checkDeadlines(corpus: DeadlineCorpus, files: DataFiles = {}): DeadlineCheck {
  const rulesFile = files.rulesFile ?? DEADLINE_RULES_FILE;
  let data: DeadlineData;
  try {
    data = deadlineData(files);
  } catch (error) {
    // The loaders report `file:line:column: …` per line, for the rules and the calendar files alike.
    if (error instanceof Error) throw new ContentError(error.message.split('\n'));
    throw error;
  }
  const problems = verifyDeadlineRules(data.rules, clauseTextLookup(corpus));
  if (problems.length > 0) throw new ContentError(locateProblems(rulesFile, problems));
  // Coverage is asked of the texts the rules are about (the regulations they quote): a
  // library's national laws are full of time limits no district calculator serves.
  const covered = new Set(data.rules.map((r) => r.regulation));
  const expressions = corpus.regulations.filter((r) => covered.has(r.slug)).flatMap((r) =>
    r.tree.crossrefs.timeExpressions.map((x) => ({ ...x, regulation: r.slug })),
  );
  return { ...data, uncovered: uncoveredTimeExpressions(data.rules, expressions) };
}

/** `file:line:column: 规则 <id>：message`, pointing at the rule's quote (or clause) in the YAML. */
export function locateProblems(file: string, problems: readonly RuleProblem[]): string[] {
  let yaml: YamlFile | undefined;
  try {
    yaml = readYamlFile(file, readFileSync(file, 'utf8'));
  } catch {
    // Unreadable or unparsable now (it was read a moment ago): report without positions.
  }
  const data = yaml?.data;
  const rules = typeof data === 'object' && data !== null && 'rules' in data && Array.isArray(data.rules) ? (data.rules as unknown[]) : [];
  return problems.map((p) => {
    const key = /不存在$/.test(p.message) ? 'clause' : p.message.startsWith('covers') ? 'covers' : 'quote';
    const i = rules.findIndex((r) => typeof r === 'object' && r !== null && 'id' in r && r.id === p.ruleId);
    // The rule's `key:` if it has one, else the rule itself.
    const where = yaml && i >= 0 ? yaml.at(['rules', i, key]) : file;
    return `${where}: 规则 ${p.ruleId}（${p.regulation}#${p.clause}）：${p.message}`;
  });
}

/** The build log's lines for the time expressions no rule covers. */
export function formatUncovered(uncovered: readonly TaggedTimeExpression[]): string[] {
  return uncovered.map((x) => `期限计算器未覆盖的时间表述：${x.regulation}#${x.clause}“${x.text}”（在 ${DEADLINE_RULES_FILE} 中加一条规则，或在规则的 covers 中列出）`);
}
