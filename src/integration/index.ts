/**
 * The portal's Astro integration. Before Astro renders anything it parses
 * every regulation and checks every data file that cites them; any error
 * stops the build with file:line:column messages and removes the output
 * folder, so a wrong or partial site is never published.
 */
import { rmSync } from "node:fs";
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { getCorpus } from '../corpus/index.ts';
import { ContentError } from '../corpus/load.ts';

export default function regulationsPortal(): AstroIntegration {
  return {
    name: 'regulations-portal',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        try {
          const corpus = getCorpus();
          for (const warning of corpus.warnings) logger.warn(warning);
          logger.info(`已解析 ${corpus.regulations.length} 部法规`);
        } catch (error) {
          // Astro prints the error; removing the output keeps a stale site from being deployed.
          if (error instanceof ContentError) rmSync(fileURLToPath(config.outDir), { recursive: true, force: true });
          throw error;
        }
      },
    },
  };
}
