/** Metadata read off the parsed text: who issued it, when, under what number, what it replaces. */
import { plainText, articles } from '../tree/query.ts';
import type { Meta, Regulation, TopLevel } from '../tree/types.ts';
import { squeeze } from './lines.ts';
import { parseDate } from './patterns.ts';

const DATE = '[0-9０-９〇零一二三四五六七八九]{4}\\s*年\\s*[0-9０-９一二三四五六七八九十]{1,3}\\s*月\\s*[0-9０-９一二三四五六七八九十]{1,3}\\s*日';
const ADOPTED = new RegExp(`(${DATE})\\s*(.*?)(?:审议)?通过`);
const EFFECTIVE = new RegExp(`自\\s*(${DATE}|[^，。；]{1,12}?之日)\\s*起(?:施行|执行|实施|生效)`);
const REPEALS = new RegExp(`(?:(${DATE})[^《。；]*?)?《([^》]+)》(?:[（(]([^）)]*号)[）)])?(?:[^。；《]*?)(?:同时)?(?:废止|停止执行|不再执行)`);

export function readMeta(children: TopLevel[], slug: string): Meta {
  const notice = children.find((c) => c.type === 'notice');
  const promulgation = children.find((c) => c.type === 'promulgation');
  const header = children.find((c) => c.type === 'header');
  const titleTexts = header?.children.filter((t) => t.role === 'title') ?? [];
  const meta: Meta = { title: titleTexts.length ? squeeze(titleTexts.map((t) => t.value).join('')) : slug };

  const issuer = notice?.signer ?? promulgation?.issuer;
  if (issuer) meta.issuer = issuer;
  const docNumber = notice?.docNumber ?? (promulgation?.orderNumber ? `${promulgation.issuer ?? ''}令${promulgation.orderNumber}` : undefined);
  if (docNumber) meta.docNumber = docNumber;
  const issued = notice?.date ?? promulgation?.date;
  if (issued) meta.issued = issued;

  const adoptionTexts = [
    ...(header?.children.filter((t) => t.role === 'adoption').map((t) => t.value.replace(/^[（(]|[）)]$/g, '')) ?? []),
    ...(promulgation?.sentence ? [promulgation.sentence] : []),
  ];
  for (const text of adoptionTexts) {
    const m = ADOPTED.exec(text);
    if (!m) continue;
    const date = parseDate(m[1]!);
    const body = m[2]!.replace(/^(?:经|在)/, '').trim();
    meta.adopted = { ...(date ? { date } : {}), ...(body ? { body } : {}), text };
    break;
  }

  // The closing articles say when the rules take effect and what they replace.
  const closing = [...articles({ children } as Regulation)].reverse().slice(0, 3).map((a) => plainText(a));
  if (promulgation?.sentence) closing.push(promulgation.sentence);
  for (const text of closing) {
    const m = EFFECTIVE.exec(text);
    if (!m) continue;
    const date = parseDate(m[1]!) ?? (/^(?:印发|发布|公布|颁布)之日$/.test(m[1]!) ? issued : undefined);
    meta.effective = { text: m[0], ...(date ? { date } : {}) };
    break;
  }
  for (const text of closing) {
    const m = REPEALS.exec(text);
    if (!m) continue;
    const date = m[1] ? parseDate(m[1]) : undefined;
    meta.repeals = { title: m[2]!, ...(m[3] ? { docNumber: m[3] } : {}), ...(date ? { date } : {}), text: m[0] };
    break;
  }

  const disclosure = notice?.disclosure;
  if (disclosure) meta.disclosure = disclosure;
  return meta;
}
