/**
 * Amendment statements (src/versions/amendments.ts) on real texts: the decisions in
 * test/fixtures/amendments/ are copied byte for byte from the collection, and the
 * single lines below are cut from its decisions and 修正案 (file named on each).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRegulation } from '../../../src/parse/index.ts';
import { alignArticles, type VersionArticle } from '../../../src/versions/align.ts';
import { readAmendments } from '../../../src/versions/amendments.ts';
import { decisionIndex } from '../../../src/versions/decisions.ts';
import { statedChanges } from '../../../src/versions/stated.ts';
import { versionArticles } from '../../../src/versions/align.ts';

const DIR = 'test/fixtures/amendments';
const ARBITRATION = '最高人民法院关于修改《最高人民法院关于仲裁司法审查案件报核问题的有关规定》的决定';
const ARBITRATION_2021 = '最高人民法院关于仲裁司法审查案件报核问题的有关规定(2021-12-24)';
const RAILWAY = '最高人民法院关于修改《最高人民法院关于审理铁路运输人身损害赔偿纠纷案件适用法律若干问题的解释》的决定';

const parse = (input: string | Uint8Array, path: string) => {
  const { tree } = parseRegulation(input, { path });
  if (!tree) throw new Error(path);
  return tree;
};
const file = (name: string) => parse(readFileSync(`${DIR}/${name}.txt`), `${name}.txt`);
const summary = (tree: ReturnType<typeof parse>) =>
  readAmendments(tree).map((a) => ({ target: a.target, reorder: a.reorder, statements: a.statements.map((s) => `${s.op} ${s.old.join(',')}→${s.new.join(',')}${s.modified ? ' +modify' : ''}`) }));

/** A decision made of real statement lines under a real decision title. */
const decision = (title: string, lines: string[]) => parse(`${title}\n2021年11月15日 最高人民法院审判委员会第1850次会议通过\n${lines.map((l, k) => `${'一二三四五六七八九十'[k]}、${l}`).join('\n')}\n`, 'x.txt');

describe('readAmendments', () => {
  it('reads a whole decision: modify, add, renumber (仲裁司法审查报核 2021)', () => {
    expect(summary(file(ARBITRATION))).toEqual([
      {
        target: '最高人民法院关于仲裁司法审查案件报核问题的有关规定',
        reorder: false,
        statements: ['modify art-3→', 'add →art-4', 'renumber art-4→art-5', 'renumber art-5→art-6', 'renumber art-6→art-7', 'renumber art-7→art-8', 'renumber art-8→art-9'],
      },
    ]);
  });

  it('reads partial deletions as modifications, merges and whole-article deletions (铁路运输人身损害赔偿 2021)', () => {
    const [a] = summary(file(RAILWAY));
    expect(a!.statements).toEqual(['modify art-1→', 'modify art-2→', 'modify art-3→', 'modify art-5→', 'merge art-6,art-7→', 'modify art-8→', 'modify art-9→', 'delete art-12,art-13→', 'modify art-16→']);
    expect(a!.reorder).toBe(true);
  });

  it('reads 修正案 and decision lines with a named work, 之N articles and lists', () => {
    const tree = decision('最高人民法院关于修改《最高人民法院关于审理专利纠纷案件适用法律问题的若干规定》的决定', [
      // 刑法修正案（九）
      '在刑法第一百二十条之一后增加五条，作为第一百二十条之二、第一百二十条之三、第一百二十条之四、第一百二十条之五、第一百二十条之六：',
      // 刑法修正案（四）
      '将刑法第一百四十五条修改为：',
      // 刑法修正案（九）
      '删去刑法第一百九十九条。',
      // 等十八件知识产权类司法解释的决定
      '删除第三条、第四条、第六条。',
      // 妨害信用卡管理的决定
      '将《解释》原第八条改为修改后《解释》第十三条，修改为：“单位实施本解释规定的行为，适用本解释规定的相应自然人犯罪的定罪量刑标准。”',
      // 宪法修正案（2018年）: the quoted words struck out are not read as a statement
      '宪法第一条第二款“社会主义制度是中华人民共和国的根本制度。”后增写一句，内容为：“中国共产党领导是中国特色社会主义最本质的特征。”',
      // 等二十七件民事类司法解释的决定
      '将引言修改为：',
    ]);
    expect(summary(tree)[0]!.statements).toEqual([
      'add →art-120-2,art-120-3,art-120-4,art-120-5,art-120-6',
      'modify art-145→',
      'delete art-199→',
      'delete art-3,art-4,art-6→',
      'renumber art-8→art-13 +modify',
      'modify art-1→',
      'other →',
    ]);
    // The words of each article, for links: 第一百二十条之一 (where) and the five it makes.
    const [add] = readAmendments(tree)[0]!.statements;
    expect(add!.words.map((w) => `${w.side}:${add!.text.value.slice(w.start, w.end)}`)).toEqual(['old:第一百二十条之一', 'new:第一百二十条之二', 'new:第一百二十条之三', 'new:第一百二十条之四', 'new:第一百二十条之五', 'new:第一百二十条之六']);
  });

  it('reads nothing from texts that are not amending texts, nor from quoted new words', () => {
    expect(readAmendments(file(ARBITRATION_2021))).toEqual([]);
    const quoted = decision('最高人民法院关于修改《某规定》的决定', ['将第三条修改为：“本规定第二条第二款规定的案件，应当报核。”']);
    expect(summary(quoted)[0]!.statements).toEqual(['modify art-3→']);
    // New words quoted over paragraphs: each opens with “, only the last closes; the inner ones are not statements.
    const long = parse('最高人民法院关于修改《某规定》的决定\n一、将第三条修改为：\n“符合下列条件的，应当报核。\n第五条规定的情形，应当删除。”\n二、删除第七条。\n', 'y.txt');
    expect(summary(long)[0]!.statements).toEqual(['modify art-3→', 'delete art-7→']);
  });
});

describe('alignment following a decision', () => {
  const art = (id: string, text: string, inserted = false): VersionArticle => ({ id, label: id, inserted, text });

  it('takes 之N as an insertion, never as the renumbered next article', () => {
    const a = [art('art-12', '监察机关应当依法履行监督职责'), art('art-13', '监察机关应当依法履行调查职责，加强调查工作。')];
    const b = [art('art-12', '监察机关应当依法履行监督职责'), art('art-12-1', '监察机关应当依法履行调查职责，加强调查工作和处置。', true), art('art-13', '其他事项另行规定。')];
    expect(alignArticles(a, b).entries.map((e) => `${e.kind}:${'to' in e ? e.to.id : e.from.id}`)).toEqual(['same:art-12', 'removed:art-13', 'added:art-12-1', 'added:art-13']);
  });

  it('follows the statements of the real 2021 decision between the old numbering and the real 2021 text, naming the clause', () => {
    const d = file(ARBITRATION);
    const newer = versionArticles(file(ARBITRATION_2021));
    // The 2017 text is not in the collection: its articles here are the 2021 ones the decision did not touch, renumbered back, and an old 第三条.
    const older = [newer[0]!, newer[1]!, art('art-3', '高级人民法院经审查拟同意的，应当向最高人民法院报核。'), ...newer.slice(4).map((x, k) => ({ ...x, id: `art-${k + 4}`, label: `art-${k + 4}` }))];
    const [amendment] = readAmendments(d);
    const stated = statedChanges(amendment!, older, newer, (s) => ({ decision: 'd', title: d.meta.title, clause: s.clause, op: s.op }));
    expect(stated.pairs.map((p) => `${p.from}→${p.to}`)).toEqual(['art-3→art-3', 'art-4→art-5', 'art-5→art-6', 'art-6→art-7', 'art-7→art-8', 'art-8→art-9']);
    const r = alignArticles(older, newer, stated);
    expect(r.stated).toEqual({ applied: 7, conflicting: 0 });
    const at = (id: string) => r.entries.find((e) => 'to' in e && e.to.id === id)!;
    expect(at('art-3')).toMatchObject({ kind: 'changed', from: { id: 'art-3' }, source: { clause: 'art-1-p1', op: 'modify' } });
    expect(at('art-4')).toMatchObject({ kind: 'added', source: { clause: 'art-2-p1', op: 'add' } });
    expect(at('art-9')).toMatchObject({ kind: 'renumbered', from: { id: 'art-8' }, source: { clause: 'art-7-p1', op: 'renumber' } });
  });

  it('does not follow a statement that identical words contradict', () => {
    const a = [art('art-1', '甲乙丙丁戊己庚辛'), art('art-2', '子丑寅卯辰巳午未')];
    const b = [art('art-1', '甲乙丙丁戊己庚辛'), art('art-2', '子丑寅卯辰巳午未')];
    const source = { decision: 'd', title: 't', clause: 'art-1', op: 'delete' as const };
    const r = alignArticles(a, b, { pairs: [], added: [], removed: [{ from: 'art-1', source }] });
    expect(r.stated).toEqual({ applied: 0, conflicting: 1 });
    expect(r.counts.same).toBe(2);
  });
});

describe('decisionIndex', () => {
  it('finds the amended work and the version it made; the version it amended is not in this library', () => {
    const regs = [ARBITRATION, ARBITRATION_2021].map((name) => {
      const tree = file(name);
      const work = name.replace(/\(.*\)$/, '');
      return { slug: work, tree, work, libraryPath: `司法解释/${name}.txt`, ...(name.endsWith(')') ? { version: '2021-12-24' } : {}) };
    });
    const [a] = decisionIndex({ regulations: regs }).all;
    expect(a).toMatchObject({ work: '最高人民法院关于仲裁司法审查案件报核问题的有关规定', to: '最高人民法院关于仲裁司法审查案件报核问题的有关规定' });
    expect(a!.from).toBeUndefined();
  });
});
