import { describe, expect, it } from 'vitest';
import { getCorpus } from '../../../src/corpus/index.ts';
import {
  approvalPaths,
  buildPathIndex,
  deadlineRuleUrl,
  groupByScenario,
  pathsForArticle,
  pathsForClause,
  scenarioUrl,
  variantUrl,
} from '../../../src/helpers/approvals/index.ts';
import { deadlineRules } from '../../../src/helpers/approvals/deadline-rules.ts';
import type { ApprovalPaths, Step } from '../../../src/helpers/approvals/schema.ts';
import { pathSummary, pathView, type ViewContext } from '../../../src/helpers/approvals/view.ts';
import { clauseContext } from '../../../src/render/clause-context.ts';

const SLUG = 'chaoyang-government-work-rules';
const hrefs = (refs: { href: string }[]) => refs.map((r) => r.href);

describe('URLs', () => {
  it('are the navigator’s URL contract', () => {
    expect(scenarioUrl('overseas-visit')).toBe('/helpers/approvals/overseas-visit/');
    expect(variantUrl('overseas-visit', 'district-mayor')).toBe('/helpers/approvals/overseas-visit/district-mayor/');
    // The deadline calculator's contract: ?rule=<id> selects, #rule-<id> is the rule's anchor.
    expect(deadlineRuleUrl('leave-request')).toBe('/helpers/deadlines/?rule=leave-request#rule-leave-request');
  });
});

describe('pathsForClause / pathsForArticle', () => {
  it('lists every path resting on a clause, in data order, with href and title', () => {
    expect(pathsForClause(SLUG, 'art-55-p1').map(({ href, title }) => ({ href, title }))).toEqual([
      { href: '/helpers/approvals/overseas-visit/district-mayor/', title: '出国访问审批：区长本人' },
      { href: '/helpers/approvals/overseas-visit/foreign-affairs-deputy-mayor/', title: '出国访问审批：分管外事工作的副区长' },
      { href: '/helpers/approvals/overseas-visit/other-district-leaders/', title: '出国访问审批：其他副区级（含）以上领导同志' },
      { href: '/helpers/approvals/overseas-visit/unit-heads/', title: '出国访问审批：部门、街乡等单位行政主要负责人' },
      { href: '/helpers/approvals/overseas-visit/deputy-division-staff/', title: '出国访问审批：上述单位的处级副职' },
    ]);
  });

  it('matches an article by any clause inside it, and only that article', () => {
    expect(hrefs(pathsForArticle(SLUG, 'art-55'))).toEqual(hrefs(pathsForClause(SLUG, 'art-55-p1')));
    // 第四条 carries only the mayor's delegation while away; 第五条 is not 第五十五条.
    expect(hrefs(pathsForArticle(SLUG, 'art-4'))).toEqual(['/helpers/approvals/leave-of-absence/district-mayor/']);
    expect(pathsForArticle(SLUG, 'art-5')).toEqual([]);
    expect(pathsForClause(SLUG, 'art-55-p2')).toEqual([]);
    expect(pathsForClause('other-regulation', 'art-55-p1')).toEqual([]);
  });

  it('tells the paragraphs of one article apart', () => {
    // The plenary topic cites 第四十二条 only; the materials deadline is 第四十三条第二款.
    expect(hrefs(pathsForClause(SLUG, 'art-43-p2'))).toEqual([
      '/helpers/approvals/meeting-topic/executive-meeting/',
      '/helpers/approvals/meeting-topic/mayor-office-meeting/',
      '/helpers/approvals/meeting-topic/multi-department/',
    ]);
    expect(hrefs(pathsForArticle(SLUG, 'art-43'))).toEqual(hrefs(pathsForClause(SLUG, 'art-43-p2')));
    expect(hrefs(pathsForClause(SLUG, 'art-43-p1'))).toEqual(['/helpers/approvals/meeting-topic/multi-department/']);
  });

  it('every clause a step cites finds the step’s path, once', () => {
    for (const scenario of approvalPaths().scenarios) {
      for (const variant of scenario.variants) {
        for (const step of variant.steps) {
          const found = hrefs(pathsForClause(scenario.regulation, step.clause));
          expect(found.filter((h) => h === variantUrl(scenario.id, variant.id))).toHaveLength(1);
          expect(new Set(found).size).toBe(found.length);
        }
      }
    }
  });

  it('indexes items under their paragraph and article', () => {
    const step: Step = { actors: ['甲'], action: '审核', object: '事项', kind: 'approval', clause: 'art-12-p2-i3', quote: '引文' };
    const data: ApprovalPaths = {
      scenarios: [
        {
          id: 's',
          title: '场景',
          question: '谁？',
          summary: '概要',
          regulation: 'r',
          clauses: ['art-12-p2'],
          variants: [{ id: 'v', label: '变体', roles: ['甲'], steps: [step, { ...step }] }],
        },
      ],
    };
    const index = buildPathIndex(data);
    for (const id of ['art-12', 'art-12-p2', 'art-12-p2-i3']) expect(hrefs(index.pathsForClause('r', id)), id).toEqual(['/helpers/approvals/s/v/']);
    expect(index.pathsForClause('r', 'art-12-p2-i1')).toEqual([]);
    expect(index.pathsForClause('r', 'art-1')).toEqual([]);
  });

  it('groups refs by scenario for a compact list', () => {
    const groups = groupByScenario([...pathsForArticle(SLUG, 'art-69'), ...pathsForArticle(SLUG, 'art-55')]);
    expect(groups.map((g) => [g.scenario.title, g.paths.length])).toEqual([
      ['离京请假和报备', 4],
      ['出国访问审批', 5],
    ]);
    expect(groups[0]?.scenario.href).toBe('/helpers/approvals/leave-of-absence/');
  });
});

describe('pathView', () => {
  const reg = getCorpus().bySlug.get(SLUG)!;
  const ctx = clauseContext(reg.tree);
  const viewCtx: ViewContext = { slug: SLUG, cite: (id) => ctx.cite(id), deadlines: deadlineRules() };
  const variant = (s: string, v: string) => approvalPaths().scenarios.find((x) => x.id === s)!.variants.find((x) => x.id === v)!;

  it('draws parallel actors of one step as one step with several actors', () => {
    const view = pathView(variant('overseas-visit', 'foreign-affairs-deputy-mayor'), viewCtx);
    expect(view.stages.map((s) => s.main.map((step) => `${step.actors.join('+')}:${step.action}`))).toEqual([['区委书记+区长:同意'], ['市政府:审批']]);
    expect(view.stages.map((s) => s.arrowIn)).toEqual([false, true]);
    expect(view.stages[0]?.main[0]).toMatchObject({
      tag: '审批',
      quote: '分管外事工作的副区长出国访问，报区委书记、区长同意',
      clause: {
        id: 'art-55-p1',
        href: '/regulations/chaoyang-government-work-rules/#art-55-p1',
        words: '第五十五条',
        formal: '《北京市朝阳区人民政府工作规则》第五十五条',
      },
    });
    expect(pathSummary(view)).toBe('区委书记、区长同意 → 市政府审批');
  });

  it('sets notifications apart with their own verb as the tag, and links deadlines', () => {
    const view = pathView(variant('leave-of-absence', 'district-mayor'), viewCtx);
    expect(view.stages[1]?.side.map((s) => [s.tag, s.to.join('、')])).toEqual([
      ['报备', '市政府、区委'],
      ['报备', '市委、市政府'],
    ]);
    expect(view.counts).toEqual({ steps: 6, approvals: 1, actions: 3, notifications: 2 });
    expect(view.deadlines).toEqual([
      {
        id: 'leave-request',
        href: '/helpers/deadlines/?rule=leave-request#rule-leave-request',
        name: '离京外出书面请假',
        period: '离京外出（出访、出差、脱产学习、休假等）前7天',
      },
    ]);
    expect(view.stages[0]?.main[0]?.deadline?.id).toBe('leave-request');
    expect(view.stages[3]?.main[0]?.clause.words).toBe('第四条');
  });

  it('puts the steps of a group side by side in one stage', () => {
    const view = pathView(variant('normative-document', 'district-government'), viewCtx);
    expect(view.stages[1]?.main.map((s) => s.step)).toEqual([2, 3]);
    expect(view.stages.at(-1)?.side[0]).toMatchObject({ tag: '备案', actors: ['区司法局、区政府办公室'] });
  });
});
