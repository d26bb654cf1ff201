/**
 * Finding the texts of a library folder: every `*.txt` (any case) under it,
 * in subfolders too (the folder is the text's category), symbolic links
 * followed. Whatever cannot be read is a located problem, never a crash, so
 * one run reports every file that needs fixing.
 */
import { readdirSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';

export interface TextFile {
  /** Path relative to the library root, `/`-separated: `宪法相关法/监察法(2024-12-25).txt`. */
  path: string;
  /** Absolute (or root-joined) path to read. */
  file: string;
}

export interface FileProblem {
  /** The file or folder the problem is about. */
  file: string;
  reason: string;
  ruleId: string;
}

export interface FoundFiles {
  texts: TextFile[];
  /** `<stem>.yaml` metadata files beside the texts, by the text's relative path. */
  metadata: Map<string, TextFile>;
  problems: FileProblem[];
}

const TEXT = /\.txt$/i;
const METADATA = /\.ya?ml$/i;

/** Walk `root`. A missing or unreadable root is a problem, not an exception. */
export function findTexts(root: string): FoundFiles {
  const found: FoundFiles = { texts: [], metadata: new Map(), problems: [] };
  const yamls = new Map<string, TextFile>();
  let rootStat: Stats;
  try {
    rootStat = statSync(root);
  } catch {
    found.problems.push({ file: root, ruleId: 'no-content', reason: '法规文件夹不存在：请检查 portal.config.yaml 的 content 或 PORTAL_CONTENT' });
    return found;
  }
  if (!rootStat.isDirectory()) {
    found.problems.push({ file: root, ruleId: 'no-content', reason: '这不是文件夹：法规文件夹应是一个放 .txt 文本的文件夹' });
    return found;
  }
  const seen = new Set<string>(); // real directories visited, so a link loop ends
  const walk = (dir: string, prefix: string) => {
    let real: string;
    let names: string[];
    try {
      real = statSync(dir).ino + ':' + statSync(dir).dev;
      names = readdirSync(dir).sort();
    } catch (error) {
      found.problems.push({ file: dir, ruleId: 'read', reason: `无法读取文件夹：${(error as Error).message}` });
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const file = join(dir, name);
      const path = prefix ? `${prefix}/${name}` : name;
      let stat: Stats;
      try {
        stat = statSync(file);
      } catch (error) {
        found.problems.push({ file, ruleId: 'read', reason: `无法读取：${(error as Error).message}` });
        continue;
      }
      if (stat.isDirectory()) {
        if (TEXT.test(name)) found.problems.push({ file, ruleId: 'not-a-file', reason: '这是文件夹，不是文本：名称以 .txt 结尾的只能是法规文本文件' });
        walk(file, path);
      } else if (TEXT.test(name)) {
        found.texts.push({ path, file });
      } else if (METADATA.test(name)) {
        yamls.set(path.replace(METADATA, ''), { path, file });
      }
    }
  };
  walk(root, '');
  found.texts.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const text of found.texts) {
    const yaml = yamls.get(text.path.replace(TEXT, ''));
    if (yaml) found.metadata.set(text.path, yaml);
  }
  if (found.texts.length === 0 && found.problems.length === 0) {
    found.problems.push({ file: root, ruleId: 'no-content', reason: '没有任何 .txt 法规文本' });
  }
  return found;
}
