import { describe, expect, it } from 'vitest';
import { packageCalendar } from '../../../src/helpers/deadlines/calendar.ts';
import { computeDeadline } from '../../../src/helpers/deadlines/compute.ts';
import { deadlineData } from '../../../src/helpers/deadlines/index.ts';
import { dateWords, monthDayWords, pageClientData, periodWords, ruleViews, workedExample } from '../../../src/helpers/deadlines/page.ts';

const { rules, calendar } = deadlineData();

describe('the page’s worked example', () => {
  it('walks back from the day before the meeting, as the convention says', () => {
    const ex = workedExample(packageCalendar(), '2026-10-12', 3);
    expect(ex.result.due).toBe('2026-10-08');
    expect(ex.steps.map((s) => [s.day.date, s.count])).toEqual([
      ['2026-10-11', undefined],
      ['2026-10-10', 1],
      ['2026-10-09', 2],
      ['2026-10-08', 3],
    ]);
    expect(ex.steps[1]!.day.name).toBe('国庆节');
    expect(ex.before.map((d) => d.date)).toEqual(['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07']);
    expect(dateWords('2026-10-08')).toBe('2026年10月8日');
    expect(monthDayWords('2026-01-05')).toBe('1月5日');
  });
});

describe('rule views', () => {
  it('cite each rule formally and link its permalink', () => {
    const views = ruleViews(rules);
    const meeting = views.find((v) => v.rule.id === 'meeting-materials')!;
    expect(meeting).toMatchObject({
      href: '/regulations/chaoyang-government-work-rules/#art-43-p2',
      words: '第四十三条第二款',
      formal: '《北京市朝阳区人民政府工作规则》第四十三条第二款',
    });
    expect(meeting.facts.map((f) => f.term)).toEqual(['谁办理', '起算', '期限']);
    // A single-paragraph article is cited without 第一款.
    expect(views.find((v) => v.rule.id === 'internal-event-invitation')!.words).toBe('第五十二条');
    expect(views.find((v) => v.rule.id === 'regular-mayor-office-meeting')!.facts[1]).toMatchObject({ href: '#rule-meeting-materials' });
  });

  it('word the periods', () => {
    expect(periodWords({ amount: 3, unit: 'workingDay', direction: 'before' })).toBe('提前 3 个工作日（节假日和周末不计，调休上班日计入）');
    expect(periodWords({ amount: 7, unit: 'day', direction: 'before' })).toBe('提前 7 天（自然日，节假日照常计入）');
    expect(periodWords({ amount: 5, unit: 'hour', direction: 'after' })).toBe('5 小时内');
  });
});

describe('the page’s script data', () => {
  const data = pageClientData(calendar, rules, ruleViews(rules));

  it('carries the computed rules with formal citations, and a recent window of the calendar', () => {
    expect(data.rules.map((r) => r.kind)).not.toContain('reference');
    expect(data.rules.find((r) => r.id === 'meeting-materials')).toMatchObject({ citation: '《北京市朝阳区人民政府工作规则》第四十三条第二款' });
    expect(data.rules.some((r) => 'note' in r)).toBe(false);
    const last = calendar.years.at(-1)!;
    expect(data.calendar.years).toEqual([last - 5, last - 4, last - 3, last - 2, last - 1, last]);
    const spec = { amount: 3, unit: 'workingDay', direction: 'before' } as const;
    expect(computeDeadline(data.calendar, spec, '2026-10-12')).toEqual(computeDeadline(calendar, spec, '2026-10-12'));
  });
});
