/**
 * Reading a library folder into parsed texts grouped into works: find the
 * files (subfolders are categories), drop the reviewed exclusions, parse each
 * text once (store.ts), group versions (works.ts). Problems are collected for
 * every file so one run reports everything that needs fixing; any error
 * throws ContentError and nothing is published.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { ContentError } from '../data/content-error.ts';
import { formatProblem, hasErrors } from '../parse/index.ts';
import type { Problem, Regulation } from '../tree/types.ts';
import { buildDate } from './build-date.ts';
import { readExclusions, type Exclusion } from './exclusions.ts';
import { findTexts } from './files.ts';
import { folderOf, nameParts, slugOf } from './identity.ts';
import { applyMetadata, readMetadataFile } from './metadata-file.ts';
import { contentHash, parseCached } from './store.ts';
import { groupWorks, type Grouped } from './works.ts';

export interface LoadedRegulation {
  /**
   * URL key: `/regulations/<slug>/`. The work slug for a work's current
   * version, `<work>/<YYYY-MM-DD>` for its other versions.
   */
  slug: string;
  /** The work this text is a version of (its slug). */
  work: string;
  /** Version date, when the work has several versions or the file name gives one. */
  version?: string;
  /** Whether this is the version shown at the work's URL. */
  current: boolean;
  /** Path as shown in messages (relative to the project). */
  path: string;
  /** Path relative to the library root: `宪法相关法/监察法(2024-12-25).txt`. */
  libraryPath: string;
  /** The category: the folder relative to the library root (`''` at the root). */
  folder: string;
  /** Other folders holding a byte-identical copy of this text (published once). */
  alsoIn: string[];
  tree: Regulation;
  /** The text's file (absolute): its bytes are read from there when needed (sourceBytes), not held for the whole build. */
  file: string;
  /** SHA-256 of the bytes. */
  hash: string;
  problems: Problem[];
}

export interface Work {
  slug: string;
  title: string;
  /** Oldest first. */
  versions: LoadedRegulation[];
  current: LoadedRegulation;
}

export interface Library {
  regulations: LoadedRegulation[];
  works: Work[];
  warnings: string[];
  /** Texts left out by the exclusion list, with the reason. */
  excluded: Exclusion[];
}

export { ContentError };

export interface LoadOptions {
  /** The regulations folder. */
  dir: string;
  /** Where messages' paths are relative to (the project root). */
  root?: string;
  /** `exclusions.yaml`; absent: nothing excluded. */
  exclusionsFile?: string;
  /** YYYY-MM-DD; default: the build date. */
  today?: string;
}

/** One text's outcome, for `npm run validate` and the build log. */
export interface TextReport {
  /** Relative to the library root. */
  libraryPath: string;
  /** As shown in messages. */
  path: string;
  status: 'clean' | 'refused' | 'excluded';
  problems: Problem[];
  /** Problems found across files (slugs, versions), as formatted lines. */
  library: string[];
  exclusion?: string;
}

export interface Scan {
  reports: TextReport[];
  /** Every error line, `file:line:column: reason [rule]`. */
  errors: string[];
  warnings: string[];
  library: Library;
}

/**
 * The text's original bytes (the `.txt` download), read from its file. They
 * must still be the bytes that were parsed: a text changed while the site was
 * building fails the build rather than publish a download that is not the
 * page's text.
 */
export function sourceBytes(reg: Pick<LoadedRegulation, 'file' | 'path' | 'hash'>): Uint8Array {
  const bytes = readFileSync(reg.file);
  if (contentHash(bytes) !== reg.hash) throw new ContentError([`${reg.path}:1:1: 文本在构建过程中被改动：与解析时的内容不同 [changed-during-build]`], '等文本不再改动后重新构建');
  return bytes;
}

/** Parse every text under `dir`. Throws ContentError listing every error (warnings are returned). */
export function loadLibrary(options: LoadOptions): Library {
  const scan = scanLibrary(options);
  if (scan.errors.length) throw new ContentError(scan.errors, '改正上面列出的文件（文件:行:列）后重新构建；一时无法改正的文本可列入 exclusions.yaml 并写明理由（npm run validate -- 文件夹 --write-exclusions）');
  return scan.library;
}

/** Parse and check every text under `dir`, never throwing for bad content. */
export function scanLibrary(options: LoadOptions): Scan {
  const root = options.root ?? process.cwd();
  const shown = (p: string) => relative(root, p).split('\\').join('/') || p;
  const errors: string[] = [];
  const warnings: string[] = [];
  const reports: TextReport[] = [];
  const found = findTexts(options.dir);
  for (const p of found.problems) errors.push(`${shown(p.file)}:1:1: ${p.reason} [${p.ruleId}]`);

  const exclusions = options.exclusionsFile ? readExclusions(options.exclusionsFile, shown(options.exclusionsFile)) : undefined;
  errors.push(...(exclusions?.problems ?? []));
  const excludedPaths = new Map((exclusions?.entries ?? []).map((e) => [e.file, e]));
  const present = new Set(found.texts.map((t) => t.path));
  for (const e of exclusions?.entries ?? []) {
    if (!present.has(e.file)) errors.push(`${exclusions!.at(e.file)}: 排除清单中的“${e.file}”不存在：请删去这一项或改正路径 [exclusion-missing]`);
  }

  const candidates: Candidate[] = [];
  const excluded: Exclusion[] = [];
  const bySlug = new Map<string, string>();
  for (const text of found.texts) {
    const path = shown(text.file);
    const report: TextReport = { libraryPath: text.path, path, status: 'clean', problems: [], library: [] };
    reports.push(report);
    const refuse = (line: string) => {
      report.status = 'refused';
      report.library.push(line);
      errors.push(line);
    };
    const { stem, version: named } = nameParts(text.path);
    let work = slugOf(stem);
    let version = named;
    const exclusion = excludedPaths.get(text.path);
    if (exclusion) {
      report.status = 'excluded';
      report.exclusion = exclusion.reason;
      excluded.push(exclusion);
    }
    if (!work) {
      if (!exclusion) refuse(`${path}:1:1: 文件名得不出网址：去掉标点后什么也不剩，请改用中文或英文文件名 [file-name]`);
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(text.file);
    } catch (error) {
      if (!exclusion) refuse(`${path}:1:1: 无法读取文件：${(error as Error).message} [read]`);
      continue;
    }
    const hash = contentHash(bytes);
    const folder = folderOf(text.path);
    const parsed = parseCached(bytes, hash, { path, slug: work, folder });
    let { tree, problems } = parsed;
    // Staff corrections beside the text (<name>.yaml): they override what was read off it.
    const metadata = found.metadata.get(text.path);
    if (metadata && tree) {
      const yamlPath = shown(metadata.file);
      const read = readMetadataFile(yamlPath, readFileSync(metadata.file, 'utf8'));
      for (const p of read.problems) refuse(formatProblem(yamlPath, p));
      if (read.override) {
        tree = { ...tree, meta: applyMetadata(tree.meta, read.override) };
        if (read.override.work) work = read.override.work;
        if (read.override.version) version = read.override.version;
      }
    }
    report.problems = problems;
    if (exclusion) {
      if (!hasErrors(problems)) warnings.push(`${exclusions!.at(exclusion.file)}: 警告：“${exclusion.file}”已没有错误，可以从排除清单中删去 [exclusion-clean]`);
      continue;
    }
    for (const p of problems) (p.severity === 'error' ? errors : warnings).push(formatProblem(path, p));
    if (!tree || hasErrors(problems) || report.status === 'refused') {
      report.status = 'refused';
      continue;
    }
    // x.TXT beside x.txt: one URL for two files, whatever they hold.
    const key = text.path.toLowerCase();
    const clash = bySlug.get(key);
    if (clash) {
      refuse(`${path}:1:1: 与 ${clash} 会得到同一个网址 /regulations/${work}/：请改其中一个文件名 [slug-collision]`);
      continue;
    }
    bySlug.set(key, path);
    candidates.push({ work, ...(version ? { version } : {}), path, libraryPath: text.path, folder, tree, file: text.file, hash, problems, meta: tree.meta });
  }

  const grouped = groupWorks(candidates, options.today ?? buildDate());
  for (const p of grouped.problems) {
    const report = reports.find((r) => r.libraryPath === p.libraryPath)!;
    report.status = 'refused';
    const line = `${report.path}:1:1: ${p.reason} [${p.ruleId}]`;
    report.library.push(line);
    errors.push(line);
  }
  return { reports, errors, warnings, library: assemble(grouped.works, warnings, excluded) };
}

type Candidate = Omit<LoadedRegulation, 'slug' | 'current' | 'alsoIn'> & { meta: Regulation['meta'] };

function assemble(grouped: Grouped<Candidate>[], warnings: string[], excluded: Exclusion[]): Library {
  const regulations: LoadedRegulation[] = [];
  const works: Work[] = [];
  for (const g of grouped) {
    const versions = g.versions.map(({ meta: _meta, ...v }) => {
      const current = v.libraryPath === g.current.libraryPath;
      const slug = current || g.versions.length === 1 ? g.work : `${g.work}/${v.version}`;
      const alsoIn = g.copies.filter((c) => c.of.libraryPath === v.libraryPath).map((c) => c.copy.folder);
      // The tree's slug is its URL key: pages and downloads are built from it.
      const tree = slug === v.tree.slug ? v.tree : { ...v.tree, slug };
      return { ...v, slug, current, alsoIn, tree } satisfies LoadedRegulation;
    });
    regulations.push(...versions);
    works.push({ slug: g.work, title: g.title, versions, current: versions.find((v) => v.current)! });
  }
  regulations.sort((a, b) => (a.libraryPath < b.libraryPath ? -1 : 1));
  works.sort((a, b) => (a.slug < b.slug ? -1 : 1));
  return { regulations, works, warnings, excluded };
}
