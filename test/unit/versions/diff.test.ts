import { describe, expect, it } from 'vitest';
import { charDiff } from '../../../src/versions/diff.ts';

const join = (parts: ReturnType<typeof charDiff>, keep: 'del' | 'ins') => parts.filter((p) => p.kind !== (keep === 'del' ? 'ins' : 'del')).map((p) => p.text).join('');

describe('charDiff', () => {
  it('diffs by character, and both sides read back exactly', () => {
    const a = '国务院行使宪法第八十九条规定的职权。';
    const b = '国务院行使宪法和有关法律规定的职权。';
    const d = charDiff(a, b);
    expect(join(d, 'del')).toBe(a);
    expect(join(d, 'ins')).toBe(b);
    expect(d).toContainEqual({ kind: 'ins', text: '和有关法律' });
    expect(d.find((p) => p.kind === 'same')?.text).toBe('国务院行使宪法');
  });

  it('folds a one-character common run between two changes into them', () => {
    const d = charDiff('甲乙丙', '丁乙戊');
    expect(d).toEqual([
      { kind: 'del', text: '甲乙丙' },
      { kind: 'ins', text: '丁乙戊' },
    ]);
  });
});
