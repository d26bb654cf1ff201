/**
 * The exclusion list (`<content>/exclusions.yaml`): texts an operator has
 * reviewed and decided not to publish yet, each with the reason, so the first
 * import of a large library can publish the rest. Nothing of an excluded text
 * is published; every one is named in the build output.
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { parseYaml, YamlFileError } from '../data/yaml-file.ts';

export interface Exclusion {
  /** Path relative to the regulations folder, as `npm run validate` prints it. */
  file: string;
  reason: string;
}

const schema = z.array(
  z.strictObject({
    file: z.string().trim().min(1, '写出文本相对法规文件夹的路径，如 行政法规/某条例.txt').regex(/\.txt$/i, '应是 .txt 文本的路径'),
    reason: z.string().trim().min(2, '写明不发布的理由（审核人看得懂的一句话）'),
  }),
);

export interface ExclusionList {
  entries: Exclusion[];
  /** `file:line:column: message` lines. */
  problems: string[];
  /** `file:line:column` of an entry, for messages about it. */
  at(file: string): string;
}

/** Read the list; a missing file is an empty list. */
export function readExclusions(path: string, shownAs: string): ExclusionList {
  if (!existsSync(path)) return { entries: [], problems: [], at: () => shownAs };
  const text = readFileSync(path, 'utf8');
  if (!text.trim()) return { entries: [], problems: [], at: () => shownAs };
  try {
    const lines = new Map<string, number>();
    const entries = parseYaml(shownAs, text, schema, (list) => {
      const issues = [];
      for (const [i, e] of list.entries()) {
        if (lines.has(e.file)) issues.push({ path: [i, 'file'], message: `重复：第 ${lines.get(e.file)! + 1} 项已列出此文本` });
        else lines.set(e.file, i);
      }
      return issues;
    }, { point: 'value' });
    // Line numbers: find each entry's `file:` line in the text, for later messages.
    const rows = text.split(/\r?\n/);
    const at = (file: string) => {
      const n = rows.findIndex((r) => r.includes(file));
      return n < 0 ? shownAs : `${shownAs}:${n + 1}:1`;
    };
    return { entries, problems: [], at };
  } catch (error) {
    if (error instanceof YamlFileError) return { entries: [], problems: error.message.split('\n'), at: () => shownAs };
    throw error;
  }
}
