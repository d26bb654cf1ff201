/**
 * The build's permalink guard: the published permalinks of the parsed corpus
 * against the committed register (content/permalinks/<slug>.tsv, format in
 * src/render/permalink-register.ts). A registered URL that disappears or whose
 * clause changes its words fails the build; new URLs only warn until
 * `npm run permalinks -- --update` records them. A content folder without a
 * register (a fixture build) only warns.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { portalConfig } from '../config/index.ts';
import { displayPath } from '../data/yaml-file.ts';
import {
  clauseName,
  compareRegister,
  formatRegister,
  parseRegister,
  permalinksOf,
  type Permalink,
  type RegisteredPermalink,
  type RegisterDiff,
} from '../render/permalink-register.ts';
import { regulationUrl } from '../render/urls.ts';
import type { Regulation } from '../tree/types.ts';
import { ContentError } from '../data/content-error.ts';

export interface PermalinkCorpus {
  regulations: readonly { slug: string; path: string; tree: Regulation }[];
}

export const UPDATE_COMMAND = 'npm run permalinks -- --update';
/** How many problems the build prints; `npm run permalinks` prints them all. */
const SHOWN = 20;

export const PERMALINK_HINT =
  `已发布的永久链接必须保持原义（docs/urls.md“Guarding permalinks”）。条文确实修订时：把修订作为新版本发布，旧网址继续显示原文；` +
  `或者确认这些网址改变含义无妨后，运行 ${UPDATE_COMMAND} 更新登记，并在提交说明中写明原因。`;

/** The register in the content folder: content/permalinks/ (PERMALINKS_DIR overrides). */
export function registerDir(): string {
  return resolve(process.env['PERMALINKS_DIR'] ?? join(portalConfig().contentDir, 'permalinks'));
}

interface Published extends Permalink {
  /** `content/regulations/x.txt:12:1`. */
  at: string;
}

export function publishedPermalinks(corpus: PermalinkCorpus): Published[] {
  return corpus.regulations.flatMap((r) =>
    permalinksOf(r.tree, regulationUrl(r.slug)).map((p) => ({ ...p, at: `${r.path}:${p.start.line}:${p.start.column}` })),
  );
}

type Entry = RegisteredPermalink & { file: string };

interface Register {
  entries: Entry[];
  errors: string[];
}

function readRegister(dir: string): Register {
  const register: Register = { entries: [], errors: [] };
  const seen = new Map<string, string>();
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.tsv')).sort()) {
    const file = displayPath(join(dir, name));
    const { entries, problems } = parseRegister(readFileSync(join(dir, name), 'utf8'));
    for (const p of problems) register.errors.push(`${file}:${p.line}:${p.column}: ${p.reason}`);
    for (const e of entries) {
      const first = seen.get(e.url);
      if (first) register.errors.push(`${file}:${e.line}:1: 网址 ${e.url} 已登记于 ${first} [permalink-register-duplicate]`);
      else seen.set(e.url, `${file}:${e.line}`);
      register.entries.push({ ...e, file });
    }
  }
  return register;
}

export interface PermalinkCheck {
  diff: RegisterDiff<RegisteredPermalink, Permalink>;
  /** Located error lines, all of them. */
  errors: string[];
  warnings: string[];
}

/** Compare without throwing: for the build (checkPermalinks) and `npm run permalinks`. */
export function comparePermalinks(corpus: PermalinkCorpus, dir = registerDir()): PermalinkCheck {
  const published = publishedPermalinks(corpus);
  if (!existsSync(dir)) {
    return {
      diff: { gone: [], changed: [], fresh: published },
      errors: [],
      warnings: [missingRegister(dir)],
    };
  }
  const register = readRegister(dir);
  const diff = compareRegister(register.entries, published);
  const located = [
    ...diff.changed.map(({ registered, now }) => ({ entry: registered, text: changedMessage(registered, now) })),
    ...diff.gone.map((g) => ({ entry: g, text: goneMessage(g) })),
  ];
  // Register order (document order): the first line is the first clause that changed meaning.
  located.sort((a, b) => a.entry.file.localeCompare(b.entry.file) || a.entry.line - b.entry.line);
  const errors = [...register.errors, ...located.map((e) => e.text)];
  const warnings = diff.fresh.length
    ? [`${diff.fresh.length} 个永久链接尚未登记（如 ${diff.fresh[0]!.url}）；发布前运行 ${UPDATE_COMMAND} 登记 [permalink-unregistered]`]
    : [];
  return { diff, errors, warnings };
}

const missingRegister = (dir: string) => `${displayPath(dir)}: 没有永久链接登记，本次构建不核对永久链接的含义（${UPDATE_COMMAND} 生成登记） [permalink-register-missing]`;

function changedMessage(registered: Entry, now: Published): string {
  return `${registered.file}:${registered.line}:1: 永久链接 ${registered.url}（${clauseName(now.id)}）的条文变了：登记为“${registered.excerpt}”，现为“${now.excerpt}”（${now.at}） [permalink-changed]`;
}

function goneMessage(gone: Entry): string {
  return `${gone.file}:${gone.line}:1: 永久链接 ${gone.url}（${clauseName(idOfUrl(gone.url))}）已不存在，登记的条文为“${gone.excerpt}” [permalink-gone]`;
}

/** `…/#art-43-p2` → art-43-p2, `…/articles/12-1/` → art-12-1. */
function idOfUrl(url: string): string {
  const hash = url.indexOf('#');
  if (hash >= 0) return url.slice(hash + 1);
  const n = /\/articles\/([^/]+)\/$/.exec(url)?.[1];
  return n ? `art-${n}` : url;
}

/** The build's check: throws ContentError (the first problems, in register order) or returns the warnings. */
export function checkPermalinks(corpus: PermalinkCorpus, dir = registerDir()): string[] {
  // No register, nothing to check against: not worth every clause's fingerprint (seconds at the whole collection).
  if (!existsSync(dir)) return [missingRegister(dir)];
  const { errors, warnings } = comparePermalinks(corpus, dir);
  if (errors.length === 0) return warnings;
  const shown = errors.slice(0, SHOWN);
  if (errors.length > SHOWN) shown.push(`……另有 ${errors.length - SHOWN} 处（npm run permalinks 列出全部）`);
  throw new ContentError(shown, PERMALINK_HINT);
}

/** Rewrite the register from the corpus: one file per regulation, files of regulations no longer published removed. */
export function updateRegister(corpus: PermalinkCorpus, dir = registerDir()): RegisterDiff {
  const before = existsSync(dir) ? comparePermalinks(corpus, dir).diff : { gone: [], changed: [], fresh: publishedPermalinks(corpus) };
  mkdirSync(dir, { recursive: true });
  const names = new Set<string>();
  for (const r of corpus.regulations) {
    // One file per text; a version's slug (`监察法/2018-03-20`) names a file as `监察法@2018-03-20`.
    const name = `${r.slug.replace(/\//g, '@')}.tsv`;
    names.add(name);
    writeFileSync(join(dir, name), formatRegister(permalinksOf(r.tree, regulationUrl(r.slug))));
  }
  for (const name of readdirSync(dir)) if (name.endsWith('.tsv') && !names.has(name)) rmSync(join(dir, name));
  return before;
}
