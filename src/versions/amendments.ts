/**
 * Amendment statements of official amending texts: decisions
 * (…关于修改《…》的决定, one work or 等二十七件 under `修改《…》` headings) and
 * 修正案 (刑法修正案, 宪法修正案). Each statement says what happens to which
 * article of the amended version, in its numbering:
 *
 *   将第六条修改为：…            将刑法第一百一十四条第二款修改为：…   → modify 第六条
 *   删除第五条、第九条。          删去刑法第十条第二款。              → delete 第五条, 第九条 / modify 第十条
 *   增加一条，作为第四条：…      在刑法第十二条后增加一条，作为第十二条之一：… → add 第四条 / 第十二条之一
 *   原第四条作为第五条。          原第十条作为第十一条，修改为：…      → renumber 4 → 5 (and modify)
 *   将第六条和第七条合并修改为：…                                     → merge 6 and 7 into 6
 *   条文顺序作相应调整。                                              → the articles left are renumbered in order
 *
 * Quoted new words (“…”) are never read as statements. A text whose title is
 * not a decision or 修正案 has none: ordinary texts that mention 修改为 are
 * not amendments.
 */
import { NUMERAL, parseNumeral } from '../parse/numerals.ts';
import { textsWithClause } from '../tree/walk.ts';
import type { Regulation, Text } from '../tree/types.ts';

export type StatementOp = 'modify' | 'delete' | 'add' | 'renumber' | 'merge' | 'other';

export interface ArticleWords {
  /** `art-6`, `art-12-1`. */
  id: string;
  /** Offsets of the words (第六条…) in the text node's value. */
  start: number;
  end: number;
  /** In the amended version's numbering (old) or the new version's (new). */
  side: 'old' | 'new';
}

export interface Statement {
  op: StatementOp;
  /** Old articles it names (modify, delete, renumber, merge: the first is kept). */
  old: string[];
  /** New articles it makes (add; renumber: the new number). */
  new: string[];
  /** A renumbered article whose words change too (原第十条作为第十一条，修改为). */
  modified?: boolean;
  /** The decision's clause holding the statement, and its words. */
  clause: string;
  text: Text;
  words: ArticleWords[];
}

export interface Amendment {
  /** The amended work as the decision names it (without book-title marks). */
  target: string;
  statements: Statement[];
  /** 条文顺序作相应调整: the articles not named are renumbered in order. */
  reorder: boolean;
}

const N = `(?:${NUMERAL})`;
const ART = `第(${N})条(?:之(${N}))?`;
/** A work named before the article: 刑法, 宪法, 《解释》; 原 (the old numbering). */
const WORK = `(?:《[^》]{1,80}》|[\\p{Script=Han}]{1,12}?法)?原?`;
/** A label the text kept (1. / 1．/ 一、 written into a paragraph). */
const LABEL = /^(?:[0-9０-９]+[.．、]|[〇一二三四五六七八九十]+、)\s*/;
const ARTICLE_G = new RegExp(ART, 'gu');
const COUNT = '[一二两三四五六七八九十]+';

const DELETE = new RegExp(`^(?:删除|删去)${WORK}((?:${ART}[、，和及]?)+)[。；]?$`, 'u');
const RENUMBER = new RegExp(`^将?${WORK}(${ART})(?:作为|改为)(?:修改后《[^》]+》)?(${ART})(，?修改为)?`, 'u');
const ADD = new RegExp(`^(?:在?${WORK}(${ART})(?:后|之后))?增加${COUNT}条，?作为${WORK}((?:${ART}[、，和及]?)+)`, 'u');
const MERGE = new RegExp(`^将${WORK}(${ART})(?:和|与|、)${WORK}(${ART})合并`, 'u');
const MODIFY = new RegExp(`^(?:将|在)?${WORK}(${ART}).*?(?:修改为|改为|增加|增写|删去|删除|修改)`, 'u');
/** Deleting less than whole articles (删去第二条中的“…”, 删去第十条第二款) changes the article. */
const DELETE_PART = new RegExp(`^(?:删除|删去)${WORK}(${ART})`, 'u');
const OTHER = new RegExp(`^将?${WORK}(?:引言|名称|标题|正文|序言|第[^条“]{1,10}(?:段|部分|章|节))`, 'u');
const REORDER = /条文顺序作相应调整|调整条文顺序|条文顺序相应调整/u;
/** 关于修改《X》的决定, 关于修改《X》等N件…的决定; X修正案. */
const DECISION_TITLE = /关于修改《(.+?)》(?:等.*)?的决定$/u;
const AMENDMENT_TITLE = /^(.+?)修正案(?:[（(].*[）)])?$/u;
/** A section of a many-works decision: 修改《X》. */
const SECTION = /^修改《(.+)》$/u;

/** The amendments an official amending text makes (one per work it amends); none for other texts. */
export function readAmendments(tree: Regulation): Amendment[] {
  const title = tree.meta.title.replace(/\s+/g, '');
  const decision = DECISION_TITLE.exec(title)?.[1];
  const target = decision ?? AMENDMENT_TITLE.exec(title)?.[1];
  if (!target) return [];
  const out: Amendment[] = [];
  let current: Amendment = { target: unmark(target), statements: [], reorder: false };
  out.push(current);
  // Inside new words quoted over several paragraphs nothing is a statement. Each paragraph of a
  // quotation may open with “, only the last closes it: a quote is open while a paragraph's last mark is “.
  let open = false;
  let lastArticle = '';
  for (const { text, clause } of textsWithClause(tree)) {
    if (clause === 'header' || text.role) continue;
    // A new article of the decision, a numbered paragraph (1.) or a 修改《X》 heading starts afresh:
    // a quote a defective text left open (刑法修正案（九）第二十三条) ends there.
    const article = clause.replace(/-p\d+.*$/, '');
    const inQuote = open && article === lastArticle && !LABEL.test(text.value) && !SECTION.test(text.value.trim());
    lastArticle = article;
    const lastOpen = text.value.lastIndexOf('“');
    const lastClose = text.value.lastIndexOf('”');
    if (lastOpen >= 0 || lastClose >= 0) open = lastOpen > lastClose;
    if (inQuote) continue;
    const section = SECTION.exec(text.value.trim());
    if (section) {
      // The first section heading names the work the title names: the same amendment.
      if (current.statements.length || current.reorder || unmark(section[1]!) !== current.target) {
        if (!current.statements.length && !current.reorder) out.pop();
        current = { target: unmark(section[1]!), statements: [], reorder: false };
        out.push(current);
      }
      continue;
    }
    const s = readStatement(text, clause);
    if (s) current.statements.push(s);
    // 条文顺序作相应调整 may close a statement or the decision (并调整条文顺序后重新公布).
    if (REORDER.test(head(text.value))) current.reorder = true;
  }
  return out.filter((a) => a.statements.length || a.reorder);
}

/** One statement at the start of a text node, or undefined. */
export function readStatement(text: Text, clause: string): Statement | undefined {
  const label = LABEL.exec(text.value)?.[0].length ?? 0;
  if (text.value.startsWith('“')) return undefined;
  const line = head(text.value).slice(label);
  if (!line) return undefined;
  const at = (words: ArticleWords[]) => words.map((w) => ({ ...w, start: w.start + label, end: w.end + label }));
  const base = { clause, text };
  let m: RegExpExecArray | null;
  if ((m = MERGE.exec(line))) {
    const words = articlesIn(line, 0, m[0].length, 'old');
    return { op: 'merge', old: words.map((w) => w.id), new: [], ...base, words: at(words) };
  }
  if ((m = DELETE.exec(line))) {
    const words = articlesIn(line, 0, line.length, 'old');
    return { op: 'delete', old: words.map((w) => w.id), new: [], ...base, words: at(words) };
  }
  if ((m = RENUMBER.exec(line))) {
    const split = line.indexOf(m[4]!, line.indexOf(m[1]!) + m[1]!.length);
    const from = articlesIn(line, 0, split, 'old');
    const to = articlesIn(line, split, split + m[4]!.length, 'new');
    if (from.length !== 1 || to.length !== 1) return undefined;
    return { op: 'renumber', old: [from[0]!.id], new: [to[0]!.id], ...(m[7] ? { modified: true } : {}), ...base, words: at([...from, ...to]) };
  }
  if ((m = ADD.exec(line))) {
    const split = line.indexOf('作为');
    const anchor = articlesIn(line, 0, split, 'old');
    const made = articlesIn(line, split, m[0].length, 'new');
    return { op: 'add', old: [], new: made.map((w) => w.id), ...base, words: at([...anchor, ...made]) };
  }
  if ((m = MODIFY.exec(line) ?? DELETE_PART.exec(line))) {
    const words = articlesIn(line, 0, line.indexOf(m[1]!) + m[1]!.length, 'old');
    return { op: 'modify', old: words.map((w) => w.id), new: [], ...base, words: at(words) };
  }
  if (OTHER.test(line)) return { op: 'other', old: [], new: [], ...base, words: [] };
  return undefined;
}

/**
 * The statement itself: up to the colon that introduces the new words, with
 * quoted words (“…”, what is struck out or kept) blanked to the same length,
 * so offsets still point into the text and quotes are never read as statements.
 */
function head(value: string): string {
  const blanked = value.replace(/“[^“”]*(?:”|$)/gu, (q) => {
    const closed = q.length > 1 && q.endsWith('”');
    return `“${'＿'.repeat(q.length - (closed ? 2 : 1))}${closed ? '”' : ''}`;
  });
  const cut = blanked.search(/[：:]/u);
  return cut < 0 ? blanked : blanked.slice(0, cut);
}

function articlesIn(line: string, from: number, to: number, side: ArticleWords['side']): ArticleWords[] {
  const out: ArticleWords[] = [];
  ARTICLE_G.lastIndex = from;
  for (let m = ARTICLE_G.exec(line); m && m.index + m[0].length <= to; m = ARTICLE_G.exec(line)) {
    const n = parseNumeral(m[1]!);
    const sub = m[2] === undefined ? undefined : parseNumeral(m[2]);
    if (n === undefined || (m[2] !== undefined && sub === undefined)) continue;
    out.push({ id: `art-${n}${sub ? `-${sub}` : ''}`, start: m.index, end: m.index + m[0].length, side });
  }
  return out;
}

function unmark(title: string): string {
  return title.replace(/[〈《]/g, '《').replace(/[〉》]/g, '》').replace(/[《》]/g, '');
}
