import { describe, expect, it } from 'vitest';
import { escapeForMessage } from '../../../src/data/escape.ts';
import { ContentError } from '../../../src/data/content-error.ts';
import { YamlFileError } from '../../../src/data/yaml-file.ts';

describe('escapeForMessage', () => {
  it('shows invisible and control characters as escapes, and nothing else', () => {
    expect(escapeForMessage('七十二\u200b、')).toBe('七十二U+200B、');
    expect(escapeForMessage('\x1b[31m红\x07\x7f\x85')).toBe('\\x1b[31m红\\x07\\x7f\\x85');
    expect(escapeForMessage('\ufeff标题\u202e')).toBe('U+FEFF标题U+202E');
    expect(escapeForMessage('第一条\t总则　（全角空格）“引号”')).toBe('第一条\t总则　（全角空格）“引号”');
  });

  it('is idempotent', () => {
    const once = escapeForMessage('a\u200bb\x1b');
    expect(escapeForMessage(once)).toBe(once);
  });
});

describe('content messages', () => {
  it('ContentError escapes its lines, keeps a hint and carries no stack trace', () => {
    const error = new ContentError(['x.yaml:1:1: 匹配词重复：区\u200b长'], '改正它');
    expect(error.messages).toEqual(['x.yaml:1:1: 匹配词重复：区U+200B长']);
    expect(error.message).toContain('区U+200B长');
    expect(error.hint).toBe('改正它');
    expect(error.stack).toBe('');
  });

  it('YAML data errors escape the words they quote', () => {
    expect(new YamlFileError('d.yaml', [{ line: 2, column: 3, message: 'id “a\x1bb”重复' }]).message).toBe('d.yaml:2:3: id “a\\x1bb”重复');
  });
});
