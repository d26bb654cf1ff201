import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packageCalendar } from '../../../src/helpers/deadlines/calendar.ts';
import {
  addDays,
  computeDeadline,
  describeDay,
  nextWeeklyMeeting,
  type DeadlineSpec,
} from '../../../src/helpers/deadlines/compute.ts';

const cal = packageCalendar();
const workingDays = (amount: number, direction: 'before' | 'after' = 'before'): DeadlineSpec => ({
  amount,
  unit: 'workingDay',
  direction,
});
const dates = (days: { date: string }[]) => days.map((d) => d.date);

describe('the package data behind the examples', () => {
  it('has 2026 National Day off 10-01…10-07 and Saturday 10-10 as a 调休 working day', () => {
    for (let d = 1; d <= 7; d++) expect(cal.holidays[`2026-10-0${d}`]).toBe('国庆节');
    expect(cal.holidays['2026-10-08']).toBeUndefined();
    expect(cal.workdays['2026-10-10']).toBe('国庆节');
    expect(describeDay(cal, '2026-10-10')).toEqual({ date: '2026-10-10', weekday: '星期六', working: true, name: '国庆节' });
    expect(describeDay(cal, '2026-10-12').weekday).toBe('星期一');
  });
});

describe('working days', () => {
  it('meeting Monday 2026-10-12 → materials due Thursday 2026-10-08', () => {
    const r = computeDeadline(cal, workingDays(3), '2026-10-12');
    expect(r.due).toBe('2026-10-08');
    expect(r.dueDay.weekday).toBe('星期四');
    expect(dates(r.skipped)).toEqual(['2026-10-11']);
    expect(dates(r.makeup)).toEqual(['2026-10-10']);
    expect(r.uncovered).toBe(false);
    expect(r.uncoveredYears).toEqual([]);
  });

  it('skips all of National Day 2025 (with 中秋 inside) and counts Sunday 09-28', () => {
    const r = computeDeadline(cal, workingDays(3), '2025-10-09');
    expect(r.due).toBe('2025-09-28');
    expect(r.dueDay).toMatchObject({ weekday: '星期日', working: true, name: '国庆节' });
    expect(dates(r.skipped)).toEqual([8, 7, 6, 5, 4, 3, 2, 1].map((d) => `2025-10-0${d}`));
    expect(r.skipped.find((d) => d.date === '2025-10-06')?.name).toBe('中秋');
  });

  it('crosses Spring Festival 2026 backwards onto its 调休 Saturday', () => {
    const r = computeDeadline(cal, workingDays(2), '2026-02-24');
    expect(r.due).toBe('2026-02-13');
    expect(r.skipped).toHaveLength(9);
    expect(r.skipped.every((d) => d.name === '春节')).toBe(true);
    expect(dates(r.makeup)).toEqual(['2026-02-14']);
  });

  it('crosses Spring Festival 2025 forwards, counting Saturday 02-08 and skipping Sunday 02-09', () => {
    const r = computeDeadline(cal, workingDays(5, 'after'), '2025-01-27');
    expect(r.due).toBe('2025-02-10');
    expect(dates(r.makeup)).toEqual(['2025-02-08']);
    expect(dates(r.skipped)).toContain('2025-02-09');
    expect(dates(r.skipped)).toContain('2025-01-28');
  });

  it('crosses the year end both ways (元旦 2026 with 调休 Sunday 01-04)', () => {
    const back = computeDeadline(cal, workingDays(3), '2026-01-05');
    expect(back.due).toBe('2025-12-30');
    expect(dates(back.makeup)).toEqual(['2026-01-04']);
    expect(dates(back.skipped)).toEqual(['2026-01-03', '2026-01-02', '2026-01-01']);
    const forward = computeDeadline(cal, workingDays(3, 'after'), '2025-12-30');
    expect(forward.due).toBe('2026-01-05');
  });

  it('counts weekends only in a year with no data, and says so', () => {
    const r = computeDeadline(cal, workingDays(3), '2031-10-08');
    // 2031-10-08 is a Wednesday; National Day is surely off, but there is no data.
    expect(r.due).toBe('2031-10-03');
    expect(r.skipped).toEqual([
      { date: '2031-10-05', weekday: '星期日', working: false },
      { date: '2031-10-04', weekday: '星期六', working: false },
    ]);
    expect(r.uncovered).toBe(true);
    expect(r.uncoveredYears).toEqual([2031]);
  });

  it('flags only the uncovered year when a count crosses from 2027 into 2026', () => {
    const r = computeDeadline(cal, workingDays(3), '2027-01-04');
    expect(r.due).toBe('2026-12-30');
    expect(r.uncoveredYears).toEqual([2027]);
  });

  it('lands on a working day with exactly N − 1 working days in between (property)', () => {
    const day = fc.integer({ min: 0, max: 8000 }).map((n) => addDays('2004-03-01', n));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 15 }), (event, n) => {
        const r = computeDeadline(cal, workingDays(n), event);
        expect(r.dueDay.working).toBe(true);
        let between = 0;
        for (let d = addDays(r.due, 1); d < event; d = addDays(d, 1)) if (describeDay(cal, d).working) between++;
        expect(between).toBe(n - 1);
        // Counting forward again returns to the event whenever it is a working day.
        if (describeDay(cal, event).working) expect(computeDeadline(cal, workingDays(n, 'after'), r.due).due).toBe(event);
      }),
    );
  });
});

describe('calendar days and hours', () => {
  it('至少提前7天 is D − 7, and reports a due day that falls in a holiday', () => {
    const r = computeDeadline(cal, { amount: 7, unit: 'day', direction: 'before' }, '2026-10-12');
    expect(r.due).toBe('2026-10-05');
    expect(r.dueDay).toMatchObject({ working: false, name: '国庆节', weekday: '星期一' });
    expect(r.skipped).toEqual([]);
  });

  it('adds clock hours on the Beijing clock', () => {
    const five = computeDeadline(cal, { amount: 5, unit: 'hour', direction: 'after' }, '2026-11-26T09:30');
    expect(five.due).toBe('2026-11-26T14:30');
    expect(five.dueDay.weekday).toBe('星期四');
    const day = computeDeadline(cal, { amount: 24, unit: 'hour', direction: 'after' }, '2026-11-26T09:30');
    expect(day.due).toBe('2026-11-27T09:30');
  });

  it('carries hours over midnight, year end and into a leap day', () => {
    const spec: DeadlineSpec = { amount: 5, unit: 'hour', direction: 'after' };
    const r = computeDeadline(cal, spec, '2026-12-31T21:15');
    expect(r.due).toBe('2027-01-01T02:15');
    // The clock does not depend on working days, so 2027 missing is no caveat here.
    expect(r.uncovered).toBe(false);
    expect(computeDeadline(cal, spec, '2028-02-28T22:00').due).toBe('2028-02-29T03:00');
    expect(computeDeadline(cal, { ...spec, direction: 'before' }, '2026-03-01T01:00').due).toBe('2026-02-28T20:00');
  });

  it('rejects malformed dates and times', () => {
    expect(() => computeDeadline(cal, workingDays(3), '2026-02-30')).toThrow('无效日期');
    expect(() => computeDeadline(cal, workingDays(3), '2026-1-5')).toThrow('无效日期');
    expect(() => computeDeadline(cal, { amount: 5, unit: 'hour', direction: 'after' }, '2026-11-26T24:00')).toThrow(
      '无效时间',
    );
    expect(() => computeDeadline(cal, { amount: 5, unit: 'hour', direction: 'after' }, '2026-11-26')).toThrow('无效时间');
  });
});

describe('regular Monday meeting (article 39)', () => {
  it('skips a Monday inside National Day to the next working Monday', () => {
    const r = nextWeeklyMeeting(cal, '2026-10-01', 1, workingDays(3));
    expect(r.meeting.date).toBe('2026-10-12');
    expect(dates(r.skippedMeetings)).toEqual(['2026-10-05']);
    expect(r.materials.due).toBe('2026-10-08');
    expect(r.materialsDuePassed).toBe(false);
  });

  it('on a Monday the meeting is that afternoon, and its materials deadline has passed', () => {
    const r = nextWeeklyMeeting(cal, '2026-10-12', 1, workingDays(3));
    expect(r.meeting.date).toBe('2026-10-12');
    expect(r.skippedMeetings).toEqual([]);
    expect(r.materialsDuePassed).toBe(true);
  });

  it('flags an uncovered year', () => {
    const r = nextWeeklyMeeting(cal, '2031-03-05', 1, workingDays(3));
    expect(r.meeting).toMatchObject({ date: '2031-03-10', weekday: '星期一' });
    expect(r.materials.due).toBe('2031-03-05');
    expect(r.uncoveredYears).toEqual([2031]);
  });
});
