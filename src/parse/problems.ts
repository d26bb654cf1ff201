/** Problems found while parsing, reported vfile-style: `file:line:column: reason [rule-id]`. */
import type { Problem, Severity } from '../tree/types.ts';

export class Problems {
  readonly list: Problem[] = [];

  error(ruleId: string, reason: string, line: number, column: number): void {
    this.add('error', ruleId, reason, line, column);
  }

  warn(ruleId: string, reason: string, line: number, column: number): void {
    this.add('warning', ruleId, reason, line, column);
  }

  private add(severity: Severity, ruleId: string, reason: string, line: number, column: number): void {
    this.list.push({ severity, ruleId, reason, line, column });
  }
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** One line per problem; warnings say so, errors read like compiler errors. */
export function formatProblem(path: string, p: Problem): string {
  const prefix = p.severity === 'warning' ? '警告：' : '';
  return `${path}:${p.line}:${p.column}: ${prefix}${p.reason} [${p.ruleId}]`;
}
