import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNotes, readFrontmatter } from '../../../src/render/notes.ts';
import { ROOT } from './helpers.ts';

describe('interpretation notes', () => {
  it('reads the seed note and attaches it to article 43', () => {
    const notes = loadNotes(resolve(ROOT, 'content/notes'));
    const note = notes.find((n) => n.slug === 'meeting-materials-three-working-days')!;
    expect(note).toMatchObject({
      href: '/notes/meeting-materials-three-working-days/',
      regulation: 'chaoyang-government-work-rules',
      clauses: ['art-43-p2'],
      date: '2026-11-26',
    });
    expect(note.title).toContain('第四十三条第二款');
  });

  it('notesForArticle finds notes by any clause of the article', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'notes-'));
    const note = (clauses: string, date: string) => `---\ntitle: 示例\nregulation: r\nclauses: ${clauses}\ndate: '${date}'\nsummary: 摘要\n---\n\n正文\n`;
    writeFileSync(join(dir, 'a.mdx'), note('[art-3-p1-i2]', '2026-01-01'));
    writeFileSync(join(dir, 'b.mdx'), note('[art-3, art-5-p2]', '2026-02-01'));
    process.env.NOTES_DIR = dir;
    const { notesForArticle } = await import('../../../src/render/notes.ts');
    expect(notesForArticle('r', 'art-3').map((n) => n.slug)).toEqual(['b', 'a']);
    expect(notesForArticle('r', 'art-5').map((n) => n.slug)).toEqual(['b']);
    expect(notesForArticle('r', 'art-4')).toEqual([]);
    expect(notesForArticle('other', 'art-3')).toEqual([]);
    delete process.env.NOTES_DIR;
  });

  it('rejects a note without title, regulation or clauses', () => {
    const dir = mkdtempSync(join(tmpdir(), 'notes-'));
    writeFileSync(join(dir, 'bad.mdx'), '---\ntitle: 缺条文\nregulation: r\n---\n');
    expect(() => loadNotes(dir)).toThrow(/bad\.mdx:1:1: .*clauses/);
    expect(readFrontmatter('no frontmatter')).toBeUndefined();
  });
});
