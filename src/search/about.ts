/**
 * Whether a clause defines or governs a term rather than mentions it
 * (issue #13): a bounded factor on its score in rank.ts (query side; the
 * build side, text → facts, is definitions.ts). Pure; three signals, each
 * from what the engine has or can have per page:
 *
 *  - defines: the clause defines the term — `…（以下简称X）` (the parser's
 *    abbreviations), `X是指…`, `本规则所称X，是指…`. `definedTerms(text)`,
 *    called by the index writer on the clause's text.
 *  - heading: the heading the clause sits under names the term, wholly or
 *    in part (公文 under 第十章 公文审批制度; 政府信息公开 under 第六章
 *    推进政务公开 for its 公开). The page table already has the chapter.
 *  - lead: the clause opens with the term — it starts within the first
 *    LEAD_WINDOW positions, label included (十三、加快转变政府职能。…;
 *    三十八、区政府常务会议由…组成): what the clause is about. From the
 *    positions the engine already has. (Measured and left out: the lead
 *    phrase up to the first ，。；： instead of the window — a one-phrase
 *    clause such as 四十五、…纪要由区长签发。 then "leads" with its last
 *    word, and it would cost a page-table column.)
 *
 * Each adds to a factor of 1 (ABOUT); the factor reorders clauses that
 * all contain the term, it never admits one.
 */
import { fold } from './query.ts';

/** What the engine knows of a page beyond its words; any part may be missing. */
export interface ClauseAbout {
  /** The heading the clause sits under (its chapter: `第九章 会议制度`). */
  heading?(page: string): string | undefined;
  /** Terms the clause defines (definedTerms of its text), folded. */
  defines?(page: string): readonly string[] | undefined;
}

/** What each signal adds to the factor (at most 1 + their sum). */
export const ABOUT = { defines: 1, heading: 0.25, lead: 0.25 };
/** Positions a term must start within to lead the clause: a label (十三、, 第十三条) and a short phrase (切实保障和改善). */
export const LEAD_WINDOW = 12;

const HEADING_NUMBER = /^第[0-9一二三四五六七八九十百千〇零两]+[编章节]\s*/u;

/** Share of the pieces' characters inside a stretch of 2+ characters that the heading also has. */
export function headingShare(pieces: readonly string[], heading: string): number {
  const name = fold(heading.replace(HEADING_NUMBER, '')).replace(/\s+/g, '');
  let covered = 0;
  let total = 0;
  for (const piece of pieces) {
    const chars = [...piece];
    const hit = new Array<boolean>(chars.length).fill(false);
    for (let i = 0; i < chars.length; i++) {
      for (let j = i + 2; j <= chars.length && name.includes(chars.slice(i, j).join('')); j++) hit.fill(true, i, j);
    }
    covered += hit.filter(Boolean).length;
    total += chars.length;
  }
  return total ? covered / total : 0;
}

/**
 * The factor for a page holding the query's whole pieces (`pieces`, folded),
 * the first of them at position `first`.
 */
export function aboutFactor(page: string, pieces: readonly string[], first: number | undefined, about: ClauseAbout = {}): number {
  if (!pieces.length) return 1;
  const defined = about.defines?.(page);
  const defines = defined?.length && pieces.some((p) => defined.includes(p)) ? 1 : 0;
  const heading = about.heading?.(page);
  const share = heading ? headingShare(pieces, heading) : 0;
  const lead = first !== undefined && first < LEAD_WINDOW ? 1 : 0;
  return 1 + ABOUT.defines * defines + ABOUT.heading * share + ABOUT.lead * lead;
}
