/** `/library.json`: every work's title, kind, issuer, date and status, compact (src/library/compact.ts), for the listing's filters. */
import { library } from '../library/entries.ts';
import { encodeLibrary } from '../library/compact.ts';

export function GET(): Response {
  const lib = library();
  const data = encodeLibrary(
    lib.entries.map((e) => ({ slug: e.slug, title: e.title, kind: e.kind, ...(e.issuer ? { issuer: e.issuer } : {}), date: e.date ?? '', status: e.status })),
    lib.kinds.map((k) => k.name),
    lib.issuers.map((i) => i.name),
  );
  return new Response(JSON.stringify(data), { headers: { 'content-type': 'application/json; charset=utf-8' } });
}
