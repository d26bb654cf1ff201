/**
 * Injects the large-text preference script inline into every page's <head>.
 * An integration's `head-inline` script is a classic script that runs before
 * first paint, and Astro adds its hash to the CSP <meta> itself — unlike
 * `<script is:inline>`, which the policy would block.
 */
import type { AstroIntegration } from 'astro';
import { applySavedTextSize, TEXT_SIZE_KEY } from '../scripts/text-size.ts';

export default function readingPrefs(): AstroIntegration {
  return {
    name: 'reading-prefs',
    hooks: {
      'astro:config:setup': ({ injectScript }) => {
        injectScript('head-inline', `(${applySavedTextSize.toString()})(${JSON.stringify(TEXT_SIZE_KEY)});`);
      },
    },
  };
}
