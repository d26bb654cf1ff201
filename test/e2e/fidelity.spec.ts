/**
 * The full-text page shows the source text character for character: the text
 * of `[data-source-text]`, minus UI chrome (`[data-chrome]`), equals the source
 * file with only layout ignored — whitespace and invisible characters (U+200B…),
 * as the fidelity guarantee says (docs/tree.md, "Fidelity"). Article pages
 * likewise show exactly their article's printed text.
 */
import { getCorpus } from '../../src/corpus/index.ts';
import { INVISIBLE } from '../../src/parse/lines.ts';
import { sourceBytes } from '../../src/corpus/load.ts';
import { decode } from '../../src/parse/decode.ts';
import { articles, displayText } from '../../src/tree/query.ts';
import { articleUrl, regulationUrl } from '../../src/render/urls.ts';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const { regulations } = getCorpus();
const squeeze = (s: string) => s.replace(/\s+/g, '').replace(INVISIBLE, '');

async function sourceText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const roots = [...document.querySelectorAll('[data-source-text]')];
    return roots
      .map((root) => {
        const copy = root.cloneNode(true) as Element;
        for (const chrome of copy.querySelectorAll('[data-chrome]')) chrome.remove();
        return copy.textContent ?? '';
      })
      .join('');
  });
}

for (const reg of regulations) {
  test(`${reg.slug}: the full text is the source, whitespace aside`, async ({ page }) => {
    await page.goto(regulationUrl(reg.slug));
    const shown = squeeze(await sourceText(page));
    // The file as it is on disk, decoded afresh: the build keeps no copy of it.
    const source = squeeze(decode(sourceBytes(reg)).text);
    // On failure, show where they part rather than two huge strings.
    let i = 0;
    while (i < shown.length && shown[i] === source[i]) i++;
    expect(shown.length === source.length && i === source.length, `差异从第 ${i} 个字符开始：\n页面：${shown.slice(i, i + 40)}\n原文：${source.slice(i, i + 40)}`).toBe(true);
  });

  test(`${reg.slug}: article pages show exactly their article`, async ({ page }) => {
    const all = articles(reg.tree);
    // First, last and a few with paragraphs and items: enough to catch a template slip.
    const sample = [...new Set([all[0], all[2], all[37], all[42], all.at(-1)])].filter((a) => a !== undefined);
    for (const article of sample) {
      await page.goto(articleUrl(reg.slug, article.id));
      expect(squeeze(await sourceText(page))).toBe(squeeze(displayText(article)));
    }
  });
}
