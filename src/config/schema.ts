/** The portal's configuration (`portal.config.yaml`): what a second government changes to reuse the project. */
import { z } from 'astro/zod';

export const portalConfigSchema = z.strictObject({
  /** Shown in every page's header, title and footer. */
  name: z.string().trim().min(2, '写出站点名称，如 朝阳区政府规章制度库'),
  /** The home page's description (search engines, shared links). */
  description: z.string().trim().min(4, '写一句话介绍本站'),
  /** Absolute origin the site is published at: permalinks, sitemap and shared links are built on it. */
  site: z.url({ protocol: /^https?$/, error: '应是完整网址，如 https://rules.example.gov.cn' }).refine((u) => !/[?#]/.test(u), '不要带 ? 或 #'),
  /** The government whose portal this is: its own texts get the topics and the helpers. */
  issuer: z.string().trim().min(2, '写出本级政府的全称，如 北京市朝阳区人民政府'),
  /** The content folder, relative to the project: regulations/, helpers/, pages/, notes/, topics.yaml, exclusions.yaml. */
  content: z.string().trim().min(1).default('content'),
});

export type PortalConfigInput = z.input<typeof portalConfigSchema>;
export type PortalConfigData = z.output<typeof portalConfigSchema>;
