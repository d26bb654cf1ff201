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
    this.list.push({ severity, ruleId, reason: printable(reason), line, column });
  }
}

// C0/C1 controls (TAB kept), DEL, and invisible format characters.
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/g;

/** A message never carries a raw control or invisible character: `\x1b`, `U+200B`. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  });
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** One line per problem; warnings say so, errors read like compiler errors. */
export function formatProblem(path: string, p: Problem): string {
  const prefix = p.severity === 'warning' ? '警告：' : '';
  return `${path}:${p.line}:${p.column}: ${prefix}${p.reason} [${p.ruleId}]`;
}
