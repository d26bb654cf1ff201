/**
 * Build-time glue for the approval-path pages: the regulation a scenario rests
 * on (title, clause citations) and the view context of its paths.
 */
import { getCorpus } from '../../corpus/index.ts';
import { clauseContext, type ClauseContext } from '../../render/clause-context.ts';
import { clauseUrl } from '../../render/urls.ts';
import { displayText } from '../../tree/query.ts';
import { deadlineRules } from './deadline-rules.ts';
import type { Scenario } from './schema.ts';
import type { ViewContext } from './view.ts';

export interface ScenarioRegulation {
  slug: string;
  title: string;
  ctx: ClauseContext;
  view: ViewContext;
  /** The clauses the scenario rests on: link, citation and text as printed. */
  clauses: { id: string; href: string; words: string; formal: string; text: string }[];
}

export function scenarioRegulation(scenario: Scenario): ScenarioRegulation {
  const corpus = getCorpus();
  const reg = corpus.bySlug.get(scenario.regulation);
  // The build's check (src/integration) has already failed on unknown regulations and clauses.
  if (!reg) throw new Error(`审批路径场景“${scenario.id}”引用的法规 ${scenario.regulation} 不存在`);
  const ctx = clauseContext(reg.tree);
  return {
    slug: reg.slug,
    title: reg.tree.meta.title,
    ctx,
    view: { slug: reg.slug, cite: (id) => ctx.cite(id), deadlines: deadlineRules() },
    clauses: scenario.clauses.map((id) => {
      const node = corpus.clause(reg.slug, id);
      return { id, href: clauseUrl(reg.slug, id), ...ctx.cite(id), text: node ? displayText(node) : '' };
    }),
  };
}
