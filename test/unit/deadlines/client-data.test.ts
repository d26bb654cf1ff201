import { describe, expect, it } from 'vitest';
import { packageCalendar } from '../../../src/helpers/deadlines/calendar.ts';
import { clauseCitation, clientData } from '../../../src/helpers/deadlines/client-data.ts';
import { computeDeadline } from '../../../src/helpers/deadlines/compute.ts';
import { loadDeadlineRules } from '../../../src/helpers/deadlines/schema.ts';

const rules = loadDeadlineRules('content/helpers/deadlines.yaml');
const calendar = packageCalendar();

describe('clauseCitation', () => {
  it('cites articles, paragraphs and items in Chinese', () => {
    expect(clauseCitation('art-25')).toBe('第二十五条');
    expect(clauseCitation('art-43-p2')).toBe('第四十三条第二款');
    expect(clauseCitation('art-39-p1-i3')).toBe('第三十九条第一款第三项');
    expect(() => clauseCitation('43')).toThrow('无效条款 id');
  });
});

describe('clientData', () => {
  it('carries the rules with citations and without build-only fields', () => {
    const data = clientData(calendar, [{ ...rules[0]!, covers: ['会前3个工作日'] }, ...rules.slice(1)]);
    expect(data.rules.map((r) => r.id)).toEqual(rules.map((r) => r.id));
    expect(data.rules[0]).toMatchObject({ id: 'meeting-materials', citation: '第四十三条第二款', quote: rules[0]!.quote });
    expect(data.rules[0]).not.toHaveProperty('covers');
  });

  it('survives JSON and still computes in the browser the same way', () => {
    const data = JSON.parse(JSON.stringify(clientData(calendar, rules))) as ReturnType<typeof clientData>;
    const spec = { amount: 3, unit: 'workingDay', direction: 'before' } as const;
    expect(computeDeadline(data.calendar, spec, '2026-10-12')).toEqual(computeDeadline(calendar, spec, '2026-10-12'));
  });

  it('trims to a year window, and the dropped years then read as uncovered', () => {
    const data = clientData(calendar, rules, { from: 2025, to: 2026 });
    expect(data.calendar.years).toEqual([2025, 2026]);
    expect(Object.keys(data.calendar.holidays).every((d) => d >= '2025' && d < '2027')).toBe(true);
    expect(data.calendar.workdays['2026-10-10']).toBe('国庆节');
    const r = computeDeadline(data.calendar, { amount: 3, unit: 'workingDay', direction: 'before' }, '2024-10-09');
    expect(r.uncoveredYears).toEqual([2024]);
    // Small enough to inline: the two years' data is a few kilobytes of JSON.
    expect(JSON.stringify(data.calendar).length).toBeLessThan(4000);
  });
});
