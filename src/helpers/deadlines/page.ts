/**
 * Build-time view of the calculator page: each rule with its citation and
 * permalink, the worked example of the counting convention (computed from the
 * same calendar the calculator uses, so the page can never contradict it), and
 * the compact data the page's script computes with.
 */
import { getCorpus } from '../../corpus/index.ts';
import { clauseContext } from '../../render/clause-context.ts';
import { clauseUrl } from '../../render/urls.ts';
import { clientData, type ClientData } from './client-data.ts';
import { addDays, computeDeadline, describeDay, type CalendarData, type DayInfo, type DeadlineResult } from './compute.ts';
import { deadlineData, isComputed } from './index.ts';
import type { DeadlineRule, Rule } from './schema.ts';

/** Years of official data shipped to the browser, counting back from the latest. */
const CLIENT_YEARS = 6;

export interface RuleView {
  rule: Rule;
  /** Permalink of the quoted clause. */
  href: string;
  /** 第四十三条第二款 */
  words: string;
  /** 《北京市朝阳区人民政府工作规则》第四十三条第二款 */
  formal: string;
  regulationTitle: string;
  /** Label/value facts under the rule's heading. */
  facts: { term: string; text: string; href?: string }[];
}

const UNIT_WORDS = { workingDay: '个工作日', day: '天', hour: '小时' } as const;

/** 提前 3 个工作日 · 提前 7 天（自然日） · 5 小时内. */
export function periodWords(rule: Pick<DeadlineRule, 'amount' | 'unit' | 'direction'>): string {
  const amount = `${rule.amount} ${UNIT_WORDS[rule.unit]}`;
  const calendarDays = rule.unit === 'day' ? '（自然日，节假日照常计入）' : '';
  const workingDays = rule.unit === 'workingDay' ? '（节假日和周末不计，调休上班日计入）' : '';
  return rule.direction === 'before' ? `提前 ${amount}${calendarDays}${workingDays}` : `${amount}内${calendarDays}${workingDays}`;
}

const WEEKDAY_WORDS = ['', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'];

export function ruleViews(rules: readonly Rule[]): RuleView[] {
  const corpus = getCorpus();
  return rules.map((rule) => {
    const reg = corpus.bySlug.get(rule.regulation);
    // The build's check (src/integration → check.ts) has already failed on unknown regulations and clauses.
    if (!reg) throw new Error(`期限规则“${rule.id}”引用的法规 ${rule.regulation} 不存在`);
    const ctx = clauseContext(reg.tree);
    const { words, formal } = ctx.cite(rule.clause);
    const facts: RuleView['facts'] = [];
    if (rule.kind === 'deadline') {
      facts.push({ term: '谁办理', text: rule.actor }, { term: '起算', text: rule.event }, { term: '期限', text: periodWords(rule) });
    } else if (rule.kind === 'weekly-meeting') {
      const materials = rules.find((r): r is DeadlineRule => r.id === rule.materialsRule && r.kind === 'deadline');
      facts.push({ term: '例会', text: `每周${WEEKDAY_WORDS[rule.weekday]}${rule.time ?? ''}` });
      if (materials) {
        facts.push({ term: '报送材料', text: `会前 ${materials.amount} ${UNIT_WORDS[materials.unit]}（${materials.name}）`, href: `#rule-${materials.id}` });
      }
    }
    return { rule, href: clauseUrl(reg.slug, rule.clause), words, formal, regulationTitle: reg.tree.meta.title, facts };
  });
}

/** The page's script data: the trimmed calendar and the rules, cited in full (for the .ics). */
export function pageClientData(calendar: CalendarData, rules: readonly Rule[], views: readonly RuleView[]): ClientData {
  const last = calendar.years.at(-1) ?? 0;
  const data = clientData(calendar, rules.filter(isComputed), { from: last - CLIENT_YEARS + 1, to: last });
  const formal = new Map(views.map((v) => [v.rule.id, v.formal]));
  return {
    calendar: data.calendar,
    // The notes stay on the page; the script needs the numbers, the quote and the citation.
    rules: data.rules.map(({ note: _shown, ...r }) => ({ ...r, citation: formal.get(r.id) ?? r.citation })),
  };
}

export interface WorkedExample {
  event: DayInfo;
  result: DeadlineResult;
  /** From the day before the event back to the due day: each day, and its count if it is a working day. */
  steps: { day: DayInfo; count?: number }[];
  /** The non-working run just before the due day (the 国庆节 break in the example), if any. */
  before: DayInfo[];
}

/** "N working days before D", walked day by day as the page explains it. */
export function workedExample(calendar: CalendarData, event: string, amount: number): WorkedExample {
  const result = computeDeadline(calendar, { amount, unit: 'workingDay', direction: 'before' }, event);
  const steps: WorkedExample['steps'] = [];
  let count = 0;
  for (let d = addDays(event, -1); d >= result.due; d = addDays(d, -1)) {
    const day = describeDay(calendar, d);
    steps.push(day.working ? { day, count: ++count } : { day });
  }
  const before: DayInfo[] = [];
  for (let d = addDays(result.due, -1); before.length < 31; d = addDays(d, -1)) {
    const day = describeDay(calendar, d);
    if (day.working) break;
    before.push(day);
  }
  return { event: describeDay(calendar, event), result, steps, before: before.reverse() };
}

/** 2026年10月8日 */
export function dateWords(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** 10月8日 */
export function monthDayWords(date: string): string {
  const [, m, d] = date.split('-').map(Number);
  return `${m}月${d}日`;
}

/** Everything the page renders, from the data loaded (and checked) once per build. */
export function deadlinePage() {
  const { rules, calendar } = deadlineData();
  const views = ruleViews(rules);
  return {
    computed: views.filter((v) => isComputed(v.rule)),
    reference: views.filter((v) => !isComputed(v.rule)),
    client: pageClientData(calendar, rules, views),
    example: workedExample(calendar, '2026-10-12', 3),
    years: calendar.years,
  };
}
