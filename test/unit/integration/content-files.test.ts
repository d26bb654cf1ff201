/** Every authored content file is checked before rendering, each problem located, with a hint. */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getCorpus } from '../../../src/corpus/index.ts';
import { checkContentFiles } from '../../../src/integration/content-files.ts';
import { ContentError } from '../../../src/data/content-error.ts';

const saved = { ...process.env };
afterEach(() => {
  for (const key of ['TOPICS_FILE', 'PAGES_DIR', 'NOTES_DIR']) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

function failure(): ContentError {
  try {
    checkContentFiles(getCorpus());
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error('expected a ContentError');
}

function folderWith(from: string, name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'content-files-'));
  cpSync(from, dir, { recursive: true });
  writeFileSync(join(dir, name), text);
  return dir;
}

describe('checkContentFiles', () => {
  it('passes the real content/', () => {
    expect(() => checkContentFiles(getCorpus())).not.toThrow();
  });

  it('reports every bad file at once: topics, front matter, MDX references, file names', () => {
    const topics = join(mkdtempSync(join(tmpdir(), 'content-files-')), 'topics.yaml');
    writeFileSync(topics, '- id: meetings\n  name: 会议\n  description: 会议制度\n  terms: []\n');
    process.env['TOPICS_FILE'] = topics;
    // content/ holds several regulations: the page names the one its bare 第X条 means.
    process.env['PAGES_DIR'] = folderWith('content/pages', 'cite.mdx', '---\ntitle: 引用\ndescription: 引用\nregulation: chaoyang-government-work-rules\n---\n\n另见第九十九条。\n');
    process.env['NOTES_DIR'] = folderWith('content/notes', 'Bad_Name.mdx', '---\ntitle: x\n---\n');
    const notes = process.env['NOTES_DIR'];
    writeFileSync(join(notes, 'no-summary.mdx'), '---\ntitle: 解读\nregulation: chaoyang-government-work-rules\nclauses: [art-43-p2]\ndate: "2026-10-01"\n---\n\n正文\n');
    const error = failure();
    expect(error.messages).toEqual([
      expect.stringMatching(/topics\.yaml:4:10: terms 应为至少一个匹配词的列表$/),
      expect.stringMatching(/cite\.mdx:7:3: “第九十九条”：.* \[clause-ref\]$/),
      expect.stringMatching(/Bad_Name\.mdx:1:1: 文件名只能使用小写英文字母、数字和连字符，它就是网址 \[file-name\]$/),
      expect.stringMatching(/no-summary\.mdx:2:1: summary：.* \[frontmatter\]$/),
    ]);
    expect(error.hint).toContain('content/topics.yaml');
    expect(error.hint).toContain('frontmatter');
    expect(error.hint).toContain('条文引用');
  });

  it('an MDX syntax error is located too', () => {
    process.env['PAGES_DIR'] = folderWith('content/pages', 'broken.mdx', '---\ntitle: 坏\ndescription: 坏\n---\n\n<div>\n');
    expect(failure().messages).toEqual([expect.stringMatching(/broken\.mdx:\d+:\d+: MDX 语法错误：.* \[mdx-syntax\]$/)]);
  });
});
