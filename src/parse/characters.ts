/**
 * Characters that must not be published: control characters (other than TAB
 * and line ends) are errors at their place; U+FFFD means a damaged file; an
 * invisible character before a line's first printed character is ignored, with
 * a warning (it can hide a label: U+200B before `七十二、`).
 */
import type { Line } from './lines.ts';
import { printable, type Problems } from './problems.ts';

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** `text` is the decoded source the lines were split from. */
export function checkCharacters(lines: Line[], text: string, problems: Problems): void {
  for (const line of lines) {
    if (line.hiddenAt !== undefined) {
      problems.warn('invisible-character', `行首的不可见字符 ${printable(text[line.offset + line.hiddenAt]!)} 已忽略`, line.number, line.hiddenAt + 1);
    }
    if (!line.suspect) continue;
    const raw = text.slice(line.offset, line.end);
    const bad = raw.indexOf('\ufffd');
    if (bad >= 0) problems.error('encoding', '文本含有无法识别的字符（�），原文件可能已损坏或编码有误', line.number, bad + 1);
    const m = CONTROL.exec(raw);
    if (m) problems.error('control-character', `文本含有控制字符 ${printable(m[0])}：发布的文本不能含有控制字符`, line.number, m.index + 1);
  }
}
