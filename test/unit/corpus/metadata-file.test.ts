/**
 * Staff metadata files (`<name>.yaml` beside `<name>.txt`): validated, located
 * errors with a hint, and an override that the published meta shows.
 */
import { describe, expect, it } from 'vitest';
import { applyMetadata, metadataPathFor, readMetadataFile } from '../../../src/corpus/metadata-file.ts';
import { formatProblem, parseRegulation } from '../../../src/parse/index.ts';

const path = 'content/regulations/行政法规/地质资料管理条例.yaml';
const text = ['地质资料管理条例', '2002年3月19日 中华人民共和国国务院令第349号公布', '第一条　为加强对地质资料的管理，制定本条例。', '第二条　本条例自2002年7月1日起施行。', ''].join('\n');
const meta = parseRegulation(text, { path: 'x/地质资料管理条例.txt', folder: '行政法规' }).tree!.meta;

describe('readMetadataFile', () => {
  it('reads a valid file into an override', () => {
    const { override, problems } = readMetadataFile(path, 'shortTitle: 地质资料条例\nissuer: 国务院\nwork: dizhi-ziliao\nversion: 2017-03-01\n');
    expect(problems).toEqual([]);
    expect(override).toEqual({ shortTitle: '地质资料条例', issuer: '国务院', work: 'dizhi-ziliao', version: '2017-03-01' });
  });

  it('an empty file overrides nothing', () => {
    expect(readMetadataFile(path, '\n# 暂无更正\n')).toEqual({ problems: [] });
  });

  it('an unknown key is an error at the key, listing the fields that exist', () => {
    const { override, problems } = readMetadataFile(path, 'issuer: 国务院\nisued: 2002-03-19\n');
    expect(override).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(formatProblem(path, problems[0]!)).toBe(
      `${path}:2:1: isued：未知字段；可用的字段：title、shortTitle、issuer、docNumber、kind、issued、effective、history、work、version [metadata-file]`,
    );
  });

  it('a date that does not exist is an error at the value', () => {
    const { problems } = readMetadataFile(path, 'title: 地质资料管理条例\nissued: 2002-02-30\n');
    expect(problems.map((p) => [p.line, p.column, p.reason])).toEqual([[2, 9, 'issued：日期应写作 YYYY-MM-DD，且是真实存在的日期，例如 2019-04-20']]);
    expect(readMetadataFile(path, 'version: 2002-3-19\n').problems[0]!.reason).toMatch(/^version：日期应写作 YYYY-MM-DD/);
  });

  it('a kind outside the list is an error naming the kinds', () => {
    const [p] = readMetadataFile(path, 'kind: 条例\n').problems;
    expect(p).toMatchObject({ severity: 'error', ruleId: 'metadata-file', line: 1, column: 7 });
    expect(p!.reason).toContain('类别应为以下之一：宪法、法律、');
  });

  it('checks every history entry: its event word, required text, unknown keys', () => {
    const src = ['history:', '  - date: 2002-03-19', '    event: 发布', '    text: 2002年3月19日 中华人民共和国国务院令第349号发布', '  - event: 修订', '    txt: 2017年3月1日修订', ''].join('\n');
    const { problems } = readMetadataFile(path, src);
    expect(problems.map((p) => `${p.line}:${p.column} ${p.reason}`)).toEqual([
      '3:12 history[0].event：事件应为以下之一：通过、批准、公布、修正、修订、施行、废止',
      '5:5 history[1].text：缺少此字段',
      '6:5 history[1].txt：未知字段；历史条目可用的字段：date、event、body、docNumber、decision、text',
    ]);
  });

  it('a YAML syntax error is located too', () => {
    const [p] = readMetadataFile(path, 'title: [地质\n').problems;
    expect(p!.reason).toMatch(/^YAML 语法错误/);
    expect(p!.line).toBeGreaterThanOrEqual(1);
  });

  it('names the file beside the text', () => {
    expect(metadataPathFor('content/regulations/行政法规/地质资料管理条例.txt')).toBe(path);
  });
});

describe('applyMetadata', () => {
  it('leaves the meta as derived without an override', () => {
    expect(applyMetadata(meta, undefined)).toBe(meta);
    expect(meta.overridden).toBeUndefined();
  });

  it('replaces only the fields the file sets and lists them in overridden', () => {
    const { override } = readMetadataFile(path, 'issuer: 国务院\nkind: 行政法规\neffective: 2002-07-01\nwork: dizhi-ziliao\n');
    const out = applyMetadata(meta, override);
    expect(out.issuer).toBe('国务院');
    expect(meta.issuer).toBe('中华人民共和国国务院'); // the derived meta is not mutated
    expect(out.effective).toEqual({ text: '2002年7月1日', date: '2002-07-01' });
    expect(out.work).toBe('dizhi-ziliao');
    expect(out.title).toBe(meta.title);
    expect(out.docNumber).toBe('中华人民共和国国务院令第349号');
    expect(out.overridden).toEqual(['issuer', 'kind', 'effective', 'work']);
    // The JSON download is the tree stringified: the marker travels with it.
    expect(JSON.parse(JSON.stringify(out)).overridden).toEqual(['issuer', 'kind', 'effective', 'work']);
  });

  it('replaces the history and recomputes the latest amendment from it', () => {
    const src = ['history:', '  - date: 2002-03-19', '    event: 公布', '    text: 2002年3月19日 中华人民共和国国务院令第349号公布', '  - date: 2017-03-01', '    event: 修订', '    text: 2017年3月1日 《国务院关于修改和废止部分行政法规的决定》修订', ''].join('\n');
    const out = applyMetadata(meta, readMetadataFile(path, src).override);
    expect(out.history!.map((h) => [h.date, h.event, h.position])).toEqual([
      ['2002-03-19', '公布', undefined],
      ['2017-03-01', '修订', undefined],
    ]);
    expect(out.amended).toBe('2017-03-01');
    expect(meta.amended).toBeUndefined();
  });
});
