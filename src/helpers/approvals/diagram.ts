/**
 * Layout model for the build-time approval-path diagram. Pure data, no markup:
 * an Astro component renders it as HTML (text is escaped there), so the diagram
 * needs no client-side library and the clause ids can become ordinary links.
 *
 * The flow is vertical so it stays readable at 360 px: one row per stage, top to
 * bottom. Parallel steps share a row side by side; notifications (报备、通报 …)
 * sit in the row's side lane so they are never mistaken for a consent.
 */
import type { Action, Step, StepKind, Variant } from './schema.ts';

export interface DiagramBox {
  /** Unique within the diagram: `s3`, or `s3-2` for the 2nd of parallel actors of step 3. */
  key: string;
  /** 1-based number of the step in the variant. */
  step: number;
  actor: string;
  action: Action;
  object: string;
  /** Who receives what is handed on; may be empty. */
  to: readonly string[];
  condition?: string;
  kind: StepKind;
  clause: string;
  /** Deadline rule id, resolved to words by the deadline calculator. */
  deadline?: string;
}

export interface DiagramRow {
  /** Approvals and actions of this stage, side by side when more than one. */
  main: DiagramBox[];
  /** Notifications made at this stage, drawn apart in a side lane. */
  side: DiagramBox[];
}

/** An arrow from one row's main lane to the next row that has one (row indexes). */
export interface DiagramArrow {
  from: number;
  to: number;
}

export interface VariantDiagram {
  rows: DiagramRow[];
  arrows: DiagramArrow[];
}

export function layoutVariant(variant: Pick<Variant, 'steps'>): VariantDiagram {
  const rows: DiagramRow[] = [];
  let rowGroup: string | undefined;

  variant.steps.forEach((step, i) => {
    const current = rows.at(-1);
    // A notification belongs to the stage it follows; a group keeps its steps in one row.
    const joins =
      current !== undefined &&
      (step.group === undefined ? step.kind === 'notification' : step.group === rowGroup);
    const row = joins ? current : { main: [], side: [] };
    if (!joins) {
      rows.push(row);
      rowGroup = step.group;
    }
    if (step.kind === 'notification') {
      // One box per notice: several senders of one notice are one message, not a fork.
      row.side.push(box(step, i + 1, `s${i + 1}`, step.actors.join('、')));
    } else {
      // Several actors at one step act in parallel: one box each, side by side.
      step.actors.forEach((actor, a) => {
        const key = step.actors.length === 1 ? `s${i + 1}` : `s${i + 1}-${a + 1}`;
        row.main.push(box(step, i + 1, key, actor));
      });
    }
  });

  const arrows: DiagramArrow[] = [];
  let previous: number | undefined;
  rows.forEach((row, index) => {
    if (row.main.length === 0) return;
    if (previous !== undefined) arrows.push({ from: previous, to: index });
    previous = index;
  });
  return { rows, arrows };
}

function box(step: Step, number: number, key: string, actor: string): DiagramBox {
  return {
    key,
    step: number,
    actor,
    action: step.action,
    object: step.object,
    to: step.to ?? [],
    ...(step.condition === undefined ? {} : { condition: step.condition }),
    kind: step.kind,
    clause: step.clause,
    ...(step.deadline === undefined ? {} : { deadline: step.deadline }),
  };
}
