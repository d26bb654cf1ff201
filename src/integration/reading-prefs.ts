/**
 * Injects the large-text preference script inline into every page's <head>.
 * An integration's `head-inline` script is a classic script that runs before
 * first paint; csp.ts lists its hash in each page's policy — unlike
 * `<script is:inline>`, which Astro's policy would block. Minified (esbuild,
 * as Vite does for bundled code): it is repeated in every page.
 */
import type { AstroIntegration } from 'astro';
import { transformSync } from 'esbuild';
import { applySavedTextSize, TEXT_SIZE_KEY } from '../scripts/text-size.ts';

/** The inline script: the function, called with the storage key. */
export function headScript(): string {
  const source = `(${applySavedTextSize.toString()})(${JSON.stringify(TEXT_SIZE_KEY)});`;
  return transformSync(source, { minify: true, loader: 'js', target: 'es2020' }).code.trim();
}

export default function readingPrefs(): AstroIntegration {
  return {
    name: 'reading-prefs',
    hooks: {
      'astro:config:setup': ({ injectScript }) => {
        injectScript('head-inline', headScript());
      },
    },
  };
}
