import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import {
  ApprovalPathsError,
  loadApprovalPaths,
  parseApprovalPaths,
  type SourceProblem,
} from '../../../src/helpers/approvals/schema.ts';

const FILE = 'content/helpers/approval-paths.yaml';
const REAL = fileURLToPath(new URL('../../../content/helpers/approval-paths.yaml', import.meta.url));

/** Scenario ids are part of the site's URLs. */
const REQUIRED_SCENARIOS = [
  'overseas-visit',
  'leave-of-absence',
  'meeting-absence',
  'meeting-topic',
  'government-document',
  'office-document',
  'report-to-government',
  'meeting-minutes',
  'normative-document',
  'major-decision',
  'event-invitation',
  'signed-article',
  'district-wide-meeting',
];

const SAMPLE = `scenarios:
  - id: overseas-visit
    title: 出国访问审批
    question: 谁要出国访问？
    summary: 摘要
    regulation: chaoyang-government-work-rules
    clauses: [art-55-p1]
    variants:
      - id: district-mayor
        label: 区长本人
        roles: [区长]
        steps:
          - actor: 分管外事工作的副区长
            action: 审核
            object: 出国访问事项
            kind: approval
            clause: art-55-p1
            quote: 区长出国访问，经分管外事工作的副区长审核
          - actors: [区委书记, 区长]
            action: 同意
            object: 出国访问事项
            kind: approval
            clause: art-55-p1
            quote: 报区委书记、区长同意
          - actor: 区长
            action: 报备
            object: 出访事项
            to: [市委]
            kind: notification
            clause: art-55-p1
            quote: 报区委书记同意
`;

/** Replaces the n-th occurrence of `from`; fails loudly if it is not there. */
function edit(source: string, from: string, to: string, occurrence = 1): string {
  let index = -1;
  for (let n = 0; n < occurrence; n++) {
    index = source.indexOf(from, index + 1);
    if (index < 0) throw new Error(`sample has no occurrence ${occurrence} of ${from}`);
  }
  return source.slice(0, index) + to + source.slice(index + from.length);
}

/** 1-based line and column of the n-th occurrence of `needle`. */
function positionOf(source: string, needle: string, occurrence = 1): { line: number; column: number } {
  let index = -1;
  for (let n = 0; n < occurrence; n++) {
    index = source.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`no occurrence ${occurrence} of ${needle}`);
  }
  const before = source.slice(0, index).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

function problemsOf(source: string): readonly SourceProblem[] {
  try {
    parseApprovalPaths(source, FILE);
  } catch (error) {
    if (error instanceof ApprovalPathsError) return error.problems;
    throw error;
  }
  throw new Error('expected the sample to be rejected');
}

/** Asserts exactly one problem, at the given place, whose message mentions `words`. */
function expectOneProblemAt(source: string, at: { line: number; column: number }, words: string): void {
  const problems = problemsOf(source);
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatchObject(at);
  expect(problems[0]?.message).toContain(words);
}

describe('approval-paths schema', () => {
  it('accepts the reviewed data file with every scenario of the URL contract', () => {
    const data = loadApprovalPaths(REAL);
    expect(data.scenarios.map((s) => s.id)).toEqual(expect.arrayContaining(REQUIRED_SCENARIOS));
    expect(data.scenarios.every((s) => s.regulation === 'chaoyang-government-work-rules')).toBe(true);
  });

  it('accepts the sample and normalises actor / actors to one list', () => {
    const steps = parseApprovalPaths(SAMPLE, FILE).scenarios[0]?.variants[0]?.steps;
    expect(steps?.map((s) => s.actors)).toEqual([['分管外事工作的副区长'], ['区委书记', '区长'], ['区长']]);
  });

  it('formats errors as file:line:column: message', () => {
    const broken = edit(SAMPLE, 'action: 审核', 'action: 拍板');
    const { line, column } = positionOf(broken, '拍板');
    expect(() => parseApprovalPaths(broken, FILE)).toThrowError(
      new RegExp(`^content/helpers/approval-paths\\.yaml:${line}:${column}: scenarios\\[0\\]\\.variants\\[0\\]\\.steps\\[0\\]\\.action：`),
    );
  });

  it('rejects an action outside the controlled vocabulary at its value', () => {
    const broken = edit(SAMPLE, 'action: 审核', 'action: 拍板');
    expectOneProblemAt(broken, positionOf(broken, '拍板'), 'action');
  });

  it('rejects a misspelt key at the key itself', () => {
    const broken = edit(SAMPLE, 'quote: 报区委书记、区长同意', 'qoute: 报区委书记、区长同意');
    const problems = problemsOf(broken);
    // The unknown key and the now-missing `quote` are both reported.
    expect(problems).toHaveLength(2);
    expect(problems).toContainEqual(expect.objectContaining(positionOf(broken, 'qoute')));
    // A missing key points at the mapping that lacks it (its first key).
    expect(problems).toContainEqual(expect.objectContaining(positionOf(broken, 'actors: [区委书记')));
  });

  it('rejects ids that are not URL-safe', () => {
    const broken = edit(SAMPLE, 'id: district-mayor', 'id: District_Mayor');
    expectOneProblemAt(broken, positionOf(broken, 'District_Mayor'), 'URL');
  });

  it('rejects a duplicate scenario id at the second one', () => {
    const twice = SAMPLE + SAMPLE.split('\n').slice(1).join('\n');
    expectOneProblemAt(twice, positionOf(twice, 'overseas-visit', 2), '重复');
  });

  it('rejects a duplicate variant id within a scenario', () => {
    const variant = SAMPLE.slice(SAMPLE.indexOf('      - id: district-mayor'));
    const twice = SAMPLE + variant;
    expectOneProblemAt(twice, positionOf(twice, 'district-mayor', 2), 'district-mayor');
  });

  it('rejects a step with both actor and actors, and one with neither', () => {
    const both = edit(SAMPLE, '          - actors: [区委书记, 区长]', '          - actor: 区长\n            actors: [区委书记, 区长]');
    expectOneProblemAt(both, positionOf(both, '区长\n            actors'), 'actor');
    const neither = edit(SAMPLE, '          - actors: [区委书记, 区长]\n            action', '          - action');
    expectOneProblemAt(neither, positionOf(neither, 'action: 同意'), 'actor');
  });

  it('rejects a notification verb drawn as an approval', () => {
    const broken = edit(SAMPLE, 'kind: notification', 'kind: approval');
    expectOneProblemAt(broken, positionOf(broken, 'approval', 3), '报备');
  });

  it('rejects a step citing a bare article or a clause outside the scenario', () => {
    const bare = edit(SAMPLE, 'clause: art-55-p1', 'clause: art-55', 2);
    expectOneProblemAt(bare, positionOf(bare, 'art-55\n'), '款或项');
    const outside = edit(SAMPLE, 'clause: art-55-p1', 'clause: art-69-p1', 2);
    expectOneProblemAt(outside, positionOf(outside, 'art-69-p1'), 'art-69-p1');
  });

  it('rejects quotes with surrounding whitespace instead of trimming them', () => {
    const broken = edit(SAMPLE, 'quote: 报区委书记同意', 'quote: " 报区委书记同意"');
    expectOneProblemAt(broken, positionOf(broken, '" 报区委书记同意"'), '空白');
  });

  it('rejects a parallel group that is split or has a single step', () => {
    const single = edit(SAMPLE, '            kind: notification', '            kind: notification\n            group: pair');
    expectOneProblemAt(single, positionOf(single, 'pair'), '至少要两步');
    const split = edit(
      edit(SAMPLE, '            kind: notification', '            kind: notification\n            group: pair'),
      '            action: 审核',
      '            action: 审核\n            group: pair',
    );
    // Steps 1 and 3 share a group but step 2 sits between them.
    const problems = problemsOf(split);
    expect(problems).toContainEqual(expect.objectContaining(positionOf(split, 'pair', 2)));
    expect(problems.some((p) => p.message.includes('相邻'))).toBe(true);
  });

  it('reports YAML syntax errors with their position', () => {
    const broken = edit(SAMPLE, '    title: 出国访问审批', '    title: 出国访问审批\n    title: 重复的键');
    const problems = problemsOf(broken);
    expect(problems[0]?.message).toContain('YAML');
    expect(problems[0]?.line).toBe(positionOf(broken, 'title: 重复的键').line);
  });

  it('reports every problem, not just the first', () => {
    const broken = edit(edit(SAMPLE, 'action: 审核', 'action: 拍板'), 'kind: notification', 'kind: fyi');
    const lines = problemsOf(broken).map((p) => p.line);
    expect(lines).toEqual([positionOf(broken, '拍板').line, positionOf(broken, 'fyi').line]);
  });

  it('names the loaded file relative to the working directory', () => {
    const root = mkdtempSync(join(tmpdir(), 'approval-paths-'));
    try {
      mkdirSync(join(root, 'content/helpers'), { recursive: true });
      const path = join(root, FILE);
      writeFileSync(path, edit(SAMPLE, 'action: 审核', 'action: 拍板'));
      vi.spyOn(process, 'cwd').mockReturnValue(root);
      expect(() => loadApprovalPaths(path)).toThrowError(/^content\/helpers\/approval-paths\.yaml:14:21: /);
    } finally {
      vi.restoreAllMocks();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
