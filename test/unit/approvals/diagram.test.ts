import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { layoutVariant } from '../../../src/helpers/approvals/diagram.ts';
import { loadApprovalPaths, type Step, type Variant } from '../../../src/helpers/approvals/schema.ts';

const DATA = loadApprovalPaths(fileURLToPath(new URL('../../../content/helpers/approval-paths.yaml', import.meta.url)));

function variant(scenarioId: string, variantId: string): Variant {
  const found = DATA.scenarios.find((s) => s.id === scenarioId)?.variants.find((v) => v.id === variantId);
  if (found === undefined) throw new Error(`no variant ${scenarioId}/${variantId}`);
  return found;
}

function step(overrides: Partial<Step>): Step {
  return {
    actors: ['甲'],
    action: '审核',
    object: '事项',
    kind: 'approval',
    clause: 'art-1-p1',
    quote: '引文',
    ...overrides,
  };
}

describe('layoutVariant', () => {
  it('puts parallel actors of one step side by side, one row per stage', () => {
    const diagram = layoutVariant(variant('overseas-visit', 'foreign-affairs-deputy-mayor'));
    expect(diagram.rows.map((r) => r.main.map((b) => `${b.key} ${b.actor}${b.action}`))).toEqual([
      ['s1-1 区委书记同意', 's1-2 区长同意'],
      ['s2 市政府审批'],
    ]);
    expect(diagram.arrows).toEqual([{ from: 0, to: 1 }]);
  });

  it('puts the steps of a group side by side', () => {
    const diagram = layoutVariant(variant('normative-document', 'district-government'));
    expect(diagram.rows.map((r) => r.main.map((b) => b.step))).toEqual([[1], [2, 3], [4], [5], [6], [7]]);
  });

  it('sets notifications apart in the side lane of the stage they follow', () => {
    const diagram = layoutVariant(variant('leave-of-absence', 'district-mayor'));
    expect(diagram.rows.map((r) => [r.main.map((b) => b.action), r.side.map((b) => `${b.action}→${b.to.join('、')}`)])).toEqual([
      [['请假'], []],
      [['批准', '批准'], ['报备→市政府、区委', '报备→市委、市政府']],
      [['委托'], []],
      [['主持'], []],
    ]);
    expect(diagram.arrows).toEqual([
      { from: 0, to: 1 },
      { from: 1, to: 2 },
      { from: 2, to: 3 },
    ]);
  });

  it('never draws a notification on the main path, nor an approval aside, anywhere in the data', () => {
    for (const scenario of DATA.scenarios) {
      for (const v of scenario.variants) {
        const { rows } = layoutVariant(v);
        const where = `${scenario.id}/${v.id}`;
        expect(rows.flatMap((r) => r.main).every((b) => b.kind !== 'notification'), where).toBe(true);
        expect(rows.flatMap((r) => r.side).every((b) => b.kind === 'notification'), where).toBe(true);
        // Every step is drawn, in order, and keys are unique.
        const boxes = rows.flatMap((r) => [...r.main, ...r.side]);
        expect(new Set(boxes.map((b) => b.step)), where).toEqual(new Set(v.steps.map((_, i) => i + 1)));
        expect(new Set(boxes.map((b) => b.key)).size, where).toBe(boxes.length);
      }
    }
  });

  it('draws a notice from several senders as one box', () => {
    const { rows } = layoutVariant(variant('normative-document', 'district-government'));
    expect(rows.at(-1)?.side.map((b) => b.actor)).toEqual(['区司法局、区政府办公室']);
  });

  it('starts a row without a main lane for a leading notification, and skips it in the arrows', () => {
    const diagram = layoutVariant({
      steps: [step({ action: '通报', kind: 'notification' }), step({}), step({ action: '同意' })],
    });
    expect(diagram.rows.map((r) => [r.main.length, r.side.length])).toEqual([
      [0, 1],
      [1, 0],
      [1, 0],
    ]);
    expect(diagram.arrows).toEqual([{ from: 1, to: 2 }]);
  });

  it('carries what a box shows: object, recipients, condition, clause, deadline', () => {
    const [first] = layoutVariant(variant('leave-of-absence', 'deputy-district-mayor')).rows[0]?.main ?? [];
    expect(first).toEqual({
      key: 's1',
      step: 1,
      actor: '副区长',
      action: '请假',
      object: '书面请假（离京出访、出差、脱产学习、休假）',
      to: ['区长'],
      condition: '原则上至少提前7天；因紧急事项临时外出的，及时请假',
      kind: 'action',
      clause: 'art-69-p1',
      deadline: 'leave-request',
    });
  });

  it('leaves text raw for the component to escape once (no double escaping)', () => {
    const markup = '<b>甲</b> & "乙"';
    const [box] = layoutVariant({ steps: [step({ actors: [markup], object: markup, condition: markup })] }).rows[0]?.main ?? [];
    expect([box?.actor, box?.object, box?.condition]).toEqual([markup, markup, markup]);
  });
});
