/**
 * What kind of instrument a text is (宪法, 法律, 行政法规, …): from its folder
 * when the folder says, else from the text itself. The rule is written down in
 * docs/tree.md ("Kind"); keep the two in step.
 */
import type { HistoryEvent, Kind } from '../tree/types.ts';

export const KINDS: readonly Kind[] = [
  '宪法', '法律', '有关法律问题和重大问题的决定', '法律解释', '行政法规', '监察法规', '司法解释',
  '部门规章', '地方性法规', '地方政府规章', '规范性文件', '其他',
];

/** Folders of national laws by subject, as the collection files them. */
const LAW_FOLDERS = new Set(['宪法相关法', '民法典', '民法商法', '行政法', '经济法', '社会法', '刑法', '诉讼与非诉讼程序法']);

/** Folder names that mean a kind without being one (the collection's and common short forms). */
const FOLDER_ALIASES: Record<string, Kind> = {
  法律: '法律',
  地方法规: '地方性法规',
  自治条例: '地方性法规',
  单行条例: '地方性法规',
  规章: '部门规章',
  政府规章: '地方政府规章',
  其他: '其他',
};

export interface KindEvidence {
  /** Path of the text's folder relative to the library root (`DLC/北京地方法规/地方性法规/北京`), if any. */
  folder?: string;
  title: string;
  issuer?: string;
  docNumber?: string;
  history: readonly HistoryEvent[];
  /** Issued by a 印发通知 (the seed). */
  byNotice: boolean;
  /** Promulgated by a 令, with the 令's issuer. */
  promulgatedBy?: string;
  /** Articles numbered 一、二、 (as normative documents are), not 第X条. */
  outline: boolean;
}

export function kindOf(e: KindEvidence): Kind {
  const folder = e.folder !== undefined ? fromFolder(e.folder, e.title) : undefined;
  if (!folder) return fromText(e);
  // A local government's own rules filed among the local regulations: what the text says it is wins.
  if (folder === '地方性法规' && fromText(e) === '地方政府规章') return '地方政府规章';
  return folder;
}

/** The deepest folder segment that names a kind; undefined when none does (a user's own folder). */
function fromFolder(folder: string, title: string): Kind | undefined {
  const segments = folder.split(/[\\/]/).filter(Boolean).reverse();
  for (const s of segments) {
    if ((KINDS as readonly string[]).includes(s)) return s === '法律' ? lawKind(title) : (s as Kind);
    if (LAW_FOLDERS.has(s)) return lawKind(title);
    if (s in FOLDER_ALIASES) return FOLDER_ALIASES[s] === '法律' ? lawKind(title) : FOLDER_ALIASES[s];
  }
  return undefined;
}

/** An act of the NPC or its Standing Committee: a law, a decision on legal questions, or an interpretation of a law. */
function lawKind(title: string): Kind {
  if (/^中华人民共和国宪法/.test(title)) return '宪法';
  if (/^全国人民代表大会(?:常务委员会)?关于/.test(title)) {
    if (/关于《[^》]+》[^》]*的解释$/.test(title)) return '法律解释';
    if (/(?:决定|决议)$/.test(title)) return '有关法律问题和重大问题的决定';
  }
  return '法律';
}

const NPC = /全国人民代表大会/;
const CONGRESS = /人民代表大会|人大/;
const STATE_COUNCIL = /^(?:中华人民共和国)?国务院(?:$|、|令|第|常务会议)|国务院令/;
/** A ministry's own meeting (`部务会议`, `室务会议`) adopts its rules. */
const MINISTRY_MEETING = /(?:部务|局务|委务|署务|室务|行务|部长办公|局长办公|委主任)会议/;
const LOCAL_GOVERNMENT = /(?:省|市|自治区|自治州|县|区)人民政府(?:第[0-9０-９一二三四五六七八九十]+次)?(?:常务会议|令)/;
const MINISTRY_ORDER = /(?:部|委员会|总局|局|署|行|院|办公厅)(?:令|第[0-9０-９]+号令)/;

/** From the text alone: who made it (the bodies in its history, its 令 and 文号), then its title. */
function fromText(e: KindEvidence): Kind {
  const bodies = [e.promulgatedBy, e.issuer, ...e.history.flatMap((h) => [h.body, h.docNumber])].filter((b): b is string => !!b);
  const any = (re: RegExp) => bodies.some((b) => re.test(b));
  const docNumbers = [e.docNumber ?? '', ...e.history.map((h) => h.docNumber ?? '')].join('|');
  if (/^中华人民共和国宪法/.test(e.title) && any(NPC)) return '宪法';
  if (any(NPC)) return lawKind(e.title);
  if (any(/国家监察委员会/)) return '监察法规';
  if (/最高人民法院|最高人民检察院/.test(e.title) || any(/最高人民法院|最高人民检察院/) || /法释|高检发释字/.test(docNumbers)) return '司法解释';
  if (e.byNotice) return '规范性文件';
  if (any(STATE_COUNCIL)) return '行政法规';
  if (any(CONGRESS)) return '地方性法规';
  if (any(LOCAL_GOVERNMENT)) return '地方政府规章';
  if (MINISTRY_ORDER.test(docNumbers) || any(MINISTRY_MEETING)) return '部门规章';
  if (/〔\s*[0-9０-９]{4}\s*〕|\[\s*[0-9０-９]{4}\s*\]/.test(docNumbers) || e.outline) return '规范性文件';
  // Nothing printed says who made it: the title's own words.
  if (/^中华人民共和国[^《]*(?<!办)法$/.test(e.title)) return '法律';
  if (/^[\u4e00-\u9fa5]{2,8}?(?:省|市|自治区|自治州)[^《]*(?:条例$|人民代表大会)/.test(e.title)) return '地方性法规';
  return '其他';
}
