/**
 * Build-time check that the approval paths still match the regulation text: every
 * cited clause exists, every quote occurs in it character for character, and every
 * deadline names a rule the deadline calculator knows.
 */
import { quoteProblem } from '../../data/quote.ts';
import type { ApprovalPaths } from './schema.ts';

/**
 * Text of a clause, or undefined if the id does not exist. The build passes the
 * parsed tree's `displayText` (labels such as （一） included, one line per 款/项).
 */
export type ClauseLookup = (regulationSlug: string, clauseId: string) => string | undefined;

export interface VerificationProblem {
  scenario: string;
  variant?: string;
  /** 1-based step number within the variant. */
  step?: number;
  /** Chinese, naming scenario / variant / step. */
  message: string;
  /** Where in the data the problem is: `['scenarios', 0, 'variants', 1, 'steps', 2, 'quote']`. */
  path: (string | number)[];
}

export function verifyApprovalPaths(
  data: ApprovalPaths,
  lookup: ClauseLookup,
  /** Undefined: the ids are not checked (the rules file failed its own check). */
  knownDeadlines: ReadonlySet<string> | undefined,
): VerificationProblem[] {
  const problems: VerificationProblem[] = [];
  data.scenarios.forEach((scenario, si) => {
    const where = `场景“${scenario.id}”`;
    scenario.clauses.forEach((clause, ci) => {
      if (lookup(scenario.regulation, clause) === undefined) {
        problems.push({
          scenario: scenario.id,
          message: `${where}：依据条款 ${clause} 在《${scenario.regulation}》中不存在`,
          path: ['scenarios', si, 'clauses', ci],
        });
      }
    });
    scenario.variants.forEach((variant, vi) => {
      variant.steps.forEach((step, i) => {
        const at = { scenario: scenario.id, variant: variant.id, step: i + 1 };
        const stepPath = ['scenarios', si, 'variants', vi, 'steps', i];
        const prefix = `${where}变体“${variant.id}”第 ${i + 1} 步（${step.actors.join('、')}${step.action}）`;
        const clauseText = lookup(scenario.regulation, step.clause);
        if (clauseText === undefined) {
          problems.push({
            ...at,
            message: `${prefix}：条款 ${step.clause} 在《${scenario.regulation}》中不存在`,
            path: [...stepPath, 'clause'],
          });
        } else if (!clauseText.includes(step.quote)) {
          problems.push({
            ...at,
            message: `${prefix}：引文“${step.quote}”未在条款 ${step.clause} 中逐字出现`,
            path: [...stepPath, 'quote'],
          });
        } else {
          const weak = quoteProblem(step.quote, clauseText);
          if (weak) problems.push({ ...at, message: `${prefix}：${weak}`, path: [...stepPath, 'quote'] });
        }
        if (step.deadline !== undefined && knownDeadlines && !knownDeadlines.has(step.deadline)) {
          problems.push({ ...at, message: `${prefix}：期限规则“${step.deadline}”不存在`, path: [...stepPath, 'deadline'] });
        }
      });
    });
  });
  return problems;
}
