/**
 * The calculator page's one script (src/pages/helpers/deadlines/index.astro).
 * Event delegation on the page root: any input in a rule's form recomputes that
 * rule's answer and writes it into the URL (`?rule=&date=` / `&at=`), which is
 * read back on load so a shared link opens with the answer shown.
 *
 * Dates are Beijing dates as plain strings; compute.ts never reads the browser
 * clock or time zone. This file reads the clock only to warn of a deadline
 * already past on the day of use (as Beijing time) and for the .ics DTSTAMP.
 */
import type { ClientData, ClientRule } from './client-data.ts';
import { addDays, computeDeadline, describeDay, nextWeeklyMeeting, type DayInfo, type DeadlineResult } from './compute.ts';
import { deadlineIcs } from './ics.ts';

type Computed = Exclude<ClientRule, { kind: 'reference' }>;
type Deadline = Extract<ClientRule, { kind: 'deadline' }>;

/** What "加入日历" needs: the last answer of each form. */
interface Answer {
  rule: Deadline;
  name: string;
  from: string;
  due: string;
}

/** The month view's markers, explained under it when used. */
const LEGEND = { 起算: '起算＝输入的日期', 查询: '查询＝查询日期', 例会: '例会＝下一次例会', 第: '第N个＝数到的第 N 个工作日' };

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const num = (s: string) => Number(s);
/** 10月8日 */
const md = (d: string) => `${num(d.slice(5, 7))}月${num(d.slice(8, 10))}日`;
/** 2026年10月8日（星期四） */
const full = (day: DayInfo) => `${num(day.date.slice(0, 4))}年${md(day.date)}（${day.weekday}）`;

function init(root: HTMLElement): void {
  const data = JSON.parse(root.dataset['deadlines']!) as ClientData;
  const cal = data.calendar;
  const rules = new Map(data.rules.map((r) => [r.id, r as Computed]));
  const answers = new WeakMap<HTMLFormElement, Answer>();
  const field = (form: HTMLFormElement, name: string) => form.elements.namedItem(name) as HTMLInputElement | null;

  /** Consecutive days with the same holiday (or none: a weekend) as one phrase. */
  function runs(days: DayInfo[]): string[] {
    const groups: DayInfo[][] = [];
    for (const d of [...days].sort((a, b) => (a.date < b.date ? -1 : 1))) {
      const run = groups.at(-1);
      const last = run?.at(-1);
      if (run && last && addDays(last.date, 1) === d.date && last.name === d.name) run.push(d);
      else groups.push([d]);
    }
    return groups.map((g) => {
      const [a, z] = [g[0]!, g.at(-1)!];
      if (g.length === 1) return `${md(a.date)}（${a.weekday}${a.name ? `，${a.name}假期` : ''}）`;
      const end = a.date.slice(5, 7) === z.date.slice(5, 7) ? `${num(z.date.slice(8))}日` : md(z.date);
      return `${md(a.date)}—${end}（${a.name ? `${a.name}假期` : '周末'}，${g.length} 天）`;
    });
  }

  /** The months from `a` to `b` as calendar tables, marking the given days. */
  function months(a: string, b: string, marks: Map<string, string>): string {
    let html = '';
    for (let m = `${a.slice(0, 7)}-01`, n = 0; m <= b && n < 3; n++) {
      html += `<table class="dl-month"><caption>${num(m.slice(0, 4))}年${num(m.slice(5, 7))}月</caption><thead><tr>`;
      for (const c of '一二三四五六日') html += `<th scope="col" abbr="星期${c}">${c}</th>`;
      html += '</tr></thead><tbody><tr>';
      // Weeks start on Monday, as Chinese calendars print them.
      const lead = '一二三四五六日'.indexOf(describeDay(cal, m).weekday[2]!);
      html += '<td></td>'.repeat(lead);
      let d = m;
      for (let col = lead; d.slice(0, 7) === m.slice(0, 7); d = addDays(d, 1), col++) {
        if (col && col % 7 === 0) html += '</tr><tr>';
        const day = describeDay(cal, d);
        const mark = marks.get(d) ?? (day.name ? (day.working ? '班' : '休') : '');
        const cls = [day.working ? '' : 'off', mark && marks.has(d) ? `m-${mark === '截止' ? 'due' : mark.startsWith('第') ? 'n' : 'ev'}` : ''];
        html +=
          `<td class="${cls.join(' ').trim()}"${day.name ? ` title="${esc(day.name)}${day.working ? '调休上班' : ''}"` : ''}>` +
          `<span>${num(d.slice(8))}</span>${mark ? `<small>${mark}</small>` : ''}</td>`;
      }
      html += '</tr></tbody></table>';
      m = d;
    }
    const used = [...marks.values()].join();
    const legend = [
      '截止＝最晚日期',
      ...Object.entries(LEGEND).flatMap(([k, v]) => (used.includes(k) ? [v] : [])),
      '休＝法定节假日；班＝调休上班；灰底＝不上班的日子',
    ];
    return `<div class="dl-months">${html}</div><p class="dl-legend">表中：${legend.join('；')}。</p>`;
  }

  function uncoveredNote(years: number[]): string {
    if (years.length === 0) return '';
    // The site's data, not the State Council, is what is missing: say what the reader can do.
    return `<span class="dl-warn">本站尚未收录 ${years.join('、')} 年的法定节假日安排，本结果只扣除了周末：请对照国务院办公厅公布的当年安排核对（通常在上一年年底公布），或等本站收录后重新计算。</span>`;
  }

  /** Now in Beijing, `YYYY-MM-DDTHH:MM`: deadlines are Beijing times, whatever the device's zone. */
  function nowInBeijing(): string {
    const p = Object.fromEntries(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
        .formatToParts(new Date())
        .map((x) => [x.type, x.value]),
    );
    return `${p['year']}-${p['month']}-${p['day']}T${p['hour']}:${p['minute']}`;
  }

  /** A warning when `due` (a date, or a date and time) is already past now. */
  function pastNote(due: string): string {
    const now = nowInBeijing();
    const passed = due.length > 10 ? due < now : due < now.slice(0, 10);
    return passed ? `<span class="dl-warn dl-past">这个期限在今天（${md(now)}）之前，已经过了：请核对输入的日期，或尽快办理。</span>` : '';
  }

  function answer(rule: Computed, from: string): { due: string; text: string; detail: string; ics: Answer } {
    if (rule.kind === 'weekly-meeting') {
      const materials = rules.get(rule.materialsRule) as Deadline;
      const m = nextWeeklyMeeting(cal, from, rule.weekday, materials);
      const due = m.materials.due;
      const skipped = m.skippedMeetings.map((d) => `${full(d)}是${d.name ?? '非工作日'}，不计`);
      const marks = new Map([[from, '查询'], [m.meeting.date, '例会'], [due, '截止']]);
      return {
        due,
        text:
          `下一次例会：<strong>${full(m.meeting)}${esc(rule.time ?? '')}</strong>；汇报材料最晚 <strong>${full(m.materials.dueDay)}</strong> 报送。` +
          (m.materialsDuePassed ? '<span class="dl-warn">这次例会的材料报送期限在查询日之前，已经过了。</span>' : pastNote(due)) +
          uncoveredNote(m.uncoveredYears),
        detail:
          (skipped.length ? `<p>${skipped.join('；')}，顺延到下一个星期一。</p>` : '') +
          workingDayDetail(m.materials) +
          months(due < from ? due : from, m.meeting.date, marks),
        ics: { rule: materials, name: `${materials.name}（${md(m.meeting.date)}例会）`, from: m.meeting.date, due },
      };
    }
    const r = computeDeadline(cal, rule, from);
    const day = from.slice(0, 10);
    const marks = new Map([[day, '起算'], [r.dueDay.date, '截止']]);
    let text = `最晚：<strong>${full(r.dueDay)}${rule.unit === 'hour' ? ` ${r.due.slice(11)}（北京时间）` : ''}</strong>`;
    let detail = '';
    if (rule.unit === 'workingDay') {
      // Number the working days counted on the way to the due day, as the page's example does.
      const step = rule.direction === 'before' ? -1 : 1;
      for (let d = day, n = 0; d !== r.due; ) {
        d = addDays(d, step);
        if (describeDay(cal, d).working) marks.set(d, d === r.due ? '截止' : `第${++n}个`);
      }
      detail = workingDayDetail(r);
    } else if (rule.unit === 'day') {
      detail = '<p>按自然日计算，期间的节假日和周末照常计入。</p>';
      if (!r.dueDay.working) {
        const prev = computeDeadline(cal, { amount: 1, unit: 'workingDay', direction: 'before' }, r.due).dueDay;
        text += `<span class="dl-warn">这一天是${r.dueDay.name ? `${r.dueDay.name}假期` : '周末'}，不上班：请在此前的工作日，即 ${full(prev)} 或更早办理。</span>`;
      }
    } else {
      detail = `<p>按时钟小时连续计算，夜间和节假日不扣除：从 ${full(describeDay(cal, day))} ${from.slice(11)} 起算。</p>`;
    }
    const [a, b] = day < r.dueDay.date ? [day, r.dueDay.date] : [r.dueDay.date, day];
    return { due: r.due, text: text + pastNote(r.due) + uncoveredNote(r.uncoveredYears), detail: detail + months(a, b, marks), ics: { rule, name: rule.name, from, due: r.due } };
  }

  function workingDayDetail(r: DeadlineResult): string {
    const skipped = runs(r.skipped);
    const makeup = r.makeup.map((d) => `${md(d.date)}（${d.weekday}，${d.name ?? ''}调休上班）`);
    return (
      `<p>跳过的非工作日：${skipped.length ? esc(skipped.join('、')) : '无'}。</p>` +
      (makeup.length ? `<p>计入的调休上班日：${esc(makeup.join('、'))}。</p>` : '')
    );
  }

  /** Recompute one form; `share` writes the inputs into the URL. */
  function update(form: HTMLFormElement, share: boolean): void {
    const rule = rules.get(form.dataset['rule']!);
    const out = form.querySelector('output');
    const box = form.querySelector<HTMLElement>('.dl-result');
    if (!rule || !out || !box) return;
    const date = field(form, 'date')?.value ?? '';
    const time = field(form, 'time');
    const from = time ? (date && time.value ? `${date}T${time.value.slice(0, 5)}` : '') : date;
    // `from` is digits, `-`, `T` and `:` only: readable in the URL as is.
    if (share) history.replaceState(history.state, '', `${location.pathname}?rule=${rule.id}${from ? `&${time ? 'at' : 'date'}=${from}` : ''}`);
    answers.delete(form);
    // Printing prints the calculator in use (deadlines.css), not all of them.
    root.querySelector('[data-in-use]')?.removeAttribute('data-in-use');
    form.closest('.dl-rule')?.setAttribute('data-in-use', '');
    out.removeAttribute('data-due');
    box.hidden = true;
    if (!from) {
      out.textContent = time ? '请输入日期和时刻。' : '请输入日期。';
      return;
    }
    try {
      const a = answer(rule, from);
      out.innerHTML = a.text;
      out.dataset['due'] = a.due;
      box.innerHTML = `${a.detail}<p><button type="button" class="dl-ics" data-ics>加入日历（下载 .ics 文件）</button></p>`;
      box.hidden = false;
      answers.set(form, a.ics);
    } catch {
      out.textContent = '日期无效，请重新输入。';
    }
  }

  function download(form: HTMLFormElement): void {
    const a = answers.get(form);
    if (!a) return;
    const ics = deadlineIcs({
      ruleId: a.rule.id,
      ruleName: a.name,
      from: a.from,
      due: a.due,
      quote: a.rule.quote,
      citation: a.rule.citation,
      url: location.href,
    });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([ics], { type: 'text/calendar;charset=utf-8' }));
    link.download = `${a.rule.id}-${a.due.replace(':', '')}.ics`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  }

  const formOf = (e: Event) => (e.target as Element).closest?.('form.dl-calc') as HTMLFormElement | null;
  root.addEventListener('input', (e) => {
    const form = formOf(e);
    if (form) update(form, true);
  });
  root.addEventListener('submit', (e) => {
    e.preventDefault();
    const form = formOf(e);
    if (form) update(form, true);
  });
  root.addEventListener('click', (e) => {
    const form = (e.target as Element).closest?.('[data-ics]') && formOf(e);
    if (form) download(form);
  });

  // A shared link: fill the rule's form, show the answer, bring it into view.
  const q = new URLSearchParams(location.search);
  const form = root.querySelector<HTMLFormElement>(`form.dl-calc[data-rule="${CSS.escape(q.get('rule') ?? '')}"]`);
  if (form) {
    const at = q.get('at');
    const date = field(form, 'date');
    const time = field(form, 'time');
    if (date) date.value = q.get('date') ?? at?.slice(0, 10) ?? '';
    if (time && at) time.value = at.slice(11, 16);
    update(form, false);
    const section = form.closest<HTMLElement>('.dl-rule');
    section?.scrollIntoView({ block: 'start' });
    section?.focus({ preventScroll: true });
  }
}

// Last: the helpers above are consts, not hoisted.
const root = document.querySelector<HTMLElement>('[data-deadlines]');
if (root) init(root);
