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
import { parseCounts, useDiskCache } from '../corpus/store.ts';
import { checkApprovalPaths } from '../helpers/approvals/check.ts';
import { checkDeadlines, formatUncovered } from '../helpers/deadlines/check.ts';
import { buildSearchIndex } from '../search/build-index.ts';
import { narrowedCount } from './csp-middleware.ts';

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

export default function regulationsPortal(): AstroIntegration {
  return {
    name: 'regulations-portal',
    hooks: {
      'astro:config:setup': ({ config, command, logger, addMiddleware }) => {
        // Each page's CSP narrowed to its own hashes as it is rendered (csp.ts).
        addMiddleware({ entrypoint: new URL('./csp-middleware.ts', import.meta.url), order: 'post' });
        if (command !== 'build' && command !== 'dev') return;
        try {
          // Parsed trees kept between builds by content hash (store.ts): a rebuild parses only changed texts.
          useDiskCache(fileURLToPath(new URL('regulations-portal/parse/', config.cacheDir)));
          const started = performance.now();
          const corpus = getCorpus();
          for (const warning of corpus.warnings) logger.warn(warning);
          const counts = parseCounts();
          logger.info(`已载入 ${corpus.regulations.length} 部法规：解析 ${counts.parsed} 个文本，${counts.read} 个读自解析缓存（用时 ${seconds(started)} 秒）`);
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
      // The search index (src/search/build-index.ts): any error fails the build.
      'astro:build:done': async ({ dir, logger }) => {
        const siteDir = fileURLToPath(dir);
        try {
          // Every module instance shares one parse per text (store.ts): a second parse here would show in this count.
          const { parsed, read, reused } = parseCounts();
          logger.info(`本次构建共解析 ${parsed} 个文本、读缓存 ${read} 个，另有 ${reused} 次复用内存中的解析结果`);
          logger.info(`内容安全策略：本次渲染的 ${narrowedCount()} 个页面只列出本页内联脚本和样式的哈希（其余页面沿用增量构建缓存）`);
          const started = performance.now();
          const { indexed, skipped } = await buildSearchIndex(siteDir);
          logger.info(`搜索索引：已收录 ${indexed.clause} 个条文页面、${indexed.path} 个审批路径页面` + (skipped.length ? `；${skipped.length} 个页面未声明结果类型，未收录（如 ${skipped[0]}）` : ''));
          // scripts/bench-scale.ts reads the phase times from these lines.
          logger.info(`搜索索引用时 ${seconds(started)} 秒`);
        } catch (error) {
          rmSync(siteDir, { recursive: true, force: true });
          throw error;
        }
      },
    },
  };
}
