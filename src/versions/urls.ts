/**
 * URLs of versions (docs/urls.md, "Works and versions"): the dated URL of
 * every version (for the current one, a permalink that forwards to the bare
 * work URL while it is current), the compare page of two versions, a work's
 * version list as JSON and the change feeds.
 */
interface Versioned {
  work: string;
  version?: string;
}

/** `/regulations/<work>/<YYYY-MM-DD>/`: as of that version, whichever is current. */
export function datedUrl(v: Versioned): string | undefined {
  return v.version ? `/regulations/${v.work}/${v.version}/` : undefined;
}

/** `/regulations/<work>/compare/<from>/<to>/`. */
export function compareUrl(from: Versioned, to: Versioned): string {
  return `/regulations/${from.work}/compare/${from.version}/${to.version}/`;
}

/** `/regulations/<work>/versions.json`. */
export function versionsJsonUrl(work: string): string {
  return `/regulations/${work}/versions.json`;
}

/** `/feeds/changes.xml` for the whole library, `/feeds/<kind>.xml` per kind of change. */
export function feedUrl(kind?: string): string {
  return `/feeds/${kind ?? 'changes'}.xml`;
}

