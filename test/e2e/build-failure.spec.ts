/**
 * A regulation with errors fails the build with the parser's file:line:column
 * message, and no site (not even a previous one) is left to be deployed.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { buildWith, SEED_FILES } from './site-build.ts';

test('a text with a numbering error fails the build and leaves no site behind', () => {
  test.setTimeout(240_000);
  const build = buildWith([...SEED_FILES, 'test/fixtures/site-broken/broken-rules.txt'], (outDir) => {
    // A site from an earlier build must not survive to be published with the error.
    mkdirSync(outDir, { recursive: true });
    writeFileSync(`${outDir}/index.html`, 'stale');
  });
  expect(build.status).not.toBe(0);
  expect(build.output).toMatch(/regulations\/broken-rules\.txt:4:1: 条文编号不连续：应为“第二条”，实为“第三条” \[article-sequence\]/);
  expect(existsSync(build.outDir)).toBe(false);
});
