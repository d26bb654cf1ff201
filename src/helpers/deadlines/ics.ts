/**
 * An RFC 5545 calendar file for one computed deadline. Browser-safe (no Node
 * imports) so the calculator page can offer the download without a server.
 */

export interface IcsDeadline {
  ruleId: string;
  ruleName: string;
  /** The date (or date-time) the user counted from; with `ruleId` it makes the UID. */
  from: string;
  /** `YYYY-MM-DD` becomes an all-day event; `YYYY-MM-DDTHH:mm` is Beijing time. */
  due: string;
  quote: string;
  /** Where the rule says so: `《北京市朝阳区人民政府工作规则》第四十三条第二款`. */
  citation: string;
  url: string;
  /** DTSTAMP; defaults to now. */
  stamp?: Date;
}

/** TEXT escaping (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value.replace(/[\\;,]/g, '\\$&').replace(/\r?\n/g, '\\n');
}

function octets(ch: string): number {
  const cp = ch.codePointAt(0)!;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/** Fold to lines of at most 75 octets without splitting a UTF-8 character (RFC 5545 §3.1). */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    // A continuation line's leading space counts toward its 75 octets.
    if (size + octets(ch) > (lines.length === 0 ? 75 : 74)) {
      lines.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += octets(ch);
  }
  lines.push(current);
  return lines.join('\r\n ');
}

/** `2026-11-26T14:30` Beijing (UTC+8 all year, no daylight saving) → `20261126T063000Z`. */
function utcStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]|\.\d{3}/g, '');
}

function dateProps(due: string): string[] {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(due);
  if (!m) throw new RangeError(`无效日期：${due}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  if (m[4] !== undefined) return [`DTSTART:${utcStamp(Date.UTC(y, mo, d, Number(m[4]) - 8, Number(m[5])))}`];
  const day = (offset: number) => utcStamp(Date.UTC(y, mo, d + offset)).slice(0, 8);
  return [`DTSTART;VALUE=DATE:${day(0)}`, `DTEND;VALUE=DATE:${day(1)}`];
}

export function deadlineIcs(e: IcsDeadline): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//regulations-portal//deadlines//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    // Stable per rule and starting date, so a re-download updates the same event.
    `UID:${e.ruleId}-${e.from.replace(/[-:]/g, '')}@regulations-portal`,
    `DTSTAMP:${utcStamp((e.stamp ?? new Date()).getTime())}`,
    ...dateProps(e.due),
    `SUMMARY:${escapeText(`截止：${e.ruleName}`)}`,
    `DESCRIPTION:${escapeText(`依据${e.citation}：“${e.quote}”\n起算：${e.from}\n${e.url}`)}`,
    `URL:${e.url}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
