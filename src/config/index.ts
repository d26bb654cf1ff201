/**
 * Loading the portal's configuration: `portal.config.yaml` at the project
 * root, validated (file:line:column problems), and the folders it implies.
 * `PORTAL_CONTENT=<folder>` builds from another content folder for one run
 * (a user's own library, or the bench's); a folder with no `regulations/`
 * inside is taken as the regulations folder itself.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseYaml, YamlFileError } from '../data/yaml-file.ts';
import { portalConfigSchema, type PortalConfigData } from './schema.ts';

export const CONFIG_FILE = 'portal.config.yaml';

export interface PortalConfig extends Omit<PortalConfigData, 'content'> {
  /** Absolute paths. */
  contentDir: string;
  regulationsDir: string;
  helpersDir: string;
  calendarDir: string;
  pagesDir: string;
  notesDir: string;
  topicsFile: string;
  exclusionsFile: string;
  /** How the content folder is shown in messages (relative to the project when inside it). */
  shown: (path: string) => string;
}

/** A file of the content folder, as shown in messages (relative to the project when inside it). */
export function contentFile(...parts: string[]): string {
  const config = portalConfig();
  return config.shown(join(config.contentDir, ...parts));
}

export class ConfigError extends Error {
  readonly hint = `改正 ${CONFIG_FILE} 中所列的项后重新构建`;
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const KEY = Symbol.for('regulations-portal/config');

/** The configuration of the project at `root` (default: the working directory); read once per process. */
export function portalConfig(root = process.cwd()): PortalConfig {
  const g = globalThis as { [KEY]?: Map<string, PortalConfig> };
  g[KEY] ??= new Map();
  const key = `${root}\0${process.env['PORTAL_CONTENT'] ?? ''}`;
  const hit = g[KEY].get(key);
  if (hit) return hit;
  const config = load(root);
  g[KEY].set(key, config);
  return config;
}

function load(root: string): PortalConfig {
  const file = join(root, CONFIG_FILE);
  if (!existsSync(file)) throw new ConfigError(`${CONFIG_FILE}:1:1: 找不到站点配置文件 ${CONFIG_FILE}（站点名称、网址、发布机关、内容文件夹）`);
  let data: PortalConfigData;
  try {
    data = parseYaml(CONFIG_FILE, readFileSync(file, 'utf8'), portalConfigSchema, undefined, { point: 'value' });
  } catch (error) {
    if (error instanceof YamlFileError) throw new ConfigError(error.message);
    throw error;
  }
  const contentDir = resolve(root, process.env['PORTAL_CONTENT'] || data.content);
  const nested = join(contentDir, 'regulations');
  const regulationsDir = existsSync(nested) && statSync(nested).isDirectory() ? nested : contentDir;
  const { content: _content, ...rest } = data;
  return {
    ...rest,
    site: data.site.replace(/\/+$/, ''),
    contentDir,
    regulationsDir,
    helpersDir: join(contentDir, 'helpers'),
    calendarDir: join(contentDir, 'calendar'),
    pagesDir: join(contentDir, 'pages'),
    notesDir: join(contentDir, 'notes'),
    topicsFile: join(contentDir, 'topics.yaml'),
    exclusionsFile: join(contentDir, 'exclusions.yaml'),
    shown: (path) => {
      const rel = relative(root, path);
      return rel && !rel.startsWith('..') ? rel.split('\\').join('/') : path;
    },
  };
}
