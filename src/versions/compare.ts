/** Which compare pages are built, and the summary line of one. */
import type { Work } from '../corpus/load.ts';
import type { LoadedRegulation } from '../corpus/load.ts';
import type { Alignment } from './align.ts';

/** Consecutive versions, and each older version against the current one. */
export function comparePairs(work: Work): [LoadedRegulation, LoadedRegulation][] {
  const v = work.versions;
  const pairs: [LoadedRegulation, LoadedRegulation][] = v.slice(1).map((to, k) => [v[k]!, to]);
  const current = v.indexOf(work.current);
  for (let k = 0; k < current - 1; k++) pairs.push([v[k]!, work.current]);
  return pairs;
}

/** `修改 23 条 · 新增 9 条 · 删除 0 条 · 移动 0 条 · 仅条号改变 34 条 · 未改变 12 条`. */
export function summaryParts(a: Alignment): { key: string; label: string; count: number }[] {
  const c = a.counts;
  return [
    { key: 'changed', label: '修改', count: c.changed },
    { key: 'added', label: '新增', count: c.added },
    { key: 'removed', label: '删除', count: c.removed },
    { key: 'moved', label: '移动', count: c.moved },
    { key: 'renumbered', label: '仅条号改变', count: c.renumbered },
    { key: 'same', label: '未改变', count: c.same },
  ];
}
