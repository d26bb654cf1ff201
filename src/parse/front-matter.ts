/**
 * Everything before the body: an optional wrapper (印发通知 or a 令 with its
 * promulgation sentence), the regulation's title block, and a preamble.
 */
import type { Notice, Paragraph, Preamble, Promulgation, Text, TopLevel } from '../tree/types.ts';
import { squeeze, type Line } from './lines.ts';
import { DATE_LINE, DOC_NUMBER, ORDER_NUMBER, parseDate } from './patterns.ts';
import { startsHistory, takeHeader } from './header.ts';
import { span, textNode } from './text-node.ts';

const DISCLOSURE = /^[（(](此件[^）)]*)[）)]$/;

/** Wrapper, header and preamble. Without a title line there is no header (the caller reports it). */
export function buildFrontMatter(lines: Line[]): TopLevel[] {
  const nonblank = lines.filter((l) => l.content);
  if (nonblank.length === 0) return [];
  const out: TopLevel[] = [];
  let rest = nonblank;

  const promulgation = takePromulgation(rest);
  if (promulgation) {
    out.push(promulgation.node);
    rest = promulgation.rest;
  } else {
    const notice = takeNotice(lines, rest);
    if (notice) {
      out.push(notice.node);
      rest = notice.rest;
    }
  }

  const taken = takeHeader(rest, out[0]?.type === 'notice');
  if (!taken) {
    if (rest.length) out.push(preamble(rest));
    return out;
  }
  out.push(taken.header);
  if (taken.used < rest.length) out.push(preamble(rest.slice(taken.used)));
  return out;
}

/** `中华人民共和国国务院令` / `第797号` / promulgation sentence / signer / date. */
function takePromulgation(lines: Line[]): { node: Promulgation; rest: Line[] } | undefined {
  const [first, second] = lines;
  if (!first || !second || !/令$/.test(first.content) || !ORDER_NUMBER.test(second.content)) return undefined;
  const dateIndex = lines.findIndex((l, i) => i > 1 && DATE_LINE.test(l.content));
  if (dateIndex < 0) return undefined;
  const children: Text[] = [textNode(first, 0, 'title'), textNode(second, 0, 'orderNumber')];
  const sentences: string[] = [];
  let signer: string | undefined;
  for (let i = 2; i < dateIndex; i++) {
    const line = lines[i]!;
    const isSigner = i === dateIndex - 1 && !/[。，；]/.test(line.content) && line.content.length <= 20;
    children.push(textNode(line, 0, isSigner ? 'signer' : 'body'));
    if (isSigner) signer = line.content;
    else sentences.push(line.content);
  }
  const dateLine = lines[dateIndex]!;
  children.push(textNode(dateLine, 0, 'date'));
  const date = parseDate(dateLine.content);
  const node: Promulgation = {
    type: 'promulgation',
    id: 'promulgation',
    issuer: first.content.replace(/令$/, ''),
    orderNumber: squeeze(second.content),
    ...(sentences.length ? { sentence: sentences.join('') } : {}),
    ...(signer ? { signer } : {}),
    ...(date ? { date } : {}),
    children,
    position: { start: children[0]!.position.start, end: children.at(-1)!.position.end },
  };
  return { node, rest: lines.slice(dateIndex + 1) };
}

/**
 * Index of the line that repeats the title cited in a notice's first block
 * (`关于印发《X》的通知` … `X`), where the regulation itself begins.
 */
export function citedTitleLine(lines: Line[]): number | undefined {
  const first = lines.findIndex((l) => l.content);
  if (first < 0) return undefined;
  // A notice title runs over a few lines at most; a longer first block is not one.
  let end = first;
  while (end < lines.length && end - first < 4 && inTitleBlock(lines[end]!)) end++;
  const title = lines.slice(first, end).map((l) => l.content).join('');
  if (!NOTICE_TITLE.test(title)) return undefined;
  const cited = [...title.matchAll(/《([^》]+)》/g)].at(-1)?.[1];
  if (!cited) return undefined;
  const at = lineOf(lines, end, cited);
  return at < 0 ? undefined : at;
}

/** The first line from `from` on whose content, layout squeezed out, is `words` squeezed; -1 if none. */
function lineOf(lines: Line[], from: number, words: string): number {
  const want = squeeze(words);
  for (let i = from; i < lines.length; i++) {
    const c = lines[i]!.content;
    // Squeezing only shortens, and a content never starts with layout: two looks rule out
    // almost every line without building its squeezed copy (this ran on every line of a text).
    if (want && (c.length < want.length || c.charCodeAt(0) !== want.charCodeAt(0))) continue;
    if (squeeze(c) === want) return i;
  }
  return -1;
}

const NOTICE_TITLE = /印发|通知|公布|颁布|发布/;

/** A notice's title block runs to the first blank line; a history line or 文号 (texts without blank lines) ends it too. */
function inTitleBlock(line: Line): boolean {
  return !!line.content && !startsHistory(line.content) && !DOC_NUMBER.test(line.content);
}

/**
 * A 印发通知: a title block mentioning 印发/通知, then 文号, addressees, body,
 * signing organ, date, and a disclosure note. It ends where the regulation's
 * own title (the 《…》 in the notice title) appears on a line by itself.
 */
function takeNotice(all: Line[], lines: Line[]): { node: Notice; rest: Line[] } | undefined {
  const first = lines[0]!;
  // The notice title is the first block of non-blank lines.
  const titleLines: Line[] = [];
  for (let n = first.number - 1; n < all.length && inTitleBlock(all[n]!); n++) titleLines.push(all[n]!);
  const title = titleLines.map((l) => l.content).join('');
  if (!NOTICE_TITLE.test(title) || /[。；]$/.test(title)) return undefined;
  const cited = [...title.matchAll(/《([^》]+)》/g)].at(-1)?.[1];
  let end = cited ? lineOf(lines, titleLines.length, cited) : -1;
  if (end < 0) {
    // No line repeats the cited title: the notice ends after its date (and disclosure note).
    const dateAt = lines.findIndex((l) => DATE_LINE.test(l.content));
    if (dateAt < 0) return undefined;
    end = dateAt + 1;
    if (lines[end] && DISCLOSURE.test(lines[end]!.content)) end++;
  }
  const body = lines.slice(0, end);
  const children: Text[] = [];
  const node: Notice = { type: 'notice', id: 'notice', title, children, position: span(first, 0, first.content.length) };
  const dateAt = body.findIndex((l) => DATE_LINE.test(l.content));
  body.forEach((line, i) => {
    const c = line.content;
    let role: Text['role'] = 'body';
    if (i < titleLines.length) role = 'title';
    else if (DOC_NUMBER.test(c) && !node.docNumber) {
      role = 'docNumber';
      node.docNumber = squeeze(c);
    } else if (/[：:]$/.test(c) && !node.addressees && (dateAt < 0 || i < dateAt)) {
      role = 'addressee';
      node.addressees = c.slice(0, -1);
    } else if (i === dateAt) {
      role = 'date';
      const date = parseDate(c);
      if (date) node.date = date;
    } else if (i === dateAt - 1 && c.length <= 30 && !/[。，；：]/.test(c)) {
      role = 'signer';
      node.signer = c;
    } else if (DISCLOSURE.test(c)) {
      role = 'disclosure';
      node.disclosure = DISCLOSURE.exec(c)![1]!;
    }
    children.push(textNode(line, 0, role));
  });
  node.position = { start: children[0]!.position.start, end: children.at(-1)!.position.end };
  return { node, rest: lines.slice(end) };
}

function preamble(lines: Line[]): Preamble {
  const children: Paragraph[] = lines.map((line, k) => ({
    type: 'paragraph',
    number: k + 1,
    id: `preamble-p${k + 1}`,
    children: [textNode(line)],
    position: span(line, 0, line.content.length),
  }));
  return {
    type: 'preamble',
    id: 'preamble',
    children,
    position: { start: children[0]!.position.start, end: children.at(-1)!.position.end },
  };
}
