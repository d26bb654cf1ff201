/** `npm run validate -- FILE…`: print each file's problems (nothing if clean); exit 1 on any error. */
import { readFileSync } from 'node:fs';
import { formatProblem, hasErrors, parseRegulation } from '../src/parse/index.ts';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('用法：npm run validate -- FILE.txt [FILE.txt …]');
  process.exit(2);
}
let failed = false;
for (const file of files) {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    console.log(`${file}:1:1: 无法读取文件：${(error as Error).message} [read]`);
    failed = true;
    continue;
  }
  const { problems } = parseRegulation(bytes, { path: file });
  for (const p of problems) console.log(formatProblem(file, p));
  failed ||= hasErrors(problems);
}
process.exitCode = failed ? 1 : 0;
