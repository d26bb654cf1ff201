/**
 * Schema and loader for content/helpers/approval-paths.yaml: the approval-path
 * navigator's reviewed data. Problems are reported as `file:line:column: message`
 * so a reviewer can jump straight to the offending YAML node.
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { displayPath, parseYaml, YamlFileError, type SourceProblem } from '../../data/yaml-file.ts';

/** How a step is drawn: approvals and actions on the main path, notifications apart. */
export const STEP_KINDS = ['approval', 'notification', 'action'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/**
 * The controlled vocabulary of step actions, each with the kinds it may be drawn as.
 * Pinning 报备/通报/备案 to `notification` keeps a mere notice from being drawn as
 * if someone's consent were needed (and vice versa for 审批/签发 …).
 */
export const ACTIONS = {
  起草: ['action'],
  征求意见: ['action'],
  提出: ['action'],
  报送: ['action'],
  送呈: ['action'],
  请示: ['action'],
  请假: ['action'],
  委托: ['action'],
  协调: ['action'],
  协商: ['action'],
  评估: ['action'],
  研究: ['action'],
  讨论: ['action'],
  审议: ['action'],
  主持: ['action'],
  召开: ['action'],
  参加: ['action'],
  汇报: ['action'],
  说明: ['action'],
  安排: ['action'],
  公开: ['action'],
  落实: ['action'],
  审核: ['approval'],
  合法性审查: ['approval'],
  审阅: ['approval'],
  同意: ['approval'],
  审批: ['approval'],
  批准: ['approval'],
  决定: ['approval'],
  制定: ['approval'],
  签发: ['approval'],
  签署: ['approval'],
  // A leader's circle on a 请示 means consent, on a mere report only "read" (art. 49).
  圈阅: ['approval', 'notification'],
  报备: ['notification'],
  通报: ['notification'],
  报告: ['notification'],
  备案: ['notification'],
  受理: ['notification'],
} as const satisfies Record<string, readonly StepKind[]>;
export type Action = keyof typeof ACTIONS;
const ACTION_NAMES = Object.keys(ACTIONS) as [Action, ...Action[]];

/** Lower-case ASCII kebab: safe as a URL path segment and as an HTML id. */
export const URL_SAFE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** `art-N`, `art-N-pK` or `art-N-pK-iJ` (see docs/tree.md "Identifiers"). */
const CLAUSE_ID = /^art-[1-9]\d*(?:-p[1-9]\d*(?:-i[1-9]\d*)?)?$/;
/** Steps cite the most precise clause, so never a bare article. */
const STEP_CLAUSE_ID = /^art-[1-9]\d*-p[1-9]\d*(?:-i[1-9]\d*)?$/;

const urlId = z.string().regex(URL_SAFE_ID, '须为小写 ASCII 短横线格式（如 overseas-visit），可用于 URL');
// Untrimmed on purpose: quotes must stay verbatim, so stray whitespace is an error, not fixed.
const text = z
  .string()
  .min(1)
  .refine((s) => s.trim() === s, '不得以空白开头或结尾');
const clauseId = z.string().regex(CLAUSE_ID, '条款编号须为 art-N、art-N-pK 或 art-N-pK-iJ');

const distinct = (list: readonly string[]): boolean => new Set(list).size === list.length;

const stepSchema = z
  .strictObject({
    actor: text.optional(),
    actors: z.array(text).min(2, '多个主体同一步办理时 actors 至少两项').refine(distinct, 'actors 不得重复').optional(),
    action: z.enum(ACTION_NAMES),
    object: text,
    to: z.array(text).min(1).refine(distinct, 'to 不得重复').optional(),
    condition: text.optional(),
    kind: z.enum(STEP_KINDS),
    group: urlId.optional(),
    clause: z.string().regex(STEP_CLAUSE_ID, '步骤须引用款或项（art-N-pK 或 art-N-pK-iJ），不能只引用条'),
    quote: text,
    deadline: urlId.optional(),
  })
  .superRefine((step, ctx) => {
    if ((step.actor === undefined) === (step.actors === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['actor'], message: '每一步须有 actor 或 actors 之一，且只能有一个' });
    }
    const kinds: readonly StepKind[] = ACTIONS[step.action];
    if (!kinds.includes(step.kind)) {
      ctx.addIssue({
        code: 'custom',
        path: ['kind'],
        message: `动作“${step.action}”的 kind 只能是 ${kinds.join(' 或 ')}`,
      });
    }
  })
  // One shape for consumers: a single actor is a one-element list.
  .transform(({ actor, actors, ...rest }) => ({ ...rest, actors: actors ?? (actor === undefined ? [] : [actor]) }));

const variantSchema = z
  .strictObject({
    id: urlId,
    label: text,
    roles: z.array(text).min(1).refine(distinct, 'roles 不得重复'),
    condition: text.optional(),
    steps: z.array(stepSchema).min(1),
  })
  .superRefine((variant, ctx) => {
    // A group is one row of the diagram, so its steps must be adjacent and at least two.
    const seen = new Set<string>();
    variant.steps.forEach((step, i) => {
      if (step.group === undefined) return;
      const previous = variant.steps[i - 1]?.group;
      const next = variant.steps[i + 1]?.group;
      if (previous !== step.group && seen.has(step.group)) {
        ctx.addIssue({ code: 'custom', path: ['steps', i, 'group'], message: `并列组“${step.group}”的步骤须相邻` });
      } else if (previous !== step.group && next !== step.group) {
        ctx.addIssue({ code: 'custom', path: ['steps', i, 'group'], message: `并列组“${step.group}”只有一步，至少要两步` });
      }
      seen.add(step.group);
    });
  });

const scenarioSchema = z
  .strictObject({
    id: urlId,
    title: text,
    question: text,
    summary: text,
    regulation: urlId,
    clauses: z.array(clauseId).min(1).refine(distinct, 'clauses 不得重复'),
    variants: z.array(variantSchema).min(1),
  })
  .superRefine((scenario, ctx) => {
    const ids = new Set<string>();
    scenario.variants.forEach((variant, v) => {
      if (ids.has(variant.id)) {
        ctx.addIssue({ code: 'custom', path: ['variants', v, 'id'], message: `变体 id “${variant.id}”在本场景中重复` });
      }
      ids.add(variant.id);
      // Every step must rest on a clause the scenario declares, so the list stays honest.
      variant.steps.forEach((step, s) => {
        if (!STEP_CLAUSE_ID.test(step.clause)) return; // malformed: reported on the step already
        if (!scenario.clauses.some((c) => step.clause === c || step.clause.startsWith(`${c}-`))) {
          ctx.addIssue({
            code: 'custom',
            path: ['variants', v, 'steps', s, 'clause'],
            message: `条款 ${step.clause} 不在本场景的 clauses 之内`,
          });
        }
      });
    });
  });

export const approvalPathsSchema = z
  .strictObject({ scenarios: z.array(scenarioSchema).min(1) })
  .superRefine((data, ctx) => {
    const ids = new Set<string>();
    data.scenarios.forEach((scenario, i) => {
      if (ids.has(scenario.id)) {
        ctx.addIssue({ code: 'custom', path: ['scenarios', i, 'id'], message: `场景 id “${scenario.id}”重复` });
      }
      ids.add(scenario.id);
    });
  });

export type ApprovalPaths = z.output<typeof approvalPathsSchema>;
export type Scenario = z.output<typeof scenarioSchema>;
export type Variant = z.output<typeof variantSchema>;
export type Step = z.output<typeof stepSchema>;

export type { SourceProblem };

/** Thrown by the loader; `message` holds one `file:line:column: message` line per problem. */
export class ApprovalPathsError extends YamlFileError {
  constructor(file: string, problems: readonly SourceProblem[]) {
    super(file, problems);
    this.name = 'ApprovalPathsError';
  }
}

/** Parses and validates YAML text; `file` is only used in error messages. */
export function parseApprovalPaths(source: string, file: string): ApprovalPaths {
  try {
    // Problems point at the offending value (an unknown key at the key itself).
    return parseYaml(file, source, approvalPathsSchema, undefined, { point: 'value' });
  } catch (error) {
    if (error instanceof YamlFileError) throw new ApprovalPathsError(error.file, error.problems);
    throw error;
  }
}

/** Reads and validates the file at `path` (errors name it relative to the working directory). */
export function loadApprovalPaths(path: string): ApprovalPaths {
  if (!existsSync(path)) return { scenarios: [] };
  return parseApprovalPaths(readFileSync(path, 'utf8'), displayPath(path));
}
