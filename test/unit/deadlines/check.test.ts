import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ContentError } from '../../../src/data/content-error.ts';
import { parseRegulation } from '../../../src/parse/index.ts';
import { clauseIndex } from '../../../src/tree/query.ts';
import { checkDeadlines, formatUncovered, type DeadlineCorpus } from '../../../src/helpers/deadlines/check.ts';
import { deadlineData, deadlinesForArticle, deadlinesForClause, ruleUrl } from '../../../src/helpers/deadlines/index.ts';

const SLUG = 'chaoyang-government-work-rules';
const PATH = `content/regulations/${SLUG}.txt`;
const SEED = readFileSync(PATH, 'utf8');
const RULES = 'content/helpers/deadlines.yaml';
const RULES_TEXT = readFileSync(RULES, 'utf8');

/** A one-regulation corpus from (a possibly edited copy of) the seed text. */
function corpusOf(text: string): DeadlineCorpus {
  const { tree } = parseRegulation(text, { path: PATH });
  if (!tree) throw new Error('the seed copy did not parse');
  const clauses = clauseIndex(tree);
  return { regulations: [{ slug: SLUG, tree }], clause: (slug, id) => (slug === SLUG ? clauses.get(id) : undefined) };
}

const tmp = mkdtempSync(join(tmpdir(), 'deadlines-check-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Write `text` to a fresh file under the temp dir. */
let n = 0;
function tmpFile(name: string, text: string): string {
  const dir = join(tmp, String(n++));
  mkdirSync(dir);
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** The ContentError lines a call throws. */
function errorLines(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return (error as ContentError).messages;
  }
  throw new Error('expected a ContentError');
}

/** 1-based line of the first line matching `re` after the line matching `after`. */
function lineOf(text: string, after: RegExp, re: RegExp): number {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => after.test(l));
  return lines.findIndex((l, i) => i > start && re.test(l)) + 1;
}

describe('checkDeadlines', () => {
  it('passes on the seed: every quote verbatim, every time expression covered', () => {
    const result = checkDeadlines(corpusOf(SEED));
    expect(result.rules).toHaveLength(12);
    expect(result.calendar.years).toContain(2026);
    expect(result.uncovered).toEqual([]);
  });

  it('fails with file:line:column when a clause is edited under a quote', () => {
    const edited = SEED.replace('并于会前3个工作日报送区政府办公室', '并于会前5个工作日报送区政府办公室');
    expect(edited).not.toBe(SEED);
    const line = lineOf(RULES_TEXT, /id: meeting-materials$/, /^\s+quote:/);
    expect(errorLines(() => checkDeadlines(corpusOf(edited)))).toEqual([
      `${RULES}:${line}:5: 规则 meeting-materials（${SLUG}#art-43-p2）：引文未在条款原文中逐字出现（前 20 字相符，自“3个工作日报送区政府”起不符）`,
    ]);
  });

  it('fails when a quoted clause no longer exists, pointing at the rule’s clause', () => {
    const rules = tmpFile('deadlines.yaml', RULES_TEXT.replace('clause: art-69', 'clause: art-99'));
    const line = lineOf(RULES_TEXT, /id: leave-request$/, /^\s+clause:/);
    expect(errorLines(() => checkDeadlines(corpusOf(SEED), { rulesFile: rules }))).toEqual([
      `${rules}:${line}:5: 规则 leave-request（${SLUG}#art-99）：条款 ${SLUG}#art-99 不存在`,
    ]);
  });

  it('fails on an invalid rules file with its position', () => {
    const rules = tmpFile('deadlines.yaml', RULES_TEXT.replace('unit: hour', 'unit: minute'));
    const [message, ...rest] = errorLines(() => checkDeadlines(corpusOf(SEED), { rulesFile: rules }));
    expect(rest).toEqual([]);
    expect(message).toMatch(new RegExp(`^${rules.replace(/[.\\]/g, '\\$&')}:\\d+:\\d+: rules\\[4\\]\\.unit：`));
  });

  it('fails on an invalid calendar file with its position', () => {
    const dir = join(tmp, 'calendar');
    mkdirSync(dir);
    writeFileSync(join(dir, '2027.yaml'), 'year: 2027\nholidays:\n  - { name: 元旦, date: 2027-02-30 }\n');
    const lines = errorLines(() => checkDeadlines(corpusOf(SEED), { calendarDir: dir }));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/calendar\/2027\.yaml:3:\d+: holidays\[0\]\.date：应为有效日期/);
  });

  it('lists the time expressions no rule covers', () => {
    // Without the press-conference rule, art-25's "24小时内" is accounted for by nothing.
    const without = RULES_TEXT.replace(/\n {2}- id: emergency-press-conference\n[\s\S]*?(?=\n {2}- id:)/, '');
    expect(without).not.toContain('emergency-press-conference');
    const rules = tmpFile('deadlines.yaml', without);
    // And a new time limit added to article 58 by an amendment.
    const amended = SEED.replace('及时跟踪和反馈执行情况', '及时跟踪和反馈执行情况，并在10个工作日内报告');
    expect(amended).not.toBe(SEED);
    const { uncovered } = checkDeadlines(corpusOf(amended), { rulesFile: rules });
    expect(uncovered.map((x) => [x.regulation, x.clause, x.text])).toEqual([
      [SLUG, 'art-25-p1', '24小时内'],
      [SLUG, expect.stringMatching(/^art-58/), '10个工作日内'],
    ]);
    expect(formatUncovered(uncovered)[0]).toBe(
      `期限计算器未覆盖的时间表述：${SLUG}#art-25-p1“24小时内”（在 ${RULES} 中加一条规则，或在规则的 covers 中列出）`,
    );
  });
});

describe('deadlineData', () => {
  it('loads once, and again after a file changes', () => {
    const rules = tmpFile('deadlines.yaml', RULES_TEXT);
    const first = deadlineData({ rulesFile: rules });
    expect(deadlineData({ rulesFile: rules })).toBe(first);
    const later = new Date(Date.now() + 5000);
    utimesSync(rules, later, later);
    const second = deadlineData({ rulesFile: rules });
    expect(second).not.toBe(first);
    expect(second).toEqual(first);
  });
});

describe('deadlinesForArticle', () => {
  it('links an article to the calculators of the rules quoting it or its 款', () => {
    expect(deadlinesForArticle(SLUG, 'art-43')).toEqual([
      {
        href: '/helpers/deadlines/?rule=meeting-materials#rule-meeting-materials',
        name: '区政府会议书面汇报材料报送',
        ruleId: 'meeting-materials',
        clause: 'art-43-p2',
      },
    ]);
    expect(deadlinesForArticle(SLUG, 'art-25').map((l) => l.ruleId)).toEqual(['emergency-information', 'emergency-press-conference']);
    expect(deadlinesForArticle(SLUG, 'art-39').map((l) => l.href)).toEqual([ruleUrl('regular-mayor-office-meeting')]);
    // Reference-only rules have no calculator; other regulations have no rules.
    expect(deadlinesForArticle(SLUG, 'art-64')).toEqual([]);
    expect(deadlinesForArticle(SLUG, 'art-4')).toEqual([]);
    expect(deadlinesForArticle('another-regulation', 'art-43')).toEqual([]);
  });

  it('matches clauses by id, not by prefix of the number', () => {
    expect(deadlinesForArticle(SLUG, 'art-4')).toEqual([]); // not art-43
    expect(deadlinesForClause(SLUG, 'art-43-p2').map((l) => l.ruleId)).toEqual(['meeting-materials']);
    expect(deadlinesForClause(SLUG, 'art-43-p1')).toEqual([]);
  });
});
