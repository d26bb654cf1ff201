/**
 * Corpus-wide cross-reference indexes, each built at most once per process:
 *
 *  - which regulation of the portal a cited 《document》 is (by docNumber when
 *    the citation carries one, else by exact title);
 *  - the cited-documents index (`/documents/`) and the glossary (`/glossary/`);
 *  - per regulation, a map from a text node's source offset to the inline
 *    annotations (links) inside it, which `segmentText` reads.
 *
 * Complexity: one pass over every regulation's metadata (title/docNumber
 * maps), one pass over every crossref entry (citations, references,
 * abbreviations) and one regex scan per text node for abbreviation uses.
 * Lookups are hash-map or binary-search; nothing compares documents or
 * clauses pairwise, so the work is O(total text + total crossrefs · log T).
 * The per-regulation annotation maps are built lazily, on the first
 * `segmentText` call for that slug, and kept.
 */
import { getCorpus } from '../corpus/index.ts';
import { clauseIndex } from '../tree/query.ts';
import { textsWithClause } from '../tree/walk.ts';
import type { Abbreviation, Clause, Regulation, Text } from '../tree/types.ts';
import { linkIndex, type LinkIndex } from '../links/index.ts';
import { articleIdOf, clauseInWords, clauseUrl, documentsUrl, glossaryUrl, hashAnchor, regulationUrl } from './urls.ts';
import { paginateByWeight, type Page } from '../library/paging.ts';

/** The part of the corpus the xref code needs (a `Corpus` from getCorpus() fits). */
export interface CorpusLike {
  regulations: readonly { slug: string; tree: Regulation }[];
  /** The corpus's own clause lookup (getCorpus() has one): used instead of a second index of every tree. */
  clause?(slug: string, id: string): Clause | undefined;
}

export type AnnotationKind = 'abbreviation' | 'reference' | 'citation';

/** A link inside one text node; offsets are relative to `text.value`. */
export interface Annotation {
  start: number;
  end: number;
  /** The characters it covers, checked before use. */
  text: string;
  href: string;
  kind: AnnotationKind;
  title?: string;
}

export type CitationTarget =
  | { kind: 'self' }
  | { kind: 'portal'; slug: string }
  | { kind: 'external' };

export interface CitingClause {
  slug: string;
  /** Innermost clause holding the citation (`art-46-p1`, `notice`). */
  clause: string;
  /** Its article, if it sits in one. */
  article?: string;
}

export interface DocumentEdition {
  /** 发文字号 given with the citation; absent when cited by title alone. */
  docNumber?: string;
  /** Anchor on /documents/: the entry's own anchor when there is no docNumber. */
  anchor: string;
  /** The portal's copy of this edition, when it has one. */
  portalSlug?: string;
  citedBy: CitingClause[];
}

export interface DocumentEntry {
  title: string;
  anchor: string;
  /** Regulations in the portal carrying exactly this title. */
  portalSlugs: string[];
  editions: DocumentEdition[];
}

export interface GlossaryDefinition {
  short: string;
  full: string;
  slug: string;
  regulationTitle: string;
  clause: string;
  anchor: string;
}

export interface GlossaryTerm {
  short: string;
  anchor: string;
  definitions: GlossaryDefinition[];
}

export interface XrefIndex {
  corpus: CorpusLike;
  regulation(slug: string): Regulation | undefined;
  clause(slug: string, id: string): Clause | undefined;
  /** Where a citation points. `inRepealClause`: the citation sits in the sentence repealing a predecessor. */
  resolveCitation(citingSlug: string, title: string, docNumber: string | undefined, inRepealClause: boolean): CitationTarget;
  documents(): DocumentEntry[];
  glossary(): GlossaryTerm[];
  /** /documents/ and /glossary/ split into pages small enough at any library size (docs/urls.md). */
  documentPages(): Page<DocumentEntry>[];
  glossaryPages(): Page<GlossaryTerm>[];
  /** Anchor on /glossary/ of one regulation's definition of `short`. */
  glossaryAnchor(slug: string, short: string): string;
  /** text node start offset → its annotations, sorted and non-overlapping. */
  annotations(slug: string): Map<number, Annotation[]>;
}

const memo = new WeakMap<CorpusLike, XrefIndex>();

/** The index of the build's corpus (or of `corpus`), built once. */
export function xrefIndex(corpus: CorpusLike = getCorpus()): XrefIndex {
  let index = memo.get(corpus);
  if (!index) memo.set(corpus, (index = buildXrefIndex(corpus)));
  return index;
}

/** Text right after a short term that shows it is part of a longer word: 区委员会 is not 区委. */
const LONGER_WORD_AFTER = /^员会/;

function buildXrefIndex(corpus: CorpusLike): XrefIndex {
  const bySlug = new Map(corpus.regulations.map((r) => [r.slug, r.tree]));
  const byDocNumber = new Map<string, string[]>();
  const byTitle = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, key: string, slug: string) => {
    const list = map.get(key);
    if (list) list.push(slug);
    else map.set(key, [slug]);
  };
  for (const { slug, tree } of corpus.regulations) {
    if (tree.meta.docNumber) push(byDocNumber, tree.meta.docNumber, slug);
    push(byTitle, tree.meta.title, slug);
  }

  let linksCache: LinkIndex | undefined;
  const links = () => (linksCache ??= linkIndex(corpus));

  const clauseIndexes = new Map<string, Map<string, Clause>>();
  const clauses = (slug: string) => {
    let idx = clauseIndexes.get(slug);
    if (!idx) {
      const tree = bySlug.get(slug);
      idx = tree ? clauseIndex(tree) : new Map();
      clauseIndexes.set(slug, idx);
    }
    return idx;
  };

  const resolveCitation: XrefIndex['resolveCitation'] = (citingSlug, title, docNumber, inRepealClause) => {
    const own = bySlug.get(citingSlug)?.meta;
    // The repealed predecessor, cited without its number: take the number from the metadata.
    if (!docNumber && inRepealClause && own?.repeals?.title === title) {
      docNumber = own.repeals.docNumber;
      if (!docNumber) return { kind: 'external' };
    }
    if (docNumber) {
      if (own?.docNumber === docNumber) return { kind: 'self' };
      const found = byDocNumber.get(docNumber)?.filter((s) => s !== citingSlug) ?? [];
      return found.length === 1 ? { kind: 'portal', slug: found[0]! } : { kind: 'external' };
    }
    // By title or common short name, to the version in force when the citing text was made (src/links/).
    const found = links().resolveTitle(citingSlug, title);
    if (found === 'self') return { kind: 'self' };
    return found ? { kind: 'portal', slug: found } : { kind: 'external' };
  };

  const docAnchor = (title: string) => hashAnchor('d', title);
  const editionAnchor = (title: string, docNumber: string | undefined) =>
    docNumber ? hashAnchor('d', `${title}\u0000${docNumber}`) : docAnchor(title);
  const glossaryAnchor = (slug: string, short: string) => hashAnchor('g', `${slug}\u0000${short}`);

  /** Repeal sentences per regulation: the text of meta.repeals, found in a text node. */
  const inRepeal = (tree: Regulation, text: Text) => !!tree.meta.repeals && text.value.includes(tree.meta.repeals.text);

  let documentsCache: DocumentEntry[] | undefined;
  const documents = (): DocumentEntry[] => {
    if (documentsCache) return documentsCache;
    const entries = new Map<string, DocumentEntry>();
    const editions = new Map<string, DocumentEdition>();
    for (const { slug, tree } of corpus.regulations) {
      const locate = textLocator(tree);
      for (const doc of tree.crossrefs.citations) {
        for (const occ of doc.occurrences) {
          const text = locate(occ.span.start)?.text;
          const target = resolveCitation(slug, doc.title, occ.docNumber, !!text && inRepeal(tree, text));
          if (target.kind === 'self') continue;
          let docNumber = occ.docNumber;
          if (!docNumber && text && inRepeal(tree, text) && tree.meta.repeals?.title === doc.title) docNumber = tree.meta.repeals.docNumber;
          let entry = entries.get(doc.title);
          if (!entry) {
            entry = { title: doc.title, anchor: docAnchor(doc.title), portalSlugs: byTitle.get(doc.title) ?? [], editions: [] };
            entries.set(doc.title, entry);
          }
          const key = `${doc.title}\u0000${docNumber ?? ''}`;
          let edition = editions.get(key);
          if (!edition) {
            edition = {
              ...(docNumber ? { docNumber } : {}),
              anchor: editionAnchor(doc.title, docNumber),
              ...(target.kind === 'portal' ? { portalSlug: target.slug } : {}),
              citedBy: [],
            };
            editions.set(key, edition);
            entry.editions.push(edition);
          }
          const article = articleIdOf(occ.clause);
          const last = edition.citedBy.at(-1);
          if (!(last && last.slug === slug && last.clause === occ.clause)) {
            edition.citedBy.push({ slug, clause: occ.clause, ...(article ? { article } : {}) });
          }
        }
      }
    }
    const collator = new Intl.Collator('zh-Hans-CN');
    documentsCache = [...entries.values()].sort((a, b) => collator.compare(a.title, b.title));
    for (const e of documentsCache) e.editions.sort((a, b) => (a.docNumber ? 1 : 0) - (b.docNumber ? 1 : 0));
    assertUniqueAnchors(documentsCache.flatMap((e) => [e.anchor, ...e.editions.filter((x) => x.docNumber).map((x) => x.anchor)]), '引用文件索引');
    return documentsCache;
  };

  let glossaryCache: GlossaryTerm[] | undefined;
  const glossary = (): GlossaryTerm[] => {
    if (glossaryCache) return glossaryCache;
    const terms = new Map<string, GlossaryTerm>();
    for (const { slug, tree } of corpus.regulations) {
      for (const a of tree.crossrefs.abbreviations) {
        let term = terms.get(a.short);
        if (!term) terms.set(a.short, (term = { short: a.short, anchor: hashAnchor('t', a.short), definitions: [] }));
        term.definitions.push({
          short: a.short,
          full: a.full,
          slug,
          regulationTitle: tree.meta.title,
          clause: a.clause,
          anchor: glossaryAnchor(slug, a.short),
        });
      }
    }
    const collator = new Intl.Collator('zh-Hans-CN');
    glossaryCache = [...terms.values()].sort((a, b) => collator.compare(a.short, b.short));
    assertUniqueAnchors(glossaryCache.flatMap((t) => [t.anchor, ...t.definitions.map((d) => d.anchor)]), '术语表');
    return glossaryCache;
  };

  // Weights are rows of the page (a heading, a citing clause): ~250 rows stay far below the page budget.
  let documentPagesCache: Page<DocumentEntry>[] | undefined;
  const documentPages = () =>
    (documentPagesCache ??= paginateByWeight(documents(), (d) => 2 + d.editions.reduce((n, e) => n + 1 + e.citedBy.length, 0), INDEX_PAGE_ROWS));
  let glossaryPagesCache: Page<GlossaryTerm>[] | undefined;
  const glossaryPages = () => (glossaryPagesCache ??= paginateByWeight(glossary(), (t) => 1 + 3 * t.definitions.length, INDEX_PAGE_ROWS));
  let pageOfAnchor: Map<string, number> | undefined;
  const pageOf = (anchor: string): number => {
    if (!pageOfAnchor) {
      pageOfAnchor = new Map();
      for (const p of documentPages()) for (const d of p.items) for (const a of [d.anchor, ...d.editions.map((e) => e.anchor)]) pageOfAnchor.set(a, p.n);
      for (const p of glossaryPages()) for (const t of p.items) for (const a of [t.anchor, ...t.definitions.map((d) => d.anchor)]) pageOfAnchor.set(a, p.n);
    }
    return pageOfAnchor.get(anchor) ?? 1;
  };
  const documentHref = (anchor: string) => documentsUrl(anchor, pageOf(anchor));
  const glossaryHref = (anchor: string) => glossaryUrl(anchor, pageOf(anchor));

  const annotationMaps = new Map<string, Map<number, Annotation[]>>();
  const annotations = (slug: string): Map<number, Annotation[]> => {
    let map = annotationMaps.get(slug);
    if (!map) {
      const tree = bySlug.get(slug);
      map = tree ? buildAnnotations(tree, { resolveCitation, editionAnchor, glossaryAnchor, inRepeal, links: links(), titleOf: (s) => bySlug.get(s)?.meta.title ?? s, documentHref, glossaryHref }) : new Map();
      annotationMaps.set(slug, map);
    }
    return map;
  };

  return {
    corpus,
    regulation: (slug) => bySlug.get(slug),
    clause: corpus.clause ? corpus.clause.bind(corpus) : (slug, id) => clauses(slug).get(id),
    resolveCitation,
    documents,
    glossary,
    documentPages,
    glossaryPages,
    glossaryAnchor,
    annotations,
  };
}

/** Rows (headings, citing clauses, definitions) per page of /documents/ and /glossary/. */
export const INDEX_PAGE_ROWS = 250;

function assertUniqueAnchors(anchors: string[], where: string): void {
  const seen = new Set<string>();
  for (const a of anchors) {
    if (seen.has(a)) throw new Error(`${where}：锚点 ${a} 重复（散列冲突），请在 src/render/urls.ts 换用更长的散列`);
    seen.add(a);
  }
}

interface LocatedText {
  text: Text;
  clause: string;
}

/** Finds the text node holding a source offset: binary search over text nodes sorted by start. */
function textLocator(tree: Regulation): (offset: number) => LocatedText | undefined {
  const texts = textsWithClause(tree).sort((a, b) => a.text.position.start.offset - b.text.position.start.offset);
  return (offset) => {
    let lo = 0;
    let hi = texts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (texts[mid]!.text.position.start.offset <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return undefined;
    const t = texts[found]!;
    return offset < t.text.position.start.offset + t.text.value.length ? t : undefined;
  };
}

interface AnnotationContext {
  resolveCitation: XrefIndex['resolveCitation'];
  editionAnchor: (title: string, docNumber: string | undefined) => string;
  glossaryAnchor: (slug: string, short: string) => string;
  inRepeal: (tree: Regulation, text: Text) => boolean;
  links: LinkIndex;
  titleOf: (slug: string) => string;
  /** The URL of an anchor on /documents/ or /glossary/, on the page that holds it. */
  documentHref: (anchor: string) => string;
  glossaryHref: (anchor: string) => string;
}

/**
 * The annotations of every text node of one regulation.
 *
 * Priority where they would overlap (links cannot nest): cited documents,
 * then internal references, then abbreviation definitions, then uses of an
 * abbreviation. A use of an abbreviation is linked only
 *  - the first time it occurs in each clause (paragraph or item): linking
 *    every 区政府 would bury the text under links;
 *  - after its definition (以下简称 = "hereinafter"), outside the clause that
 *    defines it (that clause shows the definition);
 *  - not inside a longer name: not inside a cited title, not inside any
 *    abbreviation's full name (中共北京市朝阳区委 is not a use of 区委), not
 *    when followed by 员会 (区委员会). Longer words built on the short term
 *    (区政府办公室, 区人大常委会) do mean the defined body and are linked.
 */
function buildAnnotations(tree: Regulation, ctx: AnnotationContext): Map<number, Annotation[]> {
  const slug = tree.slug;
  const locate = textLocator(tree);
  const perText = new Map<number, Annotation[]>();
  const add = (absStart: number, absEnd: number, make: (t: LocatedText, start: number, end: number) => Omit<Annotation, 'start' | 'end' | 'text'> | undefined) => {
    const located = locate(absStart);
    if (!located) return;
    const base = located.text.position.start.offset;
    const start = absStart - base;
    const end = absEnd - base;
    if (end > located.text.value.length || end <= start) return;
    const data = make(located, start, end);
    if (!data) return;
    let list = perText.get(base);
    if (!list) perText.set(base, (list = []));
    list.push({ start, end, text: located.text.value.slice(start, end), ...data });
  };

  for (const doc of tree.crossrefs.citations) {
    for (const occ of doc.occurrences) {
      add(occ.span.start, occ.span.end, (located) => {
        const repeal = ctx.inRepeal(tree, located.text);
        const target = ctx.resolveCitation(slug, doc.title, occ.docNumber, repeal);
        if (target.kind === 'self') return undefined;
        if (target.kind === 'portal') return { kind: 'citation', href: regulationUrl(target.slug), title: `本站收录：《${doc.title}》` };
        const docNumber = occ.docNumber ?? (repeal && tree.meta.repeals?.title === doc.title ? tree.meta.repeals.docNumber : undefined);
        return { kind: 'citation', href: ctx.documentHref(ctx.editionAnchor(doc.title, docNumber)), title: `引用文件：《${doc.title}》${docNumber ? `（${docNumber}）` : ''}` };
      });
    }
  }

  // Other works' clauses (《个人所得税法》第四条, 个人所得税法第四条) and bare names (根据宪法): before
  // internal references, so 第四条 after another law's name never links to this text's 第四条.
  for (const [base, list] of ctx.links.linksIn(slug)) {
    for (const l of list) {
      if (l.marked && !l.id) continue; // 《…》 itself: linked above
      add(base + l.start, base + l.end, () => ({
        kind: 'citation',
        href: l.id ? clauseUrl(l.slug, l.id) : regulationUrl(l.slug),
        title: `《${ctx.titleOf(l.slug)}》${l.id ? safeWords(l.id) ?? '' : ''}${l.amended ? AMENDED[l.amended] : l.currentSlug ? '（引用时施行的版本）' : ''}`,
      }));
    }
  }

  // Clause words of another work (宪法第八十九条; an amending decision's 将第三条修改为) are never this text's own clauses.
  const elsewhere = new Set(ctx.links.otherWorkClauses.filter((c) => c.slug === slug).map((c) => c.text.position.start.offset + c.start));
  for (const ref of tree.crossrefs.references) {
    if (!ref.target || elsewhere.has(ref.span.start)) continue;
    const target = ref.target;
    add(ref.span.start, ref.span.end, () => {
      const words = safeWords(target);
      return { kind: 'reference', href: clauseUrl(slug, target), ...(words && words !== ref.text ? { title: words } : {}) };
    });
  }

  const abbreviations = tree.crossrefs.abbreviations;
  for (const a of abbreviations) {
    // The short term inside the definition (…（以下简称区政府）) links to the glossary.
    const located = locate(a.span.start);
    if (!located) continue;
    const base = located.text.position.start.offset;
    const from = located.text.value.lastIndexOf(a.short, a.span.end - base - a.short.length);
    if (from < a.span.start - base) continue;
    add(base + from, base + from + a.short.length, () => ({
      kind: 'abbreviation',
      href: ctx.glossaryHref(ctx.glossaryAnchor(slug, a.short)),
      title: `“${a.short}”是${a.full}的简称（见术语表）`,
    }));
  }

  if (abbreviations.length) annotateAbbreviationUses(tree, abbreviations, perText);

  for (const [key, list] of perText) perText.set(key, removeOverlaps(list));
  return perText;
}

function annotateAbbreviationUses(
  tree: Regulation,
  abbreviations: readonly Abbreviation[],
  perText: Map<number, Annotation[]>,
): void {
  const byShort = new Map(abbreviations.map((a) => [a.short, a]));
  const fulls = new Set(abbreviations.map((a) => a.full));
  // One alternation, longest first: a full name (a blocker) wins over a short term inside it.
  const words = [...new Set([...byShort.keys(), ...fulls])].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(words.map(escapeRegExp).join('|'), 'g');
  const linkedInClause = new Set<string>();
  for (const { text, clause } of textsWithClause(tree)) {
    const base = text.position.start.offset;
    const existing = perText.get(base) ?? [];
    for (const m of text.value.matchAll(pattern)) {
      const a = byShort.get(m[0]);
      if (!a) continue; // a full name: not a use of the short term
      const start = m.index;
      const end = start + m[0].length;
      // 以下简称: the short form means the body only after its definition.
      if (clause === a.clause || base + start < a.span.end) continue;
      if (LONGER_WORD_AFTER.test(text.value.slice(end, end + 2))) continue;
      const key = `${clause}\u0000${a.short}`;
      if (linkedInClause.has(key)) continue;
      if (existing.some((e) => e.start < end && start < e.end)) continue;
      linkedInClause.add(key);
      const use: Annotation = {
        start,
        end,
        text: m[0],
        kind: 'abbreviation',
        href: clauseUrl(tree.slug, a.clause),
        // The full name; the link itself leads to the definition.
        title: a.full,
      };
      if (!perText.has(base)) perText.set(base, existing);
      existing.push(use);
    }
  }
}

/** An amending statement's article: which version of the amended work the link opens. */
const AMENDED = { from: '（本决定修改前的版本）', to: '（本决定修改后的版本）' } as const;

function removeOverlaps(list: Annotation[]): Annotation[] {
  // Earlier entries have priority (citations, references, definitions, uses).
  const kept: Annotation[] = [];
  for (const a of list) {
    if (kept.some((k) => k.start < a.end && a.start < k.end)) continue;
    kept.push(a);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function safeWords(id: string): string | undefined {
  try {
    return clauseInWords(id);
  } catch {
    return undefined;
  }
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
