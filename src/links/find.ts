/**
 * Citations of other works in one text: `《中华人民共和国宪法》`,
 * `《个人所得税法》第四条第一款第二项`, `个人所得税法第四条` and `根据宪法`
 * without book-title marks, and the lists and ranges that follow a cited
 * name (`第十条至第十二条`, `第五条、第七条`). Only names the library knows
 * are looked for without marks, and only where they cannot be part of a
 * longer word: after 根据/依照/… or right before clause words.
 */
import { textsWithClause } from '../tree/walk.ts';
import type { Regulation, Text } from '../tree/types.ts';
import { ARTICLE_WORDS, idOfMatch } from '../tree/clause-words.ts';
import type { NameIndex } from './names.ts';

export interface FoundCitation {
  /** The citing clause (innermost id). */
  clause: string;
  text: Text;
  /** Offsets in `text.value` of the whole mention (name and clause words). */
  start: number;
  end: number;
  /** The cited name, without marks. */
  name: string;
  /** The clause words' ids and their offsets, in order (empty: the work as a whole); `rangeEnd`: after 至. */
  clauses: { id: string; start: number; end: number; rangeEnd?: boolean }[];
  /** Named in book-title marks. */
  marked: boolean;
}

const CLAUSE_AT = new RegExp(`^${ARTICLE_WORDS}`);
/** Between items of a list or range of cited articles. */
const JOINER = /^(?:、|，|和|及|以及|或者|或|与|至|到)/;
/** Words that introduce a cited law: 根据宪法, 依照刑法, 贯彻行政复议法. */
const TRIGGER = /根据|依照|依据|按照|违反|参照|适用|遵守|执行|实施|贯彻|落实/g;
/** After a bare name: where a word can end (not 宪法学, 刑法典). */
const NAME_END = /^(?:$|[^\p{L}\p{N}]|第|的|和|及|或|与|规定|等|有关|中|所|以|对)/u;

export function findCitations(tree: Regulation, names: NameIndex): FoundCitation[] {
  const out: FoundCitation[] = [];
  for (const { text, clause } of textsWithClause(tree)) {
    const value = text.value;
    const taken: [number, number][] = [];
    const free = (s: number, e: number) => !taken.some(([a, b]) => a < e && s < b);
    const push = (c: FoundCitation) => {
      out.push(c);
      taken.push([c.start, c.end]);
    };
    // 1. 《…》, with the clause words after it.
    for (let i = value.indexOf('《'); i >= 0; i = value.indexOf('《', i + 1)) {
      const close = closing(value, i);
      if (close < 0) continue;
      const { clauses, end } = clauseList(value, close + 1);
      push({ clause, text, start: i, end, name: value.slice(i + 1, close), clauses, marked: true });
      i = close;
    }
    if (!names.bareNames.size) continue;
    // 2. A bare name right before clause words: 个人所得税法第四条.
    for (let i = value.indexOf('第'); i >= 0; i = value.indexOf('第', i + 1)) {
      if (!CLAUSE_AT.test(value.slice(i))) continue;
      const name = longestNameEndingAt(value, i, names);
      if (!name || !free(i - name.length, i)) continue;
      const { clauses, end } = clauseList(value, i);
      push({ clause, text, start: i - name.length, end, name, clauses, marked: false });
    }
    // 3. A bare name after a trigger word: 根据宪法.
    for (const m of value.matchAll(TRIGGER)) {
      const at = m.index + m[0].length;
      const name = longestNameStartingAt(value, at, names);
      if (!name || !free(at, at + name.length)) continue;
      const { clauses, end } = clauseList(value, at + name.length);
      push({ clause, text, start: at, end, name, clauses, marked: false });
    }
  }
  return out;
}

/** Clause words starting at `from`, and any list or range continuing them. */
function clauseList(value: string, from: number): { clauses: FoundCitation['clauses']; end: number } {
  const clauses: FoundCitation['clauses'] = [];
  let at = from;
  let range = false;
  for (;;) {
    const m = CLAUSE_AT.exec(value.slice(at));
    const id = m ? idOfMatch(m) : undefined;
    if (!m || !id) break;
    clauses.push({ id, start: at, end: at + m[0].length, ...(range ? { rangeEnd: true } : {}) });
    at += m[0].length;
    const j = JOINER.exec(value.slice(at));
    if (!j || !CLAUSE_AT.test(value.slice(at + j[0].length))) break;
    range = j[0] === '至' || j[0] === '到';
    at += j[0].length;
  }
  return { clauses, end: clauses.at(-1)?.end ?? from };
}

function longestNameEndingAt(value: string, end: number, names: NameIndex): string | undefined {
  for (let len = Math.min(names.longestBare, end); len >= 2; len--) {
    const name = value.slice(end - len, end);
    if (names.bareNames.has(name) && value[end - len - 1] !== '《') return name;
  }
  return undefined;
}

function longestNameStartingAt(value: string, start: number, names: NameIndex): string | undefined {
  for (let len = Math.min(names.longestBare, value.length - start); len >= 2; len--) {
    const name = value.slice(start, start + len);
    if (names.bareNames.has(name) && NAME_END.test(value.slice(start + len))) return name;
  }
  return undefined;
}

/** Index of the 》 closing the 《 at `open` (nested marks allowed); -1 if unbalanced. */
function closing(value: string, open: number): number {
  let depth = 0;
  for (let i = open; i < value.length; i++) {
    const ch = value[i];
    if (ch === '《' || ch === '〈') depth++;
    else if (ch === '》' || ch === '〉') {
      depth--;
      if (depth === 0) return ch === '》' ? i : -1;
    }
  }
  return -1;
}
