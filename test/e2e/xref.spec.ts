/**
 * Cross-reference pages: glossary, cited documents, topics, interpretation
 * notes and authored pages — each loads cleanly (fixtures.ts guards) and is
 * axe-clean; and the links between them and the regulation text land where
 * they say.
 */
import { expect, expectNoAxeViolations, test } from './fixtures.ts';

const SLUG = 'chaoyang-government-work-rules';
const REG = `/regulations/${SLUG}/`;

const PAGES = [
  { path: '/glossary/', h1: '术语表' },
  { path: '/documents/', h1: '引用文件索引' },
  { path: '/topics/', h1: '专题' },
  { path: '/topics/executive-meeting/', h1: '区政府常务会议' },
  { path: '/notes/', h1: '条文解读' },
  { path: '/notes/meeting-materials-three-working-days/', h1: /第四十三条第二款解读/ },
  { path: '/about/', h1: '关于本站' },
  { path: '/how-to-cite/', h1: '如何引用' },
  { path: '/deadlines-counting/', h1: '期限怎样计算' },
];

for (const { path, h1 } of PAGES) {
  test(`${path} loads cleanly and is accessible`, async ({ page }) => {
    test.setTimeout(60_000); // axe on a long page, on a busy 2-core machine
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await page.waitForLoadState('networkidle');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(h1);
    await expectNoAxeViolations(page);
  });
}

test('glossary: every abbreviation with its full name, defining clause and an anchor', async ({ page }) => {
  await page.goto('/glossary/');
  const entry = page.locator('section.xref-entry', { has: page.getByRole('heading', { name: '区政府', exact: true }) });
  await expect(entry).toHaveAttribute('id', /^t-/);
  await expect(entry).toContainText('北京市朝阳区人民政府');
  await expect(entry.locator(`a[href="${REG}#art-2-p1"]`)).toHaveText('第二条');
  await expect(entry.locator('[id^="g-"]')).toHaveCount(1);
  for (const short of ['区委', '区人大', '区政协']) {
    await expect(page.getByRole('heading', { name: short, exact: true })).toBeVisible();
  }
});

test('following an abbreviation link from an article lands on the defining clause', async ({ page }) => {
  await page.goto(`${REG}articles/3/`);
  const link = page.locator(`main a[href="${REG}#art-2-p1"]`, { hasText: /^区政府$/ }).first();
  await expect(link).toHaveAttribute('title', /北京市朝阳区人民政府/);
  await link.click();
  await expect(page).toHaveURL(`${REG}#art-2-p1`);
  const clause = page.locator('[id="art-2-p1"]');
  await expect(clause).toBeVisible();
  await expect(clause).toContainText('以下简称区政府');
  await expect(clause).toBeInViewport();
});

test('the definition links to its glossary entry', async ({ page }) => {
  await page.goto(REG);
  const definition = page.locator('[id="art-2-p1"] a[href^="/glossary/#g-"]', { hasText: '区政府' }).first();
  const href = await definition.getAttribute('href');
  await definition.click();
  await expect(page).toHaveURL(href!);
  const target = page.locator(`[id="${href!.split('#')[1]}"]`);
  await expect(target).toBeVisible();
  await expect(target).toContainText('北京市朝阳区人民政府');
});

test('the repealed 2018 rules cited in the last article link to the documents index, not to the current text', async ({ page }) => {
  await page.goto(REG);
  const cite = page.locator('[id="art-72-p1"] a', { hasText: '《北京市朝阳区人民政府工作规则》' });
  await expect(cite).toHaveAttribute('href', /^\/documents\/#d-/);
  await cite.click();
  await expect(page).toHaveURL(/\/documents\/#d-/);
  const anchor = new URL(page.url()).hash.slice(1);
  const edition = page.locator(`[id="${anchor}"]`);
  await expect(edition).toBeVisible();
  await expect(edition).toContainText('朝政发〔2018〕9号');
  await expect(edition).toContainText('本站未收录此版本');
  await expect(edition.locator(`a[href="${REG}#art-72-p1"]`)).toBeVisible();
});

test('documents index: each cited document once, with the clauses citing it', async ({ page }) => {
  await page.goto('/documents/');
  const entry = page.locator('section.xref-entry', { has: page.getByRole('heading', { name: '《党政机关公文处理工作条例》' }) });
  await expect(entry).toHaveCount(1);
  await expect(entry).toHaveAttribute('id', /^d-/);
  await expect(entry.locator(`a[href="${REG}#art-46-p1"]`)).toHaveText('第四十六条');
});

test('topic page lists the articles and the matching paragraphs, linked', async ({ page }) => {
  await page.goto('/topics/');
  await page.getByRole('link', { name: '区长办公会议', exact: true }).click();
  await expect(page).toHaveURL('/topics/mayor-office-meeting/');
  await expect(page.locator(`a[href="${REG}articles/39/"]`)).toHaveText('第三十九条');
  await expect(page.locator(`a[href="${REG}#art-43-p2"]`)).toHaveText('第二款');
  await page.locator(`a[href="${REG}articles/43/"]`).click();
  await expect(page).toHaveURL(`${REG}articles/43/`);
});

test('interpretation note: labelled unofficial, embeds the current clause text, links clause references', async ({ page }) => {
  await page.goto('/notes/meeting-materials-three-working-days/');
  await expect(page.locator('main')).toContainText('不是官方文本');
  const embedded = page.locator('figure.embedded-clause').first();
  await expect(embedded).toContainText('并于会前3个工作日报送区政府办公室');
  await expect(embedded.locator(`a[href="${REG}#art-43-p2"]`)).toHaveText('《北京市朝阳区人民政府工作规则》第四十三条第二款');
  await page.locator(`main a[href="${REG}#art-39"]`).first().click();
  await expect(page).toHaveURL(`${REG}#art-39`);
  await expect(page.locator('[id="art-39"]')).toBeInViewport();
});
