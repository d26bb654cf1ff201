import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDeadlineRules } from '../../../src/helpers/deadlines/schema.ts';

const RULES = 'content/helpers/deadlines.yaml';

describe('content/helpers/deadlines.yaml', () => {
  const rules = loadDeadlineRules(RULES);
  const byId = new Map(rules.map((r) => [r.id, r]));

  it('holds the reviewed rules with the agreed ids (they are part of URLs)', () => {
    for (const id of [
      'meeting-materials',
      'internal-event-invitation',
      'foreign-event-invitation',
      'emergency-information',
      'emergency-press-conference',
      'leave-request',
      'regular-mayor-office-meeting',
    ]) {
      expect(byId.has(id), id).toBe(true);
    }
    expect(rules.filter((r) => r.kind === 'reference').map((r) => r.clause).sort()).toEqual([
      'art-43-p2',
      'art-43-p2',
      'art-64',
      'art-64',
      'art-64',
    ]);
  });

  it('encodes the periods the clauses state', () => {
    const spec = (id: string) => {
      const r = byId.get(id);
      return r?.kind === 'deadline' ? [r.clause, r.amount, r.unit, r.direction] : undefined;
    };
    expect(spec('meeting-materials')).toEqual(['art-43-p2', 3, 'workingDay', 'before']);
    expect(spec('internal-event-invitation')).toEqual(['art-52', 7, 'workingDay', 'before']);
    expect(spec('foreign-event-invitation')).toEqual(['art-54', 5, 'workingDay', 'before']);
    expect(spec('emergency-information')).toEqual(['art-25', 5, 'hour', 'after']);
    expect(spec('emergency-press-conference')).toEqual(['art-25', 24, 'hour', 'after']);
    expect(spec('leave-request')).toEqual(['art-69', 7, 'day', 'before']);
    expect(byId.get('regular-mayor-office-meeting')).toMatchObject({
      kind: 'weekly-meeting',
      weekday: 1,
      materialsRule: 'meeting-materials',
      clause: 'art-39-p2',
    });
  });
});

describe('loadDeadlineRules errors', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rules-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const rule = (extra: string[] = []) => [
    '  - id: meeting-materials',
    '    kind: deadline',
    '    name: 会议材料',
    '    actor: 主责单位',
    '    event: 会议召开',
    '    amount: 3',
    '    unit: workingDay',
    '    direction: before',
    '    regulation: chaoyang-government-work-rules',
    '    clause: art-43-p2',
    '    quote: 于会前3个工作日报送区政府办公室',
    ...extra,
  ];
  const load = (lines: string[]) => {
    const file = join(dir, 'deadlines.yaml');
    writeFileSync(file, lines.join('\n') + '\n');
    return () => loadDeadlineRules(file);
  };
  const file = () => join(dir, 'deadlines.yaml');

  it('accepts a minimal valid file', () => {
    expect(load(['rules:', ...rule()])()).toHaveLength(1);
  });

  it('names file:line:column of a bad value', () => {
    const lines = ['rules:', ...rule()];
    lines[6] = '    amount: three';
    expect(load(lines)).toThrow(`${file()}:7:5: rules[0].amount：无效输入`);
  });

  it('points at a misspelt key', () => {
    expect(load(['rules:', ...rule(['    nots: 备注'])])).toThrow(`${file()}:13:5: rules[0].nots：出现未知的键`);
  });

  it('points a missing field at its rule', () => {
    const lines = ['rules:', ...rule()].filter((l) => !l.includes('quote'));
    expect(load(lines)).toThrow(`${file()}:2:5: rules[0].quote：`);
  });

  it('rejects an unknown kind and a malformed clause id', () => {
    const lines = ['rules:', ...rule()];
    lines[2] = '    kind: deadlines';
    expect(load(lines)).toThrow(`${file()}:3:5: rules[0].kind：`);
    lines[2] = '    kind: deadline';
    lines[10] = '    clause: 第四十三条';
    expect(load(lines)).toThrow(`${file()}:11:5: rules[0].clause：应为条款 id`);
  });

  it('rejects a duplicate id and a weekly meeting without a deadline rule for its materials', () => {
    const meeting = [
      '  - id: weekly',
      '    kind: weekly-meeting',
      '    name: 例会',
      '    weekday: 1',
      '    materialsRule: no-such-rule',
      '    regulation: chaoyang-government-work-rules',
      '    clause: art-39-p2',
      '    quote: 星期一下午为例会时间',
    ];
    const run = load(['rules:', ...rule(), ...rule(), ...meeting]);
    expect(run).toThrow(`${file()}:13:5: rules[1].id：规则 id “meeting-materials”重复`);
    expect(run).toThrow(`${file()}:28:5: rules[2].materialsRule：“no-such-rule”不是已定义的 deadline 规则`);
  });

  it('reports YAML syntax errors with their position', () => {
    expect(load(['rules:', '  - id: [unclosed'])).toThrow(new RegExp(`^${file()}:\\d+:\\d+: YAML 语法错误：`));
  });
});
