/** Metadata read off the parsed text: what it is, who issued it, when, under what number, what it replaces. */
import { firstArticle, lastArticles, plainText } from '../tree/query.ts';
import type { PrintedEvent, Meta, Notice, Promulgation, TopLevel } from '../tree/types.ts';
import { DATE_SOURCE, readDate } from './dates.ts';
import { titleLines } from './header.ts';
import { readHistory } from './history.ts';
import { kindOf } from './kind.ts';
import { squeeze } from './lines.ts';

const DATE = DATE_SOURCE;
const ADOPTED = new RegExp(`(${DATE})\\s*(.*?)(?:审议)?通过`);
const EFFECTIVE = new RegExp(`自\\s*(${DATE}|[^，。；]{1,12}?之日)\\s*起(?:施行|执行|实施|生效)`);
// Bounded runs (a title is never 200 characters, nor 《 inside it): an unclosed 《 must not make the scan quadratic.
const REPEAL_VERB = /废止|停止执行|不再执行/;
const REPEALS = new RegExp(`(?:(${DATE})[^《。；]{0,200}?)?《([^《》]{1,200})》(?:[（(]([^）)]{0,40}号)[）)])?(?:[^。；《]{0,200}?)(?:同时)?(?:废止|停止执行|不再执行)`);

export function readMeta(children: TopLevel[], slug: string, folder?: string): Meta {
  const notice = children.find((c) => c.type === 'notice');
  const promulgation = children.find((c) => c.type === 'promulgation');
  const header = children.find((c) => c.type === 'header');
  const headerTexts = header?.children ?? [];
  const titleTexts = header ? titleLines(header) : [];
  const title = titleTexts.length ? squeeze(titleTexts.map((t) => t.value).join('')) : (titleAboveNotice(notice) ?? slug);
  const adoptionLines = headerTexts.filter((t) => t.role === 'adoption');
  // Printed order: a wrapper's date comes before the header's 题注.
  const history = [...readHistory(adoptionLines), ...wrapperEvents(notice ?? promulgation)].sort((a, b) => a.position.start.offset - b.position.start.offset);
  const meta: Meta = { title, kind: '其他' };

  // A 修订 under its own 令 (no amending decision) promulgated the whole revised text anew: it is this version's publication.
  const published = history.filter((h) => h.event === '公布' || (h.event === '修订' && !h.decision && h.docNumber?.includes('令')));
  const issuer =
    notice?.signer ??
    promulgation?.issuer ??
    titleIssuer(title) ??
    organOf(published.findLast((h) => h.body)?.body) ??
    organOf(history.find((h) => h.event === '通过' && h.body)?.body) ??
    organOf(history.find((h) => h.body)?.body);
  if (issuer) meta.issuer = issuer;
  const headerDocNumber = headerTexts.find((t) => t.role === 'docNumber')?.value;
  const docNumber =
    notice?.docNumber ??
    (promulgation?.orderNumber ? `${promulgation.issuer ?? ''}令${promulgation.orderNumber}` : undefined) ??
    (headerDocNumber ? squeeze(headerDocNumber) : undefined) ??
    published.findLast((h) => h.docNumber)?.docNumber ??
    history.findLast((h) => h.docNumber)?.docNumber;
  if (docNumber) meta.docNumber = docNumber;
  // Only a printed publication date is `issued`: a law's adoption date is `adopted`, never guessed to be both.
  const issued = notice?.date ?? promulgation?.date ?? published.findLast((h) => h.date)?.date;
  if (issued) meta.issued = issued;

  // Fields are set one by one in printed order, not spread: object spreads were a hot spot here.
  const firstAdoption = history.find((h) => h.event === '通过');
  if (firstAdoption) {
    meta.adopted = adoption(firstAdoption.date, firstAdoption.body, firstAdoption.text);
  } else if (promulgation?.sentence) {
    const m = ADOPTED.exec(promulgation.sentence);
    if (m) meta.adopted = adoption(readDate(m[1]!), m[2]!.replace(/^(?:经|在)/, '').trim(), promulgation.sentence);
  }

  const inForce = history.findLast((h) => h.event === '施行');
  if (inForce) meta.effective = effective(inForce.text, inForce.date);
  const amendment = history.findLast((h) => (h.event === '修正' || h.event === '修订') && h.date);
  if (amendment?.date) meta.amended = amendment.date;

  // The closing articles say when the rules take effect (unless the header did) and what they replace.
  const closing = lastArticles({ children }, 3).map((a) => plainText(a));
  if (promulgation?.sentence) closing.push(promulgation.sentence);
  for (const text of meta.effective ? [] : closing) {
    const m = EFFECTIVE.exec(text);
    if (!m) continue;
    meta.effective = effective(m[0], readDate(m[1]!) ?? (/^(?:印发|发布|公布|颁布)之日$/.test(m[1]!) ? issued : undefined));
    break;
  }
  for (const text of closing) {
    // Every match holds a 《 and a verb of repeal: most closing articles have neither, and the regex has no quick start.
    if (!text.includes('《') || !REPEAL_VERB.test(text)) continue;
    const m = REPEALS.exec(text);
    if (!m) continue;
    // Set in JSON order, `text` last.
    const repeals = { title: m[2]! } as NonNullable<Meta['repeals']>;
    if (m[3]) repeals.docNumber = m[3];
    const date = m[1] ? readDate(m[1]) : undefined;
    if (date) repeals.date = date;
    repeals.text = m[0];
    meta.repeals = repeals;
    break;
  }

  const disclosure = notice?.disclosure;
  if (disclosure) meta.disclosure = disclosure;
  if (history.length) meta.history = history;
  meta.kind = kindOf({
    folder,
    title,
    issuer: meta.issuer,
    docNumber: meta.docNumber,
    history,
    byNotice: !!notice,
    outline: !!firstArticle({ children })?.label.endsWith('、'),
    promulgatedBy: promulgation?.issuer,
  });
  return meta;
}

function adoption(date: string | undefined, body: string | undefined, text: string): NonNullable<Meta['adopted']> {
  if (date && body) return { date, body, text };
  if (date) return { date, text };
  return body ? { body, text } : { text };
}

function effective(text: string, date: string | undefined): NonNullable<Meta['effective']> {
  return date ? { text, date } : { text };
}

/** The date a 印发通知 or 令 is signed is when the text was published: one 公布 event. */
function wrapperEvents(wrapper: Notice | Promulgation | undefined): PrintedEvent[] {
  const dateLine = wrapper?.children.find((t) => t.role === 'date');
  if (!wrapper || !dateLine || !wrapper.date) return [];
  const body = wrapper.type === 'notice' ? wrapper.signer : wrapper.issuer;
  const docNumber =
    wrapper.type === 'notice' ? wrapper.docNumber : wrapper.orderNumber ? `${wrapper.issuer ?? ''}令${wrapper.orderNumber}` : undefined;
  return [
    { date: wrapper.date, event: '公布', ...(body ? { body } : {}), ...(docNumber ? { docNumber } : {}), text: dateLine.value, position: dateLine.position },
  ];
}

/** `工资支付暂行规定` / `关于印发《工资支付暂行规定》的通知`: a title printed as the first line of its notice's title block. */
function titleAboveNotice(notice: Notice | undefined): string | undefined {
  const lines = notice?.children.filter((t) => t.role === 'title') ?? [];
  const first = lines[0]?.value;
  return lines.length > 1 && first && !/印发|通知|公布|颁布|发布/.test(first) && notice!.title.includes(first) ? squeeze(first) : undefined;
}

/** `最高人民法院、最高人民检察院关于…`: the organ that speaks in the title, before any 《》. */
function titleIssuer(title: string): string | undefined {
  return /^([^《]{2,40}?(?:人民政府|人民法院|人民检察院|委员会|大会|国务院|办公厅|办公室|总局|部|局|署|院|行))关于/.exec(title)?.[1];
}

/** `第十届全国人民代表大会常务委员会第二十三次会议` → `全国人民代表大会常务委员会`: the organ without session and meeting. */
function organOf(body: string | undefined): string | undefined {
  if (!body) return undefined;
  const organ = body
    .replace(/第?[一二三四五六七八九十百零〇0-9０-９]+届/g, '')
    .replace(/第?[一二三四五六七八九十百零〇0-9０-９]+次.*$/, '')
    .replace(/(?:审判委员会|检察委员会|部长办公会议|局务会议|常务会议|办公会议|主任会议|全体会议|会议|公告).*$/, '')
    .trim();
  return organ || undefined;
}
