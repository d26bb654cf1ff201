/**
 * An article's own page says what it belongs to (regulation, 文号, status,
 * JSON-LD), prints with its title, clause and URL, lists 相关条文, and links
 * the interpretation note from the clause it explains (issue #15.6, #15.7).
 */
import { expect, expectNoAxeViolations, test } from './fixtures.ts';

const SLUG = 'chaoyang-government-work-rules';
const TITLE = '北京市朝阳区人民政府工作规则';
const ARTICLE = `/regulations/${SLUG}/articles/43/`;
const NOTE = '/notes/meeting-materials-three-working-days/';

test('names its regulation, 文号 and status, and says so in JSON-LD', async ({ page }) => {
  await page.goto(ARTICLE);
  const identity = page.locator('.identity');
  await expect(identity.getByRole('link', { name: `《${TITLE}》` })).toHaveAttribute('href', `/regulations/${SLUG}/`);
  await expect(identity).toContainText('朝政发〔2023〕5号');
  await expect(identity.locator('.status-badge')).toHaveText('现行有效');
  // biome-ignore lint/suspicious/noExplicitAny: JSON-LD is read by path below; its shape is what the test checks
  const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!) as Record<string, any>;
  expect(data['@type']).toBe('Legislation');
  expect(data.name).toBe(`《${TITLE}》第四十三条`);
  expect(data.url).toBe(`https://rules.chaoyang.example.gov.cn${ARTICLE}`);
  expect(data.isPartOf).toMatchObject({ '@type': 'Legislation', name: TITLE, legislationIdentifier: '朝政发〔2023〕5号' });
  await expectNoAxeViolations(page);
});

test('prints the regulation’s title, the clause and the URL', async ({ page }) => {
  await page.goto(ARTICLE);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.identity')).toBeVisible();
  await expect(page.locator('.identity')).toContainText(TITLE);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('第四十三条');
  await expect(page.locator('.print-url')).toBeVisible();
  await expect(page.locator('.print-url')).toContainText(`https://rules.chaoyang.example.gov.cn${ARTICLE}`);
  await expect(page.locator('.site-header')).toBeHidden();
});

test('lists 相关条文 that open other articles', async ({ page }) => {
  await page.goto(ARTICLE);
  const related = page.locator('.article-aside').filter({ hasText: '相关条文' });
  const links = related.getByRole('link');
  expect(await links.count()).toBeGreaterThan(0);
  for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
    expect(href).toMatch(/^\/regulations\/[a-z0-9-]+\/articles\/[0-9-]+\/$/);
    expect(href).not.toBe(ARTICLE);
  }
});

test('the interpretation note is linked from the clause it explains, on the full text and the article page', async ({ page }) => {
  await page.goto(`/regulations/${SLUG}/`);
  // The full text: one line of links under the article, the note named by its clause.
  const line = page.locator('#art-43 .article-aside').filter({ hasText: '解读：' });
  await expect(line.getByRole('link', { name: '第四十三条第二款' })).toHaveAttribute('href', NOTE);
  await page.goto(ARTICLE);
  const aside = page.locator('#art-43 .article-aside').filter({ hasText: '解读' });
  await expect(aside).toContainText('第四十三条第二款：');
  await expect(aside.getByRole('link')).toHaveAttribute('href', NOTE);
  await aside.getByRole('link').click();
  await expect(page).toHaveURL(NOTE);
});
