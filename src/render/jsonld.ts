/** schema.org `Legislation` for a regulation page's <head>. */
import type { Meta } from '../tree/types.ts';
import type { Status } from './status.ts';

export function legislationJsonLd(meta: Meta, url: string, status: Status): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Legislation',
    name: meta.title,
    ...(meta.docNumber ? { legislationIdentifier: meta.docNumber } : {}),
    ...(meta.issued ? { legislationDate: meta.issued } : {}),
    ...(meta.effective?.date ? { legislationDateOfApplicability: meta.effective.date } : {}),
    ...(meta.issuer ? { legislationPassedBy: { '@type': 'GovernmentOrganization', name: meta.issuer } } : {}),
    inLanguage: 'zh-CN',
    legislationLegalForce: status === 'inForce' ? 'https://schema.org/InForce' : 'https://schema.org/NotInForce',
    url,
  };
}

/** JSON safe inside <script>: no `</script>` or `<!--` can end it early. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** schema.org `Legislation` for one article's page: the article, part of its regulation. */
export function articleJsonLd(citation: string, url: string, regulation: Record<string, unknown>): Record<string, unknown> {
  const { '@context': context, ...whole } = regulation;
  return {
    '@context': context,
    '@type': 'Legislation',
    name: citation,
    inLanguage: 'zh-CN',
    legislationLegalForce: whole['legislationLegalForce'],
    isPartOf: whole,
    url,
  };
}

/** schema.org `WebPage` for one part of a long text (src/render/text-parts.ts): a page of the regulation, not a unit of it. */
export function partJsonLd(name: string, url: string, regulation: Record<string, unknown>): Record<string, unknown> {
  const { '@context': context, ...whole } = regulation;
  return { '@context': context, '@type': 'WebPage', name, inLanguage: 'zh-CN', isPartOf: whole, url };
}
