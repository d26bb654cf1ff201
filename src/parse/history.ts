/**
 * The dated events of a header: history lines (`2019年4月20日 中华人民共和国国务院令第713号公布`)
 * and bracketed 题注 (`（2020年6月15日…会议通过，自2020年7月31日起施行）`), read
 * as one stream so that an event may run over lines and a line may hold several events.
 */
import type { HistoryEventKind, Point, Position, PrintedEvent, Text } from '../tree/types.ts';
import { DATE_SOURCE, readDate } from './dates.ts';
import { squeeze } from './lines.ts';

/**
 * The verbs that close an event, longest first. Compound forms name the event by
 * what changed the text: `修订通过`, `修订发布`, `批准修订` are revisions.
 */
// Every alternative begins with a character, its lookbehind after the verb (`修改(?<!关于修改)` is
// `(?<!关于)修改`): the regex then rules out most positions by their first character, where a
// lookbehind in front was tried at every one.
const VERB = /通过(?:修订|修正)|修订(?:通过|发布|公布)|(?:批准|审议)?(?:第[一二三四五六七八九十]+次)?修订|(?:第[一二三四五六七八九十]+次)?修正(?!案)|修改(?<!关于修改)|审议通过|讨论通过|通过|批准|(?:公布|发布|颁布)施行|(?:公布|发布|颁布|印发)(?!之日)|起(?:施行|生效|实施|执行)|施行|生效|(?:执行|实施)(?<=日[\s\u3000]*(?:执行|实施))|废止/g;

const KIND: [RegExp, HistoryEventKind][] = [
  [/修订/, '修订'],
  [/修正|修改/, '修正'],
  [/施行|生效|实施|执行/, '施行'],
  [/通过/, '通过'],
  [/批准/, '批准'],
  [/公布|发布|颁布|印发/, '公布'],
  [/废止/, '废止'],
];

const DATE = new RegExp(DATE_SOURCE, 'g');
/** Characters between events: layout, list punctuation, brackets of a 题注. */
const SEPARATOR = /[\s\u3000\u00a0，、；。：:,;（）()]/;
const CONNECTIVE_BEFORE_DATE = /[自经于]/;
const PUBLISHED_ON = /(?:公布|发布|颁布|印发)之日/;
const DOC_NUMBER_IN_BODY = /^(.*?)((?:令|公告)\s*第\s*[0-9０-９〇零一二三四五六七八九十百千]+\s*号|第\s*[0-9０-９]+\s*号令?$|[\u4e00-\u9fa5]{1,12}[〔［[]\s*[0-9０-９]{4}\s*[〕］\]]\s*[0-9０-９]+\s*号)(.*)$/;

/**
 * The stream: every header line's characters run together (a line may break
 * anywhere, even inside a verb: `…修订` / `通过`). A character's source point is
 * worked out when an event needs it (a point object per character was most of
 * the cost of reading a header).
 */
interface Stream {
  text: string;
  /** The header texts, each with the stream index where it begins. */
  pieces: { at: number; text: Text }[];
}

function streamOf(texts: Text[]): Stream {
  let text = '';
  const pieces: Stream['pieces'] = [];
  for (const t of texts) {
    pieces.push({ at: text.length, text: t });
    text += t.value;
  }
  return { text, pieces };
}

/** The source point of the stream's character `i`: the last piece starting at or before it (binary search, so a header of many lines stays linear). */
function pointAt(stream: Stream, i: number): Point {
  const { pieces } = stream;
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pieces[mid]!.at <= i) lo = mid;
    else hi = mid - 1;
  }
  const { at, text } = pieces[lo]!;
  const { line, column, offset } = text.position.start;
  return { line, column: column + (i - at), offset: offset + (i - at) };
}

/** Depth in 《》 before each index (UTF-16 unit), so dates and verbs inside a cited title are skipped. */
function bookDepths(text: string): number[] {
  const depth = new Array<number>(text.length);
  let d = 0;
  for (let i = 0; i < text.length; i++) {
    depth[i] = d;
    const c = text.charCodeAt(i);
    if (c === 0x300a) d++; // 《
    else if (c === 0x300b) d = Math.max(0, d - 1); // 》
  }
  return depth;
}

/** Every event in the header lines, in printed order. */
export function readHistory(texts: Text[]): PrintedEvent[] {
  if (texts.length === 0) return [];
  const stream = streamOf(texts);
  const { text } = stream;
  const depth = bookDepths(text);
  const starts: { at: number; date: string | undefined }[] = [];
  DATE.lastIndex = 0; // exec, not matchAll, which clones the regex per call
  for (let m = DATE.exec(text); m; m = DATE.exec(text)) {
    if (depth[m.index] !== 0) continue;
    const at = m.index > 0 && CONNECTIVE_BEFORE_DATE.test(text[m.index - 1]!) ? m.index - 1 : m.index;
    starts.push({ at, date: readDate(m[0]) });
  }
  const segments = [{ at: 0, date: undefined as string | undefined }, ...starts];
  const events: PrintedEvent[] = [];
  let pending: { from: number; to: number; date?: string }[] = [];
  segments.forEach((seg, i) => {
    const end = segments[i + 1]?.at ?? text.length;
    if (end <= seg.at) return;
    let from = seg.at;
    let found = false;
    const verbs = matchesAtDepth0(text, depth, seg.at, end);
    verbs.forEach((v, k) => {
      const to = extendOverInstrument(text, v.end, end);
      // `…会议通过的《…决定》修正`: the verb after the instrument names the event.
      if (to > v.end && verbs[k + 1]?.start === to) return;
      const kinds = kindsOf(v.verb);
      for (const kind of kinds) {
        const date = PUBLISHED_ON.test(text.slice(from, to)) && kind === '施行' ? lastPublished(events) : seg.date;
        // A dated part without a verb of its own shares the next one (`…第1553次会议、2012年11月19日…通过`).
        for (const p of pending) events.push(eventOf(stream, p.from, p.to, kind, p.date));
        pending = [];
        events.push(eventOf(stream, from, to, kind, date));
      }
      from = to;
      found = true;
    });
    const rest = trimmed(text, from, end);
    if (!found && rest && seg.date) pending.push({ ...rest, date: seg.date });
  });
  // A date with no verb after it, under a title (`1985年12月30日`, `…国务院令第692号`), is when the text was issued.
  for (const p of pending) events.push(eventOf(stream, p.from, p.to, '公布', p.date));
  return events;
}

function matchesAtDepth0(text: string, depth: number[], from: number, to: number): { verb: string; start: number; end: number }[] {
  const out: { verb: string; start: number; end: number }[] = [];
  VERB.lastIndex = from;
  for (let m = VERB.exec(text); m && m.index < to; m = VERB.exec(text)) {
    if (m.index + m[0].length > to) break;
    if (depth[m.index] === 0) out.push({ verb: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** `…会议通过的《中华人民共和国宪法修正案》`: the instrument belongs to the event. */
function extendOverInstrument(text: string, at: number, limit: number): number {
  const m = /^的?《[^》]*》/.exec(text.slice(at, limit));
  return m ? at + m[0].length : at;
}

function kindsOf(verb: string): HistoryEventKind[] {
  if (/^(?:公布|发布|颁布)施行$/.test(verb)) return ['公布', '施行'];
  return [KIND.find(([re]) => re.test(verb))![1]];
}

function lastPublished(events: PrintedEvent[]): string | undefined {
  return events.findLast((e) => e.event === '公布' && e.date)?.date;
}

function trimmed(text: string, from: number, to: number): { from: number; to: number } | undefined {
  let a = from;
  let b = to;
  for (;;) {
    while (a < b && SEPARATOR.test(text[a]!)) a++;
    while (b > a && SEPARATOR.test(text[b - 1]!)) b--;
    if (text.startsWith('根据', a)) a += 2;
    else if (b - a >= 2 && text.slice(b - 2, b) === '根据') b -= 2;
    else break;
  }
  return a < b ? { from: a, to: b } : undefined;
}

function eventOf(stream: Stream, rawFrom: number, rawTo: number, event: HistoryEventKind, date: string | undefined): PrintedEvent {
  const { from, to } = trimmed(stream.text, rawFrom, rawTo) ?? { from: rawFrom, to: rawTo };
  const printed = stream.text.slice(from, to);
  const { body, docNumber, decision } = describe(printed);
  // An amendment adopted (`通过的《…修正案》`, `批准的《…关于修改…的决定》`) is the amendment.
  const kind = (event === '通过' || event === '批准') && decision && /修正案|修改|修正/.test(decision) ? '修正' : event;
  // Fields set one by one, in their JSON order (object spreads were a hot spot).
  const out = (date ? { date, event: kind } : { event: kind }) as PrintedEvent;
  if (body !== undefined) out.body = body;
  if (docNumber) out.docNumber = docNumber;
  if (decision) out.decision = decision;
  out.text = printed;
  out.position = positionOf(stream, from, to);
  return out;
}

const LEADING_DATE = new RegExp(`^[自经于]?${DATE_SOURCE}`); // built once, not per event

/** Who acted, under what number, by which decision: read off the event's text (undefined where it says none). */
function describe(printed: string): { body: string | undefined; docNumber: string | undefined; decision: string | undefined } {
  const decision = /《([^》]*)》/.exec(printed)?.[1];
  let body = printed
    .replace(LEADING_DATE, '')
    .replace(/《[^》]*》.*$/, '')
    .replace(VERB, '\u0000')
    .replace(/\u0000.*$/, '')
    .replace(/^[\s\u3000，、]*(?:经|由|在)?/, '')
    .replace(/(?:的|公告|[\s\u3000，、])+$/, '');
  let docNumber: string | undefined;
  // Every number form ends in 号: most bodies (a meeting, an organ) have none, and the pattern is slow to fail.
  const m = body.includes('号') ? DOC_NUMBER_IN_BODY.exec(body) : null;
  if (m) {
    docNumber = squeeze(m[1]! + m[2]!).replace(/^(?:经|由|以)/, '');
    body = m[1]!.trim();
  }
  if (/^自?(?:公布|发布|印发|颁布)之日|起$/.test(body)) body = '';
  return { body: body ? body.trim() : undefined, docNumber, decision };
}

function positionOf(stream: Stream, from: number, to: number): Position {
  const start = pointAt(stream, from);
  const last = pointAt(stream, to - 1);
  return { start, end: { line: last.line, column: last.column + 1, offset: last.offset + 1 } };
}
