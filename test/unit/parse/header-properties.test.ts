/**
 * Property test (fast-check): a generated header — a title, then history lines
 * in the corpus style, some run together on one line (`…通过根据<date>…修正`),
 * some wrapped in the middle — always gives the title exactly, one event per
 * generated event in order with its date and kind, each positioned where it is
 * printed; the fidelity guarantee holds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRegulation } from '../../../src/parse/index.ts';
import type { HistoryEventKind } from '../../../src/tree/types.ts';
import { fidelityViolation } from './helpers.ts';

const TITLES = ['地质资料管理条例', '中华人民共和国外商投资法', '浙江省渔业管理条例', '最高人民法院关于审理人身损害赔偿案件适用法律若干问题的解释'];
const EVENTS: { words: string; event: HistoryEventKind }[] = [
  { words: '第十三届全国人民代表大会常务委员会第十二次会议通过', event: '通过' },
  { words: '中华人民共和国国务院令第713号公布', event: '公布' },
  { words: '国务院第39次常务会议修订通过', event: '修订' },
  { words: '《国务院关于修改部分行政法规的决定》第一次修订', event: '修订' },
  { words: '浙江省第十二届人民代表大会常务委员会第七次会议《关于修改〈浙江省人才市场管理条例〉等八件地方性法规的决定》第二次修正', event: '修正' },
  { words: '山东省第十三届人民代表大会常务委员会第十次会议批准', event: '批准' },
  { words: '施行', event: '施行' },
];

const event = fc.record({
  year: fc.integer({ min: 1980, max: 2024 }),
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 28 }),
  what: fc.constantFrom(...EVENTS),
  /** Run on from the previous event's line (`…根据<date>…`) instead of a line of its own. */
  joined: fc.boolean(),
  /** Wrap this event's line after so many characters of its words (0: no wrap). */
  wrapAt: fc.integer({ min: 0, max: 12 }),
});

describe('generated headers', () => {
  it('give the title, every event in order with its date and kind, positioned where printed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TITLES), fc.array(event, { minLength: 1, maxLength: 8 }), (title, events) => {
        const lines: string[] = [];
        events.forEach((e, k) => {
          const date = `${e.year}年${e.month}月${e.day}日`;
          const words = e.wrapAt > 0 && e.wrapAt < e.what.words.length - 2 ? `${e.what.words.slice(0, e.wrapAt)}\n${e.what.words.slice(e.wrapAt)}` : e.what.words;
          if (e.joined && k > 0) lines[lines.length - 1] += `根据${date}${words}`;
          else lines.push(`${date} ${words}`);
        });
        const text = `${title}\n${lines.join('\n')}\n第一条　为了规范管理，制定本条例。\n`;
        const { tree, problems, source } = parseRegulation(text, { path: 'x.txt' });
        expect(problems).toEqual([]);
        const meta = tree!.meta;
        expect(meta.title).toBe(title);
        const iso = (e: (typeof events)[number]) => `${e.year}-${String(e.month).padStart(2, '0')}-${String(e.day).padStart(2, '0')}`;
        expect((meta.history ?? []).map((h) => `${h.date} ${h.event}`)).toEqual(events.map((e) => `${iso(e)} ${e.what.event}`));
        for (const h of meta.history!) {
          expect(source!.slice(h.position!.start.offset, h.position!.end.offset).replace(/\n/g, '')).toBe(h.text);
          expect(h.text.endsWith(h.event === '施行' ? '施行' : h.text.slice(-2))).toBe(true);
        }
        expect(fidelityViolation(tree!, source!)).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
});
