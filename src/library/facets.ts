/**
 * What a text is and who issued it, as the library pages group it. The
 * metadata engineer's `meta.kind` (and a fuller `meta.issuer`) win where
 * present; until then, and for texts that lack them, the text's folder says
 * (the collection files texts by kind: `行政法规/`, `DLC/…/地方性法规/北京`).
 * Swapping in the metadata is the first line of each function.
 */
import type { LoadedRegulation } from '../corpus/load.ts';

/** Kinds in the order a reader expects them (宪法 first, 其他 last); unknown kinds sort after, by name. */
export const KIND_ORDER: readonly string[] = [
  '宪法', '法律', '有关法律问题和重大问题的决定', '法律解释', '行政法规', '监察法规', '司法解释',
  '部门规章', '地方性法规', '地方政府规章', '规范性文件', '其他',
];

/** The collection's folders of national laws by subject. */
const LAW_FOLDERS = new Set(['宪法相关法', '民法典', '民法商法', '行政法', '经济法', '社会法', '刑法', '诉讼与非诉讼程序法', '法律']);

type Subject = Pick<LoadedRegulation, 'folder' | 'tree'>;

export function kindOf({ folder, tree }: Subject): string {
  const given = (tree.meta as { kind?: string }).kind;
  if (given) return given;
  const segments = folder.split('/').filter(Boolean).reverse();
  for (const s of segments) {
    if (KIND_ORDER.includes(s)) return s;
    if (LAW_FOLDERS.has(s)) return '法律';
  }
  // A text at the root of the content folder: the portal's own normative documents.
  return segments.length ? '其他' : '规范性文件';
}

/** Who issued the text: its metadata, else what its kind and folder imply; undefined when nothing says. */
export function issuerOf(reg: Subject): string | undefined {
  if (reg.tree.meta.issuer) return reg.tree.meta.issuer;
  const kind = kindOf(reg);
  const last = reg.folder.split('/').filter(Boolean).at(-1);
  if (kind === '宪法' || kind === '法律' || kind === '法律解释' || kind === '有关法律问题和重大问题的决定') return '全国人民代表大会及其常务委员会';
  if (kind === '行政法规') return '国务院';
  // 部门规章/公安部, 地方性法规/北京: the deepest folder names the body or the region.
  if (kind === '部门规章' && last && last !== kind) return last;
  if (kind === '地方性法规' && last && last !== kind) return `${last}人大及其常委会`;
  return undefined;
}

export function kindRank(kind: string): number {
  const i = KIND_ORDER.indexOf(kind);
  return i < 0 ? KIND_ORDER.length : i;
}
