/**
 * Works and versions: texts that share a work slug are versions of one work
 * (the same regulation as amended over time), ordered by version date. The
 * version in force on the build date is the work's current version, shown at
 * the bare work URL; every other version lives under its date
 * (docs/urls.md, "Works and versions").
 */
import type { Meta } from '../tree/types.ts';

export interface Candidate {
  /** Relative to the library root. */
  libraryPath: string;
  /** Work slug (from the file name, or the metadata file's `work`). */
  work: string;
  /** Version date from the file name or the metadata file. */
  version?: string;
  hash: string;
  meta: Meta;
}

export interface Grouped<C extends Candidate> {
  work: string;
  title: string;
  /** Oldest first. */
  versions: (C & { version?: string })[];
  current: C;
  /** Byte-identical copies of a version in other folders: published once. */
  copies: { of: C; copy: C }[];
}

export interface WorkProblem {
  libraryPath: string;
  ruleId: string;
  reason: string;
}

/**
 * The date a version is known by, when its file name and metadata file give
 * none: the latest dated event of its history that made this text (通过,
 * 公布, 修正, 修订), else its issue, adoption or effective date.
 */
export function versionDateOf(meta: Meta): string | undefined {
  const made = (meta.history ?? []).filter((h) => h.date && h.event !== '施行' && h.event !== '废止').map((h) => h.date!);
  const amended = meta.amended;
  return [...made, amended].filter(Boolean).sort().at(-1) ?? meta.issued ?? meta.adopted?.date ?? meta.effective?.date;
}

/** A title as compared: letters and digits only, so spacing and punctuation never tell two titles apart. */
export function titleKey(title: string): string {
  return title.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Group candidates into works; `today` (YYYY-MM-DD) decides which version is current. */
export function groupWorks<C extends Candidate>(candidates: readonly C[], today: string): { works: Grouped<C>[]; problems: WorkProblem[] } {
  const problems: WorkProblem[] = [];
  const bySlug = new Map<string, C[]>();
  for (const c of candidates) {
    const list = bySlug.get(c.work) ?? [];
    list.push(c);
    bySlug.set(c.work, list);
  }
  const works: Grouped<C>[] = [];
  for (const [work, texts] of bySlug) {
    const first = texts[0]!;
    // Titles that differ only in spacing or punctuation (`、` for a space) name the same work.
    const others = texts.slice(1).filter((t) => titleKey(t.meta.title) !== titleKey(first.meta.title));
    if (others.length) {
      for (const t of others) {
        problems.push({
          libraryPath: t.libraryPath,
          ruleId: 'slug-collision',
          reason: `与 ${first.libraryPath} 会得到同一个网址 /regulations/${work}/，但标题不同（《${t.meta.title}》与《${first.meta.title}》），不是同一法规的两个版本：请改其中一个文件名`,
        });
      }
      continue;
    }
    if (texts.length === 1) {
      works.push({ work, title: first.meta.title, versions: [first], current: first, copies: [] });
      continue;
    }
    const dated = texts.map((t) => ({ t, date: t.version ?? versionDateOf(t.meta) }));
    const undated = dated.filter((d) => !d.date);
    if (undated.length) {
      for (const d of undated) {
        problems.push({
          libraryPath: d.t.libraryPath,
          ruleId: 'version-date',
          reason: `《${first.meta.title}》有 ${texts.length} 个文本，此文本看不出版本日期：请在文件名末尾写上版本日期，如（2024-12-25），或在同名 .yaml 中写 version: YYYY-MM-DD`,
        });
      }
      continue;
    }
    dated.sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : 0));
    const versions: C[] = [];
    const copies: { of: C; copy: C }[] = [];
    for (const d of dated) {
      const prev = versions.at(-1);
      if (prev && prev.version === d.date) {
        if (prev.hash === d.t.hash) copies.push({ of: prev, copy: d.t });
        else {
          problems.push({
            libraryPath: d.t.libraryPath,
            ruleId: 'version-duplicate',
            reason: `与 ${prev.libraryPath} 是《${first.meta.title}》的同一版本（${d.date}），内容却不同：请核对哪一个是正式文本，或在 .yaml 中写明各自的 version`,
          });
        }
        continue;
      }
      versions.push({ ...d.t, version: d.date! });
    }
    works.push({ work, title: first.meta.title, versions, current: currentOf(versions, today), copies });
  }
  problems.push(...sameTitle(works));
  return { works, problems };
}

/**
 * Two works with one title: a citation of that title could mean either, so it
 * is refused unless the texts are versions of one work (same slug) — which
 * the reason says how to make them.
 */
function sameTitle<C extends Candidate>(works: Grouped<C>[]): WorkProblem[] {
  const byTitle = new Map<string, Grouped<C>>();
  const problems: WorkProblem[] = [];
  for (const w of works) {
    const key = titleKey(w.title);
    const other = byTitle.get(key);
    if (!other) {
      byTitle.set(key, w);
      continue;
    }
    problems.push({
      libraryPath: w.versions[0]!.libraryPath,
      ruleId: 'title-duplicate',
      reason: `与 ${other.versions[0]!.libraryPath} 标题相同（《${w.title}》）却是不同的法规：引用这个标题时无法确定指哪一部。若是同一法规的不同版本，请让文件名相同（只差末尾的版本日期），或在 .yaml 中用 work: ${other.work} 指明`,
    });
  }
  return problems;
}

/** The latest version in force on `today`; before the first takes effect, the first. */
function currentOf<C extends Candidate>(versions: readonly C[], today: string): C {
  const inForce = versions.filter((v) => (v.meta.effective?.date ?? v.version ?? '') <= today);
  return inForce.at(-1) ?? versions[0]!;
}
