import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentError, loadLibrary, scanLibrary } from '../../../src/corpus/load.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const SEED = join(ROOT, 'content/regulations/chaoyang-government-work-rules.txt');
const LIBRARY = join(ROOT, 'test/library/texts');

function folder(files: Record<string, string | null>): string {
  const dir = mkdtempSync(join(tmpdir(), 'portal-load-'));
  for (const [path, from] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    if (from === null) mkdirSync(join(dir, path));
    else if (from.endsWith('.txt')) copyFileSync(from, join(dir, path));
    else writeFileSync(join(dir, path), from);
  }
  return dir;
}

const errorsOf = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ContentError) return error.messages;
    throw error;
  }
  return [];
};

describe('loadLibrary', () => {
  it('keeps the seed at its URL and gives a text in a subfolder its category', () => {
    const dir = folder({ 'chaoyang-government-work-rules.txt': SEED, '宪法相关法/香港特别行政区驻军法(1996-12-30).txt': join(LIBRARY, '宪法相关法/香港特别行政区驻军法(1996-12-30).txt') });
    const { regulations } = loadLibrary({ dir, root: dir });
    expect(regulations.map((r) => [r.slug, r.folder, r.version])).toEqual([
      ['chaoyang-government-work-rules', '', undefined],
      ['香港特别行政区驻军法', '宪法相关法', '1996-12-30'],
    ]);
    expect(regulations[1]!.tree.slug).toBe('香港特别行政区驻军法');
  });

  it('refuses a second copy of a text under another name: one title, two works', () => {
    const dir = folder({ 'a.txt': SEED, '规范性文件/b.txt': SEED });
    expect(errorsOf(() => loadLibrary({ dir, root: dir }))).toEqual([expect.stringMatching(/^规范性文件\/b\.txt:1:1: 与 a\.txt 标题相同.*\[title-duplicate\]$/)]);
  });

  it('groups the versions of a work: the current one at the work URL, the other under its date', () => {
    const dir = folder({
      '宪法相关法/监察法(2018-03-20).txt': join(LIBRARY, '宪法相关法/监察法(2018-03-20).txt'),
      '宪法相关法/监察法(2024-12-25).txt': join(LIBRARY, '宪法相关法/监察法(2024-12-25).txt'),
    });
    const { works, regulations } = loadLibrary({ dir, root: dir, today: '2026-12-01' });
    expect(works.map((w) => [w.slug, w.versions.length, w.current.version])).toEqual([['监察法', 2, '2024-12-25']]);
    expect(regulations.map((r) => r.slug).sort()).toEqual(['监察法', '监察法/2018-03-20']);
    expect(regulations.find((r) => r.slug === '监察法')!.tree.slug).toBe('监察法');
  });

  it('reports a missing folder, a folder named x.txt and case twins as located errors', () => {
    expect(errorsOf(() => loadLibrary({ dir: join(tmpdir(), 'no-such-portal-folder'), root: tmpdir() }))[0]).toMatch(/no-such-portal-folder:1:1: 法规文件夹不存在.*\[no-content\]$/);
    const dir = folder({ 'a.txt': SEED, 'A.TXT': SEED, 'd.txt': null });
    const errors = errorsOf(() => loadLibrary({ dir, root: dir }));
    expect(errors.some((e) => /^d\.txt:1:1: 这是文件夹.*\[not-a-file\]$/.test(e))).toBe(true);
    expect(errors.some((e) => /^a\.txt:1:1: 与 A\.TXT 会得到同一个网址.*\[slug-collision\]$/.test(e))).toBe(true);
  });

  it('publishes nothing of an excluded text, names it, and rejects a stale entry', () => {
    const dir = folder({ 'ok.txt': SEED, 'bad.txt': '没有标题\n第一条 内容。\n第三条 内容。\n', 'exclusions.yaml': '- file: bad.txt\n  reason: 第二条缺失，待核对原件\n' });
    const lib = loadLibrary({ dir, root: dir, exclusionsFile: join(dir, 'exclusions.yaml') });
    expect(lib.regulations.map((r) => r.slug)).toEqual(['ok']);
    expect(lib.excluded).toEqual([{ file: 'bad.txt', reason: '第二条缺失，待核对原件' }]);
    writeFileSync(join(dir, 'exclusions.yaml'), '- file: bad.txt\n  reason: 待核对\n- file: gone.txt\n  reason: 已删除\n');
    expect(errorsOf(() => loadLibrary({ dir, root: dir, exclusionsFile: join(dir, 'exclusions.yaml') }))).toEqual([
      'exclusions.yaml:3:1: 排除清单中的“gone.txt”不存在：请删去这一项或改正路径 [exclusion-missing]',
    ]);
    writeFileSync(join(dir, 'exclusions.yaml'), '- file: bad.txt\n');
    expect(errorsOf(() => loadLibrary({ dir, root: dir, exclusionsFile: join(dir, 'exclusions.yaml') }))[0]).toMatch(/^exclusions\.yaml:1:3: \[0\]\.reason：/);
  });

  it('warns when an excluded text no longer has errors', () => {
    const dir = folder({ 'ok.txt': SEED, 'exclusions.yaml': '- file: ok.txt\n  reason: 以前有错\n' });
    const lib = loadLibrary({ dir, root: dir, exclusionsFile: join(dir, 'exclusions.yaml') });
    expect(lib.regulations).toEqual([]);
    expect(lib.warnings.join('\n')).toContain('[exclusion-clean]');
  });
});

describe('scanLibrary', () => {
  it('reports every text of a folder without throwing', () => {
    const dir = folder({ 'ok.txt': SEED, 'sub/bad.txt': '标题\n第一条 内容。\n第三条 内容。\n' });
    const scan = scanLibrary({ dir, root: dir });
    expect(scan.reports.map((r) => [r.libraryPath, r.status])).toEqual([
      ['ok.txt', 'clean'],
      ['sub/bad.txt', 'refused'],
    ]);
    expect(scan.errors).toEqual(['sub/bad.txt:3:1: 条文编号不连续：应为“第二条”，实为“第三条” [article-sequence]']);
  });
});
