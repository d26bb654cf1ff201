/**
 * A malformed fragment (`#%`, `#%E4%B8`) names no clause: the clause script
 * must not throw on it (the fixtures fail the test on any uncaught exception),
 * and in-page clause links keep highlighting afterwards.
 */
import { expect, test } from './fixtures.ts';

const REG = '/regulations/chaoyang-government-work-rules/';

for (const fragment of ['%', '%E4%B8', '%zz']) {
  test(`#${fragment} highlights nothing, and a clause link still highlights after it`, async ({ page }) => {
    await page.goto(`${REG}#${fragment}`);
    await expect(page.locator('.is-target')).toHaveCount(0);
    await page.evaluate(() => (location.hash = '#art-43-p2'));
    await expect(page.locator('#art-43-p2')).toHaveClass(/\bis-target\b/);
    await expect(page.locator('#art-43-p2')).toBeFocused();
    await page.evaluate((f) => (location.hash = `#${f}`), fragment);
    await expect(page.locator('.is-target')).toHaveCount(0);
  });
}
