/**
 * The build's one error type for bad content: located lines
 * (`file:line:column: reason [rule-id]`) and a hint saying what to fix. It is
 * Astro's user error (astro/errors), so Astro prints the lines and the hint
 * without an internal stack trace: the stack would point at our checking
 * code, not at the content that needs fixing.
 */
import { AstroError as AstroUserError } from 'astro/errors';
import { escapeForMessage } from './escape.ts';

export class ContentError extends AstroUserError {
  readonly messages: string[];

  constructor(messages: readonly string[], hint = '改正上面列出的位置后重新构建；在发布前检查单个文本：npm run validate -- FILE.txt') {
    // Quoted content may hold invisible or control characters: shown escaped, never raw (idempotent).
    const lines = messages.map(escapeForMessage);
    super(`内容有错误，未发布任何内容：\n${lines.join('\n')}`, hint);
    this.name = 'ContentError';
    this.messages = lines;
    // Astro prints `err.stack` when it is set; there is no code location to show.
    this.stack = '';
  }

  /**
   * Astro replaces the hint with its own "Browser APIs are not available" when
   * the error's string mentions `document` or `window` — which quoted content
   * may. The located lines are in `message`, which Astro prints as is.
   */
  override toString(): string {
    return this.name;
  }

  /** Several checks' errors as one, their hints kept in order without repeats. */
  static combine(errors: readonly ContentError[]): ContentError {
    const hints = [...new Set(errors.map((e) => e.hint).filter((h): h is string => !!h))];
    return new ContentError(errors.flatMap((e) => e.messages), hints.join('\n'));
  }
}

/** Any error carrying located content messages (the corpus loader's own type too) as a ContentError. */
export function asContentError(error: unknown): ContentError | undefined {
  if (error instanceof ContentError) return error;
  const messages: unknown = error instanceof Error ? (error as { messages?: unknown }).messages : undefined;
  if (Array.isArray(messages)) return new ContentError(messages.map(String));
  return undefined;
}
