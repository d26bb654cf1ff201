/** Small display formatters shared by pages. */

/** `2023-04-06` → `2023年4月6日`, as dates are printed in official documents. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** The first `max` characters of a text, cut at a sentence mark when one is near the end. */
export function excerpt(text: string, max = 100): string {
  const flat = text.replace(/\s+/g, '');
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const stop = Math.max(cut.lastIndexOf('。'), cut.lastIndexOf('；'), cut.lastIndexOf('，'));
  return (stop >= max * 0.6 ? cut.slice(0, stop) : cut) + '……';
}
