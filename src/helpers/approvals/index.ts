/**
 * The approval-path navigator as the pages see it: the reviewed data loaded
 * once per process, its URLs, and the reverse index clause → paths that lets a
 * regulation page link to every path resting on one of its clauses.
 *
 *   /helpers/approvals/                         every scenario
 *   /helpers/approvals/<scenario>/              who is acting? (the variants)
 *   /helpers/approvals/<scenario>/<variant>/    the path, step by step
 *
 * Scenario and variant ids are URL segments (schema.ts keeps them ASCII kebab).
 */
import { contentFile } from '../../config/index.ts';
import { loadApprovalPaths, type ApprovalPaths, type Scenario, type Variant } from './schema.ts';

/** Where the reviewed data lives, relative to the project root (the build's working directory). */
// In the configured content folder; a content folder without it has no approval paths.
export const APPROVAL_PATHS_FILE = contentFile('helpers', 'approval-paths.yaml');

export const APPROVALS_URL = '/helpers/approvals/';

export function scenarioUrl(scenarioId: string): string {
  return `${APPROVALS_URL}${scenarioId}/`;
}

export function variantUrl(scenarioId: string, variantId: string): string {
  return `${APPROVALS_URL}${scenarioId}/${variantId}/`;
}

/**
 * The deadline calculator preset to one rule. Contract with the calculator page:
 * `?rule=<id>` selects the rule (with JS), `#rule-<id>` is the rule's anchor on
 * that page (so the link lands on it without JS too).
 */
export function deadlineRuleUrl(ruleId: string): string {
  return `/helpers/deadlines/?rule=${encodeURIComponent(ruleId)}#rule-${ruleId}`;
}

let cached: ApprovalPaths | undefined;

/**
 * The approval paths, parsed and validated once per process. The build checks
 * them against the regulations first (src/integration → check.ts), so pages can
 * rely on every clause and quote being right.
 */
export function approvalPaths(): ApprovalPaths {
  cached ??= loadApprovalPaths(APPROVAL_PATHS_FILE);
  return cached;
}

/** A link to one path (one variant of a scenario). `href` and `title` are the contract. */
export interface PathRef {
  href: string;
  /** `出国访问审批：区长本人`. */
  title: string;
  scenario: { id: string; title: string; href: string };
  variant: { id: string; label: string };
}

/** Every id a step's clause lies within: `art-55-p1-i2` → art-55, art-55-p1, art-55-p1-i2. */
function enclosingIds(clauseId: string): string[] {
  const parts = clauseId.split('-');
  const out: string[] = [];
  // The article is `art-N` (the schema allows no 之一 articles in steps); then one id per level.
  for (let n = 2; n <= parts.length; n++) {
    if (n > 2 && !/^[pis]\d+$/.test(parts[n - 1]!)) continue;
    out.push(parts.slice(0, n).join('-'));
  }
  return out;
}

export interface PathIndex {
  /** Paths with a step citing this clause or a clause inside it, in data order. */
  pathsForClause(slug: string, clauseId: string): PathRef[];
  /** Paths with a step citing any clause of this article (`art-55`), in data order. */
  pathsForArticle(slug: string, articleId: string): PathRef[];
}

/** Builds the reverse index clause → paths in one pass over the data. */
export function buildPathIndex(data: ApprovalPaths): PathIndex {
  // slug → enclosing clause id → paths (a list kept in data order, deduplicated by href).
  const index = new Map<string, Map<string, PathRef[]>>();
  for (const scenario of data.scenarios) {
    for (const variant of scenario.variants) {
      const ref = pathRef(scenario, variant);
      let bySlug = index.get(scenario.regulation);
      if (!bySlug) index.set(scenario.regulation, (bySlug = new Map()));
      for (const step of variant.steps) {
        for (const id of enclosingIds(step.clause)) {
          let list = bySlug.get(id);
          if (!list) bySlug.set(id, (list = []));
          if (list.at(-1)?.href !== ref.href) list.push(ref);
        }
      }
    }
  }
  const lookup = (slug: string, id: string) => [...(index.get(slug)?.get(id) ?? [])];
  return { pathsForClause: lookup, pathsForArticle: lookup };
}

export function pathRef(scenario: Pick<Scenario, 'id' | 'title'>, variant: Pick<Variant, 'id' | 'label'>): PathRef {
  return {
    href: variantUrl(scenario.id, variant.id),
    title: `${scenario.title}：${variant.label}`,
    scenario: { id: scenario.id, title: scenario.title, href: scenarioUrl(scenario.id) },
    variant: { id: variant.id, label: variant.label },
  };
}

let cachedIndex: PathIndex | undefined;

function pathIndex(): PathIndex {
  cachedIndex ??= buildPathIndex(approvalPaths());
  return cachedIndex;
}

/** The paths resting on `clauseId` of regulation `slug` (or on a clause inside it). */
export function pathsForClause(slug: string, clauseId: string): PathRef[] {
  return pathIndex().pathsForClause(slug, clauseId);
}

/** The paths resting on any clause of article `articleId` of regulation `slug`. */
export function pathsForArticle(slug: string, articleId: string): PathRef[] {
  return pathIndex().pathsForArticle(slug, articleId);
}

/** Groups path refs by scenario, keeping order: for compact "scenario: variant, variant" lists. */
export function groupByScenario(refs: readonly PathRef[]): { scenario: PathRef['scenario']; paths: PathRef[] }[] {
  const groups: { scenario: PathRef['scenario']; paths: PathRef[] }[] = [];
  for (const ref of refs) {
    const group = groups.find((g) => g.scenario.id === ref.scenario.id);
    if (group) group.paths.push(ref);
    else groups.push({ scenario: ref.scenario, paths: [ref] });
  }
  return groups;
}
