/**
 * The helpers' reviewed data (content/helpers/*.yaml): quotes must mean
 * something, amounts are bounded, and every problem is reported in the file
 * that has it, with file:line:column.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getCorpus } from '../../../src/corpus/index.ts';
import { quoteProblem } from '../../../src/data/quote.ts';
import { checkApprovalPaths } from '../../../src/helpers/approvals/check.ts';
import { checkDeadlines } from '../../../src/helpers/deadlines/check.ts';
import { ContentError } from '../../../src/data/content-error.ts';

const RULES = readFileSync('content/helpers/deadlines.yaml', 'utf8');
const PATHS = readFileSync('content/helpers/approval-paths.yaml', 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'helper-data-'));
let n = 0;
function file(text: string): string {
  const path = join(dir, `${n++}.yaml`);
  writeFileSync(path, text);
  return path;
}

function messages(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ContentError) return error.messages;
    throw error;
  }
  return [];
}

/** 1-based line of the first occurrence of `needle`. */
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('quotes', () => {
  it('need at least four characters of words, or the whole clause', () => {
    expect(quoteProblem('的', '区政府的工作')).toMatch(/太短（1 个字）/);
    expect(quoteProblem('“区政府”', '由“区政府”办理')).toMatch(/太短（3 个字）/);
    expect(quoteProblem('报区长审批', '报区长审批')).toBeUndefined();
    expect(quoteProblem('按程序报批', '拟举办内事活动，按程序报批。')).toBeUndefined();
    expect(quoteProblem('施行。', '施行。')).toBeUndefined();
  });

  it('a one-character quote in deadlines.yaml fails at that quote', () => {
    const quote = '主责单位应精心准备书面汇报材料，并于会前3个工作日报送区政府办公室';
    const rules = RULES.replace(`quote: ${quote}`, 'quote: 的');
    const lines = messages(() => checkDeadlines(getCorpus(), { rulesFile: file(rules) }));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`\\.yaml:${lineOf(rules, 'quote: 的')}:5: 规则 meeting-materials（.*）：引文“的”太短`));
  });

  it('a one-character quote in approval-paths.yaml fails at that quote', () => {
    const paths = PATHS.replace(/quote: 按程序报批\n/, 'quote: 批\n');
    const lines = messages(() => checkApprovalPaths(getCorpus(), { file: file(paths) }));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`\\.yaml:${lineOf(paths, 'quote: 批\n')}:20: .*引文“批”太短`));
  });
});

describe('deadlines.yaml', () => {
  it('bounds amounts to a year in their unit', () => {
    const rules = RULES.replace('amount: 3\n', 'amount: 100000000\n');
    const lines = messages(() => checkDeadlines(getCorpus(), { rulesFile: file(rules) }));
    expect(lines).toEqual([expect.stringMatching(new RegExp(`:${lineOf(rules, 'amount: 100000000')}:5: rules\\[0\\]\\.amount：期限不能超过 250`))]);
  });

  it('reports an upper-case or duplicate rule id in deadlines.yaml itself', () => {
    const rules = RULES.replace('id: meeting-materials', 'id: Meeting-Materials');
    const path = file(rules);
    const lines = messages(() => checkDeadlines(getCorpus(), { rulesFile: path }));
    expect(lines.some((l) => l.startsWith(`${path}:${lineOf(rules, 'id: Meeting-Materials')}:`) && l.includes('应为小写字母'))).toBe(true);
    // The approval paths, checked after a failed rules file, do not blame themselves for it.
    expect(messages(() => checkApprovalPaths(getCorpus(), { deadlinesFile: path, checkDeadlineIds: false }))).toEqual([]);
    const twice = RULES.replace('id: regular-mayor-office-meeting', 'id: meeting-materials');
    const second = file(twice);
    const at = twice.indexOf('id: meeting-materials', twice.indexOf('id: meeting-materials') + 1);
    expect(messages(() => checkDeadlines(getCorpus(), { rulesFile: second }))).toContainEqual(
      expect.stringMatching(new RegExp(`^${second.replace(/[.]/g, '\\.')}:${twice.slice(0, at).split('\n').length}:\\d+: .*规则 id “meeting-materials”重复`)),
    );
  });

  it('a syntax error comes with file:line:column', () => {
    const rules = RULES.replace('    amount: 3\n', '    amount: [3\n');
    const path = file(rules);
    const lines = messages(() => checkDeadlines(getCorpus(), { rulesFile: path }));
    expect(lines[0]).toMatch(new RegExp(`^${path.replace(/[.]/g, '\\.')}:\\d+:\\d+: YAML 语法错误`));
  });
});
