/**
 * Reads the page list of Pagefind's metadata file (`pagefind.<hash>.pf_meta`,
 * CBOR: `[version, [[page hash, word count, …], …], chunks, filters, sorts]`),
 * which the wasm needs anyway. Our page table (page-table.ts) is aligned with
 * this list, so it names no page ids and no lengths: the meta has both.
 * Only the CBOR that Pagefind 1.6 writes there (PAGEFIND_VERSION): unsigned
 * integers, strings, arrays; anything else throws.
 */

export interface MetaPage {
  id: string;
  /** Words in the page's content: in our index, its letters and digits (codec.ts: tokenCount). */
  words: number;
}

const decoder = new TextDecoder();

class Reader {
  private at = 0;
  private readonly bytes: Uint8Array;
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }

  /** Major type and argument of the next item. */
  private head(): [number, number] {
    const b = this.bytes[this.at++];
    if (b === undefined) throw new Error('搜索索引元数据不完整');
    const major = b >> 5;
    const info = b & 31;
    if (info < 24) return [major, info];
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : 0;
    if (!size) throw new Error(`搜索索引元数据格式不支持（CBOR 0x${b.toString(16)}）`);
    let n = 0;
    for (let k = 0; k < size; k++) n = n * 256 + this.bytes[this.at++]!;
    return [major, n];
  }

  uint(): number {
    const [major, n] = this.head();
    if (major !== 0) throw new Error('搜索索引元数据：应为整数');
    return n;
  }

  text(): string {
    const [major, n] = this.head();
    if (major !== 3) throw new Error('搜索索引元数据：应为字符串');
    const bytes = this.bytes.subarray(this.at, this.at + n);
    this.at += n;
    // Page hashes are ASCII: a TextDecoder call per page would cost most of the time.
    let ascii = true;
    for (const b of bytes) if (b > 0x7f) ascii = false;
    return ascii ? String.fromCharCode(...bytes) : decoder.decode(bytes);
  }

  array(): number {
    const [major, n] = this.head();
    if (major !== 4) throw new Error('搜索索引元数据：应为数组');
    return n;
  }

  /** Skips one item of the kinds above. */
  skip(): void {
    const [major, n] = this.head();
    if (major === 3 || major === 2) this.at += n;
    else if (major === 4) for (let k = 0; k < n; k++) this.skip();
    else if (major !== 0) throw new Error(`搜索索引元数据格式不支持（类型 ${major}）`);
  }
}

/** The pages of a pf_meta file (its bytes after the 12-byte signature), in Pagefind's order. */
export function metaPages(bytes: Uint8Array): MetaPage[] {
  const r = new Reader(bytes);
  r.array();
  r.text();
  const n = r.array();
  const pages: MetaPage[] = [];
  for (let k = 0; k < n; k++) {
    const fields = r.array();
    const id = r.text();
    const words = r.uint();
    for (let f = 2; f < fields; f++) r.skip();
    pages.push({ id, words });
  }
  return pages;
}
