// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import regulationsPortal from './src/integration/index.ts';

export default defineConfig({
  site: 'https://rules.chaoyang.example.gov.cn',
  trailingSlash: 'always',
  integrations: [regulationsPortal(), mdx()],
});
