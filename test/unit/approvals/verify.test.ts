import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadApprovalPaths } from '../../../src/helpers/approvals/schema.ts';
import { verifyApprovalPaths, type ClauseLookup } from '../../../src/helpers/approvals/verify.ts';
import { seedClauseLookup } from './seed-clause-lookup.ts';

const SLUG = 'chaoyang-government-work-rules';
const SEED = readFileSync(fileURLToPath(new URL(`../../../content/regulations/${SLUG}.txt`, import.meta.url)), 'utf8');
const DATA = loadApprovalPaths(fileURLToPath(new URL('../../../content/helpers/approval-paths.yaml', import.meta.url)));
const DEADLINES = new Set(['meeting-materials', 'leave-request', 'internal-event-invitation', 'foreign-event-invitation']);

describe('seed clause lookup (test-only oracle)', () => {
  const lookup = seedClauseLookup(SLUG, SEED);

  it('splits articles into paragraphs and items, labels excluded', () => {
    expect(lookup(SLUG, 'art-43-p2')).toMatch(/^提请区政府常务会议、区长办公会议讨论的议题/);
    expect(lookup(SLUG, 'art-43-p3')).toMatch(/^区政府各部门和各街道办事处/);
    expect(lookup(SLUG, 'art-37-p1-i2')).toBe('通报区人民代表大会的重要决议和区政协全会情况；');
    expect(lookup(SLUG, 'art-37-p2')).toMatch(/^区政府全体会议根据工作需要择时召开/);
    expect(lookup(SLUG, 'art-72-p1')).toMatch(/^本规则自印发之日起施行/);
  });

  it('knows nothing beyond the text', () => {
    expect(lookup(SLUG, 'art-43-p4')).toBeUndefined();
    expect(lookup(SLUG, 'art-73')).toBeUndefined();
    // A chapter heading ends the article before it.
    expect(lookup(SLUG, 'art-3')).not.toContain('第二章');
    expect(lookup('other-regulation', 'art-1')).toBeUndefined();
  });
});

describe('verifyApprovalPaths', () => {
  it('passes the reviewed data against the seed text', () => {
    expect(verifyApprovalPaths(DATA, seedClauseLookup(SLUG, SEED), DEADLINES)).toEqual([]);
  });

  it('fails when the regulation text changes under a quote', () => {
    const edited = SEED.replace('区长出国访问，经分管外事工作的副区长审核', '区长出国访问，经分管外事工作的副区长审查');
    expect(edited).not.toBe(SEED);
    const problems = verifyApprovalPaths(DATA, seedClauseLookup(SLUG, edited), DEADLINES);
    expect(problems).toEqual([
      {
        scenario: 'overseas-visit',
        variant: 'district-mayor',
        step: 1,
        message:
          '场景“overseas-visit”变体“district-mayor”第 1 步（分管外事工作的副区长审核）：引文“区长出国访问，经分管外事工作的副区长审核”未在条款 art-55-p1 中逐字出现',
        path: ['scenarios', 0, 'variants', 0, 'steps', 0, 'quote'],
      },
    ]);
  });

  it('compares character for character (no punctuation folding)', () => {
    const data = structuredClone(DATA);
    const step = data.scenarios[0]?.variants[0]?.steps[0];
    if (step === undefined) throw new Error('fixture moved');
    step.quote = step.quote.replace('，', ',');
    const problems = verifyApprovalPaths(data, seedClauseLookup(SLUG, SEED), DEADLINES);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain('逐字');
  });

  it('reports a clause that does not exist, for the scenario and for each step citing it', () => {
    const seed = seedClauseLookup(SLUG, SEED);
    const withoutArt44: ClauseLookup = (slug, id) => (id.startsWith('art-44') ? undefined : seed(slug, id));
    const problems = verifyApprovalPaths(DATA, withoutArt44, DEADLINES);
    const steps = DATA.scenarios.find((s) => s.id === 'meeting-absence')?.variants.flatMap((v) => v.steps) ?? [];
    expect(steps.length).toBeGreaterThan(0);
    expect(problems).toHaveLength(1 + steps.length);
    expect(problems.every((p) => p.scenario === 'meeting-absence' && p.message.includes('art-44-p1 在'))).toBe(true);
    expect(problems[0]).toEqual({
      scenario: 'meeting-absence',
      message: '场景“meeting-absence”：依据条款 art-44-p1 在《chaoyang-government-work-rules》中不存在',
      path: ['scenarios', 2, 'clauses', 0],
    });
    expect(problems.slice(1).every((p) => p.path.at(-1) === 'clause')).toBe(true);
  });

  it('reports a deadline rule the calculator does not know', () => {
    const known = new Set([...DEADLINES].filter((id) => id !== 'leave-request'));
    const problems = verifyApprovalPaths(DATA, seedClauseLookup(SLUG, SEED), known);
    expect(problems.map((p) => `${p.scenario}/${p.variant}/${p.step}`)).toEqual([
      'leave-of-absence/district-mayor/1',
      'leave-of-absence/deputy-district-mayor/1',
      'leave-of-absence/department-head/1',
      'leave-of-absence/subdistrict-head/1',
    ]);
    expect(problems.every((p) => p.message.includes('期限规则“leave-request”不存在'))).toBe(true);
    expect(problems.every((p) => p.path.at(-1) === 'deadline')).toBe(true);
  });
});
