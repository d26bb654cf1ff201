import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { budgetOf, checkPageBudgets, PAGE_BUDGET, PageBudgetError, pagesOverBudget, urlOf } from '../../../src/integration/page-budget.ts';

function site(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'page-budget-'));
  for (const [path, body] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), body);
  }
  return dir;
}

// Incompressible: gzip cannot bring it under its raw size.
const noise = (bytes: number) => randomBytes(bytes);

describe('page budgets', () => {
  it('maps output files to their URLs', () => {
    expect(urlOf('index.html')).toBe('/');
    expect(urlOf(join('regulations', '民法典', 'index.html'))).toBe('/regulations/民法典/');
    expect(urlOf('404.html')).toBe('/404.html');
    expect(budgetOf('/')).toBe(50 * 1024);
    expect(budgetOf('/documents/')).toBe(PAGE_BUDGET);
  });

  it('fails naming each page over its budget, gzipped; large but compressible pages pass', async () => {
    const dir = site({
      'index.html': noise(60 * 1024),
      'documents/index.html': noise(120 * 1024),
      'glossary/index.html': '<p>术语</p>'.repeat(50_000),
      'regulations/x/index.html': noise(80 * 1024),
      'library.json': noise(300 * 1024),
    });
    const over = await pagesOverBudget(dir);
    expect(over.map((p) => p.url)).toEqual(['/documents/', '/']);
    expect(over[0]!.gzipped).toBeGreaterThan(PAGE_BUDGET);
    const error = await checkPageBudgets(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PageBudgetError);
    expect((error as Error).message).toMatch(/\/documents\/: 1\d\d\.\d KB，预算 100\.0 KB \[page-budget\]/);
  });

  it('passes a site within budget', async () => {
    await expect(checkPageBudgets(site({ 'index.html': '<p>首页</p>', 'a/index.html': noise(90 * 1024) }))).resolves.toBeUndefined();
  });
});
