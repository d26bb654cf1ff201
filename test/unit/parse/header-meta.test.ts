/**
 * The header and what meta reads off it: title, history events, issuer,
 * 文号, dates and kind. Inputs are header lines as the corpus prints them.
 */
import { describe, expect, it } from 'vitest';
import { readDate } from '../../../src/parse/dates.ts';
import { parseRegulation } from '../../../src/parse/index.ts';
import type { Meta } from '../../../src/tree/types.ts';

const BODY = '第一条　为了规范管理，制定本条例。\n第二条　本条例自2025年1月1日起施行。\n';

function meta(header: string, options: { folder?: string; body?: string } = {}): Meta & { source: string } {
  const text = `${header}\n${options.body ?? BODY}`;
  const r = parseRegulation(text, { path: 'x.txt', ...(options.folder !== undefined ? { folder: options.folder } : {}) });
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return { ...r.tree!.meta, source: r.source! };
}

const events = (m: Meta) => (m.history ?? []).map((h) => `${h.date ?? '-'} ${h.event}`);

describe('dates', () => {
  it('reads Arabic, full-width and Chinese numerals, ○ and 〇 alike', () => {
    expect(readDate('2019年4月20日')).toBe('2019-04-20');
    expect(readDate('２０１２年１２月３日')).toBe('2012-12-03');
    expect(readDate('二○○四年六月十六日')).toBe('2004-06-16');
    expect(readDate('二〇二三年十二月三十一日')).toBe('2023-12-31');
    expect(readDate('2020年07月20日')).toBe('2020-07-20');
    expect(readDate('2019年13月1日')).toBeUndefined();
  });
});

describe('title', () => {
  it('never takes the history lines under it', () => {
    const m = meta('地质资料管理条例\n2002年3月19日 中华人民共和国国务院令第349号公布');
    expect(m.title).toBe('地质资料管理条例');
  });

  it('joins a part name under a complete title when the history follows (民法典 / 人格权编)', () => {
    expect(meta('中华人民共和国民法典\n人格权编\n2020年5月28日 第十三届全国人民代表大会第三次会议通过').title).toBe('中华人民共和国民法典人格权编');
  });

  it('does not take a stray short line under a complete title (a heading that lost its 第X章)', () => {
    const r = parseRegulation(`浙江省航道管理条例\n总则\n${BODY}`, { path: 'x.txt' });
    expect(r.tree!.meta.title).toBe('浙江省航道管理条例');
  });

  it('stops at the title printed again, which stays in the header with the 文号', () => {
    const m = meta('最高人民法院关于审理森林资源民事纠纷案件适用法律若干问题的解释\n最高人民法院\n关于审理森林资源民事纠纷案件适用法律\n若干问题的解释\n法释〔2022〕16号');
    expect(m.title).toBe('最高人民法院关于审理森林资源民事纠纷案件适用法律若干问题的解释');
    expect(m.docNumber).toBe('法释〔2022〕16号');
  });

  it('takes a short bracketed qualifier under the title, but not a dated 题注', () => {
    expect(meta('处方药与非处方药分类管理办法\n（试行）\n1999年6月18日 国家药品监督管理局令第10号公布').title).toBe('处方药与非处方药分类管理办法（试行）');
    const m = meta('国务院工作规则\n（二○○四年六月十六日国务院第54次常务会议修订通过）');
    expect(m.title).toBe('国务院工作规则');
    expect(events(m)).toEqual(['2004-06-16 修订']);
  });

  it('a text that opens with a history line has no title (missing-title), unless a notice above holds it', () => {
    const r = parseRegulation(`2019年4月20日 中华人民共和国国务院令第713号公布\n${BODY}`, { path: 'x.txt' });
    expect(r.problems.map((p) => p.ruleId)).toEqual(['missing-title']);
    const n = parseRegulation(`工资支付暂行规定\n关于印发《工资支付暂行规定》的通知\n劳部发〔1994〕489号\n劳动部\n一九九四年十二月六日\n1995年1月1日 执行\n${BODY}`, { path: 'x.txt' });
    expect(n.problems).toEqual([]);
    expect(n.tree!.meta).toMatchObject({ title: '工资支付暂行规定', issued: '1994-12-06', docNumber: '劳部发〔1994〕489号' });
  });

  it('stops at a wrapped repeat of a complete title', () => {
    expect(meta('中华人民共和国农村土地承包经营纠纷调解仲裁法\n中华人民共和国农村土地\n承包经营纠纷调解仲裁法').title).toBe('中华人民共和国农村土地承包经营纠纷调解仲裁法');
  });
});

describe('history', () => {
  it('reads one event per history line, with body and 文号, positioned in the source', () => {
    const m = meta('乡村医生从业管理条例\n2003年7月30日 国务院第16次常务会议通过\n2003年8月5日 中华人民共和国国务院令第386号公布\n2004年1月1日 施行');
    expect(events(m)).toEqual(['2003-07-30 通过', '2003-08-05 公布', '2004-01-01 施行']);
    expect(m.history![1]).toMatchObject({ body: '中华人民共和国国务院', docNumber: '中华人民共和国国务院令第386号', text: '2003年8月5日 中华人民共和国国务院令第386号公布' });
    for (const h of m.history!) expect(m.source.slice(h.position!.start.offset, h.position!.end.offset)).toBe(h.text);
    expect(m).toMatchObject({ issuer: '中华人民共和国国务院', docNumber: '中华人民共和国国务院令第386号', issued: '2003-08-05', effective: { date: '2004-01-01' } });
  });

  it('dates and numbers a version revised under its own 令 by that 令, one amended by a decision by its last publication', () => {
    const revised = meta('中华人民共和国政府信息公开条例\n2007年4月5日 中华人民共和国国务院令第492号公布\n2019年4月3日 中华人民共和国国务院令第711号修订\n2019年5月15日 施行');
    expect(revised).toMatchObject({ docNumber: '中华人民共和国国务院令第711号', issued: '2019-04-03', amended: '2019-04-03' });
    const amended = meta('某某条例\n2007年4月5日 中华人民共和国国务院令第492号公布\n根据2019年3月2日《国务院关于修改部分行政法规的决定》修订');
    expect(amended).toMatchObject({ docNumber: '中华人民共和国国务院令第492号', issued: '2007-04-05' });
  });

  it('splits several events run together on one line at each date (根据 …)', () => {
    const m = meta(
      '浙江省渔业管理条例\n2005年11月18日 浙江省第十届人民代表大会常务委员会第二十一次会议通过根据2011年11月25日浙江省十一届人民代表大会常务委员会第二十九次会议《关于修改〈浙江省专利保护条例〉等十四件地方性法规的决定》第一次修正根据2013年12月19日浙江省第十二届人民代表大会常务委员会第七次会议《关于修改〈浙江省人才市场管理条例〉等八件地方性法规的决定》第二次修正',
    );
    expect(events(m)).toEqual(['2005-11-18 通过', '2011-11-25 修正', '2013-12-19 修正']);
    expect(m.history![1]!.decision).toBe('关于修改〈浙江省专利保护条例〉等十四件地方性法规的决定');
    expect(m.history![1]!.text.startsWith('2011年11月25日')).toBe(true);
    expect(m.amended).toBe('2013-12-19');
  });

  it('a dated part without its own verb shares the next one (two courts adopting)', () => {
    const m = meta('最高人民法院、最高人民检察院关于办理盗窃刑事案件适用法律若干问题的解释\n2013年3月8日 最高人民法院审判委员会第1571次会议、2013年3月18日最高人民检察院第十二届检察委员会第1次会议通过');
    expect(events(m)).toEqual(['2013-03-08 通过', '2013-03-18 通过']);
    expect(m.issuer).toBe('最高人民法院、最高人民检察院');
  });

  it('公布施行 is two events; 之日 takes the date of the publication', () => {
    expect(events(meta('中华人民共和国宪法\n1982年12月4日 全国人民代表大会公告公布施行'))).toEqual(['1982-12-04 公布', '1982-12-04 施行']);
    const m = meta('海洋石油勘探开发环境保护管理条例\n1983年12月29日 国务院发布\n发布之日施行');
    expect(events(m)).toEqual(['1983-12-29 公布', '1983-12-29 施行']);
  });

  it('an amendment adopted (`通过的《…修正案》`) is a 修正, and a 修订通过 is a 修订', () => {
    const m = meta('中华人民共和国宪法\n1988年4月12日 第七届全国人民代表大会第一次会议通过的《中华人民共和国宪法修正案》\n2020年12月21日 国务院第119次常务会议修订通过');
    expect(events(m)).toEqual(['1988-04-12 修正', '2020-12-21 修订']);
  });

  it('an event wrapped over two lines is one event spanning both', () => {
    const m = meta('中华人民共和国外商投资法\n2019年3月15日 第十三届全国人民代表大会第二次\n会议通过）');
    expect(m.history).toHaveLength(1);
    expect(m.history![0]).toMatchObject({ date: '2019-03-15', event: '通过', text: '2019年3月15日 第十三届全国人民代表大会第二次会议通过' });
    expect(m.history![0]!.position!.start.line).toBe(2);
    expect(m.history![0]!.position!.end.line).toBe(3);
  });

  it('reads a bracketed 题注 over two lines, an undated event included', () => {
    const m = meta('某规定\n（最高人民法院审判委员会第1421次会议通过 2008年4月17日\n最高人民法院公告公布 自2008年4月23日起施行）');
    expect(events(m)).toEqual(['- 通过', '2008-04-17 公布', '2008-04-23 施行']);
    expect(m.effective).toEqual({ text: '自2008年4月23日起施行', date: '2008-04-23' });
  });

  it('a date broken before its 日 continues on the next line', () => {
    const m = meta('济南市农村公路条例\n2014年7月23日 济南市第十五届人民代表大会常务委员会第十五次会议通过\n2014年9月26\n日山东省第十二届人民代表大会常务委员会第十次会议批准');
    expect(events(m)).toEqual(['2014-07-23 通过', '2014-09-26 批准']);
    expect(m.history![1]!.text).toBe('2014年9月26日山东省第十二届人民代表大会常务委员会第十次会议批准');
  });

  it('a dated sentence after the history is preamble, not an event', () => {
    const r = parseRegulation(`河南省人民代表大会常务委员会关于全面加强生态环境保护的决议\n2018年9月29日 河南省第十三届人民代表大会常务委员会第六次会议通过\n2018年5月24日至28日，全国人大常委会执法检查组在河南检查大气污染防治法实施情况。\n${BODY}`, { path: 'x.txt' });
    expect(events(r.tree!.meta)).toEqual(['2018-09-29 通过']);
    expect(r.tree!.children.map((c) => c.type)).toEqual(['header', 'preamble', 'article', 'article']);
    // …but a history line may end in 。 after its verb.
    expect(events(meta('公安机关办理行政案件程序规定\n２０１８年１１月２５日 公安部令第１４９号《公安部关于修改〈公安机关办理行政案件程序规定〉的决定》第二次修正。'))).toEqual(['2018-11-25 修正']);
  });

  it('a date with no verb under the title is when the text was issued', () => {
    expect(events(meta('反间谍法实施细则\n2017年11月22日 中华人民共和国国务院令第692号'))).toEqual(['2017-11-22 公布']);
  });
});

describe('kind', () => {
  const law = '中华人民共和国监察法\n2018年3月20日 第十三届全国人民代表大会第一次会议通过';
  it('comes from the deepest folder segment that names one', () => {
    expect(meta(law, { folder: '宪法相关法' }).kind).toBe('法律');
    expect(meta('中华人民共和国宪法\n1982年12月4日 第五届全国人民代表大会第五次会议通过', { folder: '宪法' }).kind).toBe('宪法');
    expect(meta('北京市安全生产条例', { folder: 'DLC/北京地方法规/地方性法规/北京' }).kind).toBe('地方性法规');
    expect(meta('某规定', { folder: '司法解释' }).kind).toBe('司法解释');
    expect(meta('某规定', { folder: '部门规章/公安部' }).kind).toBe('部门规章');
    expect(meta('某标准', { folder: '其他' }).kind).toBe('其他');
  });

  it('an NPC decision in a law folder is a 有关法律问题和重大问题的决定', () => {
    expect(meta('全国人民代表大会常务委员会关于加强网络信息保护的决定', { folder: '宪法相关法' }).kind).toBe('有关法律问题和重大问题的决定');
  });

  it('falls back to the text when the folder says nothing (a user\'s own folder)', () => {
    expect(meta(law, { folder: '我的法规' }).kind).toBe('法律');
    expect(meta(law).kind).toBe('法律');
    expect(meta('乳品质量安全监督管理条例\n2008年10月9日 中华人民共和国国务院令第536号公布').kind).toBe('行政法规');
    expect(meta('某规定\n2021年12月6日 最高人民法院审判委员会第1855次会议通过').kind).toBe('司法解释');
    expect(meta('明码标价和禁止价格欺诈规定\n2022年4月14日 国家市场监督管理总局令第56号公布').kind).toBe('部门规章');
    expect(meta('温州市物业管理条例\n2016年12月23日 温州市第十二届人民代表大会常务委员会第三十九次会议通过').kind).toBe('地方性法规');
    expect(meta('北京市环境噪声污染防治办法\n2006年11月17日 北京市人民政府第56次常务会议审议通过').kind).toBe('地方政府规章');
    expect(meta('某工作规则', { body: '一、为了规范工作，制定本规则。\n二、本规则自印发之日起施行。\n' }).kind).toBe('规范性文件');
    expect(meta('某工作规则').kind).toBe('其他');
  });

  it('a local government\'s rules filed among local regulations are 地方政府规章', () => {
    expect(meta('北京市环境噪声污染防治办法\n2006年11月17日 北京市人民政府第56次常务会议审议通过', { folder: 'DLC/北京地方法规/地方性法规/北京' }).kind).toBe('地方政府规章');
  });
});
