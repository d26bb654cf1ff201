import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceBytes } from '../../../src/corpus/load.ts';
import { contentHash } from '../../../src/corpus/store.ts';

describe('sourceBytes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'portal-bytes-'));
  const file = join(dir, '某条例.txt');
  // GB18030 bytes stay as they are: the download is the file, not the decoded text.
  const bytes = Uint8Array.from([0xc4, 0xb3, 0xcc, 0xf5, 0xc0, 0xfd, 0x0a]);
  writeFileSync(file, bytes);
  const reg = { file, path: 'content/regulations/某条例.txt', hash: contentHash(bytes) };

  it('reads the text’s bytes from its file', () => {
    expect([...sourceBytes(reg)]).toEqual([...bytes]);
  });

  it('fails, naming the file, when the text changed after it was parsed', () => {
    writeFileSync(file, '第一条 改过了\n');
    expect(() => sourceBytes(reg)).toThrow(/content\/regulations\/某条例\.txt:1:1: .*\[changed-during-build\]/);
  });
});
