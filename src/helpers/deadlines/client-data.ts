/**
 * The compact JSON the calculator page embeds: calendar plus rules, so that
 * compute.ts can run in the browser with no further requests.
 */
import { idInWords } from '../../tree/clause-words.ts';
import type { CalendarData } from './compute.ts';
import type { Rule } from './schema.ts';

type WithoutCovers<T> = T extends unknown ? Omit<T, 'covers'> : never;

/** A rule as the page needs it: `covers` is build-time only; `citation` is for display. */
export type ClientRule = WithoutCovers<Rule> & { citation: string };

export interface ClientData {
  calendar: CalendarData;
  rules: ClientRule[];
}

/** `art-43-p2` → `第四十三条第二款`; `art-39-p1-i3` → `第三十九条第一款第三项`. */
export function clauseCitation(clauseId: string): string {
  // Rules quote an article, 款 or 项 (the rules schema); the words are the one grammar's.
  if (!/^art-\d+(?:-p\d+(?:-i\d+)?)?$/.test(clauseId)) throw new RangeError(`无效条款 id：${clauseId}`);
  return idInWords(clauseId);
}

/**
 * Build the page's data. `years` trims the calendar to a window to keep the
 * page small; dates outside it are then honestly reported as uncovered.
 */
export function clientData(
  calendar: CalendarData,
  rules: readonly Rule[],
  years?: { from: number; to: number },
): ClientData {
  const inWindow = (year: number) => !years || (year >= years.from && year <= years.to);
  const trim = (record: Record<string, string>) =>
    Object.fromEntries(Object.entries(record).filter(([d]) => inWindow(Number(d.slice(0, 4)))));
  return {
    calendar: {
      years: calendar.years.filter(inWindow),
      holidays: trim(calendar.holidays),
      workdays: trim(calendar.workdays),
    },
    rules: rules.map(({ covers: _build, ...rule }) => ({ ...rule, citation: clauseCitation(rule.clause) })),
  };
}
