/**
 * The official working-day calendar (Node side): the chinese-days package's data,
 * overridden and extended by staff-maintained content/calendar/<year>.yaml files.
 *
 * We read the package's JSON rather than call its API: the result must be plain
 * data that can be merged with the YAML files and shipped to the browser.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import packageData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { addDays, isValidDate, type CalendarData } from './compute.ts';
import { parseYaml, type DataIssue } from '../../data/yaml-file.ts';

const date = z.string().refine(isValidDate, '应为有效日期 YYYY-MM-DD');

/** One date, or an inclusive range as the State Council notices print them (2月15日至23日). */
const entry = z
  .strictObject({ name: z.string().trim().min(1), date: date.optional(), from: date.optional(), to: date.optional() })
  .refine(
    (e) =>
      e.date !== undefined
        ? e.from === undefined && e.to === undefined
        : e.from !== undefined && e.to !== undefined && e.from <= e.to,
    '应写 date，或写 from 与 to（from 不晚于 to），二者择一',
  );

const scheduleSchema = z.strictObject({
  year: z.number().int(),
  source: z.string().optional(),
  holidays: z.array(entry).default([]),
  workdays: z.array(entry).default([]),
});

/** One year's official schedule as read from a YAML file. */
export interface YearSchedule {
  year: number;
  /** Date → holiday name. */
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

type Entry = z.output<typeof entry>;

function expand(e: Entry): string[] {
  if (e.date !== undefined) return [e.date];
  const dates: string[] = [];
  for (let d = e.from!; d <= e.to!; d = addDays(d, 1)) dates.push(d);
  return dates;
}

/** Read one content/calendar/<year>.yaml; errors name `file:line:column`. */
export function readCalendarFile(file: string): YearSchedule {
  const fileYear = Number(/(\d{4})\.ya?ml$/.exec(file)?.[1]);
  const check = (data: z.output<typeof scheduleSchema>): DataIssue[] => {
    const issues: DataIssue[] = [];
    if (data.year !== fileYear) issues.push({ path: ['year'], message: `与文件名年份 ${fileYear} 不一致` });
    for (const list of ['holidays', 'workdays'] as const) {
      data[list].forEach((e, i) => {
        for (const d of expand(e)) {
          // A notice may reach into the neighbouring years (12月29日上班), never further.
          if (Math.abs(Number(d.slice(0, 4)) - data.year) > 1) {
            issues.push({ path: [list, i], message: `${d} 不在 ${data.year} 年及相邻年份内` });
          }
          const day = new Date(`${d}T00:00Z`).getUTCDay();
          if (list === 'workdays' && day !== 0 && day !== 6) {
            issues.push({ path: [list, i], message: `${d} 不是周末，无需列为调休上班日` });
          }
          if (list === 'workdays' && data.holidays.some((h) => expand(h).includes(d))) {
            issues.push({ path: [list, i], message: `${d} 同时列为放假日和上班日` });
          }
        }
      });
    }
    return issues;
  };
  const data = parseYaml(file, readFileSync(file, 'utf8'), scheduleSchema, check);
  const toRecord = (list: Entry[]) => Object.fromEntries(list.flatMap((e) => expand(e).map((d) => [d, e.name])));
  return { year: data.year, holidays: toRecord(data.holidays), workdays: toRecord(data.workdays) };
}

/** The package's data alone: every year it lists. */
export function packageCalendar(): CalendarData {
  // Values read `National Day,国庆节,3`: English name, Chinese name, length.
  const chinese = (record: Record<string, string>) =>
    Object.fromEntries(Object.entries(record).map(([d, v]) => [d, v.split(',')[1] ?? v]));
  const holidays = chinese(packageData.holidays);
  const years = new Set(Object.keys(holidays).map((d) => Number(d.slice(0, 4))));
  return { years: [...years].sort((a, b) => a - b), holidays, workdays: chinese(packageData.workdays) };
}

/**
 * A YAML file for year Y replaces every package date in Y (a revised notice
 * supersedes the old one) and adds its dates in neighbouring years.
 */
export function applySchedule(cal: CalendarData, schedule: YearSchedule): CalendarData {
  const prefix = `${schedule.year}-`;
  const merge = (base: Record<string, string>, extra: Record<string, string>) =>
    Object.fromEntries(
      [...Object.entries(base).filter(([d]) => !d.startsWith(prefix)), ...Object.entries(extra)].sort(([a], [b]) =>
        a.localeCompare(b),
      ),
    );
  return {
    years: [...new Set([...cal.years, schedule.year])].sort((a, b) => a - b),
    holidays: merge(cal.holidays, schedule.holidays),
    workdays: merge(cal.workdays, schedule.workdays),
  };
}

/** The package's data with every `<year>.yaml` in `dir` applied (a missing dir means none). */
export function loadCalendar(dir = 'content/calendar'): CalendarData {
  if (!existsSync(dir)) return packageCalendar();
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
  const misnamed = files.find((f) => !/^\d{4}\.ya?ml$/.test(f));
  if (misnamed) throw new Error(`${join(dir, misnamed)}: 日历文件名应为 <年份>.yaml，如 2027.yaml`);
  return files.sort().reduce((cal, f) => applySchedule(cal, readCalendarFile(join(dir, f))), packageCalendar());
}
