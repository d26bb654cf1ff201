/**
 * The portal's Astro integration. Before Astro renders anything it parses
 * every regulation and checks every data file that cites them; any error
 * stops the build with file:line:column messages and removes the output
 * folder, so a wrong or partial site is never published.
 */
import { rmSync } from "node:fs";
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { getCorpus } from '../corpus/index.ts';
import { ContentError } from '../corpus/load.ts';
import { checkApprovalPaths } from '../helpers/approvals/check.ts';
import { checkDeadlines, formatUncovered } from '../helpers/deadlines/check.ts';
import { buildSearchIndex } from '../search/build-index.ts';
import { narrowSitePolicies } from './csp.ts';
import { checkPageBudgets } from './page-budget.ts';

export default function regulationsPortal(): AstroIntegration {
  return {
    name: 'regulations-portal',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        try {
          const corpus = getCorpus();
          for (const warning of corpus.warnings) logger.warn(warning);
          logger.info(`已解析 ${corpus.regulations.length} 部法规`);
          const approvals = checkApprovalPaths(corpus);
          logger.info(`已核对 ${approvals.scenarios.length} 个审批路径场景的条款和引文`);
          const deadlines = checkDeadlines(corpus);
          logger.info(`已核对 ${deadlines.rules.length} 条期限规则的条款和引文，节假日安排收录至 ${deadlines.calendar.years.at(-1)} 年`);
          for (const line of formatUncovered(deadlines.uncovered)) logger.warn(line);
        } catch (error) {
          // Astro prints the error; removing the output keeps a stale site from being deployed.
          if (error instanceof ContentError) rmSync(fileURLToPath(config.outDir), { recursive: true, force: true });
          throw error;
        }
      },
      // Each page's CSP down to its own hashes (csp.ts), then the search index
      // (src/search/build-index.ts): any error fails the build.
      'astro:build:done': async ({ dir, logger }) => {
        const siteDir = fileURLToPath(dir);
        try {
          const narrowed = await narrowSitePolicies(siteDir);
          logger.info(`内容安全策略：${narrowed} 个页面只列出本页内联脚本和样式的哈希`);
          await checkPageBudgets(siteDir);
          const { indexed, skipped } = await buildSearchIndex(siteDir);
          logger.info(`搜索索引：已收录 ${indexed.clause} 个条文页面、${indexed.path} 个审批路径页面` + (skipped.length ? `；${skipped.length} 个页面未声明结果类型，未收录（如 ${skipped[0]}）` : ''));
        } catch (error) {
          rmSync(siteDir, { recursive: true, force: true });
          throw error;
        }
      },
    },
  };
}
