/** Links from a text to the library pages: its breadcrumbs (全部法规 → kind) and its kind and issuer pages. */
import { getCorpus } from '../corpus/index.ts';
import { slugOf } from '../corpus/identity.ts';
import { library } from './entries.ts';
import { issuerOf, kindOf } from './facets.ts';
import { facetUrl, LIBRARY_PATH } from './urls.ts';

export interface Crumb {
  href: string;
  text: string;
}

export interface TextFacets {
  kind?: Crumb;
  /** The issuer, with a link when the library has a page for it. */
  issuer?: { text: string; href?: string };
}

export function textFacets(slug: string): TextFacets {
  const reg = getCorpus().bySlug.get(slug);
  if (!reg) return {};
  const issuer = issuerOf(reg);
  const out: TextFacets = { kind: kindCrumb(kindOf(reg)) };
  if (issuer) {
    const page = library().issuers.find((f) => f.slug === slugOf(issuer));
    out.issuer = page ? { text: issuer, href: facetUrl('issuers', page.slug) } : { text: issuer };
  }
  return out;
}

const kindCrumb = (kind: string): Crumb => ({ href: facetUrl('kinds', slugOf(kind)), text: kind });

export function libraryCrumbs(slug: string): Crumb[] {
  const reg = getCorpus().bySlug.get(slug);
  return [{ href: LIBRARY_PATH, text: '全部法规' }, ...(reg ? [kindCrumb(kindOf(reg))] : [])];
}
