/**
 * What each scenario must model, read off the regulation: the variants cover the
 * roles the clause names, and the key steps (who agrees, in which order, who is
 * merely notified) are the ones the text prescribes.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadApprovalPaths, type Scenario, type Step, type Variant } from '../../../src/helpers/approvals/schema.ts';

const DATA = loadApprovalPaths(fileURLToPath(new URL('../../../content/helpers/approval-paths.yaml', import.meta.url)));

function scenario(id: string): Scenario {
  const found = DATA.scenarios.find((s) => s.id === id);
  if (found === undefined) throw new Error(`no scenario ${id}`);
  return found;
}

function variant(s: Scenario, id: string): Variant {
  const found = s.variants.find((v) => v.id === id);
  if (found === undefined) throw new Error(`no variant ${s.id}/${id}`);
  return found;
}

const roles = (s: Scenario): string[] => s.variants.flatMap((v) => v.roles);
/** A step as `actor+actor:action`, compact enough to compare whole paths. */
const brief = (step: Step): string => `${step.actors.join('+')}:${step.action}`;
const path = (v: Variant, kind?: Step['kind']): string[] =>
  v.steps.filter((s) => kind === undefined || s.kind === kind).map(brief);

describe('overseas-visit (五十五)', () => {
  const s = scenario('overseas-visit');

  it('has a variant for every traveller the article names', () => {
    expect(s.variants.map((v) => v.id)).toEqual([
      'district-mayor',
      'foreign-affairs-deputy-mayor',
      'other-district-leaders',
      'unit-heads',
      'deputy-division-staff',
    ]);
    expect(roles(s)).toEqual(
      expect.arrayContaining([
        '区长',
        '分管外事工作的副区长',
        '副区长',
        '其他副区级（含）以上领导同志',
        '区政府各部门行政主要负责人',
        '街道办事处、地区办事处（乡政府）行政主要负责人',
        '参照公务员管理单位行政主要负责人',
        '区政府各部门处级副职',
      ]),
    );
  });

  it('follows the approvals of each traveller in order', () => {
    expect(path(variant(s, 'district-mayor'))).toEqual(['分管外事工作的副区长:审核', '区委书记:同意', '市政府:审批']);
    expect(path(variant(s, 'foreign-affairs-deputy-mayor'))).toEqual(['区委书记+区长:同意', '市政府:审批']);
    expect(path(variant(s, 'other-district-leaders'))).toEqual([
      '分管外事工作的副区长:审核',
      '区委书记+区长:同意',
      '市政府:审批',
    ]);
    expect(path(variant(s, 'unit-heads'))).toEqual(['分管副区长:同意', '分管外事工作的副区长:审核', '区长:审批']);
    expect(path(variant(s, 'deputy-division-staff'))).toEqual(['分管副区长:同意', '分管外事工作的副区长:审批']);
  });
});

describe('leave-of-absence (六十九、四)', () => {
  const s = scenario('leave-of-absence');
  const request = (v: Variant) => v.steps.find((step) => step.action === '请假');
  const notified = (v: Variant) => v.steps.filter((step) => step.action === '报备').flatMap((step) => step.to ?? []);

  it('covers the mayor, deputy mayors, department heads and subdistrict heads', () => {
    expect(roles(s)).toEqual(
      expect.arrayContaining(['区长', '副区长', '区政府各部门行政主要负责人', '街道办事处、地区办事处（乡政府）行政主要负责人']),
    );
  });

  it('asks the right people, seven days ahead', () => {
    const asked = Object.fromEntries(s.variants.map((v) => [v.id, request(v)?.to]));
    expect(asked).toEqual({
      'district-mayor': ['市长', '区委书记'],
      'deputy-district-mayor': ['区长'],
      'department-head': ['主管副区长'],
      'subdistrict-head': ['主管副区长', '区长'],
    });
    expect(s.variants.every((v) => request(v)?.deadline === 'leave-request')).toBe(true);
  });

  it('notifies without asking', () => {
    expect(notified(variant(s, 'district-mayor'))).toEqual(['市政府', '区委', '市委', '市政府']);
    expect(notified(variant(s, 'deputy-district-mayor'))).toEqual(['区委']);
    expect(notified(variant(s, 'department-head'))).toEqual(['区委', '区政府']);
    expect(notified(variant(s, 'subdistrict-head'))).toEqual(['区委', '区政府']);
    expect(s.variants.flatMap((v) => v.steps).filter((x) => x.action === '报备').every((x) => x.kind === 'notification')).toBe(true);
  });

  it('says who presides while the mayor is away (四)', () => {
    const delegation = variant(s, 'district-mayor').steps.find((step) => step.action === '委托');
    expect(delegation).toMatchObject({ to: ['常务副区长或其他副区长'], clause: 'art-4-p1' });
  });
});

describe('meeting-absence (四十四)', () => {
  const s = scenario('meeting-absence');

  it('covers government leaders, department heads and other attendees', () => {
    expect(roles(s)).toEqual(expect.arrayContaining(['副区长', '区政府各部门主要负责人', '其他需要参加会议的人员']));
  });

  it('leaders ask the mayor; others ask the 主管区长 and the office reports to the mayor', () => {
    expect(variant(s, 'government-leaders').steps[0]?.to).toEqual(['区长']);
    const others = variant(s, 'department-heads-and-attendees');
    expect(others.steps[0]?.to).toEqual(['主管区长']);
    expect(path(others, 'notification')).toEqual(['请假人:通报', '区政府办公室:报告']);
  });
});

describe('meeting-topic (四十二、四十三)', () => {
  const s = scenario('meeting-topic');

  it('has a variant per meeting and one for multi-department topics', () => {
    expect(s.variants.map((v) => v.id)).toEqual(['plenary', 'executive-meeting', 'mayor-office-meeting', 'multi-department']);
    expect(roles(s)).toEqual(expect.arrayContaining(['区政府组成部门', '街道办事处、地区办事处（乡政府）', '相关部门、单位']));
  });

  it('every topic goes through the deputy mayor in charge, then the mayor', () => {
    for (const v of s.variants) {
      const approvals = path(v, 'approval').filter((p) => !p.startsWith('相关部门'));
      expect(approvals, v.id).toEqual(['分管副区长:审核', '区长:审批']);
    }
  });

  it('materials are due 3 working days ahead only for the executive and mayor’s office meetings', () => {
    const due = s.variants.filter((v) => v.steps.some((step) => step.deadline === 'meeting-materials')).map((v) => v.id);
    expect(due).toEqual(['executive-meeting', 'mayor-office-meeting', 'multi-department']);
  });

  it('disagreement goes to the deputy mayor, then is reported and explained', () => {
    const steps = variant(s, 'multi-department').steps.filter((step) => step.condition !== undefined);
    expect(steps.map(brief)).toEqual(['分管副区长:协调', '主责单位:报告', '主责单位:报送', '主责单位:说明']);
  });
});

describe('government-document (五十)', () => {
  const s = scenario('government-document');
  const signer = (id: string) => variant(s, id).steps.at(-1);

  it('covers ordinary, major, upward and order documents, each reviewed by the office director first', () => {
    expect(s.variants.map((v) => v.id)).toEqual([
      'ordinary',
      'major-matter',
      'to-municipal-government',
      'to-district-npc-standing-committee',
      'order',
    ]);
    expect(s.variants.every((v) => brief(v.steps[0] as Step) === '区政府办公室主任:审核')).toBe(true);
  });

  it('has the signer the article names', () => {
    expect(signer('ordinary')?.actors).toEqual(['区长或主管副区长']);
    expect(signer('major-matter')?.actors).toEqual(['区长', '常务副区长']);
    expect(signer('to-municipal-government')?.actors).toEqual(['区长或主持工作的常务副区长']);
    expect(signer('to-district-npc-standing-committee')?.actors).toEqual(['区长或主持工作的常务副区长']);
    expect(brief(signer('order') as Step)).toBe('区长:签署');
  });
});

describe('office-document (五十一)', () => {
  const s = scenario('office-document');

  it('important matters are read by a district leader before the director signs', () => {
    expect(path(variant(s, 'ordinary'))).toEqual(['区政府办公室主任:签发']);
    expect(path(variant(s, 'important-matter'))).toEqual(['区政府领导:审阅', '区政府办公室主任:签发']);
  });
});

describe('report-to-government (四十六至四十九)', () => {
  const s = scenario('report-to-government');
  const circle = (id: string) => variant(s, id).steps.find((step) => step.action === '圈阅');

  it('covers departments and subdistricts, reports and requests', () => {
    expect(roles(s)).toEqual(expect.arrayContaining(['区政府各部门', '街道办事处、地区办事处（乡政府）']));
    expect(s.variants.map((v) => v.id)).toEqual(['report', 'request', 'request-involving-others']);
  });

  it('reads a leader’s circle as “read” on a report and as consent on a request', () => {
    expect(circle('report')).toMatchObject({ kind: 'notification', quote: '对于一般报告性公文，圈阅表示阅知' });
    expect(circle('request')).toMatchObject({ kind: 'approval', clause: 'art-49-p1' });
  });

  it('consults other units first and lets the deputy mayor coordinate disagreement', () => {
    const v = variant(s, 'request-involving-others');
    expect(brief(v.steps[0] as Step)).toBe('报送单位:征求意见');
    expect(v.steps.some((step) => brief(step) === '分管副区长:协调' && step.clause === 'art-47-p1')).toBe(true);
  });
});

describe('meeting-minutes (四十五)', () => {
  const s = scenario('meeting-minutes');

  it('the mayor signs the three main meetings’ minutes; the chair signs a topic meeting’s', () => {
    const signers = Object.fromEntries(s.variants.map((v) => [v.id, path(v)]));
    expect(signers).toEqual({
      plenary: ['区长:签发'],
      'executive-meeting': ['区长:签发'],
      'mayor-office-meeting': ['区长:签发'],
      'topic-meeting': ['主持会议的区长或副区长:签发'],
    });
  });
});

describe('normative-document (十四、十五)', () => {
  const s = scenario('normative-document');

  it('district documents get both legality reviews and are filed with three bodies', () => {
    const v = variant(s, 'district-government');
    expect(path(v, 'approval').slice(0, 2)).toEqual(['起草部门法制机构:合法性审查', '区司法局:合法性审查']);
    const filing = v.steps.find((step) => step.action === '备案');
    expect(filing).toMatchObject({ actors: ['区司法局', '区政府办公室'], to: ['市司法局', '区人大及其常委会'] });
  });

  it('documents of departments and subdistricts are filed with 区司法局', () => {
    expect(roles(s)).toEqual(expect.arrayContaining(['区政府各部门', '街道办事处、地区办事处（乡政府）']));
    expect(variant(s, 'department-or-subdistrict').steps.at(-1)?.to).toEqual(['区司法局']);
  });
});

describe('major-decision (十七至十九、四十)', () => {
  const s = scenario('major-decision');

  it('a department proposal passes legality review, the 区委 and collective decision', () => {
    const steps = path(variant(s, 'department-proposal'));
    const order = ['区司法局:合法性审查', '区政府:请示', '区政府:报告', '区政府常务会议或区长办公会议:决定'];
    const positions = order.map((step) => steps.indexOf(step));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('in an emergency leaders act first and the meeting decides afterwards', () => {
    expect(path(variant(s, 'emergency'))).toEqual([
      '区政府领导班子成员:安排',
      '区政府领导班子成员:提出',
      '区政府常务会议或区长办公会议:决定',
    ]);
  });
});

describe('event-invitation (五十二至五十四)', () => {
  const s = scenario('event-invitation');
  const deadlines = (id: string) => variant(s, id).steps.flatMap((step) => (step.deadline ? [step.deadline] : []));

  it('covers departments and subdistricts, internal and foreign events', () => {
    expect(roles(s)).toEqual(expect.arrayContaining(['区政府各部门', '街道办事处、地区办事处（乡政府）']));
    expect(deadlines('internal-event-invitation')).toEqual(['internal-event-invitation']);
    expect(deadlines('foreign-event-invitation')).toEqual(['foreign-event-invitation']);
  });

  it('the office arranges internal events, the foreign affairs office foreign ones', () => {
    expect(variant(s, 'internal-event-invitation').steps.at(-1)?.actors).toEqual(['区政府办公室']);
    expect(variant(s, 'foreign-event-invitation').steps.at(-1)?.actors).toEqual(['区政府外办']);
    expect(variant(s, 'ceremony-or-forum').steps.some((step) => step.clause === 'art-53-p1')).toBe(true);
  });
});

describe('signed-article (六十二)', () => {
  it('needs the meeting or the mayor, then the 区委', () => {
    for (const v of scenario('signed-article').variants) {
      expect(path(v), v.id).toEqual(['区政府会议或区长:同意', '区委:批准']);
    }
  });
});

describe('district-wide-meeting (六十五)', () => {
  it('a district-wide meeting in the government’s name needs the mayor’s approval', () => {
    expect(path(variant(scenario('district-wide-meeting'), 'in-government-name'))).toEqual(['区长:批准']);
  });
});
