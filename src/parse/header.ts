/**
 * The regulation's own title block: the title (one line, or two when it wraps),
 * then any run of history lines, bracketed 题注, a repeated title and a 文号 —
 * everything a header prints before the preamble or body.
 */
import type { Header, Text } from '../tree/types.ts';
import { DATE_SOURCE } from './dates.ts';
import { squeeze, type Line } from './lines.ts';
import { DOC_NUMBER } from './patterns.ts';
import { textNode } from './text-node.ts';

/** A history line starts with its date (or `根据`/`自` and a date), optionally inside an opening bracket. */
const HISTORY_START = new RegExp(`^[（(]?\\s*(?:根据|自|经|于)?\\s*${DATE_SOURCE}`);
/** A date broken before its 日 (`2014年9月26` / `日山东省…批准`): the line goes on with the rest of the event. */
const BROKEN_DATE = /^[0-9０-９]{4}\s*年\s*[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}$/;
const SENTENCE_END = /[。；：]$/;
const BRACKET_OPEN = /^[（(]/;
const BRACKET_CLOSE = /[）)]$/;
const HAS_EVENT = new RegExp(`${DATE_SOURCE}|通过|批准|公布|发布|施行|修正|修订`);
/** A line that is only the end of an event, its date on an earlier line or none printed (`公布之日施行`, `…第三十次会议通过）`). */
const EVENT_TAIL = /(?:通过|批准|公布|发布|施行|修正|修订|生效)[）)]?$/;
/** A verb that closes an event: a history line without one continues on the next line. */
const CLOSED = /(?:通过|批准|公布|发布|颁布|印发|施行|生效|实施|执行|修正|修订|修改|废止)[）)。，,]?$/;
/** The last word of a complete title; a first line without one is a title that wraps. */
const TITLE_END = /(?:法|法典|条例|规定|办法|细则|规则|决定|决议|解释|批复|通知|意见|标准|章程|方案|规划|纲要|守则|公约|协定|修正案|[）)])$/;
const BRACKETED_BLOCK_MAX = 6;
const TITLE_BRACKET = /^[（(][^（()）]{1,10}[）)]$/;

export function startsHistory(content: string): boolean {
  return HISTORY_START.test(content);
}

/**
 * Title, then header lines: `rest` are the non-blank lines after any wrapper.
 * Undefined when there is no title: the first line is a sentence, or a history
 * line with no 印发通知 before it to hold the title.
 */
export function takeHeader(rest: Line[], afterNotice: boolean): { header: Header; used: number } | undefined {
  const first = rest[0];
  if (!first || /[。；，：]$/.test(first.content)) return undefined;
  // The title printed above its 印发通知 (then the notice holds it): the header is only the lines after the notice.
  const untitled = startsHistory(first.content);
  if (untitled && !afterNotice) return undefined;
  const children: Text[] = untitled ? [] : [textNode(first, 0, 'title')];
  let i = untitled ? 0 : 1;
  // The title so far, normalised: `normal` only deletes characters, so it is built line by line
  // (normalising the whole title again per line was costly on texts printed as one long line).
  let fullTitle = untitled ? '' : normal(first.content);
  // A long title breaks over lines with no blank line between and no sentence punctuation.
  while (!untitled && i < rest.length && adjacent(rest, i) && continuesTitle(rest, i, fullTitle)) {
    children.push(textNode(rest[i]!, 0, 'title'));
    fullTitle += normal(rest[i]!.content);
    i++;
  }
  for (;;) {
    const line = rest[i];
    if (!line) break;
    const c = line.content;
    const repeat = repeatedTitle(rest, i, fullTitle);
    if ((startsHistory(c) && !isSentence(c)) || BROKEN_DATE.test(c)) {
      i = takeHistoryLine(rest, i, children, fullTitle);
    } else if (BRACKET_OPEN.test(c) && bracketEnd(rest, i) !== undefined) {
      const end = bracketEnd(rest, i)!;
      for (; i <= end; i++) children.push(textNode(rest[i]!, 0, 'adoption'));
    } else if (DOC_NUMBER.test(c)) {
      children.push(textNode(line, 0, 'docNumber'));
      i++;
    } else if (repeat) {
      for (let k = 0; k < repeat; k++) children.push(textNode(rest[i + k]!, 0, 'title'));
      i += repeat;
    } else if (EVENT_TAIL.test(c) && !/[。；：]/.test(c) && c.length <= 80) {
      children.push(textNode(line, 0, 'adoption'));
      i++;
    } else break;
  }
  const header: Header = {
    type: 'header',
    id: 'header',
    children,
    position: { start: children[0]!.position.start, end: children.at(-1)!.position.end },
  };
  return { header, used: i };
}

/** A history line and the lines it wraps onto while its event is unfinished (no closing verb, or inside 《》). */
function takeHistoryLine(rest: Line[], i: number, children: Text[], title: string): number {
  let text = rest[i]!.content;
  children.push(textNode(rest[i]!, 0, 'adoption'));
  i++;
  while (i < rest.length && unfinished(text)) {
    const c = rest[i]!.content;
    if (startsHistory(c) || DOC_NUMBER.test(c) || repeatedTitle(rest, i, title) || SENTENCE_END.test(c)) break;
    children.push(textNode(rest[i]!, 0, 'adoption'));
    text += c;
    i++;
  }
  return i;
}

/** A dated sentence of a preamble (`2018年5月24日至28日，…。`), not a history line: it ends like prose, not with an event. */
function isSentence(content: string): boolean {
  return SENTENCE_END.test(content) && !CLOSED.test(content);
}

function unfinished(text: string): boolean {
  const open = (text.match(/《/g)?.length ?? 0) > (text.match(/》/g)?.length ?? 0);
  // `…会议通过的《中华人民共和国宪法修正案》`: the instrument after the verb closes nothing.
  return open || !CLOSED.test(text.replace(/\s*根据$/, '').replace(/的?《[^》]*》[）)]?$/, '').trim());
}

/** Index of the line closing a 题注 that opens at `i` (the same line if it closes there). */
function bracketEnd(rest: Line[], i: number): number | undefined {
  let text = '';
  for (let k = i; k < rest.length && k < i + BRACKETED_BLOCK_MAX; k++) {
    if (k > i && !adjacent(rest, k)) return undefined;
    text += rest[k]!.content;
    if (BRACKET_CLOSE.test(rest[k]!.content)) {
      // A one-line bracket is a 题注 as before; a longer one must say what happened.
      return k === i || HAS_EVENT.test(text) ? k : undefined;
    }
  }
  return undefined;
}

/**
 * How many lines from `i` print the title again (`最高人民法院` / `关于…的规定`),
 * ignoring layout and the 、 between two issuers; 0 if they do not.
 */
function repeatedTitle(rest: Line[], i: number, title: string): number {
  let acc = '';
  for (let k = i; k < rest.length && k < i + 4; k++) {
    acc += normal(rest[k]!.content);
    if (acc === title) return k - i + 1;
    if (!title.startsWith(acc)) return 0;
  }
  return 0;
}

/**
 * The title's own lines in a header: the first run of title lines, up to the
 * line that starts printing the title again (which `takeHeader` never glues on).
 */
export function titleLines(header: Header): Text[] {
  const out: Text[] = [];
  for (const t of header.children) {
    if (t.role !== 'title' || (out.length && normal(out.map((x) => x.value).join('')).startsWith(normal(t.value)))) break;
    out.push(t);
  }
  return out;
}

function normal(text: string): string {
  return squeeze(text).replace(/[、，·]/g, '');
}

function adjacent(rest: Line[], i: number): boolean {
  return rest[i]!.number === rest[i - 1]!.number + 1;
}

/**
 * Line `i` continues the title if it is short, unpunctuated, not a header line
 * of another kind, and either the title so far is visibly incomplete or the
 * header's dated lines follow right after it (`中华人民共和国民法典` / `人格权编` / history line).
 */
function continuesTitle(rest: Line[], i: number, titleSoFar: string): boolean {
  const c = rest[i]!.content;
  // `（试行）`, `（草案）` under the title are part of it; a bracket that dates or records an event is a 题注.
  if (TITLE_BRACKET.test(c) && !HAS_EVENT.test(c)) return true;
  if (c.length > 30 || /[。；，：、]/.test(c) || BRACKET_OPEN.test(c) || startsHistory(c) || DOC_NUMBER.test(c)) return false;
  if (titleSoFar.startsWith(normal(c))) return false; // the title printed again
  if (!TITLE_END.test(titleSoFar)) return true;
  // A complete title with a short line under it: a part name (`人格权编`) only if the header goes on, never a stray heading (`总则`).
  const next = rest[i + 1];
  return !!next && adjacent(rest, i + 1) && (startsHistory(next.content) || BRACKET_OPEN.test(next.content));
}

