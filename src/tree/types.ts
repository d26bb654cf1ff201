/**
 * The clause tree: a unist tree for one regulation. Specified in docs/tree.md;
 * this file is the TypeScript form of that spec and the JSON download's shape.
 */

export interface Point {
  /** 1-based line. */
  line: number;
  /** 1-based column, in UTF-16 code units of the decoded text. */
  column: number;
  /** 0-based offset into the decoded text (after any BOM). */
  offset: number;
}

export interface Position {
  start: Point;
  end: Point;
}

/** Character span [start, end) as offsets into the decoded text. */
export interface Span {
  start: number;
  end: number;
}

export interface Text {
  type: 'text';
  /** The source characters, exactly as printed (outer whitespace of the line trimmed). */
  value: string;
  /** What the line is, in wrappers, header, 目录, appendix headings and colophon. Absent in clauses. */
  role?: TextRole;
  position: Position;
}

export type TextRole =
  | 'title'
  | 'docNumber'
  | 'orderNumber'
  | 'addressee'
  | 'body'
  | 'signer'
  | 'date'
  | 'disclosure'
  | 'adoption'
  | 'tocEntry'
  | 'tocHeading'
  | 'appendixHeading';

interface NodeBase {
  position: Position;
}

/** Fields shared by numbered structural nodes. */
interface Numbered extends NodeBase {
  /** The printed number as an integer (第十二条之一 → 12). */
  number: number;
  /** The label exactly as printed: `四十三、`, `第十二条之一`, `（三）`, `1.`. */
  label: string;
  /** Permalink fragment; see docs/tree.md "Identifiers". */
  id: string;
}

export interface Regulation {
  type: 'regulation';
  /** File name without `.txt`; the URL slug. */
  slug: string;
  /** Which numbering the articles use. */
  numbering: 'outline' | 'statute';
  meta: Meta;
  children: TopLevel[];
  /** Cross-reference data computed from the text (see docs/tree.md). */
  crossrefs: CrossRefs;
  position: Position;
}

export type TopLevel =
  | Notice
  | Promulgation
  | Header
  | Toc
  | Preamble
  | Part
  | Subpart
  | Chapter
  | Section
  | Group
  | Article
  | Appendix
  | Colophon;

export interface Meta {
  /** The printed title, its lines joined with layout whitespace removed. */
  title: string;
  /** A short form staff give the text (metadata file only). */
  shortTitle?: string;
  /** What kind of instrument the text is; see docs/tree.md "Kind". */
  kind: Kind;
  issuer?: string;
  docNumber?: string;
  /** ISO date (YYYY-MM-DD) the text was issued / promulgated. */
  issued?: string;
  adopted?: { date?: string; body?: string; text: string };
  effective?: { text: string; date?: string };
  /** ISO date of the latest 修正/修订 in `history`. */
  amended?: string;
  repeals?: { title: string; docNumber?: string; date?: string; text: string };
  disclosure?: string;
  /** Every dated event of the header (history lines, 题注, 令/通知 dates), in printed order. */
  history?: HistoryEvent[];
  /** The work this text is a version of (metadata file only; used by the library loader). */
  work?: string;
  /** This version's date, YYYY-MM-DD (metadata file only). */
  version?: string;
  /** The fields a staff metadata file set, in the order of `METADATA_FIELDS`; absent when none. */
  overridden?: MetaField[];
}

export type Kind =
  | '宪法'
  | '法律'
  | '有关法律问题和重大问题的决定'
  | '法律解释'
  | '行政法规'
  | '监察法规'
  | '司法解释'
  | '部门规章'
  | '地方性法规'
  | '地方政府规章'
  | '规范性文件'
  | '其他';

/** What happened to the text on a date: 发布/颁布/印发 are 公布; 修改 is 修正; 实施/生效/执行 are 施行. */
export type HistoryEventKind = '通过' | '批准' | '公布' | '修正' | '修订' | '施行' | '废止';

export interface HistoryEvent {
  /** ISO date; absent when the event prints none (`最高人民法院审判委员会第1421次会议通过`). */
  date?: string;
  event: HistoryEventKind;
  /** Who acted, as printed: `第十三届全国人民代表大会第三次会议`, `中华人民共和国国务院`. */
  body?: string;
  /** The 令/公告 number or 发文字号 it was published under: `中华人民共和国国务院令第713号`. */
  docNumber?: string;
  /** The amending decision or amendment it cites, without 《》. */
  decision?: string;
  /** The event as printed (lines it runs over joined), from its date to its verb. */
  text: string;
  /** Where it is printed; absent only for an entry a staff metadata file supplies. */
  position?: Position;
}

/** An event read off the source: always positioned. */
export type PrintedEvent = HistoryEvent & { position: Position };

/** Fields a staff metadata file may set (src/corpus/metadata-file.ts). */
export type MetaField = 'title' | 'shortTitle' | 'issuer' | 'docNumber' | 'kind' | 'issued' | 'effective' | 'history' | 'work' | 'version';

/** The 印发通知 wrapper before the regulation itself. */
export interface Notice extends NodeBase {
  type: 'notice';
  id: 'notice';
  title: string;
  docNumber?: string;
  addressees?: string;
  signer?: string;
  date?: string;
  disclosure?: string;
  children: Text[];
}

/** The 国务院令-style wrapper: order number, promulgation sentence, signer, date. */
export interface Promulgation extends NodeBase {
  type: 'promulgation';
  id: 'promulgation';
  issuer?: string;
  orderNumber?: string;
  sentence?: string;
  signer?: string;
  date?: string;
  children: Text[];
}

/** The regulation's own title block: title and adoption line(s). */
export interface Header extends NodeBase {
  type: 'header';
  id: 'header';
  children: Text[];
}

/** A printed 目录: its entries are text, never structure. */
export interface Toc extends NodeBase {
  type: 'toc';
  id: 'toc';
  children: Text[];
}

/** Unnumbered text before the first part, chapter or article. */
export interface Preamble extends NodeBase {
  type: 'preamble';
  id: 'preamble';
  children: Paragraph[];
}

interface Titled {
  /** Title for display, whitespace padding removed (`总则`). */
  title?: string;
  /** Title exactly as printed (`总    则`). */
  titlePrinted?: string;
}

export interface Part extends Numbered, Titled {
  type: 'part';
  children: (Subpart | Chapter | Group | Article)[];
}

/** 分编 (民法典): between a 编 and its chapters. */
export interface Subpart extends Numbered, Titled {
  type: 'subpart';
  children: (Chapter | Group | Article)[];
}

/** A heading whose `第X章`/`第X节` was not printed: number and id come from the gap it fills; `label` is empty. */
interface Inferable {
  inferred?: true;
}

export interface Chapter extends Numbered, Titled, Inferable {
  type: 'chapter';
  children: (Section | Group | Article)[];
}

export interface Section extends Numbered, Titled, Inferable {
  type: 'section';
  children: (Group | Article)[];
}

/** `一、…` heading grouping 第X条 articles (judicial interpretations); `（一）…` groups inside it. */
export interface Group extends Numbered, Titled {
  type: 'group';
  children: (Group | Article)[];
}

export interface Article extends Numbered {
  type: 'article';
  /** N of 之N (第十二条之一 → 1); absent for plain articles. */
  sub?: number;
  children: Paragraph[];
}

/** 款: one printed paragraph of an article (or of a preamble or appendix). */
export interface Paragraph extends NodeBase {
  type: 'paragraph';
  number: number;
  id: string;
  /** A TAB-separated table row: one text child per cell, in order. */
  row?: true;
  children: (Text | Item)[];
}

/** 项: `（一）` or `(一)`. */
export interface Item extends Numbered {
  type: 'item';
  /** The item's lead sentence, without closing punctuation. */
  heading?: string;
  children: (Text | Subitem)[];
}

/** 目: `1.` or `1．`. */
export interface Subitem extends Numbered {
  type: 'subitem';
  children: Text[];
}

/** 附件: starts at a 附件 heading after the articles; its own numbered lists are plain paragraphs. */
export interface Appendix extends NodeBase {
  type: 'appendix';
  number: number;
  label: string;
  id: string;
  title?: string;
  /** A list of the appendices (`附件：1.…`) printed before the appendices themselves. */
  list?: true;
  children: (Text | Paragraph)[];
}

/** The 版记 after the body: 抄送 lines, the issuing office and its 印发 date. Not part of the rules. */
export interface Colophon extends NodeBase {
  type: 'colophon';
  id: 'colophon';
  children: Text[];
}

export type Node = Regulation | TopLevel | Paragraph | Item | Subitem | Text;

export type Parent = Exclude<Node, Text>;

/** Any node that carries a permalink id. */
export type Clause = Extract<Node, { id: string }>;

export interface CrossRefs {
  abbreviations: Abbreviation[];
  citations: CitedDocument[];
  references: InternalReference[];
  timeExpressions: TimeExpression[];
}

export interface Abbreviation {
  short: string;
  full: string;
  /** Id of the clause (article, paragraph or item) that defines it. */
  clause: string;
  span: Span;
}

export interface CitedDocument {
  /** Title without the book-title marks. */
  title: string;
  /** Every place the document is cited. */
  occurrences: { clause: string; span: Span; docNumber?: string }[];
}

export interface InternalReference {
  /** As printed: `第十二条第二款`, `前款`, `本条`, `本章`. */
  text: string;
  /** The clause the reference sits in. */
  from: string;
  /** The id it resolves to, if it does. */
  target?: string;
  span: Span;
}

export type TimeUnit = 'workingDay' | 'day' | 'hour' | 'minute' | 'week' | 'month' | 'quarter' | 'year';

export interface TimeExpression {
  text: string;
  clause: string;
  span: Span;
  amount: number;
  unit: TimeUnit;
  /** before: 会前/提前; within: 内; limit: 不超过; minimum: 不少于; frequency: 每周…次. */
  kind: 'before' | 'within' | 'after' | 'limit' | 'minimum' | 'frequency' | 'duration';
}

export type Severity = 'error' | 'warning';

/** A problem found in a source text, vfile-style. */
export interface Problem {
  severity: Severity;
  ruleId: string;
  reason: string;
  line: number;
  column: number;
}
