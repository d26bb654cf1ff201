/**
 * The words of a citation line, shared by the pages and the browser's copy
 * menu (src/scripts/clauses.ts). Kept apart from citation.ts, whose clause
 * grammar (numerals, clause words) the browser does not need: the regulation
 * page has a 25 KB budget.
 */

/** 《北京市朝阳区人民政府工作规则》第四十三条第二款 */
export function formalCitation(title: string, clause: string): string {
  return `《${title}》${clause}`;
}

/**
 * The accessible name of a clause's permalink anchor (ClauseAnchor.astro):
 * 第四十三条第二款的链接. The copy menu reads the clause back from it
 * (clauseOfAnchorLabel), so the page does not carry each citation twice.
 */
export function anchorLabel(clause: string): string {
  return `${clause}的链接`;
}

export function clauseOfAnchorLabel(label: string): string {
  return label.replace(/的链接$/, '');
}

/** What "copy citation" puts on the clipboard: the formal citation, a space, the permalink. */
export function citationLine(citation: string, url: string): string {
  return `${citation} ${url}`;
}
