/**
 * The build's check of the approval paths, against the REAL parser: the quotes
 * are compared with `displayText` of the parsed clauses (labels such as （一）
 * included, one line per 款/项), not with the line-splitting test stand-in.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getCorpus } from '../../../src/corpus/index.ts';
import { ContentError } from '../../../src/data/content-error.ts';
import { checkApprovalPaths, clauseTextLookup, type ClauseSource } from '../../../src/helpers/approvals/check.ts';
import { deadlineRules, parseDeadlineRules } from '../../../src/helpers/approvals/deadline-rules.ts';
import { loadApprovalPaths } from '../../../src/helpers/approvals/schema.ts';
import { verifyApprovalPaths } from '../../../src/helpers/approvals/verify.ts';
import { parseRegulation } from '../../../src/parse/index.ts';
import { clauseIndex } from '../../../src/tree/query.ts';

const SLUG = 'chaoyang-government-work-rules';
const SEED_PATH = `content/regulations/${SLUG}.txt`;
const FILE = 'content/helpers/approval-paths.yaml';
const YAML = readFileSync(FILE, 'utf8');
const SEED = readFileSync(SEED_PATH, 'utf8');

/** A corpus of one regulation parsed from `source` by the real parser. */
function parsedCorpus(source: string): ClauseSource {
  const { tree, problems } = parseRegulation(source, { path: SEED_PATH, slug: SLUG });
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  if (!tree) throw new Error('seed did not parse');
  const index = clauseIndex(tree);
  return { clause: (slug, id) => (slug === SLUG ? index.get(id) : undefined) };
}

/** `line:column` (1-based) of the first occurrence of `needle` in the data file, at its value. */
function positionOf(needle: string, source = YAML): string {
  const offset = source.indexOf(needle);
  if (offset < 0) throw new Error(`not in the data file: ${needle}`);
  const before = source.slice(0, offset).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

function contentError(run: () => unknown): ContentError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return error as ContentError;
  }
  throw new Error('expected a ContentError');
}

const tmp = mkdtempSync(join(tmpdir(), 'approvals-check-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('checkApprovalPaths against the real parsed seed', () => {
  it('passes the reviewed data against the corpus the build uses', () => {
    const data = checkApprovalPaths(getCorpus());
    expect(data.scenarios).toHaveLength(13);
  });

  it('passes the reviewed data against the seed parsed by parseRegulation', () => {
    const data = loadApprovalPaths(FILE);
    const known = new Set(deadlineRules().keys());
    expect(verifyApprovalPaths(data, clauseTextLookup(parsedCorpus(SEED)), known)).toEqual([]);
  });

  it('compares with the text as displayed: labels included, items on their own lines', () => {
    const lookup = clauseTextLookup(getCorpus());
    expect(lookup(SLUG, 'art-37-p1')).toContain('\n（二）通报区人民代表大会的重要决议和区政协全会情况；');
    expect(lookup(SLUG, 'art-37-p1-i2')).toBe('（二）通报区人民代表大会的重要决议和区政协全会情况；');
    expect(lookup(SLUG, 'art-99-p1')).toBeUndefined();
    expect(lookup('no-such-regulation', 'art-1')).toBeUndefined();
  });

  it('fails, at the quote’s line and column, when the clause’s text is edited', () => {
    const edited = SEED.replace('区长出国访问，经分管外事工作的副区长审核', '区长出国访问，经分管外事工作的副区长审查');
    expect(edited).not.toBe(SEED);
    const error = contentError(() => checkApprovalPaths(parsedCorpus(edited)));
    expect(error.messages).toEqual([
      `${FILE}:${positionOf('区长出国访问，经分管外事工作的副区长审核')}: 场景“overseas-visit”变体“district-mayor”第 1 步（分管外事工作的副区长审核）：引文“区长出国访问，经分管外事工作的副区长审核”未在条款 art-55-p1 中逐字出现`,
    ]);
  });

  it('fails at the clause id when the regulation loses a paragraph', () => {
    // Art. 43 without its second and third 款: the paths citing art-43-p2 lose their footing.
    const edited = SEED.replace(/\n提请区政府常务会议、区长办公会议讨论的议题，主责单位[^\n]*\n[^\n]*/, '');
    expect(edited).not.toBe(SEED);
    const error = contentError(() => checkApprovalPaths(parsedCorpus(edited)));
    expect(error.messages.length).toBeGreaterThan(0);
    for (const message of error.messages) {
      expect(message).toMatch(new RegExp(`^${FILE}:\\d+:\\d+: 场景“meeting-topic”.*art-43-p2`));
    }
    // The scenario's own list of clauses is reported where it names art-43-p2.
    const [line] = positionOf('clauses: [art-42-p1, art-43-p1, art-43-p2]').split(':');
    expect(error.messages[0]).toMatch(new RegExp(`^${FILE}:${line}:\\d+: 场景“meeting-topic”：依据条款 art-43-p2`));
  });

  it('fails at the deadline when the calculator does not know the rule', () => {
    const deadlinesFile = join(tmp, 'deadlines.yaml');
    writeFileSync(deadlinesFile, 'rules:\n  - id: meeting-materials\n  - id: internal-event-invitation\n  - id: foreign-event-invitation\n');
    const error = contentError(() => checkApprovalPaths(getCorpus(), { deadlinesFile }));
    expect(error.messages).toHaveLength(4);
    const first = positionOf('deadline: leave-request');
    const [line, column] = first.split(':').map(Number);
    expect(error.messages[0]).toBe(
      `${FILE}:${line}:${column! + 'deadline: '.length}: 场景“leave-of-absence”变体“district-mayor”第 1 步（区长请假）：期限规则“leave-request”不存在`,
    );
  });

  it('fails when the deadline rules cannot be read', () => {
    const missing = join(tmp, 'missing.yaml');
    expect(contentError(() => checkApprovalPaths(getCorpus(), { deadlinesFile: missing })).messages[0]).toMatch(
      /^.*missing\.yaml:1:1: 无法读取期限规则/,
    );
    const broken = join(tmp, 'broken.yaml');
    writeFileSync(broken, 'rules: 3\n');
    expect(contentError(() => checkApprovalPaths(getCorpus(), { deadlinesFile: broken })).messages[0]).toContain('缺少 rules 列表');
  });

  it('turns schema errors into ContentError lines with file:line:column', () => {
    const file = join(tmp, 'approval-paths.yaml');
    writeFileSync(file, YAML.replace('action: 审核', 'action: 核准'));
    const error = contentError(() => checkApprovalPaths(getCorpus(), { file }));
    expect(error.messages).toEqual([expect.stringMatching(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${positionOf('核准', YAML.replace('action: 审核', 'action: 核准'))}: `))]);
  });
});

describe('deadline rules as the approval paths read them', () => {
  it('knows every rule id of the calculator, and words a deadline rule’s period', () => {
    const rules = deadlineRules();
    expect([...rules.keys()]).toEqual(expect.arrayContaining(['leave-request', 'meeting-materials', 'internal-event-invitation', 'foreign-event-invitation']));
    expect(rules.get('meeting-materials')).toMatchObject({ name: '区政府会议书面汇报材料报送', period: '区政府常务会议或区长办公会议召开前3个工作日' });
  });

  it('tolerates rules it does not understand, but not a file without rules', () => {
    const rules = parseDeadlineRules('rules:\n  - id: a\n    kind: reference\n  - name: no id\n  - 7\n');
    expect([...rules.values()]).toEqual([{ id: 'a' }]);
    expect(() => parseDeadlineRules('[1, 2')).toThrow(/YAML 语法错误/);
    expect(() => parseDeadlineRules('other: 1\n')).toThrow(/缺少 rules 列表/);
  });
});
