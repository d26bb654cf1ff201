/** `npm run parse -- FILE`: print the clause tree of FILE as JSON (streamed). */
import { readFileSync } from 'node:fs';
import { formatProblem, parseRegulation } from '../src/parse/index.ts';
import { writeJson } from './json-stream.ts';

const file = process.argv[2];
if (!file || process.argv.length > 3) {
  console.error('用法：npm run parse -- FILE.txt');
  process.exit(2);
}
const { tree, problems } = parseRegulation(readFileSync(file), { path: file });
for (const p of problems) console.error(formatProblem(file, p));
// Streamed: a large tree's JSON is longer than one string can be.
if (tree) await writeJson(process.stdout, tree);
process.exitCode = problems.some((p) => p.severity === 'error') ? 1 : 0;
