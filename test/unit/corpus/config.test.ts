import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, portalConfig } from '../../../src/config/index.ts';

const GOOD = 'name: 某区政府规章制度库\ndescription: 某区规章全文\nsite: https://rules.example.gov.cn/\nissuer: 某区人民政府\n';

function project(config: string | undefined, folders: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'portal-config-'));
  if (config !== undefined) writeFileSync(join(dir, 'portal.config.yaml'), config);
  for (const f of folders) mkdirSync(join(dir, f), { recursive: true });
  return dir;
}

afterEach(() => {
  delete process.env['PORTAL_CONTENT'];
});

describe('portalConfig', () => {
  it('reads the site name, origin and issuer, and the content folders', () => {
    const dir = project(GOOD, ['content/regulations']);
    const config = portalConfig(dir);
    expect(config.name).toBe('某区政府规章制度库');
    expect(config.site).toBe('https://rules.example.gov.cn');
    expect(config.regulationsDir).toBe(join(dir, 'content/regulations'));
    expect(config.topicsFile).toBe(join(dir, 'content/topics.yaml'));
  });
  it('builds from another folder with PORTAL_CONTENT; a folder of texts alone is the regulations folder', () => {
    const dir = project(GOOD, ['texts/行政法规']);
    process.env['PORTAL_CONTENT'] = join(dir, 'texts');
    const config = portalConfig(dir);
    expect(config.regulationsDir).toBe(join(dir, 'texts'));
    expect(config.helpersDir).toBe(join(dir, 'texts/helpers'));
  });
  it('names the file, line and column of a bad value and of an unknown key', () => {
    const dir = project(GOOD.replace('https://rules.example.gov.cn/', 'rules.example') + 'colour: red\n');
    expect(() => portalConfig(dir)).toThrow(ConfigError);
    try {
      portalConfig(dir);
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toMatch(/^portal\.config\.yaml:3:7: site：应是完整网址/m);
      expect(message).toMatch(/^portal\.config\.yaml:5:1: /m);
    }
  });
  it('says so when the file is missing', () => {
    expect(() => portalConfig(project(undefined))).toThrow(/portal\.config\.yaml:1:1: 找不到站点配置文件/);
  });
});
