/**
 * The deadline rules data file (content/helpers/deadlines.yaml): its schema and
 * loader, plus the YAML-with-positions parsing shared with the calendar files.
 */
import { readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';

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

/** A problem found after schema validation, at a path into the parsed data. */
export interface DataIssue {
  path: readonly PropertyKey[];
  message: string;
}

/** Offset of the node at `path`; for a map entry, of its key (where editors should jump). */
function locate(doc: Document, path: readonly PropertyKey[]): number {
  let node: unknown = doc.contents;
  let offset = isNode(node) && node.range ? node.range[0] : 0;
  // Stop at the deepest node that exists: a missing key points at its parent.
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
      if (!pair) break;
      if (isNode(pair.key) && pair.key.range) offset = pair.key.range[0];
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key];
      if (!isNode(item) || !item.range) break;
      offset = item.range[0];
      node = item;
    } else break;
  }
  return offset;
}

function pathLabel(path: readonly PropertyKey[]): string {
  const label = path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('');
  return label.replace(/^\./, '') || '（根）';
}

/**
 * Parse YAML text against a schema, then run `check` on the valid data.
 * Throws one Error listing every problem as `file:line:column: path：message`.
 */
export function parseYaml<S extends z.ZodType>(
  file: string,
  source: string,
  schema: S,
  check: (data: z.output<S>) => DataIssue[] = () => [],
): z.output<S> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return `${file}:${line}:${col}`;
  };
  if (doc.errors.length > 0) {
    throw new Error(doc.errors.map((e) => `${at(e.pos[0])}: YAML 语法错误：${e.message}`).join('\n'));
  }
  function fail(issues: DataIssue[]): never {
    throw new Error(issues.map((i) => `${at(locate(doc, i.path))}: ${pathLabel(i.path)}：${i.message}`).join('\n'));
  }
  const result = schema.safeParse(doc.toJS(), { error: z.locales.zhCN().localeError });
  if (!result.success) {
    fail(
      result.error.issues.map((i) => ({
        // Point an unknown key at the key itself rather than at its map.
        path: i.code === 'unrecognized_keys' && i.keys[0] !== undefined ? [...i.path, i.keys[0]] : i.path,
        message: i.message,
      })),
    );
  }
  const issues = check(result.data);
  if (issues.length > 0) fail(issues);
  return result.data;
}

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
  return parseYaml(path, readFileSync(path, 'utf8'), deadlineRulesSchema, checkRules).rules;
}
