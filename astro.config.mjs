// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkClauseLinks from './src/render/remark-clause-links.ts';
import regulationsPortal from './src/integration/index.ts';
import readingPrefs from './src/integration/reading-prefs.ts';

export default defineConfig({
  site: 'https://rules.chaoyang.example.gov.cn',
  trailingSlash: 'always',
  integrations: [regulationsPortal(), readingPrefs(), mdx()],
  // Authored MDX (content/pages, content/notes): clause references in prose become
  // permalinks; a reference to a clause that does not exist fails the build.
  markdown: {
    processor: unified({ remarkPlugins: [remarkClauseLinks] }),
    // Shiki colours code with inline styles, which the CSP forbids; prose needs no highlighting.
    syntaxHighlight: false,
  },
  security: {
    // Static output: Astro writes the policy as <meta http-equiv="content-security-policy">
    // in each page's <head>, with SHA-256 hashes of the scripts and styles it bundles or
    // inlines. `<script is:inline>` and style="" attributes are NOT covered: avoid them,
    // or add their hashes to scriptDirective.hashes / styleDirective.hashes here.
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
        // 'wasm-unsafe-eval': Pagefind compiles its WebAssembly search engine in the page.
        resources: ["'self'", "'wasm-unsafe-eval'"],
      },
    },
  },
});
