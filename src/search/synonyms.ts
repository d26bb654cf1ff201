/**
 * Words a reader types in a question and the words regulations use for the
 * same thing. Reviewed by hand; general administrative vocabulary only, never
 * copies of test queries. Each group is symmetric: any member found in a
 * question also searches the others, at a lower weight than the word typed
 * (engine.ts: SYNONYM_WEIGHT). Only applied to questions and to queries with no
 * verbatim match, never to plain term searches, so a term search always means
 * exactly that term.
 *
 * Keep groups small and unambiguous: a member that is part of many unrelated
 * words (e.g. 会) would match everywhere.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  // travel and absence
  ['出差', '离京', '外出', '出访'],
  ['请假', '请销假', '告假'],
  ['休假', '度假'],
  ['出国', '出访', '出境'],
  // meetings
  ['开会', '召开会议', '会议'],
  ['参加', '出席', '参与', '列席'],
  ['举行', '举办', '召开'],
  ['主持', '召集'],
  ['会议记录', '会议纪要', '纪要'],
  // documents and approval
  ['发文', '制发公文', '发布文件'],
  ['文件', '公文'],
  ['审批', '批准', '审核'],
  ['签字', '签署', '签发'],
  ['报告', '汇报', '报送'],
  ['请示', '报批'],
  ['备案', '报备'],
  ['材料', '书面材料', '文件'],
  // receiving, handling, managing
  ['收到', '接收', '收受', '接受'],
  ['处理', '办理', '管理', '处置'],
  ['礼物', '礼品'],
  ['负责人', '领导', '领导同志'],
  ['领导干部', '领导同志'],
  ['公务员', '工作人员', '公职人员'],
  // information
  ['公布', '公开', '发布'],
  ['网站', '网上', '网络'],
  ['新闻发布会', '发布会'],
  ['保密', '泄露'],
  // time
  ['提前', '事先', '预先'],
  ['马上', '立即', '及时'],
  ['每年', '全年', '年度'],
  // enforcement
  ['处罚', '处分', '追究责任'],
  ['违规', '违纪', '违法'],
  ['投诉', '信访', '来信'],
];

/** word → the other words of its groups. */
export function synonymsOf(word: string): string[] {
  const out = new Set<string>();
  for (const group of SYNONYM_GROUPS) {
    if (group.includes(word)) for (const w of group) if (w !== word) out.add(w);
  }
  return [...out];
}

/** Every member of every group, longest first (for finding them inside a query). */
export const SYNONYM_KEYS: readonly string[] = [...new Set(SYNONYM_GROUPS.flat())].sort((a, b) => b.length - a.length);
