/**
 * The approval-path navigator (/helpers/approvals/…), on both viewports: pick
 * a scenario and a role and reach the right path, follow a step to its clause,
 * all of it without JavaScript too, and accessible (axe, WCAG 2.1 AA).
 */
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';

const LIST = '/helpers/approvals/';
const SCENARIO = '/helpers/approvals/overseas-visit/';
const MAYOR = '/helpers/approvals/overseas-visit/district-mayor/';
const CLAUSE = '/regulations/chaoyang-government-work-rules/#art-55-p1';

/** Each stage of the drawn path as "actor verb" strings, in order. */
async function stages(page: Page): Promise<string[][]> {
  return page.locator('ol.stages > li').evaluateAll((items) =>
    items.map((li) =>
      [...li.querySelectorAll('.main .actor')].map((a) =>
        [...a.querySelectorAll('.who, .verb')].map((s) => s.textContent?.trim()).join(' '),
      ),
    ),
  );
}

async function choosePath(page: Page): Promise<void> {
  await page.goto(LIST);
  await page.getByRole('link', { name: '出国访问审批', exact: true }).click();
  await expect(page).toHaveURL(SCENARIO);
  await expect(page.getByRole('heading', { level: 2, name: '谁要出国访问？' })).toBeVisible();
  await page.getByRole('link', { name: '区长本人', exact: true }).click();
  await expect(page).toHaveURL(MAYOR);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('出国访问审批：区长本人');
  expect(await stages(page)).toEqual([['分管外事工作的副区长 审核'], ['区委书记 同意'], ['市政府 审批']]);
}

test('choosing a scenario and a role leads to the right path', async ({ page }) => {
  await choosePath(page);
  // Each step shows its words of the regulation and links to the clause with its citation.
  const first = page.locator('ol.stages > li').first();
  await expect(first.locator('blockquote')).toHaveText('区长出国访问，经分管外事工作的副区长审核');
  await expect(first.getByRole('link', { name: '《北京市朝阳区人民政府工作规则》第五十五条' })).toHaveAttribute('href', CLAUSE);
});

test('parallel consent is drawn side by side', async ({ page }) => {
  await page.goto('/helpers/approvals/overseas-visit/other-district-leaders/');
  expect(await stages(page)).toEqual([['分管外事工作的副区长 审核'], ['区委书记 同意', '区长 同意'], ['市政府 审批']]);
  const [secretary, mayor] = await page.locator('ol.stages > li').nth(1).locator('.actor').all();
  const a = (await secretary!.boundingBox())!;
  const b = (await mayor!.boundingBox())!;
  // Same row, left to right (both fit even at 360 px).
  expect(Math.abs(a.y - b.y)).toBeLessThan(2);
  expect(b.x).toBeGreaterThan(a.x + a.width - 1);
});

test('notifications are set apart from approvals, not by colour alone', async ({ page }) => {
  await page.goto('/helpers/approvals/leave-of-absence/district-mayor/');
  const side = page.locator('ol.stages .side .step');
  await expect(side).toHaveCount(2);
  for (const step of await side.all()) {
    await expect(step.locator('.tag')).toContainText('报备');
    await expect(step.locator('.tag')).toContainText('不需同意');
    expect(await step.evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe('dashed');
  }
  await expect(page.locator('ol.stages .main .kind-notification')).toHaveCount(0);
  const approval = page.locator('ol.stages .main .kind-approval').first();
  await expect(approval.locator('.tag')).toContainText('审批');
  expect(await approval.evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe('solid');
  // The path's deadline links to the calculator preset to its rule.
  await expect(page.getByRole('link', { name: /离京外出书面请假/ }).first()).toHaveAttribute(
    'href',
    '/helpers/deadlines/?rule=leave-request#rule-leave-request',
  );
});

test('a step leads to its clause, highlighted and focused', async ({ page }) => {
  await page.goto(MAYOR);
  await page.locator('ol.stages > li').first().getByRole('link', { name: /第五十五条/ }).click();
  await expect(page).toHaveURL(CLAUSE);
  const clause = page.locator('#art-55-p1');
  await expect(clause).toBeFocused();
  expect(await clause.evaluate((el) => el.matches(':target'))).toBe(true);
});

test('the regulation links back to the paths resting on a clause', async ({ page }) => {
  await page.goto('/regulations/chaoyang-government-work-rules/articles/55/');
  const related = page.locator('.article-aside', { hasText: '相关审批路径' });
  await expect(related).toContainText('相关审批路径');
  await related.getByRole('link', { name: '区长本人', exact: true }).click();
  await expect(page).toHaveURL(MAYOR);
});

test('the full text links each clause a path rests on to its scenario, in one line under the article', async ({ page }) => {
  await page.goto('/regulations/chaoyang-government-work-rules/');
  const line = page.locator('#art-55 > .article-aside');
  await expect(line).toHaveCount(1);
  await expect(line).toContainText('审批路径：');
  await line.getByRole('link', { name: '出国访问审批' }).click();
  await expect(page).toHaveURL('/helpers/approvals/overseas-visit/');
});

test('the path fits a phone screen without sideways scrolling', async ({ page }) => {
  for (const path of [MAYOR, '/helpers/approvals/normative-document/district-government/', '/helpers/approvals/leave-of-absence/subdistrict-head/']) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the whole way works: list, role, path, clause', async ({ page }) => {
    await choosePath(page);
    await page.locator('ol.stages > li').nth(1).getByRole('link', { name: /第五十五条/ }).click();
    await expect(page).toHaveURL(CLAUSE);
    // CSS :target highlights the clause without any script.
    expect(await page.locator('#art-55-p1').evaluate((el) => el.matches(':target'))).toBe(true);
  });
});

test.describe('accessibility', () => {
  for (const path of [
    LIST,
    SCENARIO,
    MAYOR,
    '/helpers/approvals/leave-of-absence/district-mayor/',
    '/helpers/approvals/normative-document/district-government/',
    '/helpers/approvals/meeting-topic/executive-meeting/',
  ]) {
    test(`${path} has no axe violations`, async ({ page }) => {
      // Long paths are many nodes for axe; on a busy 2-core machine it can pass 30 s.
      test.slow();
      await page.goto(path);
      await expectNoAxeViolations(page);
    });
  }
});
