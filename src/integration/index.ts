/**
 * The portal's Astro integration. Before Astro renders anything it parses
 * every regulation and checks every content and data file that cites them,
 * and the permalink register; any error stops the build with
 * file:line:column messages and a hint (content-error.ts). After rendering it
 * narrows each page's CSP and indexes with Pagefind.
 *
 * A failed build of any kind — bad content, a component that throws while
 * rendering, the index — leaves no output folder at all (output-guard.ts),
 * so a wrong, partial or stale site is never published.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { getCorpus } from '../corpus/index.ts';
import { checkApprovalPaths } from '../helpers/approvals/check.ts';
import { checkDeadlines, formatUncovered } from '../helpers/deadlines/check.ts';
import { buildSearchIndex } from '../search/build-index.ts';
import { checkContentFiles } from './content-files.ts';
import { asContentError, ContentError } from './content-error.ts';
import { narrowSitePolicies } from './csp.ts';
import { guardOutput } from './output-guard.ts';
import { checkPermalinks, comparePermalinks } from './permalinks.ts';

type Logger = Parameters<NonNullable<AstroIntegration['hooks']['astro:config:setup']>>[0]['logger'];

/** Every check that needs no rendering; throws one ContentError with all their problems. */
function checkContent(logger: Logger, command: 'build' | 'dev'): void {
  const failures: ContentError[] = [];
  const attempt = <T>(check: () => T): T | undefined => {
    try {
      return check();
    } catch (error) {
      const content = asContentError(error);
      if (!content) throw error;
      failures.push(content);
      return undefined;
    }
  };
  const corpus = attempt(getCorpus);
  if (corpus) {
    for (const warning of corpus.warnings) logger.warn(warning);
    logger.info(`已解析 ${corpus.regulations.length} 部法规`);
    // Deadlines first: the approval paths name its rules, and a broken rules file is reported there, not as missing rules.
    const deadlines = attempt(() => checkDeadlines(corpus));
    if (deadlines) {
      logger.info(`已核对 ${deadlines.rules.length} 条期限规则的条款和引文，节假日安排收录至 ${deadlines.calendar.years.at(-1)} 年`);
      for (const line of formatUncovered(deadlines.uncovered)) logger.warn(line);
    }
    const approvals = attempt(() => checkApprovalPaths(corpus, { checkDeadlineIds: deadlines !== undefined }));
    if (approvals) logger.info(`已核对 ${approvals.scenarios.length} 个审批路径场景的条款和引文`);
    if (command === 'build') {
      const warnings = attempt(() => checkPermalinks(corpus));
      for (const line of warnings ?? []) logger.warn(line);
      if (warnings) logger.info('已核对永久链接登记：登记的网址都还显示原来的条文');
    } else {
      // The dev server shows work in progress: permalink changes are reported, not fatal.
      const { errors, warnings } = comparePermalinks(corpus);
      for (const line of [...errors, ...warnings]) logger.warn(line);
    }
    attempt(() => checkContentFiles(corpus));
  }
  if (failures.length) throw ContentError.combine(failures);
}

export default function regulationsPortal(): AstroIntegration {
  let done: (() => void) | undefined;
  return {
    name: 'regulations-portal',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        // Armed first: content errors must remove an earlier build's site too.
        if (command === 'build') done = guardOutput(config.outDir);
        checkContent(logger, command);
      },
      // Each page's CSP down to its own hashes (csp.ts), then the search index
      // (src/search/build-index.ts): any error fails the build.
      'astro:build:done': async ({ dir, logger }) => {
        const siteDir = fileURLToPath(dir);
        const narrowed = await narrowSitePolicies(siteDir);
        logger.info(`内容安全策略：${narrowed} 个页面只列出本页内联脚本和样式的哈希`);
        const { indexed, skipped } = await buildSearchIndex(siteDir);
        logger.info(`搜索索引：已收录 ${indexed.clause} 个条文页面、${indexed.path} 个审批路径页面` + (skipped.length ? `；${skipped.length} 个页面未声明结果类型，未收录（如 ${skipped[0]}）` : ''));
        done?.();
      },
    },
  };
}
