/**
 * Turn the bytes of a published text into a string. Official texts arrive as
 * UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK from older
 * systems; anything else must fail loudly rather than publish mojibake.
 */

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface Decoded {
  text: string;
  encoding: Encoding;
}

export class DecodeError extends Error {
  readonly line: number;
  readonly column: number;

  constructor(message: string, line: number, column: number) {
    super(message);
    this.line = line;
    this.column = column;
  }
}

export function decode(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const body = bytes.subarray(3);
    try {
      return { text: strict('utf-8', body), encoding: 'utf-8' };
    } catch {
      // A BOM promises UTF-8: no fallback to GB18030, but a located error, never a crash.
      const { line, column } = firstInvalidUtf8(body);
      throw new DecodeError(`文件以 UTF-8 BOM 开头，但第 ${line} 行第 ${column} 列起的字节不是有效的 UTF-8`, line, column);
    }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16('utf-16le', bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16('utf-16be', bytes.subarray(2));
  try {
    return { text: strict('utf-8', bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: the only other encoding official Chinese texts use without a BOM.
  }
  try {
    const text = strict('gb18030', bytes);
    // GB18030 decodes almost any byte soup; insist the result looks like text.
    if (/[\u0000-\u0008\u000e-\u001f]/.test(text)) throw new Error('control characters');
    return { text, encoding: 'gb18030' };
  } catch {
    const { line, column } = firstInvalidUtf8(bytes);
    throw new DecodeError(
      `无法识别文本编码：第 ${line} 行第 ${column} 列起的字节既不是 UTF-8 也不是 GB18030，请另存为 UTF-8 后重试`,
      line,
      column,
    );
  }
}

/** UTF-16 after its BOM: an odd byte count or a lone surrogate is a located error. */
function utf16(encoding: 'utf-16le' | 'utf-16be', body: Uint8Array): Decoded {
  const units = body.length >> 1;
  const unit = (i: number) => (encoding === 'utf-16le' ? body[2 * i]! | (body[2 * i + 1]! << 8) : (body[2 * i]! << 8) | body[2 * i + 1]!);
  let line = 1;
  let column = 1;
  for (let i = 0; i < units; i++) {
    const u = unit(i);
    if (u >= 0xd800 && u <= 0xdbff) {
      const next = i + 1 < units ? unit(i + 1) : -1;
      if (next < 0xdc00 || next > 0xdfff) throw new DecodeError(`UTF-16 文本在第 ${line} 行第 ${column} 列有不成对的代理项（U+${u.toString(16).toUpperCase()}），文件可能已损坏`, line, column);
      i++;
      column += 2;
    } else if (u >= 0xdc00 && u <= 0xdfff) {
      throw new DecodeError(`UTF-16 文本在第 ${line} 行第 ${column} 列有不成对的代理项（U+${u.toString(16).toUpperCase()}），文件可能已损坏`, line, column);
    } else if (u === 0x0a) {
      line++;
      column = 1;
    } else {
      column++;
    }
  }
  if (body.length % 2 === 1) {
    throw new DecodeError(`UTF-16 文本的字节数为奇数：第 ${line} 行第 ${column} 列之后多出一个字节，文件可能被截断`, line, column);
  }
  return { text: strict(encoding, body), encoding };
}

const decoders = new Map<Encoding, TextDecoder>();

// Node validates UTF-8 (isUtf8) and converts it to UTF-16 (transcode, vectorised) several
// times faster than a fatal TextDecoder or Buffer#toString decode it; elsewhere (a browser)
// TextDecoder does both.
type BufferModule = typeof import('node:buffer');
const nodeBuffer = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.('node:buffer') as
  | BufferModule
  | undefined;

function strict(encoding: Encoding, bytes: Uint8Array): string {
  if (encoding === 'utf-8' && nodeBuffer) {
    if (!nodeBuffer.isUtf8(bytes)) throw new TypeError('invalid UTF-8');
    if (bytes.length === 0) return '';
    return nodeBuffer.transcode(bytes, 'utf8', 'utf16le').toString('utf16le');
  }
  let decoder = decoders.get(encoding);
  if (!decoder) decoders.set(encoding, (decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true })));
  return decoder.decode(bytes);
}

/** Where UTF-8 decoding breaks, so the message can point at the line. */
function firstInvalidUtf8(bytes: Uint8Array): { line: number; column: number } {
  let line = 1;
  let column = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >> 5 === 0b110 ? 2 : b >> 4 === 0b1110 ? 3 : b >> 3 === 0b11110 ? 4 : 0;
    if (len === 0) break;
    let ok = i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (!ok) break;
    if (b === 0x0a) {
      line++;
      column = 1;
    } else {
      column++;
    }
    i += len;
  }
  return { line, column };
}
