/** The shape of a regulation as navigation sees it: table of contents, article context. */
import { toChineseNumeral } from '../parse/numerals.ts';
import { visit } from '../tree/walk.ts';
import type { Article, Chapter, Group, Part, Regulation, Section, Subpart, TopLevel } from '../tree/types.ts';

export type Division = Part | Subpart | Chapter | Section | Group;

/** 编, 分编, 章, 节, and the `一、…` groups of judicial interpretations. */
export function isDivision(node: { type: string }): node is Division {
  return node.type === 'part' || node.type === 'subpart' || node.type === 'chapter' || node.type === 'section' || node.type === 'group';
}

/** `第九章 会议制度`; just the label when the division has no title; `〔第三章〕 城镇容貌管理` when the label was not printed. */
export function divisionName(d: Division): string {
  const label = inferredLabel(d) ? `〔${inferredLabel(d)}〕` : d.label;
  return d.title ? `${label} ${d.title}` : label;
}

/** The label a heading that lost it would have printed (`第三章`); undefined for a printed one. */
export function inferredLabel(d: Division): string | undefined {
  if (!('inferred' in d) || !d.inferred) return undefined;
  return `第${toChineseNumeral(d.number)}${d.type === 'chapter' ? '章' : '节'}`;
}

export interface ArticleContext {
  article: Article;
  /** Enclosing part, chapter and section, outermost first. */
  divisions: Division[];
  prev?: Article;
  next?: Article;
}

/** Every article in document order with its divisions and neighbours. */
export function articleContexts(tree: Regulation): ArticleContext[] {
  const out: ArticleContext[] = [];
  visit(tree, (node, ancestors) => {
    if (node.type !== 'article') return;
    const divisions = ancestors.filter((a): a is Division => isDivision(a));
    out.push({ article: node, divisions });
  });
  out.forEach((ctx, i) => {
    const prev = out[i - 1]?.article;
    const next = out[i + 1]?.article;
    if (prev) ctx.prev = prev;
    if (next) ctx.next = next;
  });
  return out;
}

export interface TocEntry {
  id: string;
  text: string;
  children: TocEntry[];
}

/** Front matter, divisions and appendices as a nested list; articles only where there are no divisions. */
export function tocEntries(tree: Regulation): TocEntry[] {
  const hasDivisions = tree.children.some(isDivision);
  const entry = (node: TopLevel | Division | Article): TocEntry | undefined => {
    switch (node.type) {
      case 'notice':
        return { id: node.id, text: '印发通知', children: [] };
      case 'promulgation':
        return { id: node.id, text: '公布令', children: [] };
      case 'preamble':
        return { id: node.id, text: '序言', children: [] };
      case 'part':
      case 'subpart':
      case 'chapter':
      case 'section':
      case 'group': {
        const children = (node.children as (Division | Article)[]).map(entry).filter((e) => e !== undefined);
        return { id: node.id, text: divisionName(node), children };
      }
      case 'article':
        return hasDivisions ? undefined : { id: node.id, text: node.label, children: [] };
      case 'appendix':
        return { id: node.id, text: node.title ? `${node.label} ${node.title}` : node.label, children: [] };
      default:
        return undefined;
    }
  };
  return tree.children.map(entry).filter((e) => e !== undefined);
}
