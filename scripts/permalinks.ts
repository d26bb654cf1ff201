/**
 * `npm run permalinks`: check the permalink register against content/ (as the
 * build does), listing every problem. `npm run permalinks -- --update`:
 * rewrite the register from content/ — deliberately: changed clauses, new and
 * removed permalinks are listed so the commit can say why.
 */
import { getCorpus } from '../src/corpus/index.ts';
import { asContentError } from '../src/data/content-error.ts';
import { comparePermalinks, PERMALINK_HINT, registerDir, updateRegister } from '../src/integration/permalinks.ts';
import { displayPath } from '../src/data/yaml-file.ts';

const args = process.argv.slice(2);
if (args.some((a) => a !== '--update')) {
  console.error('用法：npm run permalinks [-- --update]');
  process.exit(2);
}

let corpus: ReturnType<typeof getCorpus>;
try {
  corpus = getCorpus();
} catch (error) {
  const content = asContentError(error);
  if (!content) throw error;
  for (const line of content.messages) console.error(line);
  console.error('法规文本有错误：先改正它们，再核对或更新永久链接登记。');
  process.exit(1);
}

const dir = registerDir();
if (args.includes('--update')) {
  const { changed, gone, fresh } = updateRegister(corpus, dir);
  for (const c of changed) console.log(`改变：${c.registered.url}  “${c.registered.excerpt}” → “${c.now.excerpt}”`);
  for (const g of gone) console.log(`移除：${g.url}  “${g.excerpt}”`);
  console.log(`已更新 ${displayPath(dir)}：${changed.length} 个改变、${gone.length} 个移除、${fresh.length} 个新登记。请在提交说明中写明原因。`);
} else {
  const { errors, warnings } = comparePermalinks(corpus, dir);
  for (const line of warnings) console.warn(line);
  for (const line of errors) console.error(line);
  if (errors.length) console.error(PERMALINK_HINT);
  else if (!warnings.some((w) => w.includes('[permalink-register-missing]'))) console.log(`永久链接登记与 content/ 一致（${displayPath(dir)}）`);
  process.exitCode = errors.length ? 1 : 0;
}
