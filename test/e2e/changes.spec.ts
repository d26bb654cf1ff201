/**
 * content/ is a small real library (the seed and the national texts it cites):
 * what the home page and a metadata card say about a work's changes.
 */
import { expect, test } from './fixtures.ts';

test('最近修改 dates a work by its last change, not by when it was first issued', async ({ page }) => {
  await page.goto('/');
  const constitution = page.locator('#changed ~ ol li', { hasText: '中华人民共和国宪法' });
  await expect(constitution).toHaveCount(1);
  // 宪法 was adopted 1982-12-04 and last amended 2018-03-11 (its header's last line).
  await expect(constitution.locator('time')).toHaveAttribute('datetime', '2018-03-11');
  await expect(constitution).toContainText('修改于');
});

test('沿革 prints each header line once, though one line states two events (公布施行)', async ({ page }) => {
  await page.goto('/regulations/宪法/');
  const history = page.locator('dt', { hasText: '沿革' }).locator('xpath=following-sibling::dd[1]');
  // biome-ignore lint/performance/useDomNodeTextContent: the lines as rendered (<br> breaks them)
  const text = await history.innerText();
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  expect(lines).toContain('1982年12月4日 全国人民代表大会公告公布施行');
  expect(new Set(lines).size, lines.join(' | ')).toBe(lines.length);
  expect(lines).toHaveLength(7);
});
