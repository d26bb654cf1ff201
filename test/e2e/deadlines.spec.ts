/**
 * The deadline calculator (/helpers/deadlines/) as a reader uses it: a shared
 * link opens with the answer, the form writes the URL, a year without official
 * data says so, the .ics download, other time zones, no JavaScript, axe.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';

const PAGE = '/helpers/deadlines/';

const calc = (page: Page, rule: string) => page.locator(`#rule-${rule} form.dl-calc`);

/** The shared links and their answers, checked in Beijing and in two far-off zones. */
async function expectSharedAnswers(page: Page): Promise<void> {
  await page.goto(`${PAGE}?rule=meeting-materials&date=2026-10-12`);
  const form = calc(page, 'meeting-materials');
  const output = form.locator('output[data-due]');
  await expect(output).toHaveCount(1);
  await expect(output).toHaveAttribute('data-due', '2026-10-08');
  await expect(output).toContainText('2026年10月8日（星期四）');
  // The skipped Sunday, and the 调休 Saturday that counted.
  await expect(form).toContainText('跳过的非工作日：10月11日（星期日）');
  await expect(form).toContainText('10月10日（星期六，国庆节调休上班）');

  await page.goto(`${PAGE}?rule=emergency-information&at=2026-11-26T09:30`);
  await expect(calc(page, 'emergency-information').locator('output')).toHaveAttribute('data-due', '2026-11-26T14:30');

  await page.goto(`${PAGE}?rule=regular-mayor-office-meeting&date=2026-10-01`);
  const meeting = calc(page, 'regular-mayor-office-meeting').locator('output');
  // Monday 10-05 is in the National Day break: the next regular meeting is 10-12.
  await expect(meeting).toHaveAttribute('data-due', '2026-10-08');
  await expect(meeting).toContainText('2026年10月12日（星期一）下午');
}

test.describe('a shared link', () => {
  test('gives the Beijing answers', async ({ page }) => {
    await expectSharedAnswers(page);
  });

  test('opens with the answer shown, in view and focused', async ({ page }) => {
    await page.goto(`${PAGE}?rule=meeting-materials&date=2026-10-12`);
    const section = page.locator('#rule-meeting-materials');
    await expect(section).toBeFocused();
    await expect(section).toBeInViewport();
    await expect(page.locator('#date-meeting-materials')).toHaveValue('2026-10-12');
    // Exactly one answer per calculator, and only the shared rule is answered.
    await expect(page.locator('form.dl-calc output')).toHaveCount(await page.locator('form.dl-calc').count());
    await expect(page.locator('output[data-due]')).toHaveCount(1);
    // The month view marks the due day, the event day and the holidays in words, not colour alone.
    const month = section.locator('table.dl-month');
    await expect(month.locator('caption')).toHaveText('2026年10月');
    await expect(month.locator('td', { hasText: '截止' })).toHaveText('8截止');
    await expect(month.locator('td', { hasText: '起算' })).toHaveText('12起算');
    await expect(month.locator('td', { hasText: '休' })).toHaveCount(7);
  });

  test('is accessible with the answer shown', async ({ page }) => {
    // axe over the whole page, answer and month table included, on a busy 2-core runner.
    test.slow();
    await page.goto(`${PAGE}?rule=meeting-materials&date=2026-10-12`);
    await expect(page.locator('output[data-due]')).toHaveCount(1);
    await expectNoAxeViolations(page);
  });

  for (const timezoneId of ['America/Los_Angeles', 'Pacific/Kiritimati']) {
    test.describe(`in ${timezoneId}`, () => {
      test.use({ timezoneId });
      test('gives the same Beijing answers', async ({ page }) => {
        expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(timezoneId);
        await expectSharedAnswers(page);
      });
    });
  }
});

test('filling the form shows the answer and writes it into the URL', async ({ page }) => {
  await page.goto(PAGE);
  const form = calc(page, 'leave-request');
  await expect(form.locator('output')).not.toHaveAttribute('data-due');
  await form.getByLabel(/的日期/).fill('2026-10-12');
  await expect(form.locator('output')).toHaveAttribute('data-due', '2026-10-05');
  // 7 calendar days before lands in the National Day break: the page says to act earlier.
  await expect(form.locator('output')).toContainText('国庆节假期');
  await expect(form.locator('output')).toContainText('2026年9月30日（星期三）');
  await expect(page).toHaveURL(/\/helpers\/deadlines\/\?rule=leave-request&date=2026-10-12$/);

  const hour = calc(page, 'emergency-press-conference');
  await hour.getByLabel(/的日期/).fill('2026-11-26');
  await hour.getByLabel('时刻（北京时间）').fill('21:30');
  await expect(hour.locator('output')).toHaveAttribute('data-due', '2026-11-27T21:30');
  await expect(page).toHaveURL(/\?rule=emergency-press-conference&at=2026-11-26T21:30$/);

  // The URL opens the same answer again.
  await page.goto(page.url());
  await expect(calc(page, 'emergency-press-conference').locator('output')).toHaveAttribute('data-due', '2026-11-27T21:30');
});

test('a year without official data counts weekends only, and says so', async ({ page }) => {
  await page.goto(`${PAGE}?rule=internal-event-invitation&date=2031-10-08`);
  const output = calc(page, 'internal-event-invitation').locator('output');
  await expect(output).toHaveAttribute('data-due', '2031-09-29');
  // The site's data is what is missing, not the State Council's notice; and what to do.
  await expect(output).toContainText('本站尚未收录 2031 年的法定节假日安排，本结果只扣除了周末');
  await expect(output).toContainText('请对照国务院办公厅公布的当年安排核对');

  await page.goto(`${PAGE}?rule=meeting-materials&date=2026-10-12`);
  await expect(calc(page, 'meeting-materials').locator('output')).not.toContainText('尚未收录');
});

test('a deadline already past on the day of use warns, for every kind of rule', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-12-01T10:00:00+08:00'));
  // A meeting on 3 December: materials were due 3 working days before, on 30 November.
  await page.goto(`${PAGE}?rule=meeting-materials&date=2026-12-03`);
  const output = calc(page, 'meeting-materials').locator('output');
  await expect(output).toHaveAttribute('data-due', '2026-11-30');
  await expect(output.locator('.dl-past')).toHaveText('这个期限在今天（12月1日）之前，已经过了：请核对输入的日期，或尽快办理。');
  // A later meeting: no warning.
  await page.goto(`${PAGE}?rule=meeting-materials&date=2026-12-10`);
  await expect(calc(page, 'meeting-materials').locator('output')).toHaveAttribute('data-due', '2026-12-07');
  await expect(calc(page, 'meeting-materials').locator('.dl-past')).toHaveCount(0);
  // Hours count too: 24 hours from 29 November 09:00 ended on 30 November.
  await page.goto(`${PAGE}?rule=emergency-press-conference&at=2026-11-29T09:00`);
  await expect(calc(page, 'emergency-press-conference').locator('.dl-past')).toBeVisible();
});

test('printing prints the calculator in use, not all of them', async ({ page }) => {
  await page.goto(`${PAGE}?rule=meeting-materials&date=2026-12-10`);
  await expect(calc(page, 'meeting-materials').locator('output')).toHaveAttribute('data-due', '2026-12-07');
  await page.emulateMedia({ media: 'print' });
  const visible = await page.locator('.dl-rule').evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.id));
  expect(visible).toEqual([await page.locator('.dl-rule').filter({ has: page.locator('form[data-rule="meeting-materials"]') }).getAttribute('id')]);
  await expect(page.locator('.dl-reference')).toBeHidden();
});

test('加入日历 downloads an .ics for the due date', async ({ page }) => {
  await page.goto(`${PAGE}?rule=meeting-materials&date=2026-10-12`);
  const form = calc(page, 'meeting-materials');
  const [download] = await Promise.all([page.waitForEvent('download'), form.getByRole('button', { name: /加入日历/ }).click()]);
  expect(download.suggestedFilename()).toBe('meeting-materials-2026-10-08.ics');
  const ics = readFileSync((await download.path())!, 'utf8');
  expect(ics).toContain('DTSTART;VALUE=DATE:20261008\r\n');
  expect(ics).toContain('SUMMARY:截止：区政府会议书面汇报材料报送\r\n');
  expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*END:VCALENDAR\r\n$/);
  expect(ics.replace(/\r\n/g, '')).not.toContain('\n');
});

test('every rule is listed with its quote and clause link', async ({ page }) => {
  await page.goto(PAGE);
  const rule = page.locator('#rule-meeting-materials');
  await expect(rule.locator('blockquote')).toHaveText('主责单位应精心准备书面汇报材料，并于会前3个工作日报送区政府办公室');
  const link = rule.locator('figcaption a');
  await expect(link).toHaveAttribute('href', '/regulations/chaoyang-government-work-rules/#art-43-p2');
  await expect(link).toHaveText('《北京市朝阳区人民政府工作规则》第四十三条第二款');
  // Reference-only rules: quoted, not computed.
  const speaking = page.locator('#rule-meeting-speech-time-limit');
  await expect(speaking.locator('blockquote')).toContainText('不超过3分钟');
  await expect(speaking.locator('form')).toHaveCount(0);
  await expect(page.locator('#rule-contact-point-research')).toBeAttached();
  await expect(page.locator('a[href="/deadlines-counting/"]').first()).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('lists every rule and explains the convention; the calculators say they need JS', async ({ page }) => {
    await page.goto(PAGE);
    await expect(page.locator('.dl-how')).toContainText('从会议（活动）前一天起往回数');
    await expect(page.locator('.dl-how')).toContainText('2026年10月8日（星期四）');
    await expect(page.locator('blockquote')).toHaveCount(12);
    await expect(page.getByText('计算器需要启用 JavaScript')).toBeVisible();
    await expect(page.locator('form.dl-calc').first()).toBeHidden();
  });
});

test('the full text links an article with a time limit to its calculator, in the line under it', async ({ page }) => {
  await page.goto('/regulations/chaoyang-government-work-rules/');
  const link = page.locator('#art-43 > .article-aside').getByRole('link', { name: '区政府会议书面汇报材料报送' });
  await expect(link).toHaveAttribute('href', '/helpers/deadlines/#rule-meeting-materials');
  await link.click();
  await expect(page.locator('#rule-meeting-materials')).toBeInViewport();
});

test('the regulation page links each clause with a time limit to its calculator', async ({ page }) => {
  await page.goto('/regulations/chaoyang-government-work-rules/articles/43/');
  const link = page.locator('.article-aside a', { hasText: '区政府会议书面汇报材料报送' });
  await expect(link).toHaveAttribute('href', '/helpers/deadlines/?rule=meeting-materials#rule-meeting-materials');
  await link.click();
  await expect(page.locator('#rule-meeting-materials')).toBeFocused();
  await expect(page).toHaveURL(/\?rule=meeting-materials#rule-meeting-materials$/);
});
