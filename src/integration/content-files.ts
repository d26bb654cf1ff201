/**
 * Every authored content file, checked before Astro renders a page (issue
 * #15.12): content/topics.yaml, the front matter of content/pages and
 * content/notes, and the clause references in their MDX (the same remark
 * plugin that links them at render time, run here on its own). Each problem
 * is `file:line:column: reason` with a hint; a bad file would otherwise fail
 * deep inside Astro's renderer after part of the site is written.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'astro/zod';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { portalConfig } from '../config/index.ts';
import { displayPath, parseYaml, YamlFileError } from '../data/yaml-file.ts';
import { notesDir } from '../render/notes.ts';
import remarkClauseLinks from '../render/remark-clause-links.ts';
import { parseTopics, topicsFile } from '../render/topics.ts';
import type { CorpusLike } from '../render/xref-index.ts';
import { ContentError } from '../data/content-error.ts';

export function pagesDir(root = process.cwd()): string {
  return process.env['PAGES_DIR'] ? resolve(root, process.env['PAGES_DIR']) : portalConfig(root).pagesDir;
}

const TOPICS_HINT = '改正 content/topics.yaml 中标出的位置：每个专题要有 id（小写英文字母、数字和连字符，它是网址）、name、description 和 terms（至少一个匹配词，不重复）。';
const FRONTMATTER_HINT = '改正文件开头两行 --- 之间的 frontmatter：页面要有 title、description（可选 regulation、order），解读要有 title、regulation、clauses（如 [art-43-p2]）、date（带引号的 YYYY-MM-DD）和 summary。';
const MDX_HINT = '条文引用要指向现有的条款：写成“第四十三条第二款”或 [[法规网址名#art-43-p2]]；页面涉及多部法规时在 frontmatter 写 regulation；条款确已删除或改号时，改写引用。';

/** File names of pages and notes are their URLs. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const text = z.string().trim().min(1);
// The collections' schemas (src/content.config.ts) as the checks need them; Astro applies its own again at render.
const pageSchema = z.object({ title: text, description: text, regulation: text.optional(), order: z.number().int().optional() });
const noteSchema = z.object({
  title: text,
  regulation: text,
  clauses: z.array(text).min(1),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期写作带引号的 YYYY-MM-DD'),
  summary: text,
});

/** Runs every check; throws one ContentError listing all problems (hints of the kinds that occurred). */
export function checkContentFiles(corpus: CorpusLike): void {
  const failures: ContentError[] = [];
  const attempt = (check: () => void, hint: string) => {
    try {
      check();
    } catch (error) {
      if (error instanceof ContentError) failures.push(error);
      else if (error instanceof Error) failures.push(new ContentError(error.message.split('\n').filter((l) => /^\S+:\d+:\d+: /.test(l)), hint));
      else throw error;
    }
  };
  attempt(() => {
    const file = topicsFile();
    if (existsSync(file)) parseTopics(readFileSync(file, 'utf8'), displayPath(file));
  }, TOPICS_HINT);
  for (const [dir, schema] of [[pagesDir(), pageSchema], [notesDir(), noteSchema]] as const) {
    for (const path of mdxFiles(dir)) {
      if (!SLUG.test(path.replace(/^.*\//, '').slice(0, -4))) {
        failures.push(new ContentError([`${displayPath(path)}:1:1: 文件名只能使用小写英文字母、数字和连字符，它就是网址 [file-name]`]));
        continue;
      }
      const source = readFileSync(path, 'utf8');
      let data: Record<string, unknown> | undefined;
      attempt(() => (data = frontmatter(displayPath(path), source, schema)), FRONTMATTER_HINT);
      if (data) attempt(() => checkClauseReferences(path, source, data!, corpus), MDX_HINT);
    }
  }
  if (failures.length) throw ContentError.combine(failures);
}

function mdxFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.mdx')).sort().map((f) => join(dir, f));
}

const FRONTMATTER = /^\ufeff?---\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/;

/** The front matter, validated: problems at their line in the file (the YAML starts on line 2). */
function frontmatter(file: string, source: string, schema: z.ZodType): Record<string, unknown> {
  const m = FRONTMATTER.exec(source);
  if (!m) throw new ContentError([`${file}:1:1: 缺少 frontmatter（文件开头两行 --- 之间的 title 等字段） [frontmatter]`], FRONTMATTER_HINT);
  try {
    // Problems point at the offending value (`order: first`), a missing key at the front matter.
    return parseYaml(file, m[1]!, schema, undefined, { point: 'value' }) as Record<string, unknown>;
  } catch (error) {
    if (!(error instanceof YamlFileError)) throw error;
    throw new ContentError(error.problems.map((p) => `${file}:${p.line + 1}:${p.column}: ${p.message} [frontmatter]`), FRONTMATTER_HINT);
  }
}

/** The MDX body through remark-mdx and the clause-link plugin; its failures are already located. */
function checkClauseReferences(path: string, source: string, data: Record<string, unknown>, corpus: CorpusLike): void {
  // Front matter blanked, not cut, so lines and columns stay those of the file.
  const body = source.replace(FRONTMATTER, (fm) => fm.replace(/[^\n]/g, ''));
  const file = new VFile({ path, value: body, data: { astro: { frontmatter: data } } });
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkClauseLinks, { corpus });
  try {
    processor.runSync(processor.parse(file), file);
  } catch (error) {
    const message = error as { reason?: string; line?: number; column?: number; place?: unknown };
    if (typeof message.reason !== 'string') throw error;
    const located = /^\S+:\d+:\d+: /.test(message.reason);
    const where = `${displayPath(path)}:${message.line ?? 1}:${message.column ?? 1}`;
    throw new ContentError([located ? `${message.reason} [clause-ref]` : `${where}: MDX 语法错误：${message.reason} [mdx-syntax]`], MDX_HINT);
  }
}
