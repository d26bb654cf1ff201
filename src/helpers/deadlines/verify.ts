/** Checks that the reviewed rules still match the regulation text they quote. */
import { quoteProblem } from '../../data/quote.ts';
import type { TimeExpression } from '../../tree/types.ts';
import type { Rule } from './schema.ts';

/** Plain text of a clause (labels excluded), or undefined if there is no such clause. */
export type ClauseLookup = (regulationSlug: string, clauseId: string) => string | undefined;

export interface RuleProblem {
  ruleId: string;
  regulation: string;
  clause: string;
  message: string;
}

/** A time expression found by the parser, tagged with its regulation. */
export type TaggedTimeExpression = TimeExpression & { regulation: string };

/** Longest prefix of `quote` found in `text`, to show where an edit diverged. */
function matchedPrefix(quote: string, text: string): number {
  let n = 0;
  while (n < quote.length && text.includes(quote.slice(0, n + 1))) n++;
  return n;
}

export function verifyDeadlineRules(rules: readonly Rule[], lookup: ClauseLookup): RuleProblem[] {
  const problems: RuleProblem[] = [];
  for (const rule of rules) {
    const at = { ruleId: rule.id, regulation: rule.regulation, clause: rule.clause };
    const text = lookup(rule.regulation, rule.clause);
    if (text === undefined) {
      problems.push({ ...at, message: `条款 ${rule.regulation}#${rule.clause} 不存在` });
      continue;
    }
    if (!text.includes(rule.quote)) {
      const n = matchedPrefix(rule.quote, text);
      problems.push({
        ...at,
        message: `引文未在条款原文中逐字出现（前 ${n} 字相符，自“${rule.quote.slice(n, n + 10)}”起不符）`,
      });
    } else {
      const weak = quoteProblem(rule.quote, text);
      if (weak) problems.push({ ...at, message: weak });
    }
    for (const covered of rule.covers ?? []) {
      if (!text.includes(covered)) problems.push({ ...at, message: `covers 中的“${covered}”未在条款原文中出现` });
    }
  }
  return problems;
}

/** `art-43` contains `art-43-p2`; a clause contains itself. */
function within(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(`${outer}-`);
}

/**
 * Time expressions no rule accounts for: a rule covers an expression in its own
 * clause (or a part of it) whose text its quote or its `covers` list contains.
 */
export function uncoveredTimeExpressions(
  rules: readonly Rule[],
  expressions: readonly TaggedTimeExpression[],
): TaggedTimeExpression[] {
  return expressions.filter(
    (x) =>
      !rules.some(
        (r) =>
          r.regulation === x.regulation &&
          within(x.clause, r.clause) &&
          (r.quote.includes(x.text) || (r.covers ?? []).includes(x.text)),
      ),
  );
}
