/**
 * The deadline calculator as the rest of the site sees it: the reviewed rules
 * and the official calendar, loaded once per build; the calculator's URLs; and
 * the reverse index clause → rules that lets a regulation page link each clause
 * with a time limit to its calculator.
 *
 *   /helpers/deadlines/                                        every rule
 *   /helpers/deadlines/?rule=<id>&date=YYYY-MM-DD#rule-<id>     one rule, answered (JS)
 *   /helpers/deadlines/?rule=<id>&at=YYYY-MM-DDTHH:mm           an hour rule
 */
import { contentFile } from '../../config/index.ts';
import { statSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadCalendar } from './calendar.ts';
import type { CalendarData } from './compute.ts';
import { loadDeadlineRules, type Rule } from './schema.ts';

/** Where the reviewed data lives, relative to the project root (the build's working directory). */
// In the configured content folder; a content folder without them has no deadline rules
// (and the package's official calendar).
export const DEADLINE_RULES_FILE = contentFile('helpers', 'deadlines.yaml');
export const CALENDAR_DIR = contentFile('calendar');

export const DEADLINES_URL = '/helpers/deadlines/';

/** The rule's anchor on the calculator page (present without JS). */
export function ruleAnchor(ruleId: string): string {
  return `rule-${ruleId}`;
}

/**
 * The calculator preset to one rule: `?rule=` selects it (with JS), `#rule-<id>`
 * lands on it without JS too. The same contract as the approval pages' links.
 */
export function ruleUrl(ruleId: string): string {
  return `${DEADLINES_URL}?rule=${encodeURIComponent(ruleId)}#${ruleAnchor(ruleId)}`;
}

/** A rule the calculator computes (not a reference-only one). */
export function isComputed(rule: Rule): rule is Exclude<Rule, { kind: 'reference' }> {
  return rule.kind !== 'reference';
}

export interface DeadlineData {
  rules: Rule[];
  calendar: CalendarData;
}

export interface DataFiles {
  rulesFile?: string;
  calendarDir?: string;
}

interface Cached {
  key: string;
  data: DeadlineData;
}

// The integration (which checks the data) and the pages run in one build process
// but load separate module instances, so the cache lives on globalThis. Its key
// is the files' modification times: a dev server picks up edits.
const CACHE = Symbol.for('regulations-portal.deadline-data');
type CacheHolder = { [CACHE]?: Map<string, Cached> };

function filesKey(rulesFile: string, calendarDir: string): string {
  const mtime = (path: string) => (existsSync(path) ? statSync(path).mtimeMs : -1);
  const calendarFiles = existsSync(calendarDir) ? readdirSync(calendarDir).sort() : [];
  return JSON.stringify([mtime(rulesFile), ...calendarFiles.map((f) => [f, mtime(join(calendarDir, f))])]);
}

/**
 * The rules and the calendar (package data + content/calendar overrides), parsed
 * once per build. Throws the loaders' `file:line:column` errors; the build's check
 * (check.ts) turns them into a failed build before any page is rendered.
 */
export function deadlineData(files: DataFiles = {}): DeadlineData {
  const rulesFile = files.rulesFile ?? DEADLINE_RULES_FILE;
  const calendarDir = files.calendarDir ?? CALENDAR_DIR;
  const holder = globalThis as CacheHolder;
  const cache = (holder[CACHE] ??= new Map());
  const id = `${rulesFile}\0${calendarDir}`;
  const key = filesKey(rulesFile, calendarDir);
  const hit = cache.get(id);
  if (hit?.key === key) return hit.data;
  const data = { rules: loadDeadlineRules(rulesFile), calendar: loadCalendar(calendarDir) };
  cache.set(id, { key, data });
  return data;
}

/** A link from a clause to its calculator. `href` and `name` are the contract. */
export interface DeadlineLink {
  href: string;
  /** 区政府会议书面汇报材料报送 */
  name: string;
  ruleId: string;
  /** The clause the rule quotes. */
  clause: string;
}

/** `art-43` contains `art-43-p2`; a clause contains itself. */
function within(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(`${outer}-`);
}

let index: { key: DeadlineData; links: Map<string, DeadlineLink[]> } | undefined;

/** slug → links of every computed rule, in file order; built once per data load. */
function linksBySlug(): Map<string, DeadlineLink[]> {
  const data = deadlineData();
  if (index?.key === data) return index.links;
  const links = new Map<string, DeadlineLink[]>();
  for (const rule of data.rules.filter(isComputed)) {
    const list = links.get(rule.regulation) ?? [];
    list.push({ href: ruleUrl(rule.id), name: rule.name, ruleId: rule.id, clause: rule.clause });
    links.set(rule.regulation, list);
  }
  index = { key: data, links };
  return links;
}

/** Calculators for rules quoting the article or any 款/项 of it (`art-43` → meeting-materials). */
export function deadlinesForArticle(slug: string, articleId: string): DeadlineLink[] {
  return (linksBySlug().get(slug) ?? []).filter((l) => within(l.clause, articleId));
}

/** Calculators for rules quoting exactly this clause, or a part of it. */
export function deadlinesForClause(slug: string, clauseId: string): DeadlineLink[] {
  return deadlinesForArticle(slug, clauseId);
}
