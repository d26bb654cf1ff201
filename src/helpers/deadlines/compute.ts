/**
 * Deadline arithmetic. Browser-safe on purpose (no Node imports, calendar passed
 * in as plain data) so the calculator page can ship this module as is.
 *
 * Dates are Beijing calendar dates `YYYY-MM-DD`; date-times are Beijing clock
 * times `YYYY-MM-DDTHH:mm`. Everything is computed on whole UTC day numbers, so
 * the process or browser time zone never affects an answer.
 */

/** The official working-day calendar, as plain JSON-able data. */
export interface CalendarData {
  /** Years whose official schedule is known, ascending. */
  years: number[];
  /** Statutory holiday date → its name (`国庆节`). */
  holidays: Record<string, string>;
  /** 调休 weekend date that is a working day → the holiday it makes up for. */
  workdays: Record<string, string>;
}

export type Unit = 'workingDay' | 'day' | 'hour';
export type Direction = 'before' | 'after';

/** The part of a rule that the arithmetic needs. */
export interface DeadlineSpec {
  amount: number;
  unit: Unit;
  direction: Direction;
}

export interface DayInfo {
  date: string;
  /** `星期一` … `星期日`. */
  weekday: string;
  working: boolean;
  /** Holiday name, for holidays and for 调休 working days. */
  name?: string;
}

export interface DeadlineResult {
  /** `YYYY-MM-DD`, or `YYYY-MM-DDTHH:mm` for hour rules. */
  due: string;
  /** The day the deadline falls on. A calendar-day deadline may land on a holiday. */
  dueDay: DayInfo;
  /** Non-working days passed over while counting working days, nearest the event first. */
  skipped: DayInfo[];
  /** Weekend days that were counted because they are 调休 working days. */
  makeup: DayInfo[];
  /**
   * True when the answer relied on a day in a year without official data, where
   * only weekends were assumed off: any counted working day, or the due day of a
   * calendar-day rule (its `working` flag). Hour rules never rely on the calendar.
   */
  uncovered: boolean;
  uncoveredYears: number[];
}

export interface MeetingResult {
  meeting: DayInfo;
  /** Meeting weekdays passed over because they were not working days. */
  skippedMeetings: DayInfo[];
  materials: DeadlineResult;
  /** The materials deadline is already before the query date. */
  materialsDuePassed: boolean;
  uncovered: boolean;
  uncoveredYears: number[];
}

const DAY_MS = 86_400_000;
const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

function fromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function toDay(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const day = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS : NaN;
  // The round trip rejects 2026-02-30 (Date.UTC would roll it into March).
  if (Number.isNaN(day) || fromDay(day) !== date) throw new RangeError(`无效日期：${date}（应为 YYYY-MM-DD）`);
  return day;
}

export function isValidDate(date: string): boolean {
  try {
    toDay(date);
    return true;
  } catch {
    return false;
  }
}

export function addDays(date: string, days: number): string {
  return fromDay(toDay(date) + days);
}

/** 0 = Sunday; day 0 (1970-01-01) was a Thursday. */
function weekdayIndex(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

function describe(cal: CalendarData, day: number): DayInfo {
  const date = fromDay(day);
  const wd = weekdayIndex(day);
  const holiday = cal.holidays[date];
  const makeup = cal.workdays[date];
  const name = holiday ?? makeup;
  return {
    date,
    weekday: WEEKDAYS[wd]!,
    working: holiday === undefined && (makeup !== undefined || (wd !== 0 && wd !== 6)),
    ...(name === undefined ? {} : { name }),
  };
}

export function describeDay(cal: CalendarData, date: string): DayInfo {
  return describe(cal, toDay(date));
}

function uncoveredOf(cal: CalendarData, days: number[]): number[] {
  const years = new Set(days.map((d) => Number(fromDay(d).slice(0, 4))));
  return [...years].filter((y) => !cal.years.includes(y)).sort((a, b) => a - b);
}

/** `YYYY-MM-DDTHH:mm` → minutes since 1970-01-01T00:00 on the same (Beijing) clock. */
function toMinutes(dateTime: string): number {
  const m = /^(.{10})T(\d{2}):(\d{2})$/.exec(dateTime);
  const [h, min] = [Number(m?.[2]), Number(m?.[3])];
  if (!m || !isValidDate(m[1]!) || h > 23 || min > 59) {
    throw new RangeError(`无效时间：${dateTime}（应为 YYYY-MM-DDTHH:mm）`);
  }
  return toDay(m[1]!) * 1440 + h * 60 + min;
}

function fromMinutes(minutes: number): string {
  const day = Math.floor(minutes / 1440);
  const rest = minutes - day * 1440;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${fromDay(day)}T${pad(Math.floor(rest / 60))}:${pad(rest % 60)}`;
}

/**
 * The due date of a rule counted from `event` (a date, or a date-time for hour rules).
 * "N working days before D" is the N-th working day counting back from D − 1;
 * "after" counts forward from D + 1. Calendar days and hours are plain offsets
 * (Beijing has no daylight saving, so clock hours are elapsed hours).
 */
export function computeDeadline(cal: CalendarData, spec: DeadlineSpec, event: string): DeadlineResult {
  if (!Number.isInteger(spec.amount) || spec.amount < 0) throw new RangeError(`无效期限：${spec.amount}`);
  const step = spec.direction === 'before' ? -1 : 1;
  const skipped: DayInfo[] = [];
  const makeup: DayInfo[] = [];
  let due: string;
  let dueDay: number;
  const consulted: number[] = [];
  if (spec.unit === 'hour') {
    due = fromMinutes(toMinutes(event) + step * spec.amount * 60);
    dueDay = toDay(due.slice(0, 10));
  } else if (spec.unit === 'day') {
    dueDay = toDay(event) + step * spec.amount;
    due = fromDay(dueDay);
    consulted.push(dueDay);
  } else {
    dueDay = toDay(event);
    for (let left = spec.amount; left > 0; ) {
      dueDay += step;
      consulted.push(dueDay);
      const info = describe(cal, dueDay);
      if (!info.working) skipped.push(info);
      else {
        left--;
        if (weekdayIndex(dueDay) % 6 === 0) makeup.push(info); // Saturday (6) or Sunday (0)
      }
    }
    due = fromDay(dueDay);
  }
  const uncoveredYears = uncoveredOf(cal, consulted);
  return {
    due,
    dueDay: describe(cal, dueDay),
    skipped,
    makeup,
    uncovered: uncoveredYears.length > 0,
    uncoveredYears,
  };
}

/**
 * The next regular meeting on `weekday` (1 = 星期一 … 7 = 星期日) on or after
 * `from` that is a working day, and its materials deadline. A meeting day that
 * is a holiday is skipped to the following week; the query date itself counts,
 * so on a Monday the answer is that afternoon's meeting.
 */
export function nextWeeklyMeeting(
  cal: CalendarData,
  from: string,
  weekday: number,
  materials: DeadlineSpec,
): MeetingResult {
  const start = toDay(from);
  let day = start + ((weekday - weekdayIndex(start) + 7) % 7);
  const skippedMeetings: DayInfo[] = [];
  const consulted: number[] = [day];
  let meeting = describe(cal, day);
  while (!meeting.working) {
    // No holiday lasts a year: this only guards against a malformed calendar.
    if (skippedMeetings.length > 52) throw new RangeError(`${from} 之后一年内找不到工作日例会`);
    skippedMeetings.push(meeting);
    day += 7;
    consulted.push(day);
    meeting = describe(cal, day);
  }
  const due = computeDeadline(cal, materials, meeting.date);
  const uncoveredYears = [...new Set([...uncoveredOf(cal, consulted), ...due.uncoveredYears])].sort((a, b) => a - b);
  return {
    meeting,
    skippedMeetings,
    materials: due,
    materialsDuePassed: due.due < from,
    uncovered: uncoveredYears.length > 0,
    uncoveredYears,
  };
}
