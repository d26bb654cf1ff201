/**
 * The portal's Astro integration. Before Astro renders anything it parses
 * every regulation and checks every content and data file that cites them,
 * and the permalink register; any error stops the build with
 * file:line:column messages and a hint (content-error.ts). After rendering it
 * narrows each page's CSP and builds the search index.
 *
 * A failed build of any kind — bad content, a component that throws while
 * rendering, the index — leaves no output folder at all (output-guard.ts),
 * so a wrong, partial or stale site is never published.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { getCorpus } from '../corpus/index.ts';
import { parseCounts, useDiskCache } from '../corpus/store.ts';
import { checkApprovalPaths } from '../helpers/approvals/check.ts';
import { checkDeadlines, formatUncovered } from '../helpers/deadlines/check.ts';
import { buildSearchIndex, INDEX_DIR } from '../search/build-index.ts';
import { collectRenderedPages, takeRenderedPages } from '../search/rendered-pages.ts';
import { checkContentFiles } from './content-files.ts';
import { asContentError, ContentError } from '../data/content-error.ts';
import { narrowedCount } from './csp-middleware.ts';
import { checkPageBudgets } from './page-budget.ts';
import { type ForwardSite, forwardPages, forwardSiteOf, serveForwardPages, writeForwardPages } from './forward-pages.ts';
import { collectGarbage } from './memory.ts';
import { guardOutput } from './output-guard.ts';
import { outputsOf, pruneStale } from './prune-dist.ts';
import { reconcileKeptOutput, recordKeptOutput } from './kept-output.ts';
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
  const started = performance.now();
  const corpus = attempt(getCorpus);
  if (corpus) {
    for (const warning of corpus.warnings) logger.warn(warning);
    const counts = parseCounts();
    logger.info(`已载入 ${corpus.regulations.length} 部法规：解析 ${counts.parsed} 个文本，${counts.read} 个读自解析缓存（用时 ${seconds(started)} 秒）`);
    for (const e of corpus.excluded) logger.warn(`未发布（列入排除清单）：${e.file}：${e.reason}`);
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

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

export default function regulationsPortal(): AstroIntegration {
  let done: (() => void) | undefined;
  let buildStarted = Date.now();
  let cacheDir: string | undefined;
  let forwardSite: ForwardSite | undefined;
  return {
    name: 'regulations-portal',
    hooks: {
      'astro:config:setup': ({ command, config, logger, addMiddleware }) => {
        // Each page's CSP narrowed to its own hashes as it is rendered (csp.ts).
        addMiddleware({ entrypoint: new URL('./csp-middleware.ts', import.meta.url), order: 'post' });
        if (command !== 'build' && command !== 'dev') return;
        forwardSite = forwardSiteOf(config);
        // Armed first: content errors must remove an earlier build's site too.
        if (command === 'build') done = guardOutput(config.outDir);
        // dist/ is kept only while it matches Astro's incremental manifest (kept-output.ts).
        if (command === 'build' && reconcileKeptOutput(fileURLToPath(config.cacheDir), fileURLToPath(config.outDir))) {
          logger.info('输出目录不是上一次增量构建的结果（其间构建过别的目录）：已清空，未改动的页面从增量缓存恢复');
        }
        cacheDir = fileURLToPath(config.cacheDir);
        // Parsed trees kept between builds by content hash (store.ts): a rebuild parses only changed texts.
        useDiskCache(fileURLToPath(new URL('regulations-portal/parse/', config.cacheDir)));
        checkContent(logger, command);
      },
      // The dated URLs of current versions are files the build writes, not routes (forward-pages.ts).
      'astro:server:setup': ({ server }) => {
        if (forwardSite) server.middlewares.use(serveForwardPages(getCorpus, forwardSite));
      },
      'astro:build:start': () => {
        buildStarted = Date.now();
        collectRenderedPages();
      },
      // Stale files pruned, page budgets checked, then the search index (src/search/build-index.ts): any error fails the build.
      'astro:build:done': async ({ dir, assets, logger }) => {
        const siteDir = fileURLToPath(dir);
        // Rendering's garbage collected before the index step adds its own (memory.ts).
        collectGarbage();
        // Every module instance shares one parse per text (store.ts): a second parse here would show in this count.
        const { parsed, read, reused } = parseCounts();
        logger.info(`本次构建共解析 ${parsed} 个文本、读缓存 ${read} 个，另有 ${reused} 次复用内存中的解析结果`);
        logger.info(`内容安全策略：本次渲染的 ${narrowedCount()} 个页面只列出本页内联脚本和样式的哈希（其余页面沿用增量构建缓存）`);
        // dist/ is kept between builds (prune-dist.ts): what this build did not write goes. The index step rewrites its own folder.
        const post = performance.now();
        const forwards = writeForwardPages(siteDir, forwardPages(getCorpus()), forwardSite!, cacheDir && join(cacheDir, 'regulations-portal/forwards.json'));
        logger.info(`转到现行版本的页面：${forwards.files.length} 个，写入 ${forwards.written} 个（其余未变）`);
        // Tiny files the build wrote itself: the page budgets and the search index need not look at them.
        const forwardFiles = new Set(forwards.files);
        const { removed } = await pruneStale(siteDir, new Set([...outputsOf(assets), ...forwards.files]), buildStarted, [INDEX_DIR]);
        logger.info(`清理输出目录：删除 ${removed.length} 个本次构建不再生成的文件` + (removed.length ? `（如 ${removed[0]}）` : ''));
        // No page over its transfer budget (page-budget.ts): fails naming the URL.
        await checkPageBudgets(siteDir, forwardFiles);
        // scripts/bench-scale.ts reads the phase times from these lines.
        logger.info(`构建后检查（清理、页面预算）用时 ${seconds(post)} 秒`);
        const started = performance.now();
        const index = await buildSearchIndex(siteDir, {
          ...(cacheDir ? { cacheFile: join(cacheDir, 'regulations-portal', 'search-pages.json'), stateFile: join(cacheDir, 'regulations-portal', 'search-state.bin') } : {}),
          rendered: takeRenderedPages(),
          skip: forwardFiles,
        });
        const { indexed, skipped, files, bytes } = index;
        logger.info(
          `搜索索引：已收录 ${indexed.clause} 个条文页面、${indexed.path} 个审批路径页面，${files} 个文件共 ${(bytes / 1e6).toFixed(1)} MB` +
            `（读页面文件 ${index.read} 个、渲染时取得或沿用 ${index.reused} 个，写文件 ${index.written} 个${index.patched ? '，只重做了改动页面的索引项' : ''}）` +
            (skipped.length ? `；${skipped.length} 个页面未声明结果类型，未收录（如 ${skipped[0]}）` : ''),
        );
        // scripts/bench-scale.ts reads the phase times from these lines.
        logger.info(`搜索索引用时 ${seconds(started)} 秒`);
        if (cacheDir) recordKeptOutput(cacheDir, siteDir);
        done?.();
      },
    },
  };
}
