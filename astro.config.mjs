// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import remarkClauseLinks from './src/render/remark-clause-links.ts';
import regulationsPortal from './src/integration/index.ts';
import readingPrefs from './src/integration/reading-prefs.ts';
import { portalConfig } from './src/config/index.ts';

export default defineConfig({
  // Name, origin, issuer and content folder: portal.config.yaml (src/config/).
  site: portalConfig().site,
  trailingSlash: 'always',
  // Reuse unchanged pages of the previous build: each regulation's pages carry a cacheKey
  // (src/render/cache-keys.ts). Leave build.concurrency at 1: above it Astro disables this.
  experimental: { incrementalBuild: true },
  // sitemap: /sitemap-index.xml and /sitemap-<n>.xml, at most 45,000 URLs per file (the
  // protocol allows 50,000), so a large library splits itself; robots.txt points to it.
  integrations: [regulationsPortal(), readingPrefs(), mdx(), sitemap({ filter: (url) => !url.endsWith('/404/') && !url.endsWith('/404.html') })],
  // Authored MDX (content/pages, content/notes): clause references in prose become
  // permalinks; a reference to a clause that does not exist fails the build.
  markdown: {
    processor: unified({ remarkPlugins: [remarkClauseLinks] }),
    // Shiki colours code with inline styles, which the CSP forbids; prose needs no highlighting.
    syntaxHighlight: false,
  },
  vite: {
    build: {
      // Keep dist/ between builds: the incremental build then leaves unchanged pages in place
      // instead of copying every cached page back; what a build no longer writes is pruned
      // after it (src/integration/prune-dist.ts).
      emptyOutDir: false,
      rolldownOptions: {
        // Astro marks every MDX module with its own "use astro:head-inject" directive, and
        // the bundler warns that it may drop it (it does, harmlessly: Astro reads it before
        // bundling). Only that warning is dropped; every other log passes through.
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('"use astro:head-inject"')) return;
          handler(level, log);
        },
      },
    },
  },
  security: {
    // Static output: Astro writes the policy as <meta http-equiv="content-security-policy">
    // in each page's <head>, with SHA-256 hashes of the scripts and styles it bundles or
    // inlines — all of the site's, on every page; after the build src/integration/csp.ts
    // narrows each page's list to that page's own inline <script>/<style>. style=""
    // attributes are never allowed: avoid them.
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        // frame-ancestors/report-uri/sandbox are ignored in a <meta> policy (and
        // Chromium logs an error for them), so they belong in server headers, not here.
      ],
      scriptDirective: {
        // Listing any resource replaces Astro's default 'self', so repeat it.
        resources: ["'self'"],
      },
    },
  },
});
