/**
 * Authored content, rendered with @astrojs/mdx through the unified() processor
 * of astro.config.mjs (remark plugin src/render/remark-clause-links.ts):
 *  - pages: content/pages/<id>.mdx → /<id>/ (about, how-to-cite, deadlines-counting);
 *  - notes: interpretation notes (政策解读) content/notes/<slug>.mdx → /notes/<slug>/,
 *    attached to the clauses named in their frontmatter.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { portalConfig } from './config/index.ts';

// From the configured content folder (portal.config.yaml, PORTAL_CONTENT): the authored
// pages cite its regulations' clauses. A content folder without them has none.
const { pagesDir: PAGES_DIR, notesDir: NOTES_DIR } = portalConfig();

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const pages = defineCollection({
  loader: glob({ pattern: '*.mdx', base: PAGES_DIR }),
  schema: z.object({
    title: z.string().min(1),
    description: z.string().min(1),
    /** The regulation a bare 第X条 in the page refers to (optional with one regulation). */
    regulation: z.string().optional(),
    /** Order in the list of pages; lower first. */
    order: z.number().int().default(100),
  }),
});

const notes = defineCollection({
  loader: glob({ pattern: '*.mdx', base: NOTES_DIR }),
  schema: z.object({
    title: z.string().min(1),
    /** Slug of the regulation the note interprets. */
    regulation: z.string().min(1),
    /** Clause ids it attaches to: `art-43-p2`. Checked against the text at build time. */
    clauses: z.array(z.string().min(1)).min(1),
    /** Quote it: '2026-10-01'. */
    date: z.string().regex(ISO_DATE, '日期写作带引号的 YYYY-MM-DD'),
    summary: z.string().min(1),
  }),
});

export const collections = { pages, notes };
