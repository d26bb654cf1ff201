/**
 * Build-time check that the approval paths still match the regulation text: every
 * cited clause exists, every quote occurs in it character for character, and every
 * deadline names a rule the deadline calculator knows.
 */
import type { ApprovalPaths } from './schema.ts';

/** Plain text of a clause (labels excluded), or undefined if the id does not exist. */
export type ClauseLookup = (regulationSlug: string, clauseId: string) => string | undefined;

export interface VerificationProblem {
  scenario: string;
  variant?: string;
  /** 1-based step number within the variant. */
  step?: number;
  /** Chinese, naming scenario / variant / step. */
  message: string;
}

export function verifyApprovalPaths(
  data: ApprovalPaths,
  lookup: ClauseLookup,
  knownDeadlines: ReadonlySet<string>,
): VerificationProblem[] {
  const problems: VerificationProblem[] = [];
  for (const scenario of data.scenarios) {
    const where = `场景“${scenario.id}”`;
    for (const clause of scenario.clauses) {
      if (lookup(scenario.regulation, clause) === undefined) {
        problems.push({
          scenario: scenario.id,
          message: `${where}：依据条款 ${clause} 在《${scenario.regulation}》中不存在`,
        });
      }
    }
    for (const variant of scenario.variants) {
      variant.steps.forEach((step, i) => {
        const at = { scenario: scenario.id, variant: variant.id, step: i + 1 };
        const prefix = `${where}变体“${variant.id}”第 ${i + 1} 步（${step.actors.join('、')}${step.action}）`;
        const clauseText = lookup(scenario.regulation, step.clause);
        if (clauseText === undefined) {
          problems.push({ ...at, message: `${prefix}：条款 ${step.clause} 在《${scenario.regulation}》中不存在` });
        } else if (!clauseText.includes(step.quote)) {
          problems.push({ ...at, message: `${prefix}：引文“${step.quote}”未在条款 ${step.clause} 中逐字出现` });
        }
        if (step.deadline !== undefined && !knownDeadlines.has(step.deadline)) {
          problems.push({ ...at, message: `${prefix}：期限规则“${step.deadline}”不存在` });
        }
      });
    }
  }
  return problems;
}
