import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCalendar, packageCalendar, readCalendarFile } from '../../../src/helpers/deadlines/calendar.ts';
import { computeDeadline } from '../../../src/helpers/deadlines/compute.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'calendar-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const errorOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
};
const threeBefore = { amount: 3, unit: 'workingDay', direction: 'before' } as const;

describe('packageCalendar', () => {
  it('covers every year from 2004 to 2026 with Chinese names only', () => {
    const cal = packageCalendar();
    expect(cal.years).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    const names = new Set([...Object.values(cal.holidays), ...Object.values(cal.workdays)]);
    expect(names).toContain('春节');
    for (const name of names) expect(name).not.toMatch(/[A-Za-z,]/);
  });

  it('is what the repository calendar dir yields while it holds no year files', () => {
    expect(loadCalendar()).toEqual(packageCalendar());
    expect(loadCalendar(join(dir, 'missing'))).toEqual(packageCalendar());
  });
});

describe('content/calendar/<year>.yaml', () => {
  it('adds a new year: ranges expand, 调休 weekend counts, and the year is covered', () => {
    write(
      '2031.yaml',
      [
        'year: 2031',
        'source: 测试用安排',
        'holidays:',
        '  - { name: 国庆节, from: 2031-10-01, to: 2031-10-07 }',
        'workdays:',
        '  - { name: 国庆节, date: 2031-10-11 }',
        '',
      ].join('\n'),
    );
    const cal = loadCalendar(dir);
    expect(cal.years.at(-1)).toBe(2031);
    expect(cal.holidays['2031-10-04']).toBe('国庆节');
    // Monday 10-13: back over Sunday 10-12, count Saturday 10-11, Friday 10-10, Thursday 10-09.
    const r = computeDeadline(cal, threeBefore, '2031-10-13');
    expect(r.due).toBe('2031-10-09');
    expect(r.uncovered).toBe(false);
    expect(r.makeup.map((d) => d.date)).toEqual(['2031-10-11']);
  });

  it('replaces all of the package data for its year, and only that year', () => {
    write('2026.yaml', 'year: 2026\nholidays:\n  - { name: 国庆节, from: 2026-10-01, to: 2026-10-03 }\n');
    const cal = loadCalendar(dir);
    expect(cal.holidays['2026-10-05']).toBeUndefined();
    expect(cal.holidays['2026-02-17']).toBeUndefined();
    expect(cal.workdays['2026-10-10']).toBeUndefined();
    expect(cal.holidays['2025-10-01']).toBe('国庆节');
    // 10-10 is an ordinary Saturday now: 10-09, 10-08, 10-07.
    expect(computeDeadline(cal, threeBefore, '2026-10-12').due).toBe('2026-10-07');
  });

  it('accepts a 调休 day in the neighbouring year, as notices print them', () => {
    write('2031.yaml', 'year: 2031\nworkdays:\n  - { name: 元旦, date: 2030-12-28 }\n');
    expect(loadCalendar(dir).workdays['2030-12-28']).toBe('元旦');
  });

  it('names file:line:column for a year that does not match the file name', () => {
    const file = write('2031.yaml', '# 2031\nyear: 2030\n');
    expect(() => readCalendarFile(file)).toThrow(`${file}:2:1: year：与文件名年份 2031 不一致`);
  });

  it('names file:line:column for an impossible date, a weekday 调休 and a clash', () => {
    const file = write(
      '2031.yaml',
      [
        'year: 2031',
        'holidays:',
        '  - name: 春节',
        '    date: 2031-02-30',
        '  - { name: 国庆节, date: 2031-10-01 }',
        'workdays:',
        '  - { name: 春节, date: 2031-02-19 }',
        '  - { name: 国庆节, date: 2031-10-01 }',
      ].join('\n'),
    );
    expect(() => readCalendarFile(file)).toThrow(`${file}:4:5: holidays[0].date：应为有效日期 YYYY-MM-DD`);
    writeFileSync(file, readFileSync(file, 'utf8').replace('2031-02-30', '2031-02-03'));
    const message = errorOf(() => readCalendarFile(file));
    expect(message).toContain(`${file}:7:5: workdays[0]：2031-02-19 不是周末`);
    expect(message).toContain(`${file}:8:5: workdays[1]：2031-10-01 同时列为放假日和上班日`);
  });

  it('rejects an entry with both a date and a range, and unknown keys', () => {
    const file = write('2031.yaml', 'year: 2031\nholidays:\n  - { name: 春节, date: 2031-01-23, to: 2031-01-29 }\n');
    expect(() => readCalendarFile(file)).toThrow(`${file}:3:5: holidays[0]：应写 date，或写 from 与 to`);
    writeFileSync(file, 'year: 2031\nholiday: []\n');
    expect(() => readCalendarFile(file)).toThrow(`${file}:2:1: holiday：出现未知的键`);
  });

  it('refuses a YAML file not named <year>.yaml instead of ignoring it', () => {
    write('2031年.yaml', 'year: 2031\n');
    expect(() => loadCalendar(dir)).toThrow('日历文件名应为 <年份>.yaml');
  });
});

