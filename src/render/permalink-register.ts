/**
 * The permalink register (docs/urls.md "Guarding permalinks"): every published
 * permalink URL → a fingerprint of the words of the clause it shows. A URL is
 * a promise about its meaning, not just that it resolves: a renumbering that
 * makes `/articles/43/` show the old article 42 keeps every URL alive and
 * breaks every citation of them. Keyed by URL, so dated version URLs
 * (`/regulations/<work>/<date>/#…`) fit in the same register.
 *
 * Pure: building the entries of a tree, reading/writing the TSV text and
 * comparing; file handling is src/integration/permalinks.ts.
 */
import { createHash } from 'node:crypto';
import { escapeForMessage } from '../data/escape.ts';
import { plainText } from '../tree/query.ts';
import type { Clause, Point, Regulation } from '../tree/types.ts';
import { visit } from '../tree/walk.ts';
import { CLAUSE_ID } from './permalinks.ts';
import { textParts } from './text-parts.ts';
import { articleNumberOf, clauseInWords } from './urls.ts';

export interface Permalink {
  url: string;
  /** The clause id it shows (`art-43-p2`; the article's id for an article page). */
  id: string;
  fingerprint: string;
  /** The start of the clause's words, for reviewers and messages. */
  excerpt: string;
  /** Where the clause starts in the source. */
  start: Point;
}

export interface RegisteredPermalink {
  url: string;
  fingerprint: string;
  excerpt: string;
  /** 1-based line in the register file. */
  line: number;
}

/** Layout whitespace and invisible format characters are not words: they never change a meaning. */
const LAYOUT = /[\s\p{Cf}]+/gu;
const EXCERPT_LENGTH = 20;

/** The words a permalink promises: a division's title, any other clause's text (labels aside: they are its number). */
export function clauseWords(clause: Clause): string {
  if (clause.type === 'part' || clause.type === 'chapter' || clause.type === 'section') {
    return (clause.titlePrinted ?? clause.title ?? clause.label).replace(LAYOUT, '') || clause.label;
  }
  return plainText(clause).replace(LAYOUT, '');
}

/** 12 hex digits of SHA-256: 48 bits, ample for telling one clause's words from another's. */
export function fingerprint(words: string): string {
  return createHash('sha256').update(words, 'utf8').digest('hex').slice(0, 12);
}

function excerptOf(words: string): string {
  const chars = [...words];
  return escapeForMessage(chars.slice(0, EXCERPT_LENGTH).join('') + (chars.length > EXCERPT_LENGTH ? '…' : ''));
}

/**
 * Every permalink of a regulation at `base` (`/regulations/<slug>/`), in document order; an article's page follows its
 * fragment. A part of a long text (`base` + `page/<n>/`, src/render/text-parts.ts) precedes the clause it opens with:
 * it promises that clause's words, so a new split that moves where part 3 starts is a changed meaning.
 */
export function permalinksOf(tree: Regulation, base: string): Permalink[] {
  const out: Permalink[] = [];
  const opens = new Map(textParts(tree).slice(1).map((p) => [p.ids[0], p.number]));
  visit(tree, (node) => {
    if (!('id' in node) || !CLAUSE_ID.test(node.id)) return;
    const words = clauseWords(node);
    const entry = { id: node.id, fingerprint: fingerprint(words), excerpt: excerptOf(words), start: node.position.start };
    const part = opens.get(node.id);
    if (part !== undefined) out.push({ url: `${base}page/${part}/`, ...entry });
    out.push({ url: `${base}#${node.id}`, ...entry });
    const n = node.type === 'article' ? articleNumberOf(node.id) : undefined;
    if (n !== undefined) out.push({ url: `${base}articles/${n}/`, ...entry });
  });
  return out;
}

const NAMES: Record<string, string> = { notice: '印发通知', promulgation: '公布令', header: '标题', toc: '目录', colophon: '版记' };

/** `第四十三条第二款`, `印发通知`. */
export function clauseName(id: string): string {
  return NAMES[id] ?? clauseInWords(id);
}

export const REGISTER_HEADER = [
  '# 永久链接登记：网址<TAB>条文文字的指纹<TAB>条文开头（docs/urls.md“Guarding permalinks”）。',
  '# 构建时核对：登记的网址消失或条文文字改变，构建失败。只用 npm run permalinks -- --update 更新，勿手改。',
];

export function formatRegister(entries: readonly Permalink[]): string {
  return [...REGISTER_HEADER, ...entries.map((e) => `${e.url}\t${e.fingerprint}\t${e.excerpt}`)].join('\n') + '\n';
}

/** Register lines, and `line:column: reason` problems for lines that are not entries. */
export function parseRegister(text: string): { entries: RegisteredPermalink[]; problems: { line: number; column: number; reason: string }[] } {
  const entries: RegisteredPermalink[] = [];
  const problems: { line: number; column: number; reason: string }[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw === '' || raw.startsWith('#')) return;
    const [url, print, excerpt = '', extra] = raw.split('\t');
    if (!url?.startsWith('/') || !print || !/^[0-9a-f]{12}$/.test(print) || extra !== undefined) {
      problems.push({ line, column: 1, reason: `不是“网址<TAB>12 位十六进制指纹<TAB>条文开头”：${escapeForMessage(raw.slice(0, 80))} [permalink-register-syntax]` });
      return;
    }
    entries.push({ url, fingerprint: print, excerpt, line });
  });
  return { entries, problems };
}

export interface RegisterDiff<R extends RegisteredPermalink = RegisteredPermalink, P extends Permalink = Permalink> {
  /** Registered URLs the site no longer publishes. */
  gone: R[];
  /** Registered URLs whose clause now has other words. */
  changed: { registered: R; now: P }[];
  /** Published URLs the register does not list yet. */
  fresh: P[];
}

export function compareRegister<R extends RegisteredPermalink, P extends Permalink>(registered: readonly R[], published: readonly P[]): RegisterDiff<R, P> {
  const byUrl = new Map(published.map((p) => [p.url, p]));
  const known = new Set(registered.map((r) => r.url));
  const diff: RegisterDiff<R, P> = { gone: [], changed: [], fresh: published.filter((p) => !known.has(p.url)) };
  for (const r of registered) {
    const now = byUrl.get(r.url);
    if (!now) diff.gone.push(r);
    else if (now.fingerprint !== r.fingerprint) diff.changed.push({ registered: r, now });
  }
  return diff;
}
