/**
 * The deadline rules data file (content/helpers/deadlines.yaml): its schema and
 * loader (parsing and error positions: src/data/yaml-file.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { parseYaml, type DataIssue } from '../../data/yaml-file.ts';

const text = z.string().trim().min(1);
/** Lower-case words joined by hyphens: rule ids are part of the calculator's URLs. */
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, '应为小写字母、数字和连字符，如 meeting-materials');
const clauseId = z.string().regex(/^art-\d+(?:-p\d+(?:-i\d+)?)?$/, '应为条款 id：art-N、art-N-pK 或 art-N-pK-iJ');

const common = {
  id: slug,
  /** Chinese display name. */
  name: text,
  regulation: slug,
  clause: clauseId,
  /** The clause's exact words; checked verbatim by verify.ts. */
  quote: text,
  note: text.optional(),
  /** Time-expression texts in the clause this rule deliberately accounts for, beyond its quote. */
  covers: z.array(text).optional(),
};

const deadlineRule = z.strictObject({
  kind: z.literal('deadline'),
  ...common,
  /** Who must act. */
  actor: text,
  /** What the period counts from. */
  event: text,
  amount: z.number().int().positive(),
  unit: z.enum(['workingDay', 'day', 'hour']),
  direction: z.enum(['before', 'after']),
});

const weeklyMeetingRule = z.strictObject({
  kind: z.literal('weekly-meeting'),
  ...common,
  /** ISO weekday: 1 = 星期一 … 7 = 星期日. */
  weekday: z.number().int().min(1).max(7),
  /** Time of day as the rule words it (`下午`); shown, not computed. */
  time: text.optional(),
  /** Id of the deadline rule for this meeting's materials. */
  materialsRule: slug,
});

/** Shown with its quote, never computed (speaking limits, yearly quotas). */
const referenceRule = z.strictObject({ kind: z.literal('reference'), ...common });

export const deadlineRulesSchema = z.strictObject({
  rules: z.array(z.discriminatedUnion('kind', [deadlineRule, weeklyMeetingRule, referenceRule])).min(1),
});

export type Rule = z.infer<typeof deadlineRulesSchema>['rules'][number];
export type DeadlineRule = Extract<Rule, { kind: 'deadline' }>;
export type WeeklyMeetingRule = Extract<Rule, { kind: 'weekly-meeting' }>;
export type ReferenceRule = Extract<Rule, { kind: 'reference' }>;

function checkRules(data: { rules: Rule[] }): DataIssue[] {
  const issues: DataIssue[] = [];
  const seen = new Set<string>();
  data.rules.forEach((rule, i) => {
    if (seen.has(rule.id)) issues.push({ path: ['rules', i, 'id'], message: `规则 id “${rule.id}”重复` });
    seen.add(rule.id);
    if (rule.kind === 'weekly-meeting') {
      const target = data.rules.find((r) => r.id === rule.materialsRule);
      if (target?.kind !== 'deadline') {
        issues.push({ path: ['rules', i, 'materialsRule'], message: `“${rule.materialsRule}”不是已定义的 deadline 规则` });
      }
    }
  });
  return issues;
}

/** Read and validate the rules file; errors name `path:line:column`. */
export function loadDeadlineRules(path: string): Rule[] {
  if (!existsSync(path)) return [];
  return parseYaml(path, readFileSync(path, 'utf8'), deadlineRulesSchema, checkRules).rules;
}
