/**
 * The library listing with JavaScript: the filter form (not shown without it:
 * the static pages, per-kind and per-issuer listings serve then) filters every
 * work by kind, issuer, status, year and title words, sorted as chosen, with
 * the choices in the URL. The index (/library.json) is fetched on demand —
 * when the reader first reaches for the form, or when the URL carries filters.
 */
import { decodeLibrary, type CompactLibrary, type ListedWork } from '../library/compact.ts';
import { applyFilters, FILTER_KEYS, filtersFrom, isFiltered, searchOf, type Filters } from '../library/filter.ts';
import { formatDate } from '../render/format.ts';
import { STATUS_LABEL } from '../render/status.ts';

const SHOWN = 50;

const form = document.querySelector<HTMLFormElement>('form[data-library-filter]');
const list = document.querySelector<HTMLOListElement>('[data-entries]');
if (form && list) init(form, list);

function init(form: HTMLFormElement, list: HTMLOListElement): void {
  const pager = document.querySelector<HTMLElement>('[data-pager]');
  const count = form.querySelector<HTMLElement>('[data-count]')!;
  const more = form.ownerDocument.querySelector<HTMLButtonElement>('[data-more]')!;
  const original = [...list.childNodes];
  const originalStart = list.start;
  let works: Promise<ListedWork[]> | undefined;
  let results: ListedWork[] = [];
  let shown = 0;

  const load = (): Promise<ListedWork[]> =>
    (works ??= fetch(form.dataset['index']!)
      .then((r) => {
        if (!r.ok) throw new Error(`${r.status}`);
        return r.json() as Promise<CompactLibrary>;
      })
      .then((data) => {
        const datalist = document.getElementById(form.dataset['issuers']!);
        if (datalist) datalist.replaceChildren(...data.issuers.map((name) => Object.assign(document.createElement('option'), { value: name })));
        return decodeLibrary(data);
      }));

  const current = (): Filters => filtersFrom(new URLSearchParams(new FormData(form) as unknown as Record<string, string>));

  const run = async (filters: Filters): Promise<void> => {
    history.replaceState(null, '', `${form.getAttribute('action')}${searchOf(filters)}`);
    if (!isFiltered(filters)) {
      list.replaceChildren(...original);
      list.start = originalStart;
      if (pager) pager.hidden = false;
      more.hidden = true;
      count.textContent = '';
      return;
    }
    let all: ListedWork[];
    try {
      all = await load();
    } catch {
      works = undefined;
      count.textContent = '筛选索引未能载入，请用下方的分类、发布机关链接浏览。';
      return;
    }
    results = applyFilters(all, filters);
    shown = 0;
    list.replaceChildren();
    list.start = 1;
    if (pager) pager.hidden = true;
    count.textContent = results.length ? `找到 ${results.length} 部` : '没有符合条件的法规，请减少筛选条件。';
    showMore();
  };

  const showMore = (): void => {
    list.append(...results.slice(shown, shown + SHOWN).map(item));
    shown = Math.min(results.length, shown + SHOWN);
    more.hidden = shown >= results.length;
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  form.addEventListener('focusin', () => void load().catch(() => undefined), { once: true });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run(current());
  });
  form.addEventListener('change', () => void run(current()));
  form.addEventListener('input', (e) => {
    if (!(e.target instanceof HTMLInputElement)) return;
    clearTimeout(timer);
    timer = setTimeout(() => void run(current()), 200);
  });
  form.addEventListener('reset', () => setTimeout(() => void run(current())));
  more.addEventListener('click', showMore);

  const initial = filtersFrom(new URLSearchParams(location.search));
  if (isFiltered(initial)) {
    for (const key of FILTER_KEYS) {
      const field = form.elements.namedItem(key);
      if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = initial[key];
    }
    void run(initial);
  }
}

/** The same markup as src/components/library/EntryList.astro. */
function item(w: ListedWork): HTMLLIElement {
  const li = document.createElement('li');
  const a = Object.assign(document.createElement('a'), { href: `/regulations/${w.slug}/`, textContent: w.title });
  const p = document.createElement('p');
  p.append(Object.assign(document.createElement('span'), { textContent: w.kind }));
  if (w.issuer) p.append(Object.assign(document.createElement('span'), { textContent: w.issuer }));
  if (w.date) {
    const time = Object.assign(document.createElement('time'), { textContent: formatDate(w.date) });
    time.dateTime = w.date;
    p.append(time);
  }
  p.append(Object.assign(document.createElement('span'), { className: `status-badge status-${w.status}`, textContent: STATUS_LABEL[w.status] }));
  li.append(a, p);
  return li;
}
