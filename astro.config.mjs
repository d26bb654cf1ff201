// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  site: 'https://rules.chaoyang.example.gov.cn',
  trailingSlash: 'always',
  integrations: [mdx()],
});
