/**
 * Interpretation notes (政策解读) in content/notes/*.mdx, attached to clauses
 * by their frontmatter (`regulation`, `clauses`). The pages themselves are an
 * Astro content collection (src/content.config.ts → /notes/<slug>/); this
 * module reads only the frontmatter, synchronously and once per process, so
 * the article page can list an article's notes:
 *
 *   notesForArticle(slug, articleId): NoteRef[]
 *
 * The build checks each note's `regulation` and `clauses` (remark plugin
 * ./remark-clause-links.ts) and fails on a clause that does not exist.
 */
import { portalConfig } from '../config/index.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { articleIdOf, noteUrl } from './urls.ts';

export interface NoteRef {
  /** File name without `.mdx`: the URL `/notes/<slug>/`. */
  slug: string;
  href: string;
  title: string;
  /** ISO date, when given. */
  date?: string;
  summary?: string;
  regulation: string;
  /** Clause ids the note attaches to (`art-43-p2`). */
  clauses: string[];
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function notesDir(root = process.cwd()): string {
  return process.env.NOTES_DIR ? resolve(root, process.env.NOTES_DIR) : portalConfig(root).notesDir;
}

/** Frontmatter between the leading `---` lines, or undefined. */
export function readFrontmatter(source: string): Record<string, unknown> | undefined {
  const m = /^\ufeff?---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(source);
  if (!m) return undefined;
  const data: unknown = parseYaml(m[1]!);
  return data && typeof data === 'object' ? (data as Record<string, unknown>) : undefined;
}

function isoDate(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return undefined;
}

/** Every note's frontmatter, sorted newest first then by slug. Throws on a malformed note. */
export function loadNotes(dir = notesDir()): NoteRef[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.mdx')).sort();
  } catch {
    return [];
  }
  const notes: NoteRef[] = [];
  const errors: string[] = [];
  for (const file of files) {
    const path = join(dir, file);
    const slug = file.slice(0, -4);
    if (!SLUG.test(slug)) {
      errors.push(`${path}:1:1: 文件名只能使用小写英文字母、数字和连字符，它就是网址`);
      continue;
    }
    const fm = readFrontmatter(readFileSync(path, 'utf8'));
    const title = fm?.['title'];
    const regulation = fm?.['regulation'];
    const clauses = fm?.['clauses'];
    if (typeof title !== 'string' || typeof regulation !== 'string' || !Array.isArray(clauses) || !clauses.every((c) => typeof c === 'string')) {
      errors.push(`${path}:1:1: 解读的 frontmatter 需要 title、regulation 和 clauses（条文编号列表）`);
      continue;
    }
    const date = isoDate(fm?.['date']);
    const summary = fm?.['summary'];
    notes.push({
      slug,
      href: noteUrl(slug),
      title,
      regulation,
      clauses: clauses as string[],
      ...(date ? { date } : {}),
      ...(typeof summary === 'string' ? { summary } : {}),
    });
  }
  if (errors.length) throw new Error(`解读文件有错误：\n${errors.join('\n')}`);
  return notes.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.slug.localeCompare(b.slug));
}

let byArticle: Map<string, NoteRef[]> | undefined;

/** Notes attached to any clause of the article (or to the article itself), newest first. */
export function notesForArticle(slug: string, articleId: string): NoteRef[] {
  if (!byArticle) {
    byArticle = new Map();
    for (const note of loadNotes()) {
      const articles = new Set(note.clauses.map((c) => articleIdOf(c.replace(/^.*#/, '')) ?? c));
      for (const a of articles) {
        const key = `${note.regulation}#${a}`;
        const list = byArticle.get(key);
        if (list) list.push(note);
        else byArticle.set(key, [note]);
      }
    }
  }
  return byArticle.get(`${slug}#${articleId}`) ?? [];
}
