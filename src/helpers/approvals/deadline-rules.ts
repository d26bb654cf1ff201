/**
 * What the approval paths need to know about the deadline calculator's rules
 * (content/helpers/deadlines.yaml, owned by the calculator): which rule ids
 * exist, and how to name a rule in a link. Read with a deliberately tolerant
 * minimal parse — validating that file is the calculator's job — so a change
 * to its other fields cannot break the approval pages.
 */
import { readFileSync } from 'node:fs';
import { contentFile } from '../../config/index.ts';
import { parse } from 'yaml';

export const DEADLINE_RULES_FILE = contentFile('helpers', 'deadlines.yaml');

export interface DeadlineRuleInfo {
  id: string;
  /** 离京外出书面请假 */
  name?: string;
  /** 离京外出前7天, 区政府常务会议或区长办公会议召开前3个工作日 — for `deadline` rules only. */
  period?: string;
}

const UNIT_WORDS: Record<string, string> = { workingDay: '个工作日', day: '天', hour: '小时' };
const DIRECTION_WORDS: Record<string, string> = { before: '前', after: '后' };

/** Thrown when the file cannot be read as a list of rules with ids. */
export class DeadlineRulesUnreadable extends Error {}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/** Rules by id, from the YAML text of deadlines.yaml. */
export function parseDeadlineRules(source: string): Map<string, DeadlineRuleInfo> {
  let data: unknown;
  try {
    data = parse(source);
  } catch (error) {
    throw new DeadlineRulesUnreadable(`YAML 语法错误：${(error as Error).message.split('\n')[0]}`);
  }
  const rules = isRecord(data) ? data['rules'] : undefined;
  if (!Array.isArray(rules)) throw new DeadlineRulesUnreadable('缺少 rules 列表');
  const out = new Map<string, DeadlineRuleInfo>();
  for (const rule of rules) {
    const id = isRecord(rule) ? str(rule['id']) : undefined;
    if (!isRecord(rule) || id === undefined) continue;
    const info: DeadlineRuleInfo = { id };
    const name = str(rule['name']);
    if (name !== undefined) info.name = name;
    const unit = UNIT_WORDS[String(rule['unit'])];
    const direction = DIRECTION_WORDS[String(rule['direction'])];
    const event = str(rule['event']);
    if (rule['kind'] === 'deadline' && typeof rule['amount'] === 'number' && unit && direction && event) {
      info.period = `${event}${direction}${rule['amount']}${unit}`;
    }
    out.set(id, info);
  }
  return out;
}

const cache = new Map<string, Map<string, DeadlineRuleInfo>>();

/** Rules by id, read once per process. Throws DeadlineRulesUnreadable (or a file-system error). */
export function deadlineRules(file = DEADLINE_RULES_FILE): Map<string, DeadlineRuleInfo> {
  let rules = cache.get(file);
  if (!rules) cache.set(file, (rules = parseDeadlineRules(readFileSync(file, 'utf8'))));
  return rules;
}
