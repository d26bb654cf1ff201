import { describe, expect, it } from 'vitest';
import { findAbbreviations } from '../../../src/parse/xref/abbreviations.ts';
import type { ClauseText } from '../../../src/parse/xref/clause-text.ts';

function fullNames(...values: string[]): Record<string, string> {
  let offset = 0;
  const texts: ClauseText[] = values.map((value, i) => {
    const start = { line: i + 1, column: 1, offset };
    offset += value.length + 1;
    return { clause: `art-${i + 1}`, text: { type: 'text', value, position: { start, end: { line: i + 1, column: value.length + 1, offset: start.offset + value.length } } } };
  });
  return Object.fromEntries(findAbbreviations(texts).map((a) => [a.short, a.full]));
}

describe('abbreviations: the full name before （以下简称…）', () => {
  it('reads back to punctuation or the start of the text', () => {
    expect(fullNames('北京市朝阳区人民政府（以下简称区政府）实行区长负责制。')).toEqual({ 区政府: '北京市朝阳区人民政府' });
    expect(fullNames('各街道办事处、政协北京市朝阳区委员会（以下简称区政协）')).toEqual({ 区政协: '政协北京市朝阳区委员会' });
  });

  it('stops after a verb or purpose phrase that cannot start a name, when what remains still holds the short form', () => {
    expect(fullNames('为了规范市人民政府（以下简称市政府）的工作，制定本规则。')).toEqual({ 市政府: '市人民政府' });
    expect(fullNames('为加强县级以上人民政府应急管理部门（以下简称应急管理部门）的协调')).toEqual({ 应急管理部门: '县级以上人民政府应急管理部门' });
    expect(fullNames('本规定所称主管部门是指市生态环境局（以下简称市环境局）')).toEqual({ 市环境局: '市生态环境局' });
    expect(fullNames('承办单位应当将材料报送市人民政府办公厅（以下简称“办公厅”）')).toEqual({ 办公厅: '市人民政府办公厅' });
  });

  it('keeps a verb that belongs to the name: the short form needs its characters', () => {
    expect(fullNames('由中共北京市委组织部（以下简称市委组织部）负责')).toEqual({ 市委组织部: '中共北京市委组织部' });
    expect(fullNames('北京市市场监督管理局（以下简称市市场监管局）')).toEqual({ 市市场监管局: '北京市市场监督管理局' });
  });

  it('drops a one-character preposition glued to the name, never a character inside it', () => {
    expect(fullNames('在中共北京市朝阳区委（以下简称区委）领导下')).toEqual({ 区委: '中共北京市朝阳区委' });
    expect(fullNames('中华人民共和国国务院（以下简称国务院）')).toEqual({ 国务院: '中华人民共和国国务院' });
  });
});
