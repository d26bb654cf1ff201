/**
 * Every key's postings for the clause pages of a build (build time): a
 * unigram per letter or digit, a bigram per two consecutive ones, and a key
 * per term a page defines; index-format.ts gives the bytes.
 */
import { ByteReader, ByteWriter, definitionKey, kindsBits, positionalChars, writePosting } from './index-format.ts';
import type { SearchPage } from './html-pages.ts';

/** A clause page as the index needs it: its text, citation, filters, answer kinds and the terms it defines (definitions.ts). */
export interface IndexPage extends SearchPage {
  kinds: string;
  defines?: readonly string[];
}

export class KeyList {
  // Most keys hold one or two short postings.
  readonly w = new ByteWriter(16);
  df = 0;
  lastPage = 0;
}

/** One page's keys with their positions: each letter or digit, each two consecutive ones (at the first's position), and each term it defines (no positions). */
export function pageKeys(p: IndexPage): { keys: Map<string, number[]>; length: number } {
  const chars = positionalChars(p.text);
  const keys = new Map<string, number[]>();
  const at = (key: string, i: number) => {
    const l = keys.get(key);
    if (l) l.push(i);
    else keys.set(key, [i]);
  };
  for (let i = 0; i < chars.length; i++) {
    at(chars[i]!, i);
    if (i + 1 < chars.length) at(chars[i]! + chars[i + 1]!, i);
  }
  // A term the page defines is a key of its own (no positions): what the engine asks to rank definitions first.
  for (const term of p.defines ?? []) keys.set(definitionKey(term), []);
  return { keys, length: chars.length };
}

/** Every key's postings for these pages (numbered in order). */
export function postingLists(pages: readonly IndexPage[]): { lists: Map<string, KeyList>; total: number } {
  const lists = new Map<string, KeyList>();
  let total = 0;
  pages.forEach((p, page) => {
    const { keys, length } = pageKeys(p);
    total += length;
    const kinds = kindsBits(p.kinds);
    for (const [key, positions] of keys) {
      let list = lists.get(key);
      if (!list) lists.set(key, (list = new KeyList()));
      writePosting(list.w, list.lastPage, { page, length, kinds, positions });
      list.lastPage = page;
      list.df++;
    }
  });
  return { lists, total };
}

/**
 * Each posting of a list as its page and the bytes after its page delta
 * (`bytes.subarray(from, to)`): what a list is cut or patched with by
 * copying, without decoding the positions into objects (a common key's
 * list holds most of the library's pages).
 */
export function* postingSpans(bytes: Uint8Array): Generator<{ page: number; from: number; to: number }> {
  const r = new ByteReader(bytes);
  let page = 0;
  while (r.more) {
    page += r.varint();
    const from = r.at;
    r.varint(); // length × 4 + kinds
    for (let n = r.varint(); n > 0; n--) r.varint();
    yield { page, from, to: r.at };
  }
}

/** Appends a posting given as postingSpans gives it, its page delta written anew. */
export function copyPosting(w: ByteWriter, previousPage: number, bytes: Uint8Array, span: { page: number; from: number; to: number }): void {
  w.varint(span.page - previousPage);
  w.raw(bytes.subarray(span.from, span.to));
}
