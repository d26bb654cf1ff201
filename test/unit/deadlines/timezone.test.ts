/**
 * TZ is read once when a process starts, so stubbing it inside vitest proves
 * nothing: run the real modules in child processes with other zones instead.
 */
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const module = (path: string) => JSON.stringify(pathToFileURL(path).href);

const script = `
import { loadCalendar } from ${module('src/helpers/deadlines/calendar.ts')};
import { computeDeadline, nextWeeklyMeeting } from ${module('src/helpers/deadlines/compute.ts')};
import { deadlineIcs } from ${module('src/helpers/deadlines/ics.ts')};
const cal = loadCalendar();
const wd = (amount, direction = 'before') => ({ amount, unit: 'workingDay', direction });
const answers = [
  computeDeadline(cal, wd(3), '2026-10-12'),
  computeDeadline(cal, wd(3), '2026-01-05'),
  computeDeadline(cal, wd(5, 'after'), '2025-01-27'),
  computeDeadline(cal, wd(3), '2031-10-08'),
  computeDeadline(cal, { amount: 7, unit: 'day', direction: 'before' }, '2026-03-08'),
  computeDeadline(cal, { amount: 5, unit: 'hour', direction: 'after' }, '2026-11-26T21:30'),
  nextWeeklyMeeting(cal, '2026-10-01', 1, wd(3)),
  deadlineIcs({ ruleId: 'r', ruleName: 'n', from: '2026-11-26T21:30', due: '2026-11-27T02:30', quote: 'q',
    citation: 'c', url: 'u', stamp: new Date(0) }),
];
console.log(JSON.stringify({ offset: new Date(2026, 6, 1).getTimezoneOffset(), answers }));
`;

function run(tz: string): { offset: number; answers: unknown[] } {
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, TZ: tz },
    encoding: 'utf8',
  });
  expect(child.status, child.stderr).toBe(0);
  return JSON.parse(child.stdout) as { offset: number; answers: unknown[] };
}

describe('answers do not depend on the process time zone', () => {
  const beijing = run('Asia/Shanghai');

  it('gives the expected answers in Beijing', () => {
    expect(beijing.offset).toBe(-480);
    expect(beijing.answers[0]).toMatchObject({ due: '2026-10-08', dueDay: { weekday: '星期四' } });
    expect(beijing.answers[5]).toMatchObject({ due: '2026-11-27T02:30' });
  });

  it.each([
    ['America/Los_Angeles', 420],
    ['Pacific/Kiritimati', -840],
    ['UTC', 0],
  ])('gives the same answers with TZ=%s', (tz, offset) => {
    const other = run(tz);
    // Proves the zone really took effect in the child, so the comparison means something.
    expect(other.offset).toBe(offset);
    expect(other.answers).toEqual(beijing.answers);
  });
});
