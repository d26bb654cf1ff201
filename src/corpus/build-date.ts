/** The build date, in Beijing: status and the current version of a work depend on it. */

/** `BUILD_DATE=YYYY-MM-DD` pins it (reproducible builds, tests). */
export function buildDate(): string {
  const pinned = process.env['BUILD_DATE'];
  return pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned) ? pinned : todayInBeijing();
}

/** The calendar date in Beijing (YYYY-MM-DD): regulations take effect on Beijing dates. */
export function todayInBeijing(now: Date = new Date()): string {
  // One formatter: building one takes ~0.1 ms, and pages ask for the date thousands of times.
  beijing ??= new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
  return beijing.format(now);
}

let beijing: Intl.DateTimeFormat | undefined;
