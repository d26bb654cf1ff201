/**
 * What a path page shows, computed at build time from the layout model
 * (diagram.ts): stages top to bottom, each with its approvals/actions (side by
 * side when parallel) and its notifications (in a side lane), every step with
 * its quote, its clause link and citation, and its deadline link. Plain data:
 * the Astro components only print it (and escape it once).
 */
import { clauseUrl } from '../../render/urls.ts';
import type { DeadlineRuleInfo } from './deadline-rules.ts';
import { layoutVariant, type DiagramBox } from './diagram.ts';
import { deadlineRuleUrl } from './index.ts';
import type { Action, StepKind, Variant } from './schema.ts';

export interface StepView {
  /** 1-based number of the step in the data (stable, for ids and tests). */
  step: number;
  kind: StepKind;
  action: Action;
  /** The word on the step's tag: 审批 / 办理, or the notice's own verb (报备、通报 …). */
  tag: string;
  /** One per actor; several when they act in parallel at this step (drawn side by side). */
  actors: string[];
  object: string;
  to: readonly string[];
  condition?: string;
  quote: string;
  clause: { id: string; href: string; words: string; formal: string };
  deadline?: { id: string; href: string; name: string; period?: string };
}

export interface StageView {
  /** 1-based, as the ordered list numbers it. */
  number: number;
  /** An arrow leads into this stage from the previous stage's main lane. */
  arrowIn: boolean;
  /** Approvals and actions; more than one = parallel (side by side). */
  main: StepView[];
  /** Notifications made at this stage (side lane). */
  side: StepView[];
}

export interface PathView {
  stages: StageView[];
  counts: { steps: number; approvals: number; actions: number; notifications: number };
  /** Distinct deadlines of the path, in order. */
  deadlines: NonNullable<StepView['deadline']>[];
}

export const KIND_TAGS: Record<Exclude<StepKind, 'notification'>, string> = { approval: '审批', action: '办理' };

export interface ViewContext {
  slug: string;
  /** Citation of a clause id (ClauseContext.cite). */
  cite(id: string): { words: string; formal: string };
  deadlines: ReadonlyMap<string, DeadlineRuleInfo>;
}

export function pathView(variant: Variant, ctx: ViewContext): PathView {
  const diagram = layoutVariant(variant);
  const arrowsInto = new Set(diagram.arrows.map((a) => a.to));

  const stepView = (boxes: DiagramBox[]): StepView => {
    const first = boxes[0]!;
    const source = variant.steps[first.step - 1]!;
    const view: StepView = {
      step: first.step,
      kind: first.kind,
      action: first.action,
      tag: first.kind === 'notification' ? first.action : KIND_TAGS[first.kind],
      actors: boxes.map((b) => b.actor),
      object: first.object,
      to: first.to,
      quote: source.quote,
      clause: { id: first.clause, href: clauseUrl(ctx.slug, first.clause), ...ctx.cite(first.clause) },
    };
    if (first.condition !== undefined) view.condition = first.condition;
    if (first.deadline !== undefined) {
      const rule = ctx.deadlines.get(first.deadline);
      view.deadline = { id: first.deadline, href: deadlineRuleUrl(first.deadline), name: rule?.name ?? first.deadline };
      if (rule?.period !== undefined) view.deadline.period = rule.period;
    }
    return view;
  };

  // Boxes of one step (parallel actors) are consecutive: one StepView each step.
  const byStep = (boxes: DiagramBox[]): StepView[] => {
    const groups: DiagramBox[][] = [];
    for (const box of boxes) {
      const last = groups.at(-1);
      if (last?.[0]?.step === box.step) last.push(box);
      else groups.push([box]);
    }
    return groups.map(stepView);
  };

  const stages = diagram.rows.map((row, i) => ({
    number: i + 1,
    arrowIn: arrowsInto.has(i),
    main: byStep(row.main),
    side: byStep(row.side),
  }));
  const all = stages.flatMap((s) => [...s.main, ...s.side]);
  const deadlines = [...new Map(all.flatMap((s) => (s.deadline ? [[s.deadline.id, s.deadline] as const] : []))).values()];
  return {
    stages,
    counts: {
      steps: variant.steps.length,
      approvals: all.filter((s) => s.kind === 'approval').length,
      actions: all.filter((s) => s.kind === 'action').length,
      notifications: all.filter((s) => s.kind === 'notification').length,
    },
    deadlines,
  };
}

/** The path in one line, for descriptions and previews: 分管外事工作的副区长审核 → 区委书记同意 → 市政府审批. */
export function pathSummary(view: PathView): string {
  return view.stages
    .filter((s) => s.main.length > 0)
    .map((s) => s.main.map((step) => `${step.actors.join('、')}${step.action}`).join(' + '))
    .join(' → ');
}
