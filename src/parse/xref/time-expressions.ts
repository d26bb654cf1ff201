/** Time limits in the text: `会前3个工作日`, `提前7个工作日`, `5小时内`, `至少提前7天`, `不超过5分钟`, `每周召开1次`. */
import type { TimeExpression, TimeUnit } from '../../tree/types.ts';
import { parseNumeral } from '../numerals.ts';
import { spanOf, type ClauseText } from './clause-text.ts';

const NUM = '[0-9０-９]+|[一二三四五六七八九十两百千零〇]+';
const LIMIT = new RegExp(
  `(会前|至少提前|提前|不超过|不少于|不得超过|不得少于)?(${NUM})(个)?(工作日|小时|分钟|天|周|日|个月|月|年)(以内|内|前|后|以上)?`,
  'g',
);
const FREQUENCY = new RegExp(`每(周|月|季度|年)([^，。；0-9０-９一二三四五六七八九十两百千零〇]{0,6}?)(${NUM})次`, 'g');

const UNITS: Record<string, TimeUnit> = {
  工作日: 'workingDay', 小时: 'hour', 分钟: 'minute', 天: 'day', 日: 'day', 周: 'week', 个月: 'month', 月: 'month', 年: 'year',
};
const PERIOD: Record<string, TimeUnit> = { 周: 'week', 月: 'month', 季度: 'quarter', 年: 'year' };

export function findTimeExpressions(texts: readonly ClauseText[]): TimeExpression[] {
  const out: TimeExpression[] = [];
  for (const { text, clause } of texts) {
    const value = text.value;
    for (const m of value.matchAll(LIMIT)) {
      const [whole, prefix, num, ge, unitText, suffix] = m;
      const unit = UNITS[unitText!]!;
      // 日/月/年 without a qualifier are calendar dates (4月6日, 2023年), not limits.
      if ((unitText === '日' || unitText === '月' || unitText === '年') && !prefix && !suffix && !ge) continue;
      if (/^[0-9０-９]{4}$/.test(num!) || /[0-9０-９年月]/.test(value[m.index - 1] ?? '')) continue;
      const amount = parseNumeral(num!);
      if (amount === undefined) continue;
      const kind: TimeExpression['kind'] =
        prefix === '会前' || prefix?.includes('提前') ? 'before'
        : prefix?.includes('超过') ? 'limit'
        : prefix?.includes('少于') ? 'minimum'
        : suffix === '内' || suffix === '以内' ? 'within'
        : suffix === '后' ? 'after'
        : suffix === '前' ? 'before'
        : 'duration';
      out.push({ text: whole, clause, span: spanOf(text, m.index, m.index + whole.length), amount, unit, kind });
    }
    for (const m of value.matchAll(FREQUENCY)) {
      const amount = parseNumeral(m[3]!);
      if (amount === undefined) continue;
      out.push({ text: m[0], clause, span: spanOf(text, m.index, m.index + m[0].length), amount, unit: PERIOD[m[1]!]!, kind: 'frequency' });
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}
