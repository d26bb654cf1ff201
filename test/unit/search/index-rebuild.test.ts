import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeIndex, type IndexPage } from '../../../src/search/index-writer.ts';

/**
 * A rebuild patches the last build's lists (index-state.ts) and links the
 * files whose bytes did not change. What it writes must be exactly what a
 * build from nothing writes: the index folder is named by its content, so
 * the same name means the same index.
 */
const WORDS = ['区长', '会议', '审议', '备案', '公开', '监督', '财政', '预算', '街道', '办事处', '应急', '通知'];
const page = (r: number, a: number, extra = ''): IndexPage => ({
  url: `/regulations/r${r}/articles/${a + 1}/`,
  text: `第${a + 1}条　${Array.from({ length: 60 }, (_, i) => WORDS[(r * 7 + a * 3 + i) % WORDS.length]).join('')}${extra}`,
  meta: { citation: `第${a + 1}条 · 规定${r}` },
  filters: { regulation: [`规定${r}`] },
  kinds: a % 3 ? 'tn' : '',
  ...(a === 2 ? { defines: ['区长'] } : {}),
});
const library = (edit?: (r: number, a: number) => IndexPage | undefined) => {
  const out: IndexPage[] = [];
  // One article has words no other has: an edit that takes them away empties their keys.
  for (let r = 0; r < 30; r++) for (let a = 0; a < 30; a++) out.push(edit?.(r, a) ?? page(r, a, r === 7 && a === 7 ? '孤例罕见。' : ''));
  return out;
};

// Small blocks: a library this small has long lists, and so blocks to patch and link, only if they are cut fine.
const BLOCK = 512;

const dirs: string[] = [];
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'index-rebuild-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The index as a build from nothing writes it. */
async function fromNothing(pages: IndexPage[]) {
  return writeIndex(join(fresh(), 'search-index'), pages, [], { blockBytes: BLOCK });
}

describe('rebuilding the index from the last build’s state', () => {
  it('patches the lists when texts changed in place, writes only the changed files, and matches a build from nothing', async () => {
    const dir = fresh();
    const out = join(dir, 'search-index');
    const state = join(dir, 'state.bin');
    const first = await writeIndex(out, library(), [], { stateFile: state, blockBytes: BLOCK });
    expect(first.patched).toBe(false);
    expect(first).toEqual({ ...(await fromNothing(library())), patched: false });
    // One article reworded (new pairs: 疫情), one whose only words are taken away, one that now defines a term, one whose answer kinds changed.
    const edited = library((r, a) =>
      r === 4 && a === 5 ? page(4, 5, '涉及疫情防控的事项另行规定。') : r === 9 && a === 2 ? { ...page(9, 2), defines: ['会议'] } : r === 20 && a === 1 ? { ...page(20, 1), kinds: '' } : r === 7 && a === 7 ? page(7, 7) : undefined,
    );
    const second = await writeIndex(out, edited, [], { stateFile: state, blockBytes: BLOCK });
    const expected = await fromNothing(edited);
    expect(second.hash).toBe(expected.hash);
    expect(second.hash).not.toBe(first.hash);
    expect(second).toMatchObject({ patched: true, files: expected.files, bytes: expected.bytes });
    expect(second.written).toBeLessThan(expected.written / 3);
    // The same bytes in every file, and the last index's folder is gone.
    const folder = (root: string, hash: string) => readdirSync(join(root, hash), { recursive: true }).filter((f) => String(f).endsWith('.bin')).sort();
    const expectedRoot = join(dirs.at(-1)!, 'search-index');
    expect(folder(out, second.hash)).toEqual(folder(expectedRoot, expected.hash));
    expect(folder(out, second.hash).filter((f) => String(f).startsWith('b/')).length).toBeGreaterThan(10);
    for (const f of folder(out, second.hash)) expect(readFileSync(join(out, second.hash, String(f)))).toEqual(readFileSync(join(expectedRoot, expected.hash, String(f))));
    expect(readdirSync(out).sort()).toEqual([second.hash, 'entry.json', 't'].sort());
    // Nothing changed: nothing but the entry is written, and the index keeps its name.
    const third = await writeIndex(out, edited, [], { stateFile: state, blockBytes: BLOCK });
    expect(third).toMatchObject({ hash: second.hash, patched: true, written: 1 });
  });

  it('builds afresh when pages were added or removed, or the state is unreadable, with the same result as from nothing', async () => {
    const dir = fresh();
    const out = join(dir, 'search-index');
    const state = join(dir, 'state.bin');
    await writeIndex(out, library(), [], { stateFile: state, blockBytes: BLOCK });
    const more = [...library(), page(30, 0)];
    const added = await writeIndex(out, more, [], { stateFile: state, blockBytes: BLOCK });
    expect(added.patched).toBe(false);
    expect(added.hash).toBe((await fromNothing(more)).hash);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(state, 'torn');
    const torn = await writeIndex(out, library(), [], { stateFile: state, blockBytes: BLOCK });
    expect(torn.patched).toBe(false);
    expect(torn.hash).toBe((await fromNothing(library())).hash);
  });
});
