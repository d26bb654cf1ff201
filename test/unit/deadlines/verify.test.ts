import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRegulation } from '../../../src/parse/index.ts';
import { clauseIndex, plainText } from '../../../src/tree/query.ts';
import { loadDeadlineRules, type Rule } from '../../../src/helpers/deadlines/schema.ts';
import {
  uncoveredTimeExpressions,
  verifyDeadlineRules,
  type ClauseLookup,
  type TaggedTimeExpression,
} from '../../../src/helpers/deadlines/verify.ts';

const SLUG = 'chaoyang-government-work-rules';
const PATH = `content/regulations/${SLUG}.txt`;

// The real clause tree, so rule clause ids are checked against the ids the site publishes.
const { tree } = parseRegulation(readFileSync(PATH, 'utf8'), { path: PATH });
if (!tree) throw new Error(`${PATH} did not parse`);
const clauses = clauseIndex(tree);
const lookup: ClauseLookup = (slug, id) => {
  const node = slug === SLUG ? clauses.get(id) : undefined;
  return node && plainText(node);
};
const rules = loadDeadlineRules('content/helpers/deadlines.yaml');

describe('verifyDeadlineRules', () => {
  it('finds every reviewed quote verbatim in its clause', () => {
    expect(lookup(SLUG, 'art-43-p2')).toMatch(/^提请区政府常务会议/);
    expect(lookup(SLUG, 'art-39-p2')).toMatch(/^区长办公会议一般每周召开1次/);
    expect(verifyDeadlineRules(rules, lookup)).toEqual([]);
  });

  it('leaves none of the regulation time expressions unaccounted for', () => {
    const found = tree.crossrefs.timeExpressions.map((x) => ({ ...x, regulation: SLUG }));
    expect(found.map((x) => x.text)).toContain('会前3个工作日');
    expect(uncoveredTimeExpressions(rules, found)).toEqual([]);
  });

  it('reports a quote that no longer matches an edited clause', () => {
    const edited: ClauseLookup = (slug, id) =>
      id === 'art-43-p2' ? lookup(slug, id)?.replace('会前3个工作日', '会前5个工作日') : lookup(slug, id);
    const problems = verifyDeadlineRules(rules, edited);
    expect(problems).toEqual([
      {
        ruleId: 'meeting-materials',
        regulation: SLUG,
        clause: 'art-43-p2',
        message: '引文未在条款原文中逐字出现（前 20 字相符，自“3个工作日报送区政府”起不符）',
      },
    ]);
  });

  it('reports a clause that does not exist', () => {
    const rule = { ...rules[0]!, clause: 'art-99' } as Rule;
    expect(verifyDeadlineRules([rule], lookup)).toEqual([
      { ruleId: rule.id, regulation: SLUG, clause: 'art-99', message: `条款 ${SLUG}#art-99 不存在` },
    ]);
  });

  it('reports a covers entry that is not in the clause', () => {
    const rule = { ...rules[0]!, covers: ['不超过5分钟', '不超过9分钟'] } as Rule;
    expect(verifyDeadlineRules([rule], lookup).map((p) => p.message)).toEqual(['covers 中的“不超过9分钟”未在条款原文中出现']);
  });
});

describe('uncoveredTimeExpressions', () => {
  const expr = (clause: string, text: string, regulation = SLUG): TaggedTimeExpression => ({
    regulation,
    clause,
    text,
    span: { start: 0, end: text.length },
    amount: 0,
    unit: 'workingDay',
    kind: 'before',
  });

  it('keeps exactly the expressions no rule quotes in that clause', () => {
    const covered = [
      expr('art-43-p2', '会前3个工作日'),
      expr('art-43-p2', '不超过5分钟'),
      expr('art-43-p2', '不超过3分钟'),
      expr('art-25', '5小时内'),
      expr('art-25', '24小时内'),
      expr('art-69', '至少提前7天'),
      expr('art-39-p2', '每周召开1次'),
      // The tree tags a single-paragraph article's expressions with its paragraph id (art-52-p1).
      expr('art-52-p1', '提前7个工作日'),
      expr('art-64', '不少于2次'),
    ];
    const uncovered = [
      expr('art-43-p1', '会前3个工作日'),
      expr('art-25', '5小时内', 'another-regulation'),
      expr('art-58', '规定时限内'),
    ];
    expect(uncoveredTimeExpressions(rules, [...covered, ...uncovered])).toEqual(uncovered);
  });

  it('honours a rule that lists an expression it deliberately covers', () => {
    const rule = { ...rules[0]!, clause: 'art-58', quote: '及时跟踪和反馈执行情况', covers: ['规定时限内'] } as Rule;
    expect(uncoveredTimeExpressions([rule], [expr('art-58', '规定时限内')])).toEqual([]);
    expect(uncoveredTimeExpressions([{ ...rule, covers: [] }], [expr('art-58', '规定时限内')])).toHaveLength(1);
  });
});
