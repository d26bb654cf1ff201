/**
 * The one place for how a text's file path becomes its identity: the work it
 * belongs to (a readable, stable URL slug) and the version date a file name
 * may carry. docs/urls.md ("Slugs") is the human form of these rules.
 */
import { createHash } from 'node:crypto';

/** A version date at the end of a file name: `监察法(2024-12-25)`, full-width brackets too. */
const VERSION_SUFFIX = /[(（]\s*(\d{4})-(\d{2})-(\d{2})\s*[)）]$/;

// Quotation and title marks carry no meaning in a URL: 《刑法》 → 刑法.
const QUOTES = /[《》〈〉«»「」『』“”‘’"'`]/g;
// Anything but letters (CJK included) and digits separates words.
const SEPARATORS = /[^\p{L}\p{N}]+/gu;

/** Longest slug in UTF-8 bytes: the slug is a folder name in the output (255 bytes at most on most file systems). */
export const MAX_SLUG_BYTES = 200;

export interface NameParts {
  /** The file name without `.txt` and without a version suffix. */
  stem: string;
  /** `YYYY-MM-DD` when the file name ends in one. */
  version?: string;
}

/** `宪法相关法/监察法(2024-12-25).txt` → `{ stem: '监察法', version: '2024-12-25' }`. */
export function nameParts(relativePath: string): NameParts {
  const base = relativePath.replace(/^.*\//, '').replace(/\.txt$/i, '');
  const m = VERSION_SUFFIX.exec(base);
  if (!m || !isCalendarDate(`${m[1]}-${m[2]}-${m[3]}`)) return { stem: base.trim() };
  return { stem: base.slice(0, m.index).trim(), version: `${m[1]}-${m[2]}-${m[3]}` };
}

/**
 * The URL slug of a name: NFKC (full-width letters and digits become ASCII),
 * ASCII letters lower-cased, quotation marks dropped, every run of other
 * non-letters, non-digits (spaces, brackets, 、, ·) one `-`, none at the ends.
 * `上海市实施《义务教育法》办法` → `上海市实施义务教育法办法`,
 * `刑法修正案（四）` → `刑法修正案-四`, `chaoyang-government-work-rules` unchanged.
 */
export function slugOf(name: string): string {
  const slug = name
    .normalize('NFKC')
    .replace(/[A-Z]/g, (c) => c.toLowerCase())
    .replace(QUOTES, '')
    .replace(SEPARATORS, '-')
    .replace(/^-+|-+$/g, '');
  return utf8Length(slug) <= MAX_SLUG_BYTES ? slug : shorten(slug);
}

/**
 * A slug too long for a folder name keeps its first characters (up to 180
 * bytes) and ends in `-` and 8 hex digits of the whole slug's SHA-256, so it
 * stays unique and still reads as the title it starts with.
 */
function shorten(slug: string): string {
  let head = '';
  for (const ch of slug) {
    if (utf8Length(head + ch) > MAX_SLUG_BYTES - 20) break;
    head += ch;
  }
  return `${head.replace(/-+$/, '')}-${createHash('sha256').update(slug).digest('hex').slice(0, 8)}`;
}

/** The folder of a path relative to the library root: `DLC/北京地方法规/地方性法规/北京` (`''` at the root). */
export function folderOf(relativePath: string): string {
  const i = relativePath.lastIndexOf('/');
  return i < 0 ? '' : relativePath.slice(0, i);
}

export function isCalendarDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
