/** Memory of a process tree from /proc (Linux), for the benches: a build's peak counts every child process (workers). */
import { readdirSync, readFileSync } from 'node:fs';

/** RSS of `root` and its descendants, from /proc. */
export function treeRss(root: number): { total: number; largest: number } {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      // Field 24 (rss, in pages) counted from the state field at index 0.
      rss.set(Number(name), Number(fields[21]) * 4096);
      const list = children.get(ppid);
      if (list) list.push(Number(name));
      else children.set(ppid, [Number(name)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  let largest = 0;
  const queue = [root];
  while (queue.length) {
    const pid = queue.pop()!;
    const r = rss.get(pid) ?? 0;
    total += r;
    largest = Math.max(largest, r);
    queue.push(...(children.get(pid) ?? []));
  }
  return { total, largest };
}
