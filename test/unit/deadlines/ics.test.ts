import { describe, expect, it } from 'vitest';
import { deadlineIcs, escapeText, foldLine, type IcsDeadline } from '../../../src/helpers/deadlines/ics.ts';

const base: IcsDeadline = {
  ruleId: 'meeting-materials',
  ruleName: '区政府会议书面汇报材料报送',
  from: '2026-10-12',
  due: '2026-10-08',
  quote: '主责单位应精心准备书面汇报材料，并于会前3个工作日报送区政府办公室',
  citation: '《北京市朝阳区人民政府工作规则》第四十三条第二款',
  url: 'https://rules.chaoyang.example.gov.cn/chaoyang-government-work-rules/#art-43-p2',
  stamp: new Date('2026-10-01T02:03:04.567Z'),
};

const octets = (s: string) => new TextEncoder().encode(s).length;
/** Undo folding (RFC 5545 §3.1) and split into content lines. */
const unfold = (ics: string) => ics.replace(/\r\n /g, '').split('\r\n').slice(0, -1);
const prop = (ics: string, name: string) => unfold(ics).find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));

describe('deadlineIcs', () => {
  const ics = deadlineIcs(base);

  it('is CRLF-terminated throughout with no line over 75 octets', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const physical = ics.split('\r\n').slice(0, -1);
    for (const line of physical) expect(octets(line)).toBeLessThanOrEqual(75);
    // The Chinese description is long enough that folding must have happened.
    expect(physical.some((l) => l.startsWith(' '))).toBe(true);
  });

  it('has the required structure and an all-day event on the due date', () => {
    const lines = unfold(ics);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(prop(ics, 'PRODID')).toBeDefined();
    expect(prop(ics, 'DTSTAMP')).toBe('DTSTAMP:20261001T020304Z');
    expect(prop(ics, 'DTSTART')).toBe('DTSTART;VALUE=DATE:20261008');
    expect(prop(ics, 'DTEND')).toBe('DTEND;VALUE=DATE:20261009');
  });

  it('puts the rule name, clause quote and URL in SUMMARY and DESCRIPTION', () => {
    expect(prop(ics, 'SUMMARY')).toBe('SUMMARY:截止：区政府会议书面汇报材料报送');
    const description = prop(ics, 'DESCRIPTION')!;
    expect(description).toContain(`第四十三条第二款：“${base.quote}”`);
    expect(description).toContain(`\\n${base.url}`);
    expect(prop(ics, 'URL')).toBe(`URL:${base.url}`);
  });

  it('keeps the UID stable per rule and starting date only', () => {
    const uid = prop(ics, 'UID');
    expect(uid).toBe('UID:meeting-materials-20261012@regulations-portal');
    expect(prop(deadlineIcs({ ...base, stamp: new Date(), due: '2026-10-09' }), 'UID')).toBe(uid);
    expect(prop(deadlineIcs({ ...base, from: '2026-10-19' }), 'UID')).not.toBe(uid);
  });

  it('writes Beijing clock times as UTC, across midnight', () => {
    const timed = { ...base, ruleId: 'emergency-information', from: '2026-11-26T09:30' };
    expect(prop(deadlineIcs({ ...timed, due: '2026-11-26T14:30' }), 'DTSTART')).toBe('DTSTART:20261126T063000Z');
    expect(prop(deadlineIcs({ ...timed, due: '2026-11-27T05:00' }), 'DTSTART')).toBe('DTSTART:20261126T210000Z');
    expect(prop(deadlineIcs({ ...timed, due: '2026-11-26T14:30' }), 'DTEND')).toBeUndefined();
    expect(prop(deadlineIcs({ ...timed, due: '2026-11-26T14:30' }), 'UID')).toBe(
      'UID:emergency-information-20261126T0930@regulations-portal',
    );
  });

  it('escapes TEXT values', () => {
    const ics2 = deadlineIcs({ ...base, ruleName: 'a,b;c\\d' });
    expect(prop(ics2, 'SUMMARY')).toBe('SUMMARY:截止：a\\,b\\;c\\\\d');
  });

  it('rejects a malformed due date', () => {
    expect(() => deadlineIcs({ ...base, due: '2026/10/08' })).toThrow('无效日期');
  });
});

describe('escapeText and foldLine', () => {
  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds ASCII at exactly 75 octets, continuation lines included', () => {
    const folded = foldLine('x'.repeat(200)).split('\r\n');
    expect(folded.map((l) => l.length)).toEqual([75, 75, 52]); // 75 + 74 + 51 characters
    expect(folded.slice(1).every((l) => l.startsWith(' '))).toBe(true);
  });

  it('never splits a multi-byte character', () => {
    const line = 'DESCRIPTION:' + '规'.repeat(40) + '😀'.repeat(10);
    const folded = foldLine(line).split('\r\n');
    for (const l of folded) {
      expect(octets(l)).toBeLessThanOrEqual(75);
      expect(l).not.toMatch(/[\ud800-\udbff]$/);
    }
    // DESCRIPTION: is 12 octets; 21 three-octet characters fill 75.
    expect(folded[0]).toBe('DESCRIPTION:' + '规'.repeat(21));
    expect(folded.join('').replace(/ /g, '')).toBe(line);
  });
});
