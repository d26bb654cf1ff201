/**
 * Reading content/regulations/*.txt into parsed trees. Every file is parsed
 * once per process; problems are collected for all files so one run reports
 * everything that needs fixing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { formatProblem, hasErrors, parseRegulation } from '../parse/index.ts';
import type { Problem, Regulation } from '../tree/types.ts';

export interface LoadedRegulation {
  slug: string;
  /** Path relative to the project root, as shown in messages. */
  path: string;
  tree: Regulation;
  /** The decoded source text. */
  source: string;
  /** The original bytes, offered as the `.txt` download. */
  bytes: Uint8Array;
  problems: Problem[];
}

export class ContentError extends Error {
  readonly messages: string[];

  constructor(messages: string[]) {
    super(`法规文本有错误，未发布任何内容：\n${messages.join('\n')}`);
    this.name = 'ContentError';
    this.messages = messages;
  }
}

/** Slugs are ASCII file names: they become URLs. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function regulationsDir(root = process.cwd()): string {
  return resolve(root, process.env.REGULATIONS_DIR ?? 'content/regulations');
}

/** Parse every `.txt` in `dir`. Throws ContentError listing every error (warnings are returned). */
export function loadRegulations(dir = regulationsDir(), root = process.cwd()): { regulations: LoadedRegulation[]; warnings: string[] } {
  const errors: string[] = [];
  const warnings: string[] = [];
  const regulations: LoadedRegulation[] = [];
  const files = readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.txt')).sort();
  for (const file of files) {
    const path = relative(root, join(dir, file)) || file;
    const slug = file.slice(0, -4);
    if (!SLUG.test(slug)) {
      errors.push(`${path}:1:1: 文件名只能使用小写英文字母、数字和连字符，它就是网址 [file-name]`);
      continue;
    }
    const bytes = readFileSync(join(dir, file));
    const { tree, problems, source } = parseRegulation(bytes, { path, slug });
    for (const p of problems) (p.severity === 'error' ? errors : warnings).push(formatProblem(path, p));
    if (tree && source !== undefined && !hasErrors(problems)) {
      regulations.push({ slug, path, tree, source, bytes, problems });
    }
  }
  if (files.length === 0) errors.push(`${relative(root, dir) || dir}: 没有任何 .txt 法规文本 [no-content]`);
  if (errors.length) throw new ContentError(errors);
  return { regulations, warnings };
}
